// Places beyond Henan, many departments per place, PDFs and the addresses of former document ids
// (issue: "The site shows many departments per place and places outside Henan"), in dist/ and in
// the helpers behind it. Assumes `npm run build` has produced dist/ (`npm test` builds first).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parseHTML } from 'linkedom';
import { DIST, readCsv, ROOT } from '../e2e/browser.ts';
import { PAGE_MARKER } from '../../scripts/pipeline/layouts/pdf/pageMarker.ts';
import { cohorts, SAME_KIND } from '../../src/lib/compare.ts';
import { docTypeZh, docKindZh, scopeZh } from '../../src/lib/labels.ts';
import { docLabel, docName } from '../../src/lib/topicText.ts';
import { formerChartId, redirectPage } from '../../src/integrations/redirects.ts';

const documents = readCsv(join(ROOT, 'public', 'data', 'documents.csv'));
const has = (id: string) => documents.some((d) => d['doc_id'] === id);
const html = (path: string): Document => {
  const file = join(DIST, path, 'index.html');
  assert.ok(existsSync(file), `dist/${path}/index.html was not built`);
  return parseHTML(readFileSync(file, 'utf8')).document as unknown as Document;
};
const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The five Henan documents as first published (../shared/spec/data-contract.md) and their ids now. */
const FORMER: Record<string, string> = {
  'zhengzhou-2024-budget': 'zhengzhou-2024-rlzyhshbzj-budget',
  'jiaozuo-2024-budget': 'jiaozuo-2024-rlzyhshbzj-budget',
  'zhumadian-2023-budget': 'zhumadian-2023-rlzyhshbzj-budget',
  'zhengzhou-2020-performance': 'zhengzhou-2020-rlzyhshbzj-performance',
  'luoyang-2024-budget': 'luoyang-2024-rlzyhshbzj-budget',
};

