// /source/<doc_id>/ in Debian's chromium: #L257 highlights and scrolls to a line, #L259-L280 a range,
// line numbers link, the page works without JavaScript, and nothing leaves the origin.
// Assumes `npm run build` has produced dist/ (`npm test` builds first).
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { ARTIFACTS, openPage, readCsv, ROOT, runAxe, useSite } from './browser.ts';

const DOC = 'zhengzhou-2024-rlzyhshbzj-budget';
const raw = readFileSync(join(ROOT, 'public', 'sources', `${DOC}.txt`), 'utf8').split('\n');

/** The viewport (the page is 40,000 px tall; what matters is what the reader sees first) to test-artifacts/. */
async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}

/** Which lines are marked, whether each is inside the viewport, and the page's scroll offset. */
async function state(page: Page, from: number, to: number) {
  return page.evaluate(([a, b]) => {
    const out: Array<{ n: number; marked: boolean; visible: boolean; text: string }> = [];
    for (let n = a!; n <= b!; n++) {
      const el = document.getElementById(`L${n}`)!;
      const r = el.getBoundingClientRect();
      const bg = getComputedStyle(el).backgroundColor;
      out.push({ n, marked: bg !== 'rgba(0, 0, 0, 0)' && bg !== 'transparent', visible: r.top >= 0 && r.bottom <= innerHeight, text: el.textContent ?? '' });
    }
    return { lines: out, scrollY, overflow: document.documentElement.scrollWidth - innerWidth };
  }, [from, to]);
}

describe(`/source/${DOC}/`, () => {
  const site = useSite();

  test('the test line is the 合计 row of the expenditure table', () => {
    assert.match(raw[256]!, /^\t{4}合计\t84,669\.1\t/);
  });

  for (const viewport of [{ width: 360, height: 800 }, { width: 1280, height: 800 }]) {
    test(`#L257 at ${viewport.width}px: highlighted, scrolled into view; axe clean; nothing from elsewhere`, async () => {
      const p = await openPage(site.browser, site.server.origin, viewport);
      try {
        const res = await p.page.goto(`${site.server.origin}/source/${DOC}/#L257`, { waitUntil: 'networkidle' });
        assert.equal(res?.status(), 200);
        const s = await state(p.page, 255, 259);
        const at = (n: number) => s.lines.find((l) => l.n === n)!;
        assert.ok(s.scrollY > 0, 'the page scrolled');
        assert.ok(at(257).visible, 'line 257 is in the viewport');
        assert.ok(at(257).marked, 'line 257 is highlighted');
        assert.ok(!at(256).marked && !at(258).marked, 'only line 257 is highlighted');
        assert.equal(at(257).text, `${raw[256]}\n`, 'the line holds the text exactly, tabs included');
        assert.ok(s.overflow <= 0, `page overflows by ${s.overflow}px`);
        await screenshot(p.page, `source-L257-${viewport.width}`);

        const violations = await runAxe(p.page);
        assert.deepEqual(violations, [], `axe violations:\n${JSON.stringify(violations, null, 2)}`);
        assert.deepEqual(p.foreignRequests(), [], 'no request to another origin');
        assert.deepEqual(p.errors, [], 'no console errors');
      } finally {
        await p.close();
      }
    });
  }

  test('#L259-L280 highlights those 22 lines and scrolls to them; a hash change moves the highlight', async () => {
    const p = await openPage(site.browser, site.server.origin, { width: 1280, height: 800 });
    try {
      await p.page.goto(`${site.server.origin}/source/${DOC}/#L259-L280`, { waitUntil: 'networkidle' });
      const s = await state(p.page, 250, 290);
      const marked = s.lines.filter((l) => l.marked).map((l) => l.n);
      assert.deepEqual(marked, Array.from({ length: 22 }, (_, i) => 259 + i), 'lines 259–280 and no others');
      assert.equal(await p.page.locator('pre.src .hl').count(), 22, '22 lines marked in the whole text');
      assert.ok(s.lines.find((l) => l.n === 259)!.visible, 'line 259 is in the viewport');
      await screenshot(p.page, 'source-L259-L280');

      await p.page.evaluate(() => { location.hash = '#L300'; });
      await p.page.waitForFunction(() => document.querySelectorAll('pre.src .hl').length === 1);
      const t = await state(p.page, 300, 300);
      assert.ok(t.lines[0]!.marked && t.lines[0]!.visible, 'line 300 highlighted and in view');
      assert.deepEqual(p.errors, []);
      assert.deepEqual(p.foreignRequests(), []);
    } finally {
      await p.close();
    }
  });

  test('a click on a line number links to the line; Shift+click to a range', async () => {
    const p = await openPage(site.browser, site.server.origin, { width: 1280, height: 800 });
    try {
      await p.page.goto(`${site.server.origin}/source/${DOC}/#L100`, { waitUntil: 'networkidle' });
      const line = p.page.locator('#L103');
      await line.click({ position: { x: 12, y: 8 } });
      assert.equal(await p.page.evaluate(() => location.hash), '#L103');
      await p.page.locator('#L107').click({ position: { x: 12, y: 8 }, modifiers: ['Shift'] });
      assert.equal(await p.page.evaluate(() => location.hash), '#L103-L107');
      assert.equal(await p.page.locator('pre.src .hl').count(), 5);
      // A click on the text itself is for selecting text, not for linking.
      await p.page.locator('#L120').click({ position: { x: 300, y: 8 } });
      assert.equal(await p.page.evaluate(() => location.hash), '#L103-L107');
      assert.deepEqual(p.errors, []);
    } finally {
      await p.close();
    }
  });

  test('without JavaScript, #L257 is still highlighted and in view (CSS :target)', async () => {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 800 }, javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(`${site.server.origin}/source/${DOC}/#L257`, { waitUntil: 'load' });
      const s = await state(page, 257, 257);
      assert.ok(s.lines[0]!.marked && s.lines[0]!.visible);
    } finally {
      await context.close();
    }
  });

  test('the longest document (洛阳, 11,000+ lines): a range near the end opens in view, numbered by its id', async () => {
    const longest = readCsv(join(ROOT, 'public', 'data', 'documents.csv')).sort((a, b) => Number(b['line_count']) - Number(a['line_count']))[0]!;
    const doc = longest['doc_id']!;
    const n = Number(longest['line_count']) - 100;
    const p = await openPage(site.browser, site.server.origin, { width: 360, height: 800 });
    try {
      const t0 = Date.now();
      await p.page.goto(`${site.server.origin}/source/${doc}/#L${n}-L${n + 2}`, { waitUntil: 'load' });
      const ms = Date.now() - t0;
      const s = await state(p.page, n, n + 2);
      assert.ok(s.lines.every((l) => l.marked), 'range highlighted');
      assert.ok(s.lines[0]!.visible, `line ${n} in view`);
      const shown = await p.page.evaluate((id) => getComputedStyle(document.getElementById(id)!, '::before').content, `L${n}`);
      assert.match(shown, new RegExp(`^"L${n}"`), 'the number drawn is the element\'s own id');
      assert.ok(ms < 5000, `loaded in ${ms} ms`);
      await screenshot(p.page, 'source-longest-360');
      assert.deepEqual(p.errors, []);
      assert.deepEqual(p.foreignRequests(), []);
    } finally {
      await p.close();
    }
  });
});
