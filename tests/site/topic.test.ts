// The topic pages in dist/ (/topic/ and /topic/<slug>/): every page built, no broken figures, every
// chart complete and sourced, every figure link pointing at a line that exists — and a few facts
// pinned to the disclosure texts themselves.
// Assumes `npm run build` has produced dist/ (`npm test` builds first).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parseHTML } from 'linkedom';
import { DIST, ROOT } from '../e2e/browser.ts';
import { TOPICS } from '../../src/lib/topics.ts';

const PAGES = ['', ...TOPICS.map((t) => t.slug)];

function page(slug: string): Document {
  const file = join(DIST, 'topic', slug, 'index.html');
  assert.ok(existsSync(file), `${file} was not built`);
  return parseHTML(readFileSync(file, 'utf8')).document as unknown as Document;
}

const sourceCache = new Map<string, string[]>();
/** Lines of public/sources/<doc_id>.txt as source_line counts them (1-based). */
function sourceLines(docId: string): string[] {
  let lines = sourceCache.get(docId);
  if (!lines) {
    const file = join(ROOT, 'public', 'sources', `${docId}.txt`);
    assert.ok(existsSync(file), `no source text for ${docId}`);
    lines = readFileSync(file, 'utf8').split('\n');
    sourceCache.set(docId, lines);
  }
  return lines;
}

const SOURCE_HREF = /^\/source\/([a-z0-9]+(?:-[a-z0-9]+)*-\d{4}-[a-z0-9]+-(?:budget|performance|final)(?:-unit)?)\/#L(\d+)(?:-L(\d+))?$/;

/** A link to a source line: its document and lines, checked to exist in the source text. */
function sourceOf(href: string | null): { docId: string; line: number; lineEnd: number | null } {
  const m = SOURCE_HREF.exec(href ?? '');
  assert.ok(m, `not a source-line link: ${href}`);
  const docId = m[1]!;
  const line = Number(m[2]);
  const lineEnd = m[3] ? Number(m[3]) : null;
  const lines = sourceLines(docId);
  assert.ok(line >= 1 && line <= lines.length, `${href}: line ${line} is not in ${docId}.txt (${lines.length} lines)`);
  if (lineEnd !== null) assert.ok(lineEnd > line && lineEnd <= lines.length, `${href}: bad end line`);
  return { docId, line, lineEnd };
}

/** The <a> in `root` that links to exactly this line of this document. */
function linksTo(root: ParentNode, docId: string, line: number): HTMLAnchorElement[] {
  return [...root.querySelectorAll('a[href]')].filter((a) => a.getAttribute('href') === `/source/${docId}/#L${line}`) as HTMLAnchorElement[];
}

