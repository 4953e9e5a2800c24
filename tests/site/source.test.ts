// /source/<doc_id>/ pages in dist/: the text exactly as published, one element per line with id
// L<n>, light enough for 11,000 lines, and no inline script (a Content-Security-Policy will forbid it).
// Assumes `npm run build` has produced dist/ (`npm test` builds first).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { parseHTML } from 'linkedom';
import { DIST, readCsv, ROOT } from '../e2e/browser.ts';
import { PAGE_MARKER } from '../../scripts/pipeline/layouts/pdf/pageMarker.ts';

const documents = readCsv(join(ROOT, 'public', 'data', 'documents.csv'));

/** Lines as source_line counts them (as scripts/pipeline/read.ts splits): CR, LF, CRLF; a final newline ends the last line. */
function rawLines(docId: string): { text: string; lines: string[] } {
  const text = readFileSync(join(ROOT, 'public', 'sources', `${docId}.txt`), 'utf8');
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines.at(-1) === '') lines.pop();
  return { text, lines };
}

test('documents.csv lists documents', () => {
  assert.ok(documents.length > 0);
});

for (const d of documents) {
  const docId = d['doc_id']!;
  test(`/source/${docId}/: every line, exactly as published, with its id; header links; light`, () => {
    const file = join(DIST, 'source', docId, 'index.html');
    assert.ok(existsSync(file), `${file} exists`);
    const html = readFileSync(file, 'utf8');
    const { document } = parseHTML(html);
    const { text, lines } = rawLines(docId);
    assert.equal(lines.length, Number(d['line_count']), 'line_count agrees with the published text');

    // One element per line, in order, L1…Ln, each holding exactly that line (tabs included).
    const pre = document.querySelector('pre.src');
    assert.ok(pre, 'a <pre class="src">');
    const els = [...pre.querySelectorAll('[id]')];
    assert.equal(els.length, lines.length, 'one element with an id per line');
    els.forEach((el, i) => {
      assert.equal(el.getAttribute('id'), `L${i + 1}`);
      if ((el.textContent ?? '') !== `${lines[i]}\n`) {
        assert.fail(`L${i + 1}: ${JSON.stringify(el.textContent)} ≠ ${JSON.stringify(lines[i])}`);
      }
    });
    // Nothing per line but the line and its tabs (plus a wrapper per chunk of lines, and in a PDF's
    // text a heading with its link to the PDF page for each page marker line).
    const tabs = lines.reduce((a, l) => a + (l.match(/\t/g)?.length ?? 0), 0);
    const markers = d['source_format'] === 'pdf' ? lines.filter((l) => PAGE_MARKER.test(l)).length : 0;
    const chunks = pre.querySelectorAll('.k').length;
    assert.ok(chunks <= Math.ceil(lines.length / 100), `${chunks} chunks for ${lines.length} lines`);
    assert.equal(pre.querySelectorAll('*').length, lines.length + tabs + chunks + 2 * markers, 'elements: a line, a tab, a chunk, a page heading and its link, nothing else');
    assert.equal(pre.querySelectorAll('i').length, tabs, 'each tab drawn as a cell separator');

    // Light: at most 24 bytes of markup per line and 8 per tab over the text, plus the page around it.
    const limit = Buffer.byteLength(text) + 24 * lines.length + 8 * tabs + 24 * 1024;
    assert.ok(Buffer.byteLength(html) <= limit, `${Buffer.byteLength(html)} bytes > ${limit}`);
    assert.ok(gzipSync(html).length < 120 * 1024, `gzipped ${gzipSync(html).length} bytes`);

    // Header: the title, links to the raw text and the city page.
    assert.equal(document.querySelector('h1')?.textContent, d['title']);
    assert.ok(document.querySelector(`a[href="/sources/${docId}.txt"]`), 'link to the raw .txt');
    assert.ok(document.querySelector(`a[href="/city/${d['city_slug']}/"]`), 'link to the city page');

    // Scripts: only same-origin files, no inline code; the range script is there.
    const scripts = [...document.querySelectorAll('script')];
    for (const s of scripts) {
      assert.ok(s.getAttribute('src'), `inline script: ${s.outerHTML.slice(0, 80)}`);
      assert.match(s.getAttribute('src') ?? '', /^\/[^/]/, 'same-origin script');
    }
    assert.ok(scripts.some((s) => /^\/source\.[0-9a-f]{10}\.js$/.test(s.getAttribute('src') ?? '')), '/source.js is loaded (under its content-hashed name)');
    assert.doesNotMatch(html, /\son[a-z]+=/i, 'no inline event handlers');
  });
}

test('/source.js is published, small, and needs nothing else', () => {
  const js = readFileSync(join(DIST, 'source.js'), 'utf8');
  assert.ok(js.length < 4096, `${js.length} bytes`);
  assert.doesNotMatch(js, /\bimport\b|fetch\(|XMLHttpRequest|https?:\/\//, 'no imports or requests');
});

test('every source page says where the government published the document, or that it is not known', () => {
  const docs = readCsv(join(ROOT, 'public', 'data', 'documents.csv'));
  for (const d of docs) {
    const html = readFileSync(join(DIST, 'source', d['doc_id']!, 'index.html'), 'utf8');
    if (d['official_url']) assert.ok(html.includes(`href="${d['official_url']}"`), d['doc_id'] ?? '');
    else assert.match(html, /<dt>官方发布<\/dt><dd>未知（未记录官方网址）/, d['doc_id'] ?? '');
  }
});