describe('former document ids', () => {
  test('documents.legacy_doc_id holds the five ids first published', () => {
    for (const [from, to] of Object.entries(FORMER)) {
      const d = documents.find((x) => x['doc_id'] === to);
      assert.ok(d, `documents.csv has ${to}`);
      assert.equal(d['legacy_doc_id'], from);
    }
  });

  for (const d of documents.filter((x) => x['legacy_doc_id'])) {
    const from = d['legacy_doc_id']!;
    const to = d['doc_id']!;
    test(`/source/${from}/ is a redirect page to /source/${to}/, without JavaScript too`, () => {
      const doc = html(`source/${from}`);
      assert.equal(doc.documentElement.getAttribute('lang'), 'zh-CN');
      const refresh = doc.querySelector('meta[http-equiv="refresh"]')?.getAttribute('content') ?? '';
      assert.match(refresh, new RegExp(`^0; url=/source/${to}/$`), 'meta refresh to the new page');
      assert.equal(doc.querySelector('link[rel="canonical"]')?.getAttribute('href'), `/source/${to}/`);
      assert.ok(doc.querySelector(`main a[href="/source/${to}/"]`), 'a visible link to the new page');
      assert.equal(doc.querySelectorAll('script:not([src])').length, 0, 'no inline script (a CSP may forbid it)');
      // The script keeps #L…; the meta refresh, which would drop it, is for readers without JavaScript only.
      const head = doc.head.innerHTML;
      assert.match(head, /redirect\.[0-9a-f]{10}\.js/, 'redirect.js (under its content-hashed name)');
      assert.match(head, /<noscript><meta http-equiv="refresh"[^>]*><\/noscript>/, 'the meta refresh inside <noscript>');
    });

    test(`/sources/${from}.txt still serves the text of ${to}`, () => {
      const old = join(DIST, 'sources', `${from}.txt`);
      assert.ok(existsSync(old));
      assert.deepEqual(readFileSync(old), readFileSync(join(ROOT, 'public', 'sources', `${to}.txt`)));
    });

    if (existsSync(join(DIST, 'explore', to, 'index.html'))) {
      test(`/explore/${from}/ redirects to /explore/${to}/`, () => {
        const doc = html(`explore/${from}`);
        assert.match(doc.querySelector('meta[http-equiv="refresh"]')?.getAttribute('content') ?? '', new RegExp(`url=/explore/${to}/$`));
        assert.ok(doc.querySelector(`a[href="/explore/${to}/"]`));
      });
    }
  }

  test('every chart of a renamed document keeps its embed address: page, SVG and CSV', () => {
    const ids = documents.map((d) => ({ id: d['doc_id']!, legacy: d['legacy_doc_id'] || null }));
    assert.ok(existsSync(join(DIST, 'embed')), 'dist/embed/ exists');
    let n = 0;
    for (const [from, to] of Object.entries(FORMER)) {
      for (const chart of [`${to}-three-public`, `topic-personnel-items-${to}`]) {
        if (!existsSync(join(DIST, 'embed', chart, 'index.html'))) continue;
        const old = formerChartId(chart, ids);
        assert.equal(old, chart.replace(to, from));
        const page = html(`embed/${old}`);
        assert.match(page.querySelector('meta[http-equiv="refresh"]')?.getAttribute('content') ?? '', new RegExp(`url=/embed/${chart}/$`));
        for (const f of ['chart.svg', 'data.csv']) assert.deepEqual(readFileSync(join(DIST, 'embed', old!, f)), readFileSync(join(DIST, 'embed', chart, f)), `${old}/${f}`);
        n++;
      }
    }
    assert.ok(n >= 4, `${n} former chart addresses checked`);
  });

  test('a chart id is renamed by its own document: the unit budget’s charts are not the department budget’s', () => {
    const ids = [{ id: 'a-2025-x-budget', legacy: 'a-2025-budget' }, { id: 'a-2025-x-budget-unit', legacy: null }];
    assert.equal(formerChartId('a-2025-x-budget-three-public', ids), 'a-2025-budget-three-public');
    assert.equal(formerChartId('a-2025-x-budget-unit-three-public', ids), null);
    assert.equal(formerChartId('topic-personnel-items-a-2025-x-budget', ids), 'topic-personnel-items-a-2025-budget');
    assert.equal(formerChartId('home-expenditure', ids), null);
  });

  test('the redirect page escapes what it prints', () => {
    const page = redirectPage('/source/x/?a=1&b="2"', '原文 <x>', '/');
    assert.match(page, /url=\/source\/x\/\?a=1&amp;b=&quot;2&quot;/);
    assert.match(page, /原文 &lt;x&gt;/);
  });
});

