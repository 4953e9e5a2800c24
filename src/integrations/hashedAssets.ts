// After the build (and after the embeds and redirects are written): every script and stylesheet
// the pages load from public/ gets a copy named by its content (chart-menu.js → chart-menu.<hash>.js)
// and every page's <script src>/<link href> points at the copy, so hosts can cache them for a
// year (README, Deploying) and a changed file is never served stale. The files in public/ stay
// as they are, and so do the originals in dist/: embed.js in particular, which snippets pasted on
// other sites load by its plain name. Only tags are rewritten, never text (the embed snippets
// shown on pages are escaped text and keep the plain name).
//
// /explore/ also gets <link rel="modulepreload"> for the engine's module (Vite's chunk for
// src/explore/engine.ts and the chunks it imports), so the HTML starts that download during parsing.
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The scripts and stylesheets in public/ that pages load. */
export const PUBLIC_ASSETS = ['chart-menu.js', 'source.js', 'search.js', 'embed.js', 'embed-frame.js', 'embed.css', 'redirect.js'];

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function hashedName(name: string, bytes: Buffer): string {
  const ext = extname(name);
  return `${basename(name, ext)}.${createHash('sha256').update(bytes).digest('hex').slice(0, 10)}${ext}`;
}

/** Folders of dist/ that hold no pages: the published data, the engine, Vite's output. */
const NO_PAGES = new Set(['data', 'sources', 'explore-assets', '_astro', 'pagefind']);

function* htmlFiles(dir: string, top = true): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (!(top && NO_PAGES.has(e.name))) yield* htmlFiles(p, false);
    } else if (e.name.endsWith('.html')) yield p;
  }
}

/** Chunks a module imports statically (Vite writes `from"./x.js"` and `import"./x.js"`), itself first. */
export function staticChunks(astroDir: string, file: string, seen = new Set<string>()): string[] {
  if (seen.has(file) || !existsSync(join(astroDir, file))) return [...seen];
  seen.add(file);
  const code = readFileSync(join(astroDir, file), 'utf8');
  for (const m of code.matchAll(/(?:\bfrom|\bimport)\s*["'`]\.\/([\w.-]+\.js)["'`]/g)) staticChunks(astroDir, m[1]!, seen);
  return [...seen];
}

/**
 * The engine's chunks, as /explore/'s module names them (Vite calls the chunk after engine.ts):
 * engine.ts, what it imports, and DuckDB-WASM's own module, which it imports when it boots.
 */
export function engineChunks(astroDir: string, pageModule: string): string[] {
  const code = readFileSync(join(astroDir, pageModule), 'utf8');
  const engine = /\b(engine\.[\w-]+\.js)\b/.exec(code)?.[1];
  if (!engine) throw new Error(`hashed-assets: /explore/'s module ${pageModule} does not import an engine chunk (engine.<hash>.js): was src/explore/engine.ts renamed?`);
  const seen = new Set([pageModule]);
  const chunks = staticChunks(astroDir, engine, seen);
  const duckdb = /["'`]\.\/(duckdb-browser\.[\w-]+\.js)["'`]/.exec(readFileSync(join(astroDir, engine), 'utf8'))?.[1];
  if (duckdb) staticChunks(astroDir, duckdb, seen);
  return [...seen].filter((c) => c !== pageModule);
}

export function rewritePage(html: string, base: string, names: Map<string, string>): string {
  let out = html;
  for (const [plain, hashed] of names) {
    const attr = plain.endsWith('.css') ? 'href' : 'src';
    const tag = plain.endsWith('.css') ? 'link' : 'script';
    out = out.replace(new RegExp(`(<${tag}\\b[^>]*\\b${attr}=")${escapeRe(base + plain)}(")`, 'g'), `$1${base}${hashed}$2`);
  }
  return out;
}

export function hashedAssets(): AstroIntegration {
  let base = '/';
  return {
    name: 'budget-lens-hashed-assets',
    hooks: {
      'astro:config:done': ({ config }) => { base = config.base.replace(/\/?$/, '/'); },
      'astro:build:done': ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const names = new Map<string, string>();
        for (const name of PUBLIC_ASSETS) {
          const file = join(out, name);
          if (!existsSync(file)) continue;
          const hashed = hashedName(name, readFileSync(file));
          copyFileSync(file, join(out, hashed));
          names.set(name, hashed);
        }
        let pages = 0;
        for (const file of htmlFiles(out)) {
          const html = readFileSync(file, 'utf8');
          let next = rewritePage(html, base, names);
          if (file === join(out, 'explore', 'index.html')) {
            const module = new RegExp(`<script type="module" src="${escapeRe(base)}_astro/([\\w.-]+\\.js)"`).exec(next)?.[1];
            if (!module) throw new Error('hashed-assets: dist/explore/index.html has no module script');
            const links = engineChunks(join(out, '_astro'), module).map((c) => `<link rel="modulepreload" href="${base}_astro/${c}">`).join('');
            next = next.replace('</head>', `${links}</head>`);
          }
          if (next !== html) {
            writeFileSync(file, next);
            pages++;
          }
        }
        logger.info(`${names.size} scripts and stylesheets of public/ under content-hashed names, ${pages} pages rewritten`);
      },
    },
  };
}
