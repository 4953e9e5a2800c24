// The home page's content in Debian's chromium: every document listed with its texts, every city
// and topic linked, the cross-city charts, print layout. (Viewports, axe and requests: pages.test.ts.)
// Assumes `npm run build` has produced dist/ (`npm test` builds first).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, readCsv, ROOT, startServer } from './browser.ts';
import type { InstrumentedPage, StaticServer } from './browser.ts';

const documents = readCsv(join(ROOT, 'public', 'data', 'documents.csv'));
const docIds = documents.map((d) => d['doc_id'] ?? '');
const citySlugs = [...new Set(documents.map((d) => d['city_slug'] ?? ''))];
const TOPICS = ['three-public', 'projects', 'personnel', 'social-insurance', 'performance', 'checks'];

/** Local hrefs on the page, as pathnames with their hash. */
async function links(page: Page): Promise<string[]> {
  return page.locator('main a[href]').evaluateAll((as) => as.map((a) => {
    const u = new URL((a as HTMLAnchorElement).href);
    return u.origin === location.origin ? u.pathname + u.hash : u.href;
  }));
}

describe('home page', () => {
  let server: StaticServer;
  let browser: Browser;
  let p: InstrumentedPage;

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    p = await openPage(browser, server.origin, { width: 1280, height: 800 });
    await p.page.goto(`${server.origin}/`, { waitUntil: 'networkidle' });
  });

  after(async () => {
    await p?.close();
    await browser?.close();
    await server?.close();
  });

  test('documents.csv lists documents', () => {
    assert.ok(docIds.length > 0, 'public/data/documents.csv has no rows');
    for (const id of docIds) assert.match(id, /^[a-z0-9]+(?:-[a-z0-9]+)*-\d{4}-[a-z0-9]+-(?:budget|performance|final)(?:-unit)?$/);
  });

  test('every document is listed once, with its line-numbered text and its raw .txt', async () => {
    const { page } = p;
    assert.equal(await page.locator('table.documents tbody tr').count(), docIds.length, 'one table row per document');
    for (const id of docIds) {
      const row = page.locator(`table.documents tbody tr[data-doc-id="${id}"]`);
      assert.equal(await row.count(), 1, `row for ${id}`);
      assert.equal(await row.locator(`a[href="/source/${id}/"]`).count(), 1, `link to /source/${id}/`);
      const link = row.locator('a.source-link');
      assert.equal(await link.count(), 1, `source link for ${id}`);
      assert.ok(await link.isVisible(), `source link for ${id} is visible`);
      const url = new URL((await link.getAttribute('href'))!, page.url());
      assert.equal(url.origin, server.origin, `source link for ${id} is local`);
      assert.equal(url.pathname, `/sources/${id}.txt`);
      const res = await fetch(url);
      assert.equal(res.status, 200, `${url} status`);
      assert.match(res.headers.get('content-type') ?? '', /^text\/plain; charset=utf-8/);
      const body = Buffer.from(await res.arrayBuffer());
      assert.ok(body.length > 0 && body.equals(readFileSync(join(ROOT, 'public', 'sources', `${id}.txt`))), `${url} matches public/sources`);
    }
  });

  test('links to every city, every topic, the method and the data', async () => {
    const hrefs = await links(p.page);
    for (const slug of citySlugs) assert.ok(hrefs.includes(`/city/${slug}/`), `link to /city/${slug}/`);
    for (const t of TOPICS) assert.ok(hrefs.includes(`/topic/${t}/`), `link to /topic/${t}/`);
    for (const path of ['/topic/', '/about/', '/data/', '/data/datapackage.json']) assert.ok(hrefs.includes(path), `link to ${path}`);
    assert.ok(await p.page.locator('#cities').isVisible(), 'the 城市 section the navigation points to');
  });

  test('cross-city charts, each with its data and source lines; every figure of the comparison links to its line', async () => {
    const { page } = p;
    for (const id of ['home-expenditure', 'home-basic-project', 'home-three-public', 'home-top-projects']) {
      const fig = page.locator(`figure.chart#${id}`);
      assert.equal(await fig.count(), 1, `chart ${id}`);
      assert.ok((await fig.locator('svg[role="img"]').getAttribute('aria-label'))?.length, `${id} has an accessible name`);
      assert.ok(await fig.locator('details tbody tr').count() > 0, `${id} has a data table`);
      assert.ok(await fig.locator('a[href*="/source/"][href*="#L"]').count() > 0, `${id} links to its source lines`);
    }
    const cells = page.locator('table.compare tbody td.num');
    const n = await cells.count();
    assert.ok(n > 0);
    for (let i = 0; i < n; i++) {
      const cell = cells.nth(i);
      const text = (await cell.textContent())?.trim();
      if (text === '—') continue;
      assert.equal(await cell.locator('a').count(), 1, `comparison figure "${text}" is a link`);
    }
  });

  test('print: navigation hidden, document table kept', async () => {
    const q = await openPage(browser, server.origin, { width: 1280, height: 800 });
    try {
      await q.page.goto(`${server.origin}/`, { waitUntil: 'networkidle' });
      await q.page.emulateMedia({ media: 'print' });
      assert.equal(await q.page.locator('header nav').isVisible(), false, 'nav hidden in print');
      assert.ok(await q.page.locator('table.documents').isVisible(), 'document table printed');
      assert.deepEqual(q.errors, []);
    } finally {
      await q.close();
    }
  });

  test('no console errors, nothing from another origin', () => {
    assert.deepEqual(p.errors, []);
    assert.deepEqual(p.foreignRequests(), []);
  });
});