const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('topic pages', () => {
  for (const slug of PAGES) {
    const name = slug ? `/topic/${slug}/` : '/topic/';

    test(`${name}: built, titled, no broken values`, () => {
      const doc = page(slug);
      const main = doc.querySelector('main');
      assert.ok(main, 'has <main>');
      assert.equal(doc.querySelectorAll('h1').length, 1, 'one <h1>');
      assert.ok(text(doc.querySelector('h1')), 'non-empty <h1>');
      const body = text(doc.body);
      for (const bad of ['NaN', 'undefined', 'null', 'Infinity', '[object Object]']) {
        assert.ok(!body.includes(bad), `page text contains "${bad}": …${body.slice(Math.max(0, body.indexOf(bad) - 60), body.indexOf(bad) + 20)}…`);
      }
      for (const el of doc.querySelectorAll('[aria-label], [title], [alt]')) {
        for (const attr of ['aria-label', 'title', 'alt']) {
          const v = el.getAttribute(attr);
          if (v !== null) assert.doesNotMatch(v, /NaN|undefined|null|Infinity/, `${attr}="${v}"`);
        }
      }
      // No empty figure links.
      for (const a of main!.querySelectorAll('a.fig')) assert.ok(text(a), `empty figure link ${a.getAttribute('href')}`);
    });

    test(`${name}: every figure link points at a line that exists`, () => {
      const main = page(slug).querySelector('main')!;
      for (const a of main.querySelectorAll('a[href^="/source/"]')) sourceOf(a.getAttribute('href'));
    });

    if (!slug) continue;

    test(`${name}: every chart has an accessible SVG, a data table and source links`, () => {
      const figures = [...page(slug).querySelectorAll('figure.chart')];
      assert.ok(figures.length > 0, 'at least one chart');
      const ids = figures.map((f) => f.getAttribute('id') ?? '');
      assert.equal(new Set(ids).size, ids.length, 'chart ids are unique');
      for (const f of figures) {
        const id = f.getAttribute('id') ?? '';
        assert.match(id, new RegExp(`^topic-${slug}-[a-z0-9-]+$`), `chart id ${id}`);
        assert.ok(text(f.querySelector('.chart-title')), `${id}: title`);
        assert.ok(text(f.querySelector('.chart-takeaway')), `${id}: takeaway`);
        const svg = f.querySelector('svg[role="img"]');
        assert.ok(svg, `${id}: svg with role=img`);
        assert.ok((svg!.getAttribute('aria-label') ?? '').length > 10, `${id}: svg has an accessible name`);
        assert.ok(f.querySelector('svg rect, svg path'), `${id}: svg draws something`);
        const table = f.querySelector('table');
        assert.ok(table, `${id}: data table`);
        assert.ok(table!.querySelectorAll('thead th').length >= 2, `${id}: table header`);
        assert.ok(table!.querySelectorAll('tbody tr').length >= 1, `${id}: table rows`);
        for (const td of table!.querySelectorAll('tbody td')) assert.ok(text(td), `${id}: empty table cell`);
        const links = [...f.querySelectorAll('a.source-link')];
        assert.ok(links.length > 0, `${id}: a source link`);
        for (const a of links) sourceOf(a.getAttribute('href'));
      }
    });
  }

  test('/topic/ lists every topic', () => {
    const doc = page('');
    for (const t of TOPICS) {
      assert.equal(doc.querySelectorAll(`main a[href="/topic/${t.slug}/"]`).length, 1, `link to ${t.slug}`);
    }
  });

  // Facts read off the disclosure texts themselves: the page links the line, and the line says so.

  test('three-public: the totals link to the 三公 table rows that print them', () => {
    const main = page('three-public').querySelector('main')!;
    for (const [docId, line, printed, shown] of [
      ['zhengzhou-2024-rlzyhshbzj-budget', 456, '190.2', '190.2 万元'],
      ['jiaozuo-2024-rlzyhshbzj-budget', 947, '60.44', '60.44 万元'],
      ['zhumadian-2023-rlzyhshbzj-budget', 448, '46.48', '46.48 万元'],
    ] as const) {
      assert.equal(sourceLines(docId)[line - 1]!.split('\t')[0], printed, `${docId}.txt:${line} starts with ${printed}`);
      const links = linksTo(main, docId, line);
      assert.ok(links.some((a) => text(a) === shown), `a link “${shown}” to ${docId}:${line}`);
    }
    // The narrative's year-on-year statement (zhengzhou-2024-rlzyhshbzj-budget.txt:138: 比 2023 年减少 4.5 万元).
    assert.match(sourceLines('zhengzhou-2024-rlzyhshbzj-budget')[137]!, /比 2023 年减少 4\.5 万元/);
    assert.ok(linksTo(main, 'zhengzhou-2024-rlzyhshbzj-budget', 138).some((a) => text(a) === '4.5 万元'), '减少 4.5 万元 links to line 138');
  });

  test('checks: leads with the 郑州 2024 swap of 其他运转类 / 特定目标类 at zhengzhou-2024-rlzyhshbzj-budget.txt:334', () => {
    const line = sourceLines('zhengzhou-2024-rlzyhshbzj-budget')[333]!;
    assert.match(line, /^\t合计\t81,916\.0\t/);
    assert.ok(line.endsWith('\t17,727.7\t6,242.8'), 'line 334 prints 其他运转类 17,727.7 then 特定目标类 6,242.8');
    const doc = page('checks');
    const section = doc.getElementById('mismatch')?.closest('section');
    assert.ok(section, 'a mismatch section');
    const sections = [...doc.querySelectorAll('main section')];
    assert.equal(sections[0], section, 'mismatches come first');
    // One finding for the swap (the pipeline's findings table), first among 郑州's: it explains the most checks.
    const findings = [...section!.querySelectorAll('li.finding')].filter((li) => text(li).startsWith('郑州'));
    const finding = findings[0];
    assert.ok(finding && linksTo(finding, 'zhengzhou-2024-rlzyhshbzj-budget', 334).length > 0, 'a finding linking to zhengzhou-2024-rlzyhshbzj-budget.txt:334');
    assert.equal(findings.filter((li) => /印反/.test(text(li.querySelector('.finding-title')))).length, 1, 'the swap is one finding');
    assert.match(text(finding), /郑州 2024 年/);
    assert.match(text(finding), /印反/);
    assert.match(text(finding), /17,727\.7 万元/);
    assert.match(text(finding), /6,242\.8 万元/);
  });

  test('checks: the scorecard shows 郑州 2024 printing no 部门收入总体情况表', () => {
    const doc = page('checks');
    const table = doc.querySelector('table.topic-scorecard');
    assert.ok(table, 'scorecard table');
    const headers = [...table!.querySelectorAll('thead th')].map(text);
    const col = headers.indexOf('郑州 2024');
    assert.ok(col > 0, 'a column for 郑州 2024');
    const row = [...table!.querySelectorAll('tbody tr')].find((tr) => text(tr.querySelector('th')) === '部门收入总体情况表');
    assert.ok(row, 'a row for 部门收入总体情况表');
    assert.match(text(row!.children[col]), /未印出/);
  });

  test('projects: the largest project is 焦作 2024 机关事业单位养老保险基金缺口 at jiaozuo-2024-rlzyhshbzj-budget.txt:1018', () => {
    assert.match(sourceLines('jiaozuo-2024-rlzyhshbzj-budget')[1017]!, /^特定目标类\t机关事业单位养老保险基金缺口\t焦作市社会保险中心\t30,000\.00\t/);
    const fig = page('projects').getElementById('topic-projects-largest');
    assert.ok(fig, 'largest-projects chart');
    assert.match(text(fig!.querySelector('.chart-takeaway')), /焦作 2024 年的“机关事业单位养老保险基金缺口”，3 亿元/);
    assert.equal(text(fig!.querySelector('tbody tr td:nth-child(2)')), '机关事业单位养老保险基金缺口');
    assert.ok(linksTo(fig!, 'jiaozuo-2024-rlzyhshbzj-budget', 1018).length > 0, 'source link to line 1018');
  });

  test('social-insurance: 焦作 2024 2080507 (30,000) is matched to its project and its targets', () => {
    assert.match(sourceLines('jiaozuo-2024-rlzyhshbzj-budget')[280]!, /^208\t05\t07\t.*基金的补助\t30,000\.00/);
    const main = page('social-insurance').querySelector('main')!;
    const item = [...main.querySelectorAll('.topic-matches li')].find((li) => linksTo(li, 'jiaozuo-2024-rlzyhshbzj-budget', 281).length > 0);
    assert.ok(item, 'an item linking to jiaozuo-2024-rlzyhshbzj-budget.txt:281');
    assert.match(text(item), /机关事业单位养老保险基金缺口/);
    assert.match(sourceLines('jiaozuo-2024-rlzyhshbzj-budget')[1209]!, /发放离退休人员数量\t≥13771人/);
    assert.ok(linksTo(item!, 'jiaozuo-2024-rlzyhshbzj-budget', 1210).some((a) => text(a) === '≥13771人'), 'target ≥13771人 links to line 1210');
  });

  test('personnel: 郑州 2024 basic expenditure splits 32,503.6 / 25,441.9 as printed at zhengzhou-2024-rlzyhshbzj-budget.txt:384', () => {
    assert.equal(sourceLines('zhengzhou-2024-rlzyhshbzj-budget')[383], '合计\t\t\t\t57,945.5\t32,503.6\t25,441.9');
    const fig = page('personnel').getElementById('topic-personnel-split');
    assert.ok(fig, 'split chart');
    const row = [...fig!.querySelectorAll('tbody tr')].find((tr) => text(tr.querySelector('td')) === '郑州 2024');
    assert.ok(row, 'a row for 郑州 2024');
    const cells = [...row!.querySelectorAll('td')].map(text);
    assert.deepEqual(cells.slice(1, 6), ['57,945.5', '32,503.6', '25,441.9', '56.1%', '43.9%']);
  });

  test('performance: shares of numeric targets add up per document', () => {
    const fig = page('performance').getElementById('topic-performance-kinds');
    assert.ok(fig, 'kinds chart');
    const byDoc = new Map<string, number>();
    for (const tr of fig!.querySelectorAll('tbody tr')) {
      const [doc, , , share] = [...tr.querySelectorAll('td')].map(text);
      byDoc.set(doc!, (byDoc.get(doc!) ?? 0) + Number(share!.replace('%', '')));
    }
    assert.ok(byDoc.size >= 1);
    for (const [doc, sum] of byDoc) assert.ok(Math.abs(sum - 100) < 1e-9, `${doc}: shares add up to ${sum}%`);
  });
});
