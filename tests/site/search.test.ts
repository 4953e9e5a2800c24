// The site search in dist/: the Pagefind index (scripts/search-index.ts, after `astro build`) holds
// every reading page and nothing else, in one Chinese index, served from the site itself; /search/
// works as a page without JavaScript; no other page loads a script for it.
// Assumes `npm run build` has produced dist/ (`npm test` builds first).
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, test } from 'node:test';
import { parseHTML } from 'linkedom';
import { places } from '../../src/lib/cities.ts';
import { drillDocs } from '../../src/lib/drillData.ts';
import { TOPICS } from '../../src/lib/topics.ts';
import { EXCLUDE_SELECTORS, searchable, shipped } from '../../scripts/search-index.ts';
import { DIST, ROOT } from '../e2e/browser.ts';

const BUNDLE = join(DIST, 'pagefind');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? files(p) : [p];
  });
}

interface Fragment { url: string; content: string; word_count: number; meta: Record<string, string> }

/** A .pf_fragment: gzip of a signature and the page's JSON (its URL, title and indexed text). */
function fragment(file: string): Fragment {
  const text = gunzipSync(readFileSync(file)).toString('utf8');
  return JSON.parse(text.slice(text.indexOf('{'))) as Fragment;
}

/** Site pages as URL paths ('/city/zhengzhou/'), with their HTML. */
const pages = existsSync(DIST)
  ? files(DIST).filter((f) => f.endsWith('.html') && !f.startsWith(BUNDLE)).map((f) => ({
    url: `/${relative(DIST, f).replace(/index\.html$/, '')}`,
    html: readFileSync(f, 'utf8'),
  }))
  : [];

