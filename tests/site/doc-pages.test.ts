// Every document has its own page, /city/<slug>/<doc_id>/, with everything the site says about it,
// and every list leads to it; the vendored places (below the paging bounds) keep their whole page.
// Runs on the built dist/ (`npm run build`).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parseHTML } from 'linkedom';
import { DIST, readCsv, ROOT } from '../e2e/browser.ts';
import { inFullOnPlacePage, TOPIC_DOCS } from '../../src/lib/paging.ts';

const documents = readCsv(join(ROOT, 'public', 'data', 'documents.csv'));
const html = (path: string): Document => {
  const file = join(DIST, path, 'index.html');
  assert.ok(existsSync(file), `dist/${path}/index.html was not built`);
  return parseHTML(readFileSync(file, 'utf8')).document as unknown as Document;
};
const own = (d: Record<string, string>) => `/city/${d['city_slug']}/${d['doc_id']}/`;
const perPlace = Map.groupBy(documents, (d) => d['city_slug']!);
/** A document's section as the site shows it: its parts by id. */
const parts = (doc: Document, id: string) => [...doc.querySelectorAll(`article#${id} section.part`)].map((s) => s.id);

describe('each document’s own page', () => {
  for (const d of documents) {
    const id = d['doc_id']!;
    test(`${own(d)}: the whole section, under a heading that names the publisher and the document`, () => {
      const page = html(own(d).slice(1));
      assert.equal(page.documentElement.getAttribute('lang'), 'zh-CN');
      assert.equal(page.querySelectorAll('h1').length, 1);
      assert.match(page.querySelector('h1')?.textContent ?? '', new RegExp(`${d['fiscal_year']} 年`));
      const mine = parts(page, id);
      // A budget or 决算 has ten parts (收入, 支出 … 核对); a performance form, its targets and checks.
      assert.ok(mine.length >= (d['doc_kind'] === 'performance' ? 2 : 5), `${id}: ${mine.length} parts`);
      assert.ok(page.querySelector(`a[href="/city/${d['city_slug']}/"]`), 'links back to its place');
      if (inFullOnPlacePage(perPlace.get(d['city_slug']!)!.length)) {
        // The same parts as on the place page, which the search index holds instead (one hit, not two).
        assert.deepEqual(mine, parts(html(`city/${d['city_slug']}`), id));
        assert.ok(page.querySelector(`article#${id}`)?.closest('[data-pagefind-ignore]'), 'left to the place page in the search index');
      }
    });
  }
});

describe('lists lead to each document', () => {
  test('the vendored places keep every document in full on their page, each linking to its own page', () => {
    for (const [slug, docs] of perPlace) {
      assert.ok(inFullOnPlacePage(docs.length), `${slug}: ${docs.length} documents fit`);
      const page = html(`city/${slug}`);
      assert.equal(page.querySelectorAll('article.doc').length, docs.length, slug);
      for (const d of docs) assert.ok(page.querySelector(`article#${d['doc_id']} a.doc-own[href="${own(d)}"]`), `${d['doc_id']}: link to its own page`);
      assert.equal(page.querySelector('nav.pager'), null, `${slug}: no pages of a list`);
    }
  });

  test('/documents/ lists every document on one page and links each to its own page; the home page lists them all too', () => {
    const list = html('documents');
    const home = html('');
    for (const d of documents) {
      assert.ok(list.querySelector(`tr[data-doc-id="${d['doc_id']}"] a[href="${own(d)}"]`), `/documents/: ${d['doc_id']}`);
      assert.ok(home.querySelector(`table.documents tr[data-doc-id="${d['doc_id']}"] a[href="${own(d)}"]`), `home: ${d['doc_id']}`);
    }
    assert.equal(list.querySelectorAll('table.documents tbody tr').length, documents.length);
    assert.ok(!existsSync(join(DIST, 'documents', '2')), 'one page holds them all');
  });

  test('the search page’s browse list leads to a page holding the document in full', () => {
    const search = html('search');
    for (const d of documents) {
      const link = [...search.querySelectorAll('.search-browse a')].find((a) => (a.getAttribute('href') ?? '').endsWith(`#${d['doc_id']}`) || a.getAttribute('href') === own(d));
      assert.ok(link, `${d['doc_id']}: linked`);
      const [path, anchor] = link.getAttribute('href')!.split('#');
      assert.ok(html(path!.slice(1)).querySelector(`article#${anchor ?? d['doc_id']}`), `${link.getAttribute('href')}: the document’s section`);
    }
  });

  test('topic pages list every document while they fit on one page', () => {
    const projects = html('topic/projects');
    const listed = projects.querySelectorAll('section.topic-doc').length;
    assert.ok(listed > 0 && listed <= TOPIC_DOCS, `${listed} documents`);
    assert.equal(projects.querySelector('#projects-docs')?.closest('section')?.querySelector('nav.pager'), null);
    assert.ok(!existsSync(join(DIST, 'topic', 'projects', '2')));
  });
});
