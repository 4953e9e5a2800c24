// Issue 15: no page grows with the corpus. The bounds (src/lib/paging.ts) and what they select, on
// synthetic lists far larger than the vendored corpus: a place's documents, a topic's documents, a
// cohort in a chart, the names in a sentence, and the page a chart shown twice is embedded from.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { preferredPage } from '../../src/lib/chartRegistry.ts';
import { charted, CHART_DOCS } from '../../src/lib/compare.ts';
import { inFullOnPlacePage, LIST_ROWS, paged, pagePath, pages, PLACE_FULL_DOCS, TOPIC_DOCS } from '../../src/lib/paging.ts';
import { listSome, NAMED } from '../../src/lib/topicText.ts';

/** A city's ~100 departments over five years, as Henan publishes them. */
const cityDocs = Array.from({ length: 500 }, (_, i) => ({ doc_id: `d${i}`, fiscal_year: 2021 + (i % 5), doc_kind: 'budget', scope: 'department', total: i }));

describe('paging', () => {
  test('a list is cut into pages of the size, in order, none lost or repeated; an empty list is one empty page', () => {
    const all = pages(cityDocs, LIST_ROWS);
    assert.equal(all.length, 5);
    assert.deepEqual(all.flat(), cityDocs);
    assert.ok(all.every((p) => p.length <= LIST_ROWS));
    assert.deepEqual(pages([], 10), [[]]);
    assert.throws(() => pages([1], 0), /at least 1/);
  });

  test('each page knows its number, the count, and where it starts in the whole list', () => {
    const p = paged(cityDocs.slice(0, 250), LIST_ROWS);
    assert.deepEqual(p.map((x) => [x.page, x.count, x.offset, x.items.length, x.total]), [[1, 3, 0, 100, 250], [2, 3, 100, 100, 250], [3, 3, 200, 50, 250]]);
  });

  test('page 1 is the list’s own address, the others numbered under it', () => {
    assert.equal(pagePath('city/zhengzhou/', 1, 'docs'), 'city/zhengzhou/');
    assert.equal(pagePath('city/zhengzhou/', 3, 'docs'), 'city/zhengzhou/docs/3/');
    assert.equal(pagePath('documents', 2), 'documents/2/');
    assert.equal(pagePath('topic/projects/', 2), 'topic/projects/2/');
  });

  test('the vendored places (1–4 documents) keep every document in full on their page; a city’s 500 do not', () => {
    for (const n of [1, 4, PLACE_FULL_DOCS]) assert.ok(inFullOnPlacePage(n), `${n} documents`);
    assert.ok(!inFullOnPlacePage(PLACE_FULL_DOCS + 1));
    assert.ok(!inFullOnPlacePage(cityDocs.length));
  });

  test('a topic of 10,000 documents is 500 pages of TOPIC_DOCS', () => {
    const docs = Array.from({ length: 10_000 }, (_, i) => i);
    const p = paged(docs, TOPIC_DOCS);
    assert.equal(p.length, 10_000 / TOPIC_DOCS);
    assert.ok(p.every((x) => x.items.length === TOPIC_DOCS));
  });
});

describe('charts and sentences past the bound', () => {
  test('a cohort larger than CHART_DOCS: the chart keeps the largest by rank, in cohort order; the rest are counted, none lost', () => {
    const { main, shown, left, apart } = charted(cityDocs, (d) => d, (d) => d.total);
    assert.equal(main?.items.length, 100, 'one year’s budgets');
    assert.equal(shown.length, CHART_DOCS);
    assert.equal(shown.length + left.length, 100);
    const least = Math.min(...shown.map((d) => d.total));
    assert.ok(left.every((d) => d.total < least), 'every document left out is smaller than every one shown');
    assert.deepEqual(shown, main!.items.filter((d) => shown.includes(d)), 'shown in the cohort’s order');
    assert.equal(apart.length, 400, 'the other years are apart, not left out');
  });

  test('a cohort within the bound is charted whole, as before', () => {
    const few = cityDocs.filter((d) => d.fiscal_year === 2021).slice(0, 4);
    const { shown, left } = charted(few, (d) => d);
    assert.deepEqual(shown, few);
    assert.deepEqual(left, []);
  });

  test('a sentence names NAMED documents and counts the rest', () => {
    const names = cityDocs.map((d) => d.doc_id);
    const s = listSome(names);
    assert.ok(s.startsWith('d0、d1、'), s);
    assert.ok(s.endsWith('等 500 份'), s);
    assert.ok(!s.includes(`d${NAMED}、`) && !s.includes(`d${NAMED}等`), 'only the first NAMED are named');
    assert.equal(listSome(['郑州 2024', '洛阳 2024']), '郑州 2024和洛阳 2024', 'a short list reads as before');
  });
});

test('a chart on a place page and on its document’s own page is embedded from the place page, whichever renders first', () => {
  const place = '/city/zhengzhou/';
  const own = '/city/zhengzhou/zhengzhou-2024-rlzyhshbzj-budget/';
  assert.equal(preferredPage(place, own), place);
  assert.equal(preferredPage(own, place), place);
  assert.equal(preferredPage('/data/lens/city/a/', '/data/lens/city/b/'), '/data/lens/city/a/', 'same depth: a stable choice');
});