describe('search index (dist/pagefind/)', () => {
  const bundle = existsSync(BUNDLE) ? files(BUNDLE).map((f) => relative(BUNDLE, f)) : [];
  const fragments = bundle.filter((f) => f.startsWith('fragment/')).map((f) => fragment(join(BUNDLE, f)));
  const byUrl = new Map(fragments.map((f) => [f.url, f]));
  const text = (url: string) => byUrl.get(url)?.content.replace(/\u200b/g, '') ?? '';

  test('Pagefind wrote its bundle and a chunked index', () => {
    assert.ok(existsSync(BUNDLE), 'no dist/pagefind/: run `node scripts/search-index.ts` after `astro build` (part of `npm run build`)');
    for (const f of ['pagefind.js', 'pagefind-worker.js', 'pagefind-entry.json']) assert.ok(bundle.includes(f), f);
    assert.ok(bundle.some((f) => /^wasm\.[\w-]+\.pagefind$/.test(f)), 'the WebAssembly search engine');
    assert.ok(bundle.some((f) => /^pagefind\.zh-cn_\w+\.pf_meta$/.test(f)), 'the Chinese index meta file');
    assert.ok(bundle.filter((f) => /^index\/zh-cn_\w+\.pf_index$/.test(f)).length > 1, 'the index is split into chunks');
    // Pagefind's prebuilt UIs are not shipped: /search/ has its own (public/search.js).
    assert.deepEqual(bundle.filter((f) => !shipped(f)), []);

    const entry = JSON.parse(readFileSync(join(BUNDLE, 'pagefind-entry.json'), 'utf8')) as { version: string; languages: Record<string, { page_count: number }> };
    const pkg = JSON.parse(readFileSync(join(ROOT, 'node_modules', 'pagefind', 'package.json'), 'utf8')) as { version: string };
    assert.equal(entry.version, pkg.version, 'built by the installed pagefind');
    assert.deepEqual(Object.keys(entry.languages), ['zh-cn'], 'one index, Chinese (from <html lang="zh-CN">)');
    assert.equal(entry.languages['zh-cn']!.page_count, fragments.length, 'one fragment per page');
  });

  test('no file of the bundle references another origin', () => {
    // Pagefind parses site-relative result URLs against a placeholder origin (`new URL(`https://example.com${url}`)`)
    // and strips it again: no request. Any other absolute URL, protocol-relative URL or remote import fails.
    const placeholder = /new URL\(`https:\/\/example\.com\$\{/g;
    for (const f of bundle.filter((x) => /\.(js|json|css)$/.test(x))) {
      const src = readFileSync(join(BUNDLE, f), 'utf8').replace(placeholder, '');
      const urls = [...src.matchAll(/(?:https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}[^\s"'`)]*/gi)].map((m) => m[0]).filter((u) => !u.startsWith('//#'));
      assert.deepEqual(urls, [], `${f} references another origin`);
      assert.doesNotMatch(src, /\bimport\s*\(\s*["'`]https?:|importScripts\s*\(\s*["'`]https?:|@import\s+url\(\s*["']?https?:/);
    }
    for (const fr of fragments) assert.match(fr.url, /^\/(?!\/)/, `${fr.url}: results link within the site`);
  });

  test('holds every reading page and nothing else', async () => {
    const expected = pages.filter((p) => searchable(p.html)).map((p) => p.url).sort();
    assert.deepEqual([...byUrl.keys()].sort(), expected);
    for (const p of await places()) assert.ok(byUrl.has(`/city/${p.slug}/`), `place page ${p.slug}`);
    for (const t of TOPICS) assert.ok(byUrl.has(`/topic/${t.slug}/`), `topic page ${t.slug}`);
    for (const d of await drillDocs()) assert.ok(byUrl.has(`/explore/${d.doc_id}/`), `drill-down page ${d.doc_id}`);
    for (const url of byUrl.keys()) {
      assert.doesNotMatch(url, /^\/(embed|search|pagefind)\//, `${url} is not a reading page`);
    }
    // Redirects at former addresses are left out.
    const redirects = pages.filter((p) => /redirect\.[0-9a-f]{10}\.js/.test(p.html)).map((p) => p.url);
    assert.ok(redirects.length > 0);
    for (const r of redirects) assert.ok(!byUrl.has(r), `redirect ${r}`);
  });

  test('the pages\' main text, in Chinese words, without navigation, chart tools, SQL or raw source text', async () => {
    // 普惠金融 is a 郑州 project: on its drill-down page and its place page.
    assert.match(text('/explore/zhengzhou-2024-rlzyhshbzj-budget/'), /普惠金融/);
    assert.match(text('/city/zhengzhou/'), /普惠金融/);
    assert.match(text('/city/shanghai-putuo/'), /商务委员会/);
    assert.match(text('/topic/social-insurance/'), /社会保险/);
    // Words are separated (U+200B) where Pagefind split the Chinese text.
    assert.ok((byUrl.get('/city/zhengzhou/')?.content ?? '').includes('\u200b'), 'Chinese text is segmented');

    const zz = text('/city/zhengzhou/');
    assert.doesNotMatch(zz, /跳到正文|主导航/, 'no skip link or navigation');
    assert.ok(!zz.startsWith('预算透视'), 'the header is not indexed');
    for (const fr of fragments) {
      const t = fr.content.replace(/\u200b/g, '');
      assert.doesNotMatch(t, /<iframe|复制以下代码/, `${fr.url}: chart embed code is not indexed`);
      // Each chart's citation is left out; /about/ and /data/ cite the dataset in their text, and stay.
      if (/^\/(city|topic)\//.test(fr.url)) assert.doesNotMatch(t, /GB\/T 7714/, `${fr.url}: chart citations are not indexed`);
      assert.doesNotMatch(t, /\bSELECT\b[\s\S]*\bFROM\b/, `${fr.url}: SQL is not indexed`);
      assert.doesNotMatch(t, /开放数据新闻项目/, `${fr.url}: the footer is not indexed`);
    }
    // A source page: its title and facts, not its thousand lines of text.
    const sources = fragments.filter((f) => f.url.startsWith('/source/'));
    assert.ok(sources.length > 0);
    for (const s of sources) {
      assert.ok(s.word_count < 1000, `${s.url}: ${s.word_count} words: the raw text is indexed`);
      assert.ok(s.meta['title'], `${s.url}: a title`);
    }
    assert.ok(EXCLUDE_SELECTORS.includes('pre.src'));
  });

  test('size: a search loads a few small files', () => {
    const size = (f: string) => statSync(join(BUNDLE, f)).size;
    const chunks = bundle.filter((f) => f.startsWith('index/')).map(size);
    const frags = bundle.filter((f) => f.startsWith('fragment/')).map(size);
    const total = bundle.map(size).reduce((a, b) => a + b, 0);
    console.log(`dist/pagefind: ${bundle.length} files, ${(total / 1024).toFixed(0)} KB; ${chunks.length} index chunks ≤ ${(Math.max(...chunks) / 1024).toFixed(0)} KB, ${frags.length} fragments ≤ ${(Math.max(...frags) / 1024).toFixed(0)} KB`);
    assert.ok(Math.max(...chunks) < 100 * 1024, 'index chunks stay small');
    assert.ok(Math.max(...frags) < 100 * 1024, 'a result never loads a huge fragment');
    assert.ok(total < 5 * 1024 * 1024, 'the whole index stays under 5 MB');
  });
});

