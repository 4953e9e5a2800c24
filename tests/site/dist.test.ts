// The built site (dist/): self-contained, every local link resolves, no third-party requests.
// Assumes `npm run build` has produced dist/ (`npm test` builds first).
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { parseHTML } from 'linkedom';
import { DIST } from '../e2e/browser.ts';

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return htmlFiles(p);
    return e.name.endsWith('.html') ? [p] : [];
  });
}

/** The file a root-relative URL path is served from, as the static server and `astro preview` do. */
function served(pathname: string): string | undefined {
  const p = join(DIST, decodeURIComponent(pathname));
  if (existsSync(p) && statSync(p).isFile()) return p;
  const index = join(p, 'index.html');
  return existsSync(index) ? index : undefined;
}

const pages = existsSync(DIST) ? htmlFiles(DIST) : [];

test('dist/ holds the built pages', () => {
  assert.ok(pages.length > 0, 'no HTML in dist/: run `npm run build` first');
  assert.ok(existsSync(join(DIST, 'index.html')));
});

for (const file of pages) {
  const name = relative(DIST, file);
  test(`${name}: zh-CN, system fonts only, every reference is local and resolves`, () => {
    const html = readFileSync(file, 'utf8');
    const { document } = parseHTML(html);
    assert.equal(document.documentElement.getAttribute('lang'), 'zh-CN');
    assert.ok(document.querySelector('meta[name="viewport"]'), 'meta viewport');
    assert.ok(document.querySelector('title')?.textContent?.trim(), 'non-empty <title>');
    assert.doesNotMatch(html, /@font-face|@import\s+url\(\s*["']?https?:/i, 'no web fonts or remote CSS');

    const base = new URL('http://local.invalid/' + name.replace(/(^|\/)index\.html$/, '$1'));
    const refs = [...document.querySelectorAll('[href], [src]')].map((el) => ({
      ref: el.getAttribute('href') ?? el.getAttribute('src') ?? '',
      // A link the reader chooses to follow (a licence text) is not a request the page makes.
      outbound: el.localName === 'a' && /\b(license|external)\b/.test(el.getAttribute('rel') ?? ''),
    }));
    for (const { ref, outbound } of refs) {
      if (ref.startsWith('data:') || ref.startsWith('#') || ref.startsWith('mailto:')) continue;
      const url = new URL(ref, base);
      if (outbound && url.protocol === 'https:') continue;
      assert.equal(url.origin, base.origin, `${name}: reference to another origin: ${ref}`);
      assert.ok(served(url.pathname), `${name}: ${ref} does not resolve to a file in dist/`);
    }
  });
}
