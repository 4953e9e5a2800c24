// Every script and stylesheet a built page loads has a content-hashed name (so a host may cache it
// for a year and a changed file is never served stale), and is the file public/ holds, unchanged.
// Assumes `npm run build` has produced dist/ (`npm test` builds first).
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { parseHTML } from 'linkedom';
import { hashedName, PUBLIC_ASSETS, rewritePage } from '../../src/integrations/hashedAssets.ts';
import { DIST, ROOT } from '../e2e/browser.ts';

function* pages(dir: string, top = true): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) {
      if (!(top && ['data', 'sources', 'explore-assets', '_astro', 'pagefind'].includes(e.name))) yield* pages(join(dir, e.name), false);
    } else if (e.name.endsWith('.html')) yield join(dir, e.name);
  }
}

test('every script, stylesheet and module preload on every page has a content-hashed name and exists', () => {
  assert.ok(existsSync(join(DIST, 'index.html')), 'run `npm run build` first');
  const seen = new Set<string>();
  let n = 0;
  for (const file of pages(DIST)) {
    const { document } = parseHTML(readFileSync(file, 'utf8'));
    const refs = [
      ...[...document.querySelectorAll('script[src]')].map((s) => s.getAttribute('src') ?? ''),
      ...[...document.querySelectorAll('link[rel="stylesheet"], link[rel="modulepreload"]')].map((l) => l.getAttribute('href') ?? ''),
    ];
    for (const ref of refs) {
      n++;
      // /_astro/ (Vite's names) or public/'s files under name.<10 hex digits>.ext; /pagefind/ names its own chunks.
      assert.match(ref, /^\/(_astro\/[\w.-]+\.[\w-]{8}\.(js|css)|[\w-]+\.[0-9a-f]{10}\.(js|css)|pagefind\/pagefind\.js)$/, `${relative(DIST, file)}: ${ref}`);
      assert.ok(existsSync(join(DIST, ref)), `${relative(DIST, file)}: ${ref} exists`);
      seen.add(ref);
    }
  }
  assert.ok(n > 100, `references checked: ${n}`);
  for (const name of ['chart-menu', 'source', 'search', 'embed-frame', 'embed', 'redirect']) {
    assert.ok([...seen].some((r) => new RegExp(`^/${name}\\.[0-9a-f]{10}\\.(js|css)$`).test(r)), `${name} is loaded by some page under its hashed name`);
  }
});

test('a hashed copy is the file in public/, byte for byte; the plain name stays for pasted embed snippets', () => {
  for (const name of PUBLIC_ASSETS) {
    const bytes = readFileSync(join(ROOT, 'public', name));
    const hashed = hashedName(name, bytes);
    assert.deepEqual(readFileSync(join(DIST, hashed)), bytes, `${hashed} is public/${name}`);
    assert.deepEqual(readFileSync(join(DIST, name)), bytes, `dist/${name} still there`);
  }
  // The snippet readers copy (shown as text on chart pages) keeps loading embed.js by its plain name.
  const city = readFileSync(join(DIST, 'city', 'zhengzhou', 'index.html'), 'utf8');
  assert.match(city, /&lt;script src=&quot;[^&]*\/embed\.js&quot; async&gt;/);
});

test('only tags are rewritten, under the site\'s base, never text', () => {
  const names = new Map([['chart-menu.js', 'chart-menu.0123456789.js'], ['embed.css', 'embed.abcdef0123.css']]);
  const html = '<script is:inline src="/lens/chart-menu.js" defer></script><link rel="stylesheet" href="/lens/embed.css"><code>&lt;script src="/lens/chart-menu.js"&gt;</code><script src="/other/chart-menu.js"></script>';
  assert.equal(
    rewritePage(html, '/lens/', names),
    '<script is:inline src="/lens/chart-menu.0123456789.js" defer></script><link rel="stylesheet" href="/lens/embed.abcdef0123.css"><code>&lt;script src="/lens/chart-menu.js"&gt;</code><script src="/other/chart-menu.js"></script>',
  );
});
