// The built city pages (dist/city/<slug>/): one per city in the dataset, every figure and chart
// traceable to its line in public/sources/<doc_id>.txt, nothing rendered as NaN/undefined/null.
// Assumes `npm run build` has produced dist/ (`npm test` builds first).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parseHTML } from 'linkedom';
import { DIST, readCsv, ROOT } from '../e2e/browser.ts';

const documents = readCsv(join(ROOT, 'public', 'data', 'documents.csv'));
const slugs = [...new Set(documents.map((d) => d['city_slug']!))];
const docsOf = (slug: string) => documents.filter((d) => d['city_slug'] === slug);

const sourceCache = new Map<string, string[]>();
function sourceLines(docId: string): string[] {
  if (!sourceCache.has(docId)) sourceCache.set(docId, readFileSync(join(ROOT, 'public', 'sources', `${docId}.txt`), 'utf8').split('\n'));
  return sourceCache.get(docId)!;
}

/** `/source/<doc_id>/#L12` or `#L12-L30` → its parts, or a failed assertion. */
const SOURCE_HREF = /^\/source\/([a-z0-9]+(?:-[a-z0-9]+)*-\d{4}-[a-z0-9]+-(?:budget|performance|final)(?:-unit)?)\/#L(\d+)(?:-L(\d+))?$/;
function checkSourceHref(href: string | null, docIds: string[], where: string): { docId: string; line: number; end: number } {
  assert.ok(href, `${where}: link without href`);
  const m = SOURCE_HREF.exec(href);
  assert.ok(m, `${where}: ${href} is not /source/<doc_id>/#L<n>[-L<m>]`);
  const [, docId, a, b] = m;
  assert.ok(docIds.includes(docId!), `${where}: ${href} points to a document not on this page`);
  const lines = sourceLines(docId!);
  const line = Number(a);
  const end = b ? Number(b) : line;
  assert.ok(line >= 1 && end >= line && end <= lines.length, `${where}: ${href} is outside public/sources/${docId}.txt (${lines.length} lines)`);
  assert.ok(lines.slice(line - 1, end).some((l) => l.trim() !== ''), `${where}: ${href} points at blank lines`);
  return { docId: docId!, line, end };
}

const pageCache = new Map<string, Document>();
function page(slug: string): Document {
  const file = join(DIST, 'city', slug, 'index.html');
  assert.ok(existsSync(file), `dist/city/${slug}/index.html missing: run \`npm run build\``);
  if (!pageCache.has(slug)) pageCache.set(slug, parseHTML(readFileSync(file, 'utf8')).document as unknown as Document);
  return pageCache.get(slug)!;
}
const presenceRows = readCsv(join(ROOT, 'public', 'data', 'table_presence.csv'));
const checkRows = readCsv(join(ROOT, 'public', 'data', 'checks.csv'));

test('documents.csv lists cities', () => {
  assert.ok(slugs.length > 0);
});

