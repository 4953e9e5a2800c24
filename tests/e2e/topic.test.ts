// The topic pages in Debian's chromium at phone and desktop widths: no console errors, nothing
// fetched from another origin, no axe violations (also with every <details> opened), no sideways
// scrolling, and readable with JavaScript off. Screenshots go to test-artifacts/topic-*.png.
// Assumes `npm run build` has produced dist/ (`npm test` builds first).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { openPage, runAxe, screenshot, useSite, VIEWPORTS } from './browser.ts';
import { TOPICS } from '../../src/lib/topics.ts';

const PAGES = [{ path: '/topic/', name: 'topic-index' }, ...TOPICS.map((t) => ({ path: `/topic/${t.slug}/`, name: `topic-${t.slug}` }))];


async function overflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

// Pages run two at a time in one browser: each test opens its own page, and the suite is the slowest file.
describe('topic pages in the browser', { concurrency: 2 }, () => {
  const site = useSite();

  for (const { path, name } of PAGES) {
    for (const viewport of VIEWPORTS) {
      test(`${path} at ${viewport.width}×${viewport.height}`, async () => {
        const p = await openPage(site.browser, site.server.origin, viewport);
        try {
          const { page } = p;
          const response = await page.goto(`${site.server.origin}${path}`, { waitUntil: 'networkidle' });
          assert.equal(response?.status(), 200);
          assert.equal(await page.locator('h1').count(), 1, 'one <h1>');

          assert.ok((await overflow(page)) <= 0, `page overflows the viewport by ${await overflow(page)}px`);
          await screenshot(page, `${name}-${viewport.width}`);
          const closed = await runAxe(page);
          assert.deepEqual(closed, [], `axe violations:\n${JSON.stringify(closed, null, 2)}`);

          // Open every data table and list: still no violations and no sideways scrolling.
          await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
          assert.ok((await overflow(page)) <= 0, `with details open, page overflows by ${await overflow(page)}px`);
          const open = await runAxe(page);
          assert.deepEqual(open, [], `axe violations with details open:\n${JSON.stringify(open, null, 2)}`);

          // Every chart is drawn and fits its column.
          for (const svg of await page.locator('figure.chart svg[role="img"]').all()) {
            const box = await svg.boundingBox();
            assert.ok(box && box.width > 100 && box.height > 50, 'chart has a size');
            assert.ok(box!.x >= 0 && box!.x + box!.width <= viewport.width + 0.5, 'chart fits the viewport');
          }

          assert.deepEqual(p.foreignRequests(), [], 'no request to another origin');
          assert.deepEqual(p.errors, [], 'no console errors');
        } finally {
          await p.close();
        }
      });
    }

    test(`${path} reads without JavaScript`, async () => {
      const context = await site.browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 800 }, locale: 'zh-CN' });
      try {
        const page = await context.newPage();
        await page.goto(`${site.server.origin}${path}`);
        const text = await page.locator('main').innerText();
        assert.ok(text.length > 200, 'main has its text');
        if (path !== '/topic/') assert.ok((await page.locator('figure.chart svg[role="img"]').count()) > 0, 'charts are in the HTML');
      } finally {
        await context.close();
      }
    });
  }
});
