// The home page, in Debian's chromium at phone and desktop widths.
// Assumes `npm run build` has produced dist/ (`npm test` builds first).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser, openPage, readCsv, ROOT, runAxe, screenshot, startServer } from './browser.ts';
import type { StaticServer } from './browser.ts';

const documents = readCsv(join(ROOT, 'public', 'data', 'documents.csv'));
const docIds = documents.map((d) => d['doc_id'] ?? '');

const VIEWPORTS = [
  { width: 360, height: 800 },
  { width: 1280, height: 800 },
];

describe('home page', () => {
  let server: StaticServer;
  let browser: Browser;

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('documents.csv lists documents', () => {
    assert.ok(docIds.length > 0, 'public/data/documents.csv has no rows');
    for (const id of docIds) assert.match(id, /^[a-z0-9]+-\d{4}-(budget|performance)$/);
  });

  test('print: navigation hidden, document table kept', async () => {
    const p = await openPage(browser, server.origin, { width: 1280, height: 800 });
    try {
      await p.page.goto(`${server.origin}/`, { waitUntil: 'networkidle' });
      await p.page.emulateMedia({ media: 'print' });
      assert.equal(await p.page.locator('header nav').isVisible(), false, 'nav hidden in print');
      assert.ok(await p.page.locator('table.documents').isVisible(), 'document table printed');
      assert.deepEqual(p.errors, []);
    } finally {
      await p.close();
    }
  });

  for (const viewport of VIEWPORTS) {
    test(`at ${viewport.width}×${viewport.height}`, async () => {
      const p = await openPage(browser, server.origin, viewport);
      try {
        const { page } = p;
        const response = await page.goto(`${server.origin}/`, { waitUntil: 'networkidle' });
        assert.equal(response?.status(), 200);

        assert.equal(await page.locator('html[lang="zh-CN"]').count(), 1, 'html lang is zh-CN');
        assert.match(await page.title(), /预算透视/);
        for (const landmark of ['header', 'nav', 'main', 'footer']) {
          assert.equal(await page.locator(landmark).count(), 1, `one <${landmark}>`);
        }

        // Every published document is listed, once, with a working link to its source text.
        const rows = page.locator('table.documents tbody tr');
        assert.equal(await rows.count(), docIds.length, 'one table row per document');
        for (const id of docIds) {
          const row = page.locator(`table.documents tbody tr[data-doc-id="${id}"]`);
          assert.equal(await row.count(), 1, `row for ${id}`);
          const link = row.locator('a.source-link');
          assert.equal(await link.count(), 1, `source link for ${id}`);
          assert.ok(await link.isVisible(), `source link for ${id} is visible`);
          const href = await link.getAttribute('href');
          assert.ok(href, `source link for ${id} has an href`);
          const url = new URL(href, page.url());
          assert.equal(url.origin, server.origin, `source link for ${id} is local`);
          assert.equal(url.pathname, `/sources/${id}.txt`);
          const res = await fetch(url);
          assert.equal(res.status, 200, `${url} status`);
          assert.match(res.headers.get('content-type') ?? '', /^text\/plain; charset=utf-8/);
          const body = Buffer.from(await res.arrayBuffer());
          assert.ok(body.length > 0, `${url} is empty`);
          assert.ok(body.equals(readFileSync(join(ROOT, 'public', 'sources', `${id}.txt`))), `${url} matches public/sources`);
        }

        // Readable at this width: the page itself never scrolls sideways (wide tables scroll in their box).
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `page overflows the viewport by ${overflow}px`);

        const violations = await runAxe(page);
        assert.deepEqual(violations, [], `axe violations:\n${JSON.stringify(violations, null, 2)}`);

        await screenshot(page, `home-${viewport.width}`);

        assert.deepEqual(p.foreignRequests(), [], 'no request to another origin');
        assert.deepEqual(p.errors, [], 'no console errors');
        assert.ok(p.requests.length > 0 && p.requests.every((u) => u.startsWith(server.origin)));
      } finally {
        await p.close();
      }
    });
  }
});