for (const slug of slugs) {
  const docIds = docsOf(slug).map((d) => d['doc_id']!);
  describe(`/city/${slug}/`, () => {
    test('has a page with a section for each of the city’s documents', () => {
      const doc = page(slug);
      assert.ok(doc.querySelector('h1')?.textContent?.includes(docsOf(slug)[0]!['city']!), 'h1 names the city');
      for (const id of docIds) {
        const article = doc.querySelector(`article#${id}`);
        assert.ok(article, `article#${id}`);
        assert.ok(article.querySelector('h2')?.textContent?.includes(docsOf(slug).find((d) => d['doc_id'] === id)!['fiscal_year']!), `${id}: h2 with the year`);
      }
    });

    test('no NaN, undefined or null in the text, labels or figures', () => {
      const doc = page(slug);
      const bad = /\b(NaN|undefined|null|Infinity)\b|\[object /;
      const text = doc.querySelector('main')!.textContent ?? '';
      assert.doesNotMatch(text, bad);
      for (const el of doc.querySelectorAll('main [aria-label], main [title], main [data-value], main [href]')) {
        for (const attr of ['aria-label', 'title', 'data-value', 'href']) {
          const v = el.getAttribute(attr);
          if (v !== null) assert.doesNotMatch(v, bad, `${attr}="${v}"`);
        }
      }
      for (const a of doc.querySelectorAll('a.fig')) assert.ok(Number.isFinite(Number(a.getAttribute('data-value'))), `figure ${a.textContent} has a numeric data-value`);
    });

    test('headings are in order (h1 › h2 › h3 › h4, no level skipped), ids unique', () => {
      const doc = page(slug);
      const levels = [...doc.querySelectorAll('main h1, main h2, main h3, main h4, main h5, main h6')].map((h) => Number(h.tagName[1]));
      assert.equal(levels[0], 1, 'starts with h1');
      assert.equal(levels.filter((l) => l === 1).length, 1, 'one h1');
      levels.forEach((l, i) => { if (i > 0) assert.ok(l <= levels[i - 1]! + 1, `heading h${l} follows h${levels[i - 1]}`); });
      const ids = [...doc.querySelectorAll('[id]')].map((e) => e.getAttribute('id'));
      assert.equal(new Set(ids).size, ids.length, `duplicate ids: ${ids.filter((id, i) => ids.indexOf(id) !== i).join(', ')}`);
    });

    test('every chart: stable id, title, takeaway, SVG with an accessible name and marks, a data table, working source links', () => {
      const doc = page(slug);
      const figures = [...doc.querySelectorAll('figure.chart')];
      assert.ok(figures.length > 0, 'at least one chart');
      for (const fig of figures) {
        const id = fig.getAttribute('id') ?? '';
        assert.ok(docIds.some((d) => id.startsWith(`${d}-`)) && /^[a-z0-9-]+$/.test(id), `chart id ${id} is <doc_id>-<what>`);
        assert.ok(fig.querySelector('.chart-title')?.textContent?.trim(), `${id}: title`);
        assert.ok(fig.querySelector('.chart-takeaway')?.textContent?.trim(), `${id}: takeaway`);
        const svg = fig.querySelector('svg');
        assert.ok(svg, `${id}: svg`);
        assert.equal(svg.getAttribute('role'), 'img', `${id}: svg role=img`);
        assert.ok((svg.getAttribute('aria-label') ?? '').length > 10, `${id}: svg accessible name`);
        assert.ok(svg.querySelectorAll('rect').length > 0, `${id}: svg draws something`);
        const rows = fig.querySelectorAll('details table tbody tr');
        assert.ok(rows.length > 0, `${id}: data table with rows`);
        const links = [...fig.querySelectorAll('figcaption a.source-link')];
        assert.ok(links.length > 0, `${id}: source link`);
        for (const a of links) checkSourceHref(a.getAttribute('href'), docIds, id);
      }
    });

    test('every figure in the text links to an existing line of its document', () => {
      const doc = page(slug);
      const figs = [...doc.querySelectorAll('main a.fig')];
      assert.ok(figs.length > 0, 'figures in the text');
      for (const a of figs) {
        const { line } = checkSourceHref(a.getAttribute('href'), docIds, `figure “${a.textContent}”`);
        assert.equal(a.getAttribute('data-line'), String(line));
      }
      for (const a of doc.querySelectorAll('main a.source-link')) {
        const href = a.getAttribute('href') ?? '';
        if (href.startsWith('/source/')) checkSourceHref(href, docIds, `source link “${a.textContent}”`);
      }
    });

    test('every document says which standard tables it prints, and explains checks that do not agree', () => {
      const doc = page(slug);
      for (const id of docIds) {
        const article = doc.querySelector(`article#${id}`)!;
        const presence = presenceRows.filter((r) => r['doc_id'] === id);
        for (const p of presence) {
          const row = article.querySelector(`table.presence tr[data-standard="${p['standard_key']}"]`);
          assert.ok(row, `${id}: ${p['standard_key']} in the completeness table`);
          assert.equal(row.getAttribute('data-status'), p['status']);
        }
        const checks = checkRows.filter((r) => r['doc_id'] === id && r['status'] === 'mismatch');
        for (const c of checks) {
          const li = article.querySelector(`li[data-check-id="${c['check_id']}"]`);
          assert.ok(li, `${id}: mismatch ${c['check_id']} explained`);
          assert.ok(li.querySelector('a.source-link'), `${id}: mismatch ${c['check_id']} links to its lines`);
        }
        const unread = presence.filter((p) => p['status'] === 'unread');
        if (unread.length) assert.match(article.textContent ?? '', /尚未读取/, `${id}: says which tables are not read yet`);
      }
    });
  });
}

/** The figure printed at `line` of `docId` and shown on its city page with `text`. */
function pinned(slug: string, docId: string, line: number, value: number, text: string, printed = String(value)): void {
  assert.ok(sourceLines(docId)[line - 1]!.includes(printed), `${docId}.txt:${line} prints ${printed}`);
  const doc = page(slug);
  const figs = [...doc.querySelectorAll(`article#${docId} a.fig[data-line="${line}"]`)].filter((a) => Number(a.getAttribute('data-value')) === value);
  assert.ok(figs.length > 0, `${docId}: a figure ${value} linked to line ${line}`);
  assert.ok(figs.some((a) => a.textContent === text), `${docId}: ${value} shown as “${text}”, got ${figs.map((a) => a.textContent).join(' / ')}`);
  for (const a of figs) assert.equal(a.getAttribute('href'), `/source/${docId}/#L${line}`);
}

describe('figures pinned to the disclosure text', () => {
  const has = (id: string) => documents.some((d) => d['doc_id'] === id);
  test('郑州 2024: 支出总计 84669.1 (:246) as 8.47 亿元; 三公 190.2 (:456); 基本/项目支出 (:257); largest project 7857 (:548)', { skip: !has('zhengzhou-2024-rlzyhshbzj-budget') }, () => {
    pinned('zhengzhou', 'zhengzhou-2024-rlzyhshbzj-budget', 246, 84669.1, '8.47 亿元', '84,669.1');
    pinned('zhengzhou', 'zhengzhou-2024-rlzyhshbzj-budget', 456, 190.2, '190.2 万元');
    pinned('zhengzhou', 'zhengzhou-2024-rlzyhshbzj-budget', 257, 60698.7, '6.07 亿元', '60,698.7');
    pinned('zhengzhou', 'zhengzhou-2024-rlzyhshbzj-budget', 257, 23970.5, '2.4 亿元', '23,970.5');
    pinned('zhengzhou', 'zhengzhou-2024-rlzyhshbzj-budget', 548, 7857, '7,857 万元', '7,857.0');
    // The narrative's year-on-year statement for 三公 (:138 “减少 4.5 万元”), shown without its sign after 减少.
    pinned('zhengzhou', 'zhengzhou-2024-rlzyhshbzj-budget', 138, -4.5, '4.5 万元', '减少 4.5 万元');
  });

  test('郑州 2024: shares of basic and project spending add up (71.7% + 28.3%)', { skip: !has('zhengzhou-2024-rlzyhshbzj-budget') }, () => {
    const text = page('zhengzhou').querySelector('#zhengzhou-2024-rlzyhshbzj-budget-part-split')!.textContent ?? '';
    assert.match(text, /基本支出 6\.07 亿元，占 71\.7%/);
    // Set against 6.07 亿元, 23,970.5 万元 keeps the same precision: 2.40, not 2.4 (one precision per comparison).
    assert.match(text, /项目支出 2\.40 亿元，占 28\.3%/);
  });

  test('郑州 2024: the two swapped project columns are explained in plain Chinese', { skip: !has('zhengzhou-2024-rlzyhshbzj-budget') }, () => {
    const items = [...page('zhengzhou').querySelectorAll('#zhengzhou-2024-rlzyhshbzj-budget-part-checks li[data-check-id*="general_public_vs_projects"]')];
    assert.equal(items.length, 2);
    for (const li of items) assert.match(li.textContent ?? '', /17,727\.7 万元.*6,242\.8 万元|6,242\.8 万元.*17,727\.7 万元/);
    for (const li of items) assert.match(li.textContent ?? '', /印反/);
  });

  test('郑州: the 部门收入总体情况表 is reported as not published, though its 目录 lists it (zhengzhou-2024-budget.txt:21)', { skip: !has('zhengzhou-2024-rlzyhshbzj-budget') }, () => {
    const row = page('zhengzhou').querySelector('article#zhengzhou-2024-rlzyhshbzj-budget table.presence tr[data-standard="income"]');
    assert.equal(row?.getAttribute('data-status'), 'listed');
    assert.match(row?.textContent ?? '', /未公开（目录列出了，正文未印出）/);
  });

  test('郑州 2020 performance form: tasks and indicators, no budget tables', { skip: !has('zhengzhou-2020-rlzyhshbzj-performance') }, () => {
    const article = page('zhengzhou').querySelector('article#zhengzhou-2020-rlzyhshbzj-performance')!;
    assert.ok(article.querySelector('figure#zhengzhou-2020-rlzyhshbzj-performance-tasks'));
    assert.ok(article.querySelector('figure#zhengzhou-2020-rlzyhshbzj-performance-dept-indicators'));
    assert.equal(article.querySelector('[id$="-part-income"]'), null, 'no income part for a performance form');
    pinned('zhengzhou', 'zhengzhou-2020-rlzyhshbzj-performance', 23, 650, '650 万元');
  });

  test('焦作 2024: 三公 60.44 (:947), income by unit printed (:238 社会保险中心 31939.22)', { skip: !has('jiaozuo-2024-rlzyhshbzj-budget') }, () => {
    pinned('jiaozuo', 'jiaozuo-2024-rlzyhshbzj-budget', 947, 60.44, '60.44 万元');
    pinned('jiaozuo', 'jiaozuo-2024-rlzyhshbzj-budget', 238, 31939.22, '3.19 亿元', '31,939.22');
    assert.ok(page('jiaozuo').querySelector('figure#jiaozuo-2024-rlzyhshbzj-budget-income-units'));
  });

  test('驻马店 2023: 收入总计 17419.04 (:261), 三公 46.48 (:448)', { skip: !has('zhumadian-2023-rlzyhshbzj-budget') }, () => {
    pinned('zhumadian', 'zhumadian-2023-rlzyhshbzj-budget', 261, 17419.04, '1.74 亿元', '17,419.04');
    pinned('zhumadian', 'zhumadian-2023-rlzyhshbzj-budget', 448, 46.48, '46.48 万元');
  });

  test('洛阳 2024 (reflowed): 三公 30.2 (:1553, printed 30.20)', { skip: !has('luoyang-2024-rlzyhshbzj-budget') }, () => {
    pinned('luoyang', 'luoyang-2024-rlzyhshbzj-budget', 1553, 30.2, '30.2 万元', '30.20');
  });
});
