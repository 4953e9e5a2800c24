// The site published under a sub-path (issue 13, item 1): `astro build` with
// SITE_URL=https://news.example.cn/data/lens/ into a temporary directory (about 4 s), then every
// internal href and src in its HTML resolves to a file of that build, under /data/lens/; embed
// snippets, canonical links and citations are absolute under the given URL; nothing names the
// placeholder host or says "local preview". Needs public/data and public/explore-assets
// (`npm run build` makes them; `npm test` builds first).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parseHTML } from 'linkedom';
import { ROOT } from '../e2e/browser.ts';
import { siteLocation } from '../../src/lib/site.ts';

const SITE_URL = 'https://news.example.cn/data/lens/';
const { site, base } = siteLocation(SITE_URL);
const ZZ_CHART = 'zhengzhou-2024-rlzyhshbzj-budget-three-public';

const tmp = mkdtempSync(join(tmpdir(), 'budget-lens-subpath-'));
const OUT = join(tmp, 'dist');
let build: { status: number | null; stderr: string; stdout: string; ms: number };

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? files(p) : [p];
  });
}

/** The file a URL of the site is served from: its path under the base, a directory's index.html. */
function served(url: URL): string | undefined {
  if (url.origin !== new URL(site!).origin || !url.pathname.startsWith(base)) return undefined;
  const p = join(OUT, decodeURIComponent(url.pathname.slice(base.length)));
  if (existsSync(p) && statSync(p).isFile()) return p;
  const index = join(p, 'index.html');
  return existsSync(index) ? index : undefined;
}

before(() => {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--outDir', OUT], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
    // Its own chart registry, so that it never mixes with another build's.
    env: { ...process.env, SITE_URL, BUDGET_LENS_CHART_REGISTRY: join(tmp, 'chart-registry.jsonl') },
  });
  build = { status: r.status, stderr: r.stderr ?? '', stdout: r.stdout ?? '', ms: performance.now() - t0 };
});

after(() => rmSync(tmp, { recursive: true, force: true }));

describe(`astro build with SITE_URL=${SITE_URL}`, () => {
  test('builds, and does not call itself a local preview', () => {
    assert.equal(build.status, 0, `astro build failed:\n${build.stderr}\n${build.stdout.slice(-2000)}`);
    assert.ok(existsSync(join(OUT, 'index.html')));
    assert.doesNotMatch(build.stderr, /SITE_URL is not set/);
    console.log(`# sub-path build: ${Math.round(build.ms)} ms`);
  });

  test('every internal href and src in the HTML resolves to a file of the build, under the sub-path', () => {
    const pages = files(OUT).filter((f) => f.endsWith('.html'));
    assert.ok(pages.length > 30, `${pages.length} pages`);
    let checked = 0;
    for (const file of pages) {
      const name = relative(OUT, file);
      const { document } = parseHTML(readFileSync(file, 'utf8'));
      // The page's own URL, as a reader's browser has it: relative references resolve against it.
      const pageUrl = new URL(name.replace(/(^|\/)index\.html$/, '$1'), site!);
      for (const el of document.querySelectorAll('[href], [src], [data-svg]')) {
        for (const attr of ['href', 'src', 'data-svg']) {
          const ref = el.getAttribute(attr);
          if (ref === null || ref === '' || /^(#|data:|mailto:|blob:)/.test(ref)) continue;
          const url = new URL(ref, pageUrl);
          // A link the reader chooses to follow (a licence text) is not part of the site.
          if (el.localName === 'a' && /\b(license|external)\b/.test(el.getAttribute('rel') ?? '') && url.origin !== pageUrl.origin) continue;
          assert.equal(url.origin, pageUrl.origin, `${name}: ${attr}="${ref}" leaves the site`);
          assert.ok(url.pathname.startsWith(base), `${name}: ${attr}="${ref}" is outside ${base}`);
          assert.ok(served(url), `${name}: ${attr}="${ref}" does not resolve to a file of the build`);
          checked++;
        }
      }
    }
    assert.ok(checked > 1000, `${checked} references checked`);
  });

  test('the explorer fetches its engine and tables under the base', () => {
    const { document } = parseHTML(readFileSync(join(OUT, 'explore', 'index.html'), 'utf8'));
    const dataBase = document.querySelector('#explorer')?.getAttribute('data-base');
    assert.equal(dataBase, base);
    const manifest = JSON.parse(document.querySelector('#explorer-manifest')?.textContent ?? '{}') as { wasm: { path: string }; worker: { path: string }; tables: Array<{ csv: string }> };
    for (const path of [manifest.wasm.path, manifest.worker.path, ...manifest.tables.map((t) => t.csv)]) {
      assert.ok(served(new URL(`${dataBase}${path}`, site!)), `${dataBase}${path}`);
    }
  });

  test('embed snippets, canonical links and citations are absolute under SITE_URL', () => {
    const { document } = parseHTML(readFileSync(join(OUT, 'city', 'zhengzhou', 'index.html'), 'utf8'));
    // linkedom leaves a textarea's character references as they are.
    const snippet = (document.querySelector(`#${ZZ_CHART}-snippet`)?.textContent ?? '').replace(/&(lt|gt|quot|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', amp: '&' })[e]!);
    assert.ok(snippet.includes(`<iframe src="${SITE_URL}embed/${ZZ_CHART}/"`), snippet);
    assert.ok(snippet.includes(`<script src="${SITE_URL}embed.js" async>`), snippet);
    assert.ok(served(new URL(`${SITE_URL}embed/${ZZ_CHART}/`)), 'the snippet’s page is in the build');
    const cited = document.querySelector(`#${ZZ_CHART} .chart-menu-cite`)?.textContent ?? '';
    assert.ok(cited.includes(`${SITE_URL}city/zhengzhou/#${ZZ_CHART}`) && cited.includes(`${SITE_URL}data/`), cited);
    assert.ok(cited.includes('郑州市人力资源和社会保障局') && cited.includes('2024'), cited);
    const embed = parseHTML(readFileSync(join(OUT, 'embed', ZZ_CHART, 'index.html'), 'utf8')).document;
    assert.equal(embed.querySelector('link[rel="canonical"]')?.getAttribute('href'), `${SITE_URL}city/zhengzhou/#${ZZ_CHART}`);
    assert.ok((embed.querySelector('.chart-cite')?.textContent ?? '').includes(`${SITE_URL}data/`));
    const data = readFileSync(join(OUT, 'data', 'index.html'), 'utf8');
    assert.ok(data.includes(`${SITE_URL}data/#table-projects`));
  });

  test('no file holds the placeholder host, and no page says it is a local preview', () => {
    for (const f of files(OUT).filter((x) => /\.(html|js|css|json|svg|txt|xml)$/.test(x))) {
      const s = readFileSync(f, 'utf8');
      assert.ok(!s.includes('budgetlens.example'), relative(OUT, f));
      if (f.endsWith('.html')) assert.ok(!s.includes('本地预览'), `${relative(OUT, f)} says 本地预览`);
    }
  });
});
