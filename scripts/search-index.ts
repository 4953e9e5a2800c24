// Build step for /search/: the full-text index (Pagefind) of the built site, in dist/pagefind/.
//   node scripts/search-index.ts [--site dist]
// Runs after `astro build` (the last step of the `build` script). Pagefind reads the built HTML,
// splits Chinese into words, and writes an index in chunks: a search in the browser loads
// pagefind.js, its WebAssembly, the entry and meta files and only the index chunks and page
// fragments its words need. Everything is served from the site itself: no CDN, no other origin.
//
// What is searchable:
//   pages    every built page except those marked <meta name="robots" content="noindex">: the
//            redirects left at former addresses, the chart embeds, and /search/ itself.
//   content  each page's <main> (not the header, navigation or footer), without the parts below.
//            Any element marked data-pagefind-ignore is left out as well.
//   left out the line-numbered disclosure text on /source/<doc_id>/ (pre.src): it would nearly
//            double the index and make a hit on a source page load its whole text (up to ~120 KB
//            gzipped) for an excerpt; every project, indicator and figure in it is searchable on
//            the place, topic and drill-down pages, each linked to its line. The title, facts and
//            table of contents of a source page stay searchable. Also left out: SQL (under the
//            drill-down levels, in the editor), the chart tools (embed code, citations), breadcrumbs.
// Pagefind's own search UIs (pagefind-ui.js, the component and modular UIs, the highlighter) are not
// written: /search/ has its own small interface (public/search.js) on Pagefind's JS API.
import { close, createIndex } from 'pagefind';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Elements inside <main> that a reader would not search for. */
export const EXCLUDE_SELECTORS = [
  'pre.src', // the disclosure's text, line by line (/source/<doc_id>/)
  '.sql-block', // the SQL behind each drill-down level
  '.sql-editor', // the editor's query on /explore/
  '.chart-menu', // embed code, downloads, citations of each chart
  '.breadcrumb',
];

/** Files of the bundle that /search/ uses; Pagefind's prebuilt UIs are left out. */
export function shipped(path: string): boolean {
  return !/^pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)$/.test(path);
}

/** A page the site search should hold: not a redirect, an embed or another noindex page. */
export function searchable(html: string): boolean {
  return !/<meta\s+name=["']?robots["']?\s+content=["'][^"']*noindex/i.test(html);
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return htmlFiles(p);
    return e.name.endsWith('.html') ? [p] : [];
  });
}

function sizeOf(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((n, e) => {
    const p = join(dir, e.name);
    return n + (e.isDirectory() ? sizeOf(p) : statSync(p).size);
  }, 0);
}

export interface SearchIndexStats { pages: number; skipped: number; files: number; bytes: number; ms: number }

export async function buildSearchIndex(site: string): Promise<SearchIndexStats> {
  const start = performance.now();
  if (!existsSync(join(site, 'index.html'))) throw new Error(`${site}/index.html not found: run \`astro build\` first.`);
  const out = join(site, 'pagefind');
  rmSync(out, { recursive: true, force: true });

  const { index, errors } = await createIndex({ rootSelector: 'main', excludeSelectors: EXCLUDE_SELECTORS });
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
  try {
    let pages = 0;
    let skipped = 0;
    for (const file of htmlFiles(site).filter((f) => !f.startsWith(out + sep)).sort()) {
      const html = readFileSync(file, 'utf8');
      if (!searchable(html)) {
        skipped++;
        continue;
      }
      // Pagefind splits Chinese into words by the page's language: every page must say zh-CN.
      if (!/<html[^>]*\slang="zh-CN"/.test(html)) throw new Error(`${relative(site, file)}: <html lang="zh-CN"> expected`);
      const added = await index.addHTMLFile({ sourcePath: relative(site, file), content: html });
      if (added.errors.length > 0) throw new Error(`${relative(site, file)}: ${added.errors.join('; ')}`);
      pages++;
    }

    const written = await index.getFiles();
    if (written.errors.length > 0) throw new Error(`pagefind: ${written.errors.join('; ')}`);
    let files = 0;
    for (const f of written.files) {
      if (!shipped(f.path)) continue;
      mkdirSync(dirname(join(out, f.path)), { recursive: true });
      writeFileSync(join(out, f.path), f.content);
      files++;
    }

    // One index, in Chinese, holding every searchable page.
    const entry = JSON.parse(readFileSync(join(out, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    const langs = Object.entries(entry.languages);
    if (langs.length !== 1 || langs[0]![0] !== 'zh-cn' || langs[0]![1].page_count !== pages) {
      throw new Error(`pagefind: expected one zh-cn index of ${pages} pages, got ${JSON.stringify(entry.languages)}`);
    }
    return { pages, skipped, files, bytes: sizeOf(out), ms: performance.now() - start };
  } finally {
    await close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { site: { type: 'string', default: join(ROOT, 'dist') } } });
  const s = await buildSearchIndex(resolve(values.site!));
  console.log(`search index: ${s.pages} pages (${s.skipped} noindex pages left out), ${s.files} files, ${(s.bytes / 1024).toFixed(0)} KB in ${relative(ROOT, resolve(values.site!, 'pagefind')) || 'pagefind'}/, ${(s.ms / 1000).toFixed(1)} s`);
}