describe('PDF documents on /source/<doc_id>/', () => {
  const pdfs = documents.filter((d) => d['source_format'] === 'pdf');

  test('the dataset has PDF documents', () => {
    assert.ok(pdfs.length >= 5, `${pdfs.length} PDFs`);
  });

  for (const d of pdfs) {
    const id = d['doc_id']!;
    test(`/source/${id}/: says it is a PDF, links the original and each page marker to its page`, () => {
      const doc = html(`source/${id}`);
      const pdf = `/sources/${id}.pdf`;
      assert.ok(existsSync(join(DIST, 'sources', `${id}.pdf`)), `dist${pdf} is published`);
      assert.ok(doc.querySelector(`a[href="${pdf}"]`), 'a link to the original PDF');
      assert.ok(doc.querySelector(`a[href="/sources/${id}.txt"]`), 'a link to the text');
      const facts = text(doc.querySelector('dl.doc-facts'));
      assert.match(facts, new RegExp(`PDF，${Number(d['page_count']).toLocaleString('zh-CN')} 页`), 'the page count');

      const lines = readFileSync(join(ROOT, 'public', 'sources', `${id}.txt`), 'utf8').split('\n');
      const markers = lines.flatMap((l, i) => {
        const m = PAGE_MARKER.exec(l);
        return m ? [{ page: Number(m[1]), line: i + 1 }] : [];
      });
      assert.ok(markers.length > 0, 'the text has page markers');
      for (const { page, line } of markers) {
        const el = doc.getElementById(`L${line}`);
        assert.ok(el, `line ${line} (page ${page}) keeps its anchor`);
        const heading = el.querySelector('[role="heading"]');
        assert.ok(heading, `page ${page}: the marker is a heading`);
        assert.equal(heading.getAttribute('aria-level'), '3');
        assert.equal(heading.querySelector('a')?.getAttribute('href'), `${pdf}#page=${page}`, `page ${page} links to the PDF at that page`);
        assert.equal(text(heading), `=== 第 ${page} 页 ===`);
        // The 页码 table of contents goes to the page's first line.
        assert.ok(doc.querySelector(`.page-toc a[href="#L${line}"]`), `页码 links to page ${page}`);
      }
      assert.equal(text(doc.getElementById('pages-title')), '页码');
      // Each table in the list of tables says on which pages of the PDF it is printed.
      for (const li of doc.querySelectorAll('.source-toc li')) {
        assert.match(text(li), /第 \d+(–\d+)? 页/, `the page of ${text(li)}`);
        assert.match(li.querySelector(`a[href^="${pdf}#page="]`)?.getAttribute('href') ?? '', /#page=\d+$/);
      }
    });
  }

  test('a text document has no page headings and no PDF link', { skip: !has('zhengzhou-2024-rlzyhshbzj-budget') }, () => {
    const doc = html('source/zhengzhou-2024-rlzyhshbzj-budget');
    assert.equal(doc.querySelectorAll('pre.src [role="heading"]').length, 0);
    assert.equal(doc.querySelectorAll('a[href$=".pdf"]').length, 0);
    assert.equal(doc.querySelector('.page-toc'), null);
  });
});

describe('places and departments', () => {
  test('/city/shanghai-putuo/ names 上海市普陀区 and lists its four documents: three departments, one 单位预算', { skip: !has('shanghai-putuo-2025-swwyh-budget-unit') }, () => {
    const doc = html('city/shanghai-putuo');
    assert.match(text(doc.querySelector('h1')), /上海市普陀区/);
    assert.match(text(doc.querySelector('.kicker')), /^地区 · 上海市普陀区$/, 'a district is a 地区, not a 城市');
    const rows = [...doc.querySelectorAll('table.place-docs tbody tr')];
    const own = documents.filter((d) => d['place_slug'] === 'shanghai-putuo');
    assert.equal(own.length, 4);
    assert.equal(rows.length, 4, 'one row per document');
    const cells = rows.map((r) => [...r.querySelectorAll('th, td')].map(text));
    assert.equal(new Set(cells.map((c) => c[0])).size, 3, 'three departments');
    assert.deepEqual(cells.map((c) => c[2]).sort(), ['单位预算', '部门决算', '部门预算', '部门预算']);
    assert.deepEqual(cells.map((c) => c[3]).sort(), ['单位', '部门', '部门', '部门']);
    for (const d of own) {
      const article = doc.querySelector(`article#${d['doc_id']}`);
      assert.ok(article, `article#${d['doc_id']}`);
      // Each heading names the department, its year and what the document is.
      assert.ok(text(article.querySelector('h2')).startsWith(`${d['department']} ${d['fiscal_year']} 年`), text(article.querySelector('h2')));
    }
    assert.match(text(doc.querySelector(`article#shanghai-putuo-2025-swwyh-budget-unit h2`)), /单位预算$/);
    assert.match(text(doc.querySelector(`article#shanghai-putuo-2024-czj-final h2`)), /部门决算$/);
    // A 决算 reports what was spent.
    assert.doesNotMatch(text(doc.querySelector('article#shanghai-putuo-2024-czj-final')), /预算总盘子/);
  });

  test('/city/jiangsu/ names 江苏省, a province-level department, without an empty city', { skip: !has('jiangsu-2019-gjrmfy-budget') }, () => {
    const doc = html('city/jiangsu');
    assert.equal(text(doc.querySelector('h1')), '江苏省高级人民法院：钱从哪里来，花在哪里');
    assert.match(text(doc.querySelector('.kicker')), /^地区 · 江苏省（省级）$/);
    assert.doesNotMatch(text(doc.querySelector('main')), /null|undefined|城市 ·/);
    assert.match(text(doc.querySelector('title')), /江苏省高级人民法院/);
  });

  test('the home page lists both places, grouped, with their departments', { skip: !has('jiangsu-2019-gjrmfy-budget') }, () => {
    const doc = html('');
    const card = (slug: string) => doc.querySelector(`.city-cards li[data-place="${slug}"]`);
    assert.match(text(card('shanghai-putuo')?.querySelector('h3')), /^上海市普陀区$/);
    assert.match(text(card('shanghai-putuo')), /3 个部门，4 份文件/);
    assert.equal(card('shanghai-putuo')?.querySelectorAll('.city-docs li').length, 4);
    assert.match(text(card('shanghai-putuo')), /财政局 · 2024 年部门决算原文/);
    assert.match(text(card('shanghai-putuo')), /商务委员会 · 2025 年单位预算原文/);
    assert.match(text(card('jiangsu')?.querySelector('h3')), /^江苏省（省级）$/);
    assert.match(text(card('jiangsu')), /高级人民法院/);
    for (const slug of ['shanghai-putuo', 'jiangsu']) assert.ok(card(slug)?.querySelector(`a[href="/city/${slug}/"]`));
    // The documents table names the place and the department of every document.
    for (const d of documents) {
      const row = doc.querySelector(`table.documents tr[data-doc-id="${d['doc_id']}"]`);
      assert.ok(row, `row ${d['doc_id']}`);
      assert.equal(text(row.querySelector('td')), d['place_name']);
      assert.equal(text(row.querySelectorAll('td')[1]), d['department']);
      if (d['source_format'] === 'pdf') assert.ok(row.querySelector(`a[href="/sources/${d['doc_id']}.pdf"]`), `${d['doc_id']}: PDF link`);
    }
  });

  test('the source page of a district document names its 地区 and department', { skip: !has('shanghai-putuo-2024-czj-final') }, () => {
    const doc = html('source/shanghai-putuo-2024-czj-final');
    assert.match(text(doc.querySelector('.breadcrumb')), /首页 › 上海市普陀区 › 原文/);
    const facts = Object.fromEntries([...doc.querySelectorAll('dl.doc-facts > div')].map((div) => [text(div.querySelector('dt')), text(div.querySelector('dd'))]));
    assert.equal(facts['地区'], '上海市普陀区');
    assert.equal(facts['部门'], '财政局');
    assert.equal(facts['类型'], '部门决算');
    assert.equal(facts['范围'], '部门');
    assert.equal(facts['城市'], undefined, 'a district is not called a 城市');
  });
});

describe('comparisons: only the same year, kind and scope side by side', () => {
  test('the home comparison says so and compares one cohort in its table and charts', () => {
    const doc = html('');
    const section = doc.getElementById('compare')!.closest('section')!;
    assert.ok(text(section).includes(SAME_KIND));
    for (const table of section.querySelectorAll('table.compare')) {
      const ids = [...table.querySelectorAll('tbody tr')].map((tr) => tr.getAttribute('data-doc-id')!);
      const kinds = new Set(ids.map((id) => {
        const d = documents.find((x) => x['doc_id'] === id)!;
        return `${d['fiscal_year']}-${d['doc_kind']}-${d['scope']}`;
      }));
      assert.ok(ids.length > 1, 'a comparison has two documents or more');
      assert.equal(kinds.size, 1, `one year, kind and scope in ${[...kinds].join(', ')}`);
    }
  });

  test('a document without a 项目支出表 shows no project count of 0 but says why', { skip: !has('shanghai-putuo-2024-rmzfwljdbsc-budget') }, () => {
    const doc = html('');
    const row = doc.querySelector('table.compare tr[data-doc-id="shanghai-putuo-2024-rmzfwljdbsc-budget"]');
    assert.ok(row, 'the 2024 街道 budget is compared with the other 2024 department budgets');
    assert.equal(text(row.querySelectorAll('td.num')[5]), '—');
    assert.match(text(doc.getElementById('compare')!.closest('section')), /项目支出表未公开/);
  });

  test('topic pages say what they compare; the checks scorecard has one table per cohort', () => {
    for (const slug of ['three-public', 'projects', 'personnel', 'social-insurance', 'performance', 'checks']) {
      assert.ok(text(html(`topic/${slug}`).querySelector('main')).includes(SAME_KIND), `/topic/${slug}/`);
    }
    const doc = html('topic/checks');
    const tables = [...doc.querySelectorAll('table.topic-scorecard')];
    const docsIn = tables.map((t) => t.querySelectorAll('thead th').length - 1);
    assert.equal(docsIn.reduce((a, n) => a + n, 0), documents.length, 'every document in exactly one matrix');
    const cohortsOf = tables.map((t) => t.getAttribute('data-cohort'));
    assert.equal(new Set(cohortsOf).size, tables.length);
  });

  test('/topic/projects/ says which documents print no 项目支出表 instead of counting 0', { skip: !has('shanghai-putuo-2025-swwyh-budget') }, () => {
    const doc = html('topic/projects');
    const section = doc.getElementById('projects-shanghai-putuo-2025-swwyh-budget')!.closest('section')!;
    assert.equal(text(section.querySelector('p')), '未公开项目支出表。');
    const chartDocs = [...doc.querySelectorAll('#topic-projects-by-type tbody tr td:first-child')].map(text);
    assert.ok(!chartDocs.some((t) => t.includes('上海')), 'no Shanghai document in the chart of project types');
  });
});

describe('labels', () => {
  test('document kinds and scopes', () => {
    assert.equal(docKindZh('budget'), '预算');
    assert.equal(docKindZh('final'), '部门决算');
    assert.equal(scopeZh('department'), '部门');
    assert.equal(scopeZh('unit'), '单位');
    assert.equal(docTypeZh('budget', 'department'), '部门预算');
    assert.equal(docTypeZh('budget', 'unit'), '单位预算');
    assert.equal(docTypeZh('final', 'department'), '部门决算');
    assert.equal(docTypeZh('performance', 'department'), '整体绩效目标');
  });

  test('labels keep the short names readers know, and tell a unit budget from a department budget', () => {
    const d = { who: '郑州', fiscal_year: 2024, doc_kind: 'budget', scope: 'department' };
    assert.equal(docLabel(d), '郑州 2024');
    assert.equal(docName(d), '郑州 2024 年预算');
    assert.equal(docLabel({ ...d, scope: 'unit' }), '郑州 2024（单位预算）');
    assert.equal(docName({ ...d, doc_kind: 'final' }), '郑州 2024 年部门决算');
  });

  test('cohorts: same year, kind and scope; the largest first', () => {
    const docs = [
      { id: 'a', fiscal_year: 2024, doc_kind: 'budget', scope: 'department' },
      { id: 'b', fiscal_year: 2025, doc_kind: 'budget', scope: 'unit' },
      { id: 'c', fiscal_year: 2024, doc_kind: 'budget', scope: 'department' },
      { id: 'd', fiscal_year: 2024, doc_kind: 'final', scope: 'department' },
      { id: 'e', fiscal_year: 2025, doc_kind: 'budget', scope: 'department' },
    ];
    const cs = cohorts(docs, (x) => x);
    assert.deepEqual(cs.map((c) => [c.key, c.items.map((x) => x.id)]), [
      ['2024-budget', ['a', 'c']], ['2025-budget', ['e']], ['2025-budget-unit', ['b']], ['2024-final', ['d']],
    ]);
    assert.equal(cs[0]!.label, '2024 年部门预算');
    assert.equal(cs[2]!.label, '2025 年单位预算');
  });
});
