// Reading on a 360 px phone: the navigation fits one line; a table that scrolls sideways says so (a
// shadow at the edge it runs on past) and is a named, keyboard-focusable region; the drill-down's 指标
// column keeps a readable width; figures compared side by side share one unit and one precision.
// Assumes `npm run build` has produced dist/ (`npm test` builds first).
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { DIST, useSite } from './browser.ts';

const PHONE = { width: 360, height: 800 };
const drill = readdirSync(join(DIST, 'explore'), { withFileTypes: true }).filter((e) => e.isDirectory() && e.name.startsWith('zhengzhou-2024-rlzyhshbzj')).map((e) => `/explore/${e.name}/`)[0]!;
/** One page of each kind a reader meets. */
const PAGES = ['/', '/city/zhengzhou/', '/city/shanghai-putuo/', '/topic/', '/topic/projects/', '/topic/checks/', '/data/', '/about/', '/search/', '/explore/', drill, '/source/zhengzhou-2024-rlzyhshbzj-budget/'];

/** One phone-sized context for the whole file: a fresh tab per visit (contexts are the slow part). */
let context: BrowserContext | undefined;
async function open(site: ReturnType<typeof useSite>, path: string, expand = true): Promise<{ page: Page; close(): Promise<void> }> {
  if (!context) {
    context = await site.browser.newContext({ viewport: PHONE, locale: 'zh-CN' });
    await context.route((url) => url.origin !== site.server.origin, (r) => r.abort('blockedbyclient'));
  }
  const page = await context.newPage();
  // 'load': the stylesheet is in (DOMContentLoaded does not wait for it).
  await page.goto(`${site.server.origin}${path}`, { waitUntil: 'load' });
  if (expand) await page.evaluate(() => document.querySelectorAll('main details').forEach((d) => { (d as HTMLDetailsElement).open = true; }));
  return { page, close: () => page.close() };
}

/** `fn` over `items`, three tabs at a time. */
async function each<T>(items: T[], fn: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  const worker = async () => { for (let x = queue.shift(); x !== undefined; x = queue.shift()) await fn(x); };
  await Promise.all([worker(), worker(), worker()]);
}

describe('phones (360 px)', () => {
  const site = useSite();
  after(async () => { await context?.close(); });

  test('the navigation fits one line on every kind of page', async () => {
    await each(PAGES, async (path) => {
      const p = await open(site, path, false);
      try {
        const tops = await p.page.locator('.site-header nav li').evaluateAll((lis) => lis.map((li) => Math.round(li.getBoundingClientRect().top)));
        assert.ok(tops.length >= 5, `${path}: nav items`);
        assert.equal(new Set(tops).size, 1, `${path}: nav items on ${new Set(tops).size} lines (tops ${tops.join(', ')})`);
        const right = await p.page.locator('.site-header nav ul').evaluate((ul) => ul.getBoundingClientRect().right);
        assert.ok(right <= PHONE.width, `${path}: nav ends at ${right}px`);
      } finally {
        await p.close();
      }
    });
  });

  test('a table that scrolls sideways shows a shadow at that edge and is a named, focusable region', async () => {
    let scrolling = 0;
    await each([...PAGES, '/embed/zhengzhou-2024-rlzyhshbzj-budget-projects-top/'], async (path) => {
      const p = await open(site, path);
      try {
        const boxes = await p.page.locator('.table-scroll').evaluateAll((els) => els.map((el) => {
          const label = el.getAttribute('aria-label')
            ?? (el.getAttribute('aria-labelledby') ?? '').split(/\s+/).map((id) => document.getElementById(id)?.textContent?.trim() ?? '').join(' ').trim();
          return {
            scrolls: el.scrollWidth > el.clientWidth + 1,
            role: el.getAttribute('role'),
            tabindex: el.getAttribute('tabindex'),
            label,
            shadow: getComputedStyle(el).backgroundImage,
            // The drill-down's indicator tables are the explorer's component (src/components/explore/).
            drill: el.querySelector('table.drill-indicators') !== null,
          };
        }));
        for (const [i, b] of boxes.entries()) {
          if (!b.scrolls) continue;
          scrolling++;
          assert.match(b.shadow, /radial-gradient.*radial-gradient/, `${path} table ${i}: an edge shadow shows that it scrolls`);
          if (b.drill) continue;
          assert.equal(b.role, 'region', `${path} table ${i}: a region`);
          assert.equal(b.tabindex, '0', `${path} table ${i}: reachable with the keyboard`);
          assert.ok(b.label.length > 0, `${path} table ${i}: named for screen readers`);
        }
      } finally {
        await p.close();
      }
    });
    assert.ok(scrolling > 0, 'some table scrolls sideways at 360 px');
  });

  test('the drill-down’s 指标 column keeps a readable width', async () => {
    const p = await open(site, drill);
    try {
      const widths = await p.page.locator('table.drill-indicators tbody td:nth-child(2)').evaluateAll((tds) => tds.map((td) => td.getBoundingClientRect().width));
      assert.ok(widths.length > 10, `${widths.length} indicators`);
      const px = await p.page.locator('table.drill-indicators').first().evaluate((t) => parseFloat(getComputedStyle(t).fontSize));
      // Seven characters a line at the table's type at least (it was 3: “中小 / 学退 / 休教…”).
      for (const w of widths) assert.ok(w >= px * 7, `指标 column ${Math.round(w)} px < ${px * 7} px`);
    } finally {
      await p.close();
    }
  });

  test('figures compared side by side share one unit and one precision', async () => {
    const unitAndDecimals = (s: string) => {
      const m = /([\d,]+)(?:\.(\d+))? (万元|亿元)/.exec(s);
      return m ? `${m[3]} with ${m[2]?.length ?? 0} decimals` : null;
    };
    // The place cards on the home page: 8.47 / 6.60 / 5.31 / 1.74 亿元, never 6.6 beside 5.31.
    const home = await open(site, '/', false);
    try {
      const cards = (await home.page.locator('.city-cards .city-figure').allTextContents()).map(unitAndDecimals);
      assert.ok(cards.length >= 3, `${cards.length} place cards with a total`);
      assert.equal(new Set(cards).size, 1, `place cards: ${cards.join(' / ')}`);
    } finally {
      await home.close();
    }
    // Each bar chart's value labels (a treemap's cells are not read side by side, and are left out).
    await each(['/', '/city/zhengzhou/', '/city/luoyang/', '/topic/projects/', '/topic/personnel/', '/topic/three-public/'], async (path) => {
      const p = await open(site, path, false);
      try {
        const charts = await p.page.locator('figure.chart').evaluateAll((figs) => figs.map((f) => ({
          id: f.getAttribute('data-chart-id') ?? '',
          texts: [...f.querySelectorAll('.chart-svg svg text')].map((t) => t.textContent ?? ''),
        })));
        for (const c of charts.filter((x) => !x.id.endsWith('-function-tree'))) {
          const amounts = c.texts.flatMap((t) => t.match(/[\d,]+(?:\.\d+)? (万元|亿元)/g) ?? []);
          assert.ok(new Set(amounts.map(unitAndDecimals)).size <= 1, `${path} ${c.id}: ${amounts.join(' / ')}`);
          const shares = c.texts.flatMap((t) => /· ([\d.]+)%$/.exec(t)?.[1] ?? []);
          assert.ok(new Set(shares.map((s) => s.split('.')[1]?.length ?? 0)).size <= 1, `${path} ${c.id}: shares ${shares.join(' / ')}`);
        }
      } finally {
        await p.close();
      }
    });
  });
});
