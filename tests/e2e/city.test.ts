// Every city page in Debian's chromium at phone and desktop widths: no console errors, nothing
// from another origin, axe clean, no sideways scrolling, charts readable without JavaScript;
// screenshots to test-artifacts/city-<slug>-<width>.png.
// Assumes `npm run build` has produced dist/ (`npm test` builds first).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { openPage, readCsv, ROOT, runAxe, screenshot, useSite, VIEWPORTS } from './browser.ts';

const documents = readCsv(join(ROOT, 'public', 'data', 'documents.csv'));
const slugs = [...new Set(documents.map((d) => d['city_slug']!))];

// Pages run two at a time in one browser: each test opens its own page, and the suite is one of the slowest files.
describe('city pages', { concurrency: 2 }, () => {
  const site = useSite();

  for (const slug of slugs) {
    for (const viewport of VIEWPORTS) {
      test(`/city/${slug}/ at ${viewport.width}×${viewport.height}`, async () => {
        const p = await openPage(site.browser, site.server.origin, viewport);
        try {
          const { page } = p;
          const response = await page.goto(`${site.server.origin}/city/${slug}/`, { waitUntil: 'networkidle' });
          assert.equal(response?.status(), 200);
          assert.equal(await page.locator('html[lang="zh-CN"]').count(), 1);
          assert.equal(await page.locator('main h1').count(), 1);
          for (const d of documents.filter((x) => x['city_slug'] === slug)) {
            assert.ok(await page.locator(`article#${d['doc_id']}`).isVisible(), `${d['doc_id']} shown`);
          }

          // Charts are drawn, visible and fit the screen; the data table opens.
          const charts = page.locator('figure.chart');
          assert.ok((await charts.count()) > 0, 'charts');
          for (const svg of await page.locator('figure.chart svg[role="img"]').all()) {
            const box = await svg.boundingBox();
            assert.ok(box && box.width > 200 && box.x >= 0 && box.x + box.width <= viewport.width, 'chart within the viewport');
          }
          const first = charts.first();
          await first.locator('details.chart-data > summary').click();
          assert.ok(await first.locator('details.chart-data table').isVisible(), 'data table opens');

          // A figure in the text goes to its line of the disclosure.
          const fig = page.locator('a.fig').first();
          assert.match((await fig.getAttribute('href')) ?? '', /^\/source\/[a-z0-9-]+\/#L\d+(-L\d+)?$/);

          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          assert.ok(overflow <= 0, `page overflows the viewport by ${overflow}px`);

          const violations = await runAxe(page);
          assert.deepEqual(violations, [], `axe violations:\n${JSON.stringify(violations, null, 2)}`);

          await screenshot(page, `city-${slug}-${viewport.width}`);

          assert.deepEqual(p.foreignRequests(), [], 'no request to another origin');
          assert.deepEqual(p.errors, [], 'no console errors');
        } finally {
          await p.close();
        }
      });
    }
  }

  test('readable without JavaScript: text, figures and charts are in the HTML', async () => {
    const context = await site.browser.newContext({ viewport: { width: 360, height: 800 }, javaScriptEnabled: false, locale: 'zh-CN' });
    await context.route((url) => url.origin !== site.server.origin, (route) => route.abort('blockedbyclient'));
    try {
      const page = await context.newPage();
      for (const slug of slugs) {
        await page.goto(`${site.server.origin}/city/${slug}/`);
        assert.ok((await page.locator('a.fig').count()) > 5, `${slug}: figures in the text`);
        assert.ok(await page.locator('figure.chart svg').first().isVisible(), `${slug}: charts visible`);
        const details = page.locator('details.chart-data').first();
        await details.locator('summary').click();
        assert.ok(await details.locator('table').isVisible(), `${slug}: data table opens without JavaScript`);
      }
    } finally {
      await context.close();
    }
  });
});
