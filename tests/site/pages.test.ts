// Every built page (dist/**/*.html): Chinese, no broken figures, every source link lands on a real
// line, every chart accessible with its data and its source.
// Assumes `npm run build` has produced dist/ (`npm test` builds first).
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { parseHTML } from 'linkedom';
import { DIST, readCsv, ROOT } from '../e2e/browser.ts';

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return htmlFiles(p);
    return e.name.endsWith('.html') ? [p] : [];
  });
}

const pages = existsSync(DIST) ? htmlFiles(DIST) : [];
const lineCount = new Map(readCsv(join(ROOT, 'public', 'data', 'documents.csv')).map((d) => [d['doc_id']!, Number(d['line_count'])]));

/** The line ids each /source/<doc_id>/ page really has (read once, from the built page). */
const lineIds = new Map<string, Set<string>>();
function idsOf(docId: string): Set<string> {
  let ids = lineIds.get(docId);
  if (!ids) {
    const file = join(DIST, 'source', docId, 'index.html');
    const html = existsSync(file) ? readFileSync(file, 'utf8') : '';
    ids = new Set([...html.matchAll(/<span id="?(L\d+)"?>/g)].map((m) => m[1]!));
    lineIds.set(docId, ids);
  }
  return ids;
}

/**
 * Text a reader sees: the body without scripts, styles and templates. English prose and code
 * (`lang="en"`, `<code>`: the data dictionary says when a column is null) are left out too.
 */
function visibleText(document: Document): string {
  const body = document.body.cloneNode(true) as HTMLElement;
  for (const el of body.querySelectorAll('script, style, template, noscript, code, [lang|="en"]')) el.remove();
  return body.textContent ?? '';
}

/** Elements that hold a figure and must never be empty. */
const FIGURE_HOLDERS = 'td.num, th.num, a.fig, span.fig, strong, .chart-takeaway, figure.chart tbody td, a.source-link';

const SOURCE_LINK = /^(?:https?:\/\/[^/]+)?\/source\/([^/#?]+)\/(?:#(.*))?$/;

test('dist/ holds the built pages', () => {
  assert.ok(pages.length > 0, 'no HTML in dist/: run `npm run build` first');
  assert.ok(lineCount.size > 0, 'documents.csv lists documents');
});

for (const file of pages) {
  const name = relative(DIST, file);
  test(`${name}: zh-CN, no broken figures, source links land on real lines, charts complete`, () => {
    const { document } = parseHTML(readFileSync(file, 'utf8'));
    assert.equal(document.documentElement.getAttribute('lang'), 'zh-CN', 'html lang');

    const text = visibleText(document);
    for (const bad of ['NaN', 'undefined', 'null', '[object Object]', 'Infinity']) {
      const i = text.search(new RegExp(`(?<![A-Za-z_])${bad.replace(/[[\]]/g, '\\$&')}(?![A-Za-z_])`));
      assert.equal(i, -1, `"${bad}" in the visible text: …${text.slice(Math.max(0, i - 40), i + 40)}…`);
    }
    for (const el of document.querySelectorAll(FIGURE_HOLDERS)) {
      assert.ok((el.textContent ?? '').trim() !== '', `empty figure: <${el.tagName.toLowerCase()} class="${el.getAttribute('class') ?? ''}"> in ${el.parentElement?.outerHTML.slice(0, 160)}`);
    }

    for (const a of document.querySelectorAll('a[href]')) {
      const href = a.getAttribute('href') ?? '';
      const m = SOURCE_LINK.exec(href);
      if (!m) continue;
      const docId = decodeURIComponent(m[1]!);
      assert.ok(lineCount.has(docId), `${href}: no document ${docId}`);
      const hash = m[2];
      if (hash === undefined || hash === '') continue;
      const r = /^L(\d+)(?:-L(\d+))?$/.exec(hash);
      assert.ok(r, `${href}: the anchor is neither #L<n> nor #L<n>-L<m>`);
      const first = Number(r[1]);
      const last = r[2] ? Number(r[2]) : first;
      assert.ok(first >= 1 && first <= last && last <= lineCount.get(docId)!, `${href}: lines ${first}–${last} are not within 1–${lineCount.get(docId)}`);
      const ids = idsOf(docId);
      assert.ok(ids.has(`L${first}`) && ids.has(`L${last}`), `${href}: /source/${docId}/ has no element L${first}${last !== first ? ` or L${last}` : ''}`);
    }

    for (const fig of document.querySelectorAll('figure.chart')) {
      const id = fig.getAttribute('id') ?? '(no id)';
      const svg = fig.querySelector('svg[aria-label]');
      assert.ok(svg, `${id}: an <svg> with an aria-label`);
      assert.ok((svg.getAttribute('aria-label') ?? '').trim().length > 0, `${id}: the SVG's accessible name is empty`);
      assert.equal(svg.getAttribute('role'), 'img', `${id}: the SVG has role="img"`);
      const rows = fig.querySelectorAll('details table tbody tr');
      assert.ok(rows.length > 0, `${id}: a <details> data table with rows`);
      const sources = [...fig.querySelectorAll('a[href]')].filter((a) => SOURCE_LINK.test(a.getAttribute('href') ?? ''));
      assert.ok(sources.some((a) => /#L\d+/.test(a.getAttribute('href') ?? '')), `${id}: a link to its source line`);
    }
  });
}