describe('/search/ and the header link', () => {
  const doc = () => parseHTML(readFileSync(join(DIST, 'search', 'index.html'), 'utf8')).document;

  test('every page\'s header links to /search/; only /search/ loads the search script', () => {
    const reading = pages.filter((p) => searchable(p.html) || p.url === '/search/');
    assert.ok(reading.length > 1);
    for (const p of reading) {
      const { document } = parseHTML(p.html);
      assert.ok(document.querySelector('header nav a[href="/search/"]'), `${p.url}: a link to /search/ in the header`);
      const scripts = [...document.querySelectorAll('script[src]')].map((s) => s.getAttribute('src') ?? '');
      if (p.url === '/search/') continue;
      assert.ok(!scripts.some((s) => /search\.js|pagefind/.test(s)), `${p.url}: loads ${scripts.join(', ')}`);
      assert.ok(!document.querySelector('form[role="search"], input[type="search"]'), `${p.url}: no search form (it would need a script)`);
    }
  });

  test('/search/: noindex, one same-origin script, no inline code, Chinese labels', () => {
    const document = doc();
    assert.equal(document.documentElement.getAttribute('lang'), 'zh-CN');
    assert.match(document.querySelector('meta[name="robots"]')?.getAttribute('content') ?? '', /noindex/);
    const scripts = [...document.querySelectorAll('script')];
    assert.equal(scripts.length, 1);
    assert.match(scripts[0]?.getAttribute('src') ?? '', /^\/search\.[0-9a-f]{10}\.js$/, 'search.js under its content-hashed name');
    assert.ok(existsSync(join(DIST, 'search.js')));
    const app = document.querySelector('.search-app');
    assert.ok(app?.hasAttribute('hidden'), 'the form is hidden until the script runs');
    assert.equal(app?.getAttribute('data-bundle'), '/pagefind/');
    assert.ok(existsSync(join(DIST, 'pagefind', 'pagefind.js')), 'the bundle the page loads');
    const input = document.querySelector('form[role="search"] input[type="search"]#search-q');
    assert.ok(input, 'a search input');
    assert.equal(document.querySelector('label[for="search-q"]')?.textContent?.trim(), '搜索词');
    assert.equal(document.querySelector('form[role="search"] button[type="submit"]')?.textContent?.trim(), '搜索');
    assert.ok(document.querySelector('[role="status"][aria-live="polite"]'), 'results are announced');
    assert.match(document.querySelector('.search-nojs')?.textContent ?? '', /搜索需要.*JavaScript/);
  });

  test('/search/ without JavaScript lists every place, document and topic', async () => {
    const document = doc();
    const links = new Set([...document.querySelectorAll('.search-browse a')].map((a) => a.getAttribute('href')));
    const drilled = new Set((await drillDocs()).map((d) => d.doc_id));
    for (const p of await places()) {
      assert.ok(links.has(`/city/${p.slug}/`), p.slug);
      for (const d of p.docs) {
        assert.ok(links.has(`/city/${d.city_slug}/#${d.doc_id}`), d.doc_id);
        assert.ok(links.has(`/source/${d.doc_id}/`), `${d.doc_id}: source`);
        if (drilled.has(d.doc_id)) assert.ok(links.has(`/explore/${d.doc_id}/`), `${d.doc_id}: drill-down`);
      }
    }
    for (const t of TOPICS) assert.ok(links.has(`/topic/${t.slug}/`), t.slug);
  });
});
