// Home and /about/ in Debian's chromium at phone and desktop widths: no console errors, nothing
// from another origin, axe clean, no sideways scrolling; screenshots to test-artifacts/.
// Assumes `npm run build` has produced dist/ (`npm test` builds first).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openPage, runAxe, screenshot, useSite, VIEWPORTS } from './browser.ts';

const PAGES = [
  { path: '/', name: 'home', title: /预算透视/ },
  { path: '/about/', name: 'about', title: /方法与说明/ },
];

describe('home and about pages', () => {
  const site = useSite();

  for (const pg of PAGES) {
    for (const viewport of VIEWPORTS) {
      test(`${pg.path} at ${viewport.width}×${viewport.height}`, async () => {
        const p = await openPage(site.browser, site.server.origin, viewport);
        try {
          const { page } = p;
          const response = await page.goto(`${site.server.origin}${pg.path}`, { waitUntil: 'networkidle' });
          assert.equal(response?.status(), 200);
          assert.equal(await page.locator('html[lang="zh-CN"]').count(), 1, 'html lang is zh-CN');
          assert.match(await page.title(), pg.title);
          for (const landmark of ['header', 'main', 'footer']) {
            assert.equal(await page.locator(landmark).count(), 1, `one <${landmark}>`);
          }

          // The main navigation: every item visible and on screen, the current one marked.
          const nav = page.locator('nav[aria-label="主导航"] a');
          const labels = await nav.allTextContents();
          for (const label of ['首页', '城市', '专题', '数据核对', '下载', '查询', '关于']) assert.ok(labels.includes(label), `nav has ${label}`);
          for (const a of await nav.all()) {
            const box = await a.boundingBox();
            assert.ok(box && box.x >= 0 && box.x + box.width <= viewport.width, `nav item "${await a.textContent()}" is on screen`);
          }
          assert.equal(await page.locator('nav[aria-label="主导航"] a[aria-current="page"]').count(), 1, 'the current page is marked');

          // Readable at this width: the page never scrolls sideways (wide tables scroll in their box).
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          assert.ok(overflow <= 0, `page overflows the viewport by ${overflow}px`);

          const violations = await runAxe(page);
          assert.deepEqual(violations, [], `axe violations:\n${JSON.stringify(violations, null, 2)}`);

          await screenshot(page, `${pg.name}-${viewport.width}`);

          assert.deepEqual(p.foreignRequests(), [], 'no request to another origin');
          assert.deepEqual(p.errors, [], 'no console errors');
          assert.ok(p.requests.length > 0 && p.requests.every((u) => u.startsWith(site.server.origin)));
        } finally {
          await p.close();
        }
      });
    }
  }
});
