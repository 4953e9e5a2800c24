// /search/ in Debian's chromium: Pagefind finds Chinese words in the built site, results link to
// pages that hold them, everything loads from this origin, the page is keyboard-usable and axe clean
// at phone and desktop widths, and says what it needs without JavaScript.
// Assumes `npm run build` has produced dist/ with its search index (`npm test` builds first).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { DIST, openPage, runAxe, screenshot, useSite, VIEWPORTS } from './browser.ts';

/** The built HTML of a site path ('/city/zhengzhou/#…' → dist/city/zhengzhou/index.html). */
const built = (href: string) => readFileSync(join(DIST, new URL(href, 'http://x').pathname, 'index.html'), 'utf8');

async function results(page: Page): Promise<string[]> {
  await page.locator('.search-results > li').first().waitFor({ timeout: 15_000 });
  return page.locator('.search-results > li h3 a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
}

async function searchFor(page: Page, term: string): Promise<string[]> {
  const input = page.getByRole('searchbox', { name: '搜索词' });
  await input.fill(term);
  await input.press('Enter');
  await page.locator('.search-status').filter({ hasText: term }).waitFor({ timeout: 15_000 });
  return results(page);
}

describe('/search/', () => {
  const site = useSite();

  for (const viewport of VIEWPORTS) {
    test(`finds 普惠金融 at ${viewport.width}×${viewport.height}: results link to pages that contain it; axe clean`, async () => {
      const p = await openPage(site.browser, site.server.origin, viewport);
      try {
        const { page } = p;
        const response = await page.goto(`${site.server.origin}/search/`, { waitUntil: 'networkidle' });
        assert.equal(response?.status(), 200);
        assert.match(await page.title(), /^搜索 · /);
        assert.equal(await page.locator('nav[aria-label="主导航"] a[aria-current="page"]').innerText(), '搜索');
        assert.ok(await page.getByRole('search', { name: '全站搜索' }).isVisible(), 'the form is shown once the script runs');
        assert.ok(!(await page.locator('.search-nojs').isVisible()), 'the no-JavaScript note is hidden');
        assert.deepEqual(await runAxe(page), [], 'axe, before a search');

        const hrefs = await searchFor(page, '普惠金融');
        assert.match(await page.locator('.search-status').innerText(), /找到 \d+ 个页面含“普惠金融”/);
        assert.ok(new URL(page.url()).searchParams.get('q') === '普惠金融', 'the query is kept in the address');
        for (const want of ['/city/zhengzhou/', '/explore/zhengzhou-2024-rlzyhshbzj-budget/']) {
          assert.ok(hrefs.some((h) => h.startsWith(want)), `${want} is among the results: ${hrefs.join(' ')}`);
        }
        for (const h of hrefs) {
          assert.match(h, /^\/(?!\/)/, `${h}: a link within the site`);
          assert.ok(built(h).includes('普惠金融'), `${h} does not contain 普惠金融`);
        }
        assert.ok((await page.locator('.search-results mark').count()) > 0, 'excerpts mark the words found');
        assert.deepEqual(await runAxe(page), [], 'axe, with results');
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `page overflows the viewport by ${overflow}px`);
        await screenshot(page, `search-${viewport.width}`);

        // Everything came from this site: Pagefind's script, worker, WebAssembly, index and fragments.
        const bundle = p.requests.filter((u) => u.includes('/pagefind/'));
        assert.ok(bundle.some((u) => u.endsWith('/pagefind/pagefind.js')));
        assert.ok(bundle.some((u) => /\/index\/[\w-]+\.pf_index$/.test(u)), 'index chunks');
        assert.ok(bundle.some((u) => /\/fragment\/[\w-]+\.pf_fragment$/.test(u)), 'result fragments');
        assert.deepEqual(p.foreignRequests(), [], 'no request to another origin');
        assert.deepEqual(p.errors, [], 'no console errors');

        // The first result opens a page that contains the words.
        const first = page.locator('.search-results > li h3 a').first();
        const target = await first.getAttribute('href');
        await first.click();
        await page.waitForURL((u) => u.pathname === new URL(target!, site.server.origin).pathname);
        assert.ok((await page.locator('main').textContent())?.includes('普惠金融'), `${target}: 普惠金融 in <main>`);
        assert.deepEqual(p.errors, []);
      } finally {
        await p.close();
      }
    });
  }

  test('社会保险 and 商务委员会 find the pages that hold them', async () => {
    const p = await openPage(site.browser, site.server.origin, VIEWPORTS[1]!);
    try {
      const { page } = p;
      await page.goto(`${site.server.origin}/search/`, { waitUntil: 'networkidle' });
      const cases = [
        { term: '社会保险', want: ['/topic/social-insurance/'] },
        // The 商务委员会 is one of 上海普陀区's departments.
        { term: '商务委员会', want: ['/city/shanghai-putuo/'] },
      ];
      for (const { term, want } of cases) {
        const hrefs = await searchFor(page, term);
        for (const w of want) assert.ok(hrefs.some((h) => h.startsWith(w)), `${term}: ${w} among ${hrefs.join(' ')}`);
        for (const h of hrefs) assert.ok(built(h).includes(term), `${term}: ${h} does not contain it`);
      }
      // Searched as a phrase: the site writes “三公”经费, so pages with both words are offered, and it says so.
      await searchFor(page, '三公经费');
      assert.match(await page.locator('.search-status').innerText(), /没有页面含完整的“三公经费”；找到 \d+ 个页面含其中的每个词/);
      // A word the site does not hold: said so, no results.
      await page.getByRole('searchbox', { name: '搜索词' }).fill('xyzzy');
      await page.locator('.search-status').filter({ hasText: '没有找到' }).waitFor();
      assert.equal(await page.locator('.search-results > li').count(), 0);
      assert.deepEqual(p.foreignRequests(), []);
      assert.deepEqual(p.errors, []);
    } finally {
      await p.close();
    }
  });

  test('keyboard: Tab to the box, type, Enter, Tab to the results, more results', async () => {
    const p = await openPage(site.browser, site.server.origin, VIEWPORTS[0]!);
    try {
      const { page } = p;
      await page.goto(`${site.server.origin}/search/`, { waitUntil: 'networkidle' });
      let tabs = 0;
      while (!(await page.evaluate(() => document.activeElement?.id === 'search-q'))) {
        await page.keyboard.press('Tab');
        assert.ok(++tabs < 20, 'the search box is reachable with Tab');
      }
      await page.keyboard.type('社会保险');
      await page.keyboard.press('Enter');
      const hrefs = await results(page);
      assert.equal(hrefs.length, 10, 'ten results at a time');
      await page.keyboard.press('Tab'); // the submit button
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('href')), hrefs[0], 'Tab reaches the first result');

      const more = page.getByRole('button', { name: '显示更多结果' });
      assert.ok(await more.isVisible(), 'more than ten pages hold 社会保险');
      await more.focus();
      await page.keyboard.press('Enter');
      await page.locator('.search-results > li').nth(10).waitFor();
      assert.equal(
        await page.evaluate(() => document.activeElement?.closest('li')?.matches('.search-results > li:nth-child(11)')),
        true,
        'focus moves to the first new result',
      );
      assert.deepEqual(await runAxe(page), []);
      assert.deepEqual(p.errors, []);
    } finally {
      await p.close();
    }
  });

  test('a link with ?q= runs the search', async () => {
    const p = await openPage(site.browser, site.server.origin, VIEWPORTS[1]!);
    try {
      await p.page.goto(`${site.server.origin}/search/?q=${encodeURIComponent('商务委员会')}`, { waitUntil: 'networkidle' });
      assert.equal(await p.page.getByRole('searchbox', { name: '搜索词' }).inputValue(), '商务委员会');
      assert.ok((await results(p.page)).length > 0);
      assert.deepEqual(p.errors, []);
    } finally {
      await p.close();
    }
  });

  test('without JavaScript: says what search needs and lists the places and documents', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false, viewport: VIEWPORTS[0]! });
    try {
      const page = await context.newPage();
      await page.goto(`${site.server.origin}/search/`);
      assert.ok(await page.locator('.search-nojs').isVisible());
      assert.match(await page.locator('.search-nojs').innerText(), /搜索需要.*JavaScript/);
      assert.equal(await page.getByRole('searchbox').count(), 0, 'no search box that could not work');
      assert.ok(await page.locator('.search-browse a[href="/city/zhengzhou/"]').isVisible());
      assert.ok((await page.locator('.search-browse a[href^="/source/"]').count()) > 0);
    } finally {
      await context.close();
    }
  });

  test('reading pages load no search script; their header links to /search/', async () => {
    const p = await openPage(site.browser, site.server.origin, VIEWPORTS[0]!);
    try {
      const { page } = p;
      await page.goto(`${site.server.origin}/explore/zhengzhou-2024-rlzyhshbzj-budget/`, { waitUntil: 'networkidle' });
      assert.equal(p.requests.filter((u) => u.endsWith('.js') || u.includes('/pagefind/')).length, 0, `scripts: ${p.requests.join(' ')}`);
      const link = page.locator('nav[aria-label="主导航"] a', { hasText: '搜索' });
      assert.equal(await link.getAttribute('href'), '/search/');
      await link.click();
      await page.waitForURL(/\/search\/$/);
      assert.ok(await page.getByRole('searchbox', { name: '搜索词' }).isVisible());
    } finally {
      await p.close();
    }
  });
});
