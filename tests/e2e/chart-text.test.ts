// Charts readable at every width: on every page and embed that has a chart, at 360 and 1280 px, no
// chart text lies outside its chart's box or on top of other text in that chart, and on a phone no
// chart text is drawn smaller than 12 px. And every chart's SVG download says what it is, visibly.
// One browser, a few tabs working through the pages.
// Assumes `npm run build` has produced dist/ (`npm test` builds first).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { DIST, useSite, VIEWPORTS } from './browser.ts';

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return htmlFiles(p);
    return f.endsWith('.html') ? [p] : [];
  });
}

/** Site paths of the reading pages with a chart, and the embed page of every chart they show. */
const pages: string[] = [];
const embeds = new Set<string>();
for (const file of htmlFiles(DIST)) {
  const rel = relative(DIST, file);
  if (rel.startsWith('embed/')) continue;
  const ids = [...readFileSync(file, 'utf8').matchAll(/<figure[^>]*class="chart"[^>]*data-chart-id="([^"]+)"/g)].map((m) => m[1]!);
  if (ids.length === 0) continue;
  pages.push(`/${rel.replace(/index\.html$/, '')}`);
  for (const id of ids) embeds.add(`/embed/${id}/`);
}

interface Problem { chart: string; what: string }

/**
 * Every drawn text of every chart on the page, measured as laid out: a multi-line label is
 * measured line by line (its <tspan>s), since the <text>'s own box spans the gaps between lines.
 */
function measure(page: Page, minPx: number): Promise<Problem[]> {
  return page.evaluate((min) => {
    const problems: Array<{ chart: string; what: string }> = [];
    const round = (r: DOMRect) => `${Math.round(r.left)},${Math.round(r.top)} ${Math.round(r.width)}×${Math.round(r.height)}`;
    for (const fig of document.querySelectorAll('figure.chart')) {
      const chart = fig.getAttribute('data-chart-id') ?? '?';
      const svg = fig.querySelector<SVGSVGElement>('.chart-svg svg');
      if (!svg) { problems.push({ chart, what: 'no SVG' }); continue; }
      const box = svg.getBoundingClientRect();
      const scale = box.width / (svg.viewBox.baseVal?.width || box.width);
      const boxes: Array<{ text: string; r: DOMRect }> = [];
      for (const t of svg.querySelectorAll('text')) {
        const lines = t.querySelectorAll('tspan');
        for (const el of lines.length ? [...lines] : [t]) {
          const text = (el.textContent ?? '').trim();
          if (!text) continue;
          const r = el.getBoundingClientRect();
          if (r.width === 0 && r.height === 0) continue;
          boxes.push({ text, r });
          // The glyph box may reach a pixel past the chart's edge with anti-aliasing; more is clipped text.
          if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1) {
            problems.push({ chart, what: `“${text}” (${round(r)}) lies outside the chart (${round(box)})` });
          }
          const size = parseFloat(getComputedStyle(el).fontSize) * scale;
          if (size < min - 0.05) problems.push({ chart, what: `“${text}” is drawn at ${size.toFixed(1)} px (< ${min} px)` });
        }
      }
      // Text boxes include the font's line gap: neighbouring lines may touch; a real overlap is deeper.
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i]!.r;
          const b = boxes[j]!.r;
          const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
          const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
          if (w > 1 && h > Math.min(a.height, b.height) * 0.3) {
            problems.push({ chart, what: `“${boxes[i]!.text}” (${round(a)}) overlaps “${boxes[j]!.text}” (${round(b)})` });
          }
        }
      }
    }
    return problems;
  }, minPx);
}

/** Work through `paths` in a few tabs of one context; every chart's problems, by page. */
async function check(browser: import('playwright-core').Browser, origin: string, viewport: { width: number; height: number }, paths: string[]): Promise<string[]> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN' });
  await context.route((url) => url.origin !== origin, (r) => r.abort('blockedbyclient'));
  const queue = [...paths];
  const found: string[] = [];
  const tab = async () => {
    const page = await context.newPage();
    for (let path = queue.shift(); path; path = queue.shift()) {
      await page.goto(`${origin}${path}`, { waitUntil: 'load' });
      const min = viewport.width <= 360 ? 12 : 0;
      for (const p of await measure(page, min)) found.push(`${path} ${p.chart}: ${p.what}`);
    }
    await page.close();
  };
  await Promise.all([tab(), tab(), tab(), tab()]);
  await context.close();
  return found;
}

describe('chart text at phone and desktop widths', () => {
  const site = useSite();

  test('the site has pages and embeds with charts', () => {
    assert.ok(pages.length >= 10, `${pages.length} pages with charts`);
    assert.ok(embeds.size >= 50, `${embeds.size} embeds`);
  });

  test('every chart’s SVG download shows its title, subtitle, unit, source lines and maker, inside the image', async () => {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.route((url) => url.origin !== site.server.origin, (r) => r.abort('blockedbyclient'));
    const queue = [...embeds].map((e) => `${e}chart.svg`);
    const found: string[] = [];
    const tab = async () => {
      const page = await context.newPage();
      for (let path = queue.shift(); path; path = queue.shift()) {
        await page.goto(`${site.server.origin}${path}`, { waitUntil: 'load' });
        const r = await page.evaluate(() => {
          const root = document.documentElement as unknown as SVGSVGElement;
          const box = root.getBoundingClientRect();
          const frame = [...root.querySelectorAll(':scope > g > text')].map((t) => ({ text: t.textContent ?? '', r: t.getBoundingClientRect() }));
          const inside = (r: DOMRect) => r.width > 0 && r.left >= box.left && r.right <= box.right + 0.5 && r.top >= box.top && r.bottom <= box.bottom + 0.5;
          const overlaps = frame.flatMap((a, i) => frame.slice(i + 1).filter((b) => Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top) > 2 && Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left) > 1).map((b) => `${a.text} / ${b.text}`));
          const chart = root.querySelector(':scope > svg')?.getBoundingClientRect();
          return {
            lines: frame.filter((f) => inside(f.r)).map((f) => f.text),
            outside: frame.filter((f) => !inside(f.r)).map((f) => f.text),
            overlaps,
            // The furniture never covers the chart: head above it, foot below.
            covered: chart ? frame.filter((f) => f.r.bottom > chart.top + 1 && f.r.top < chart.bottom - 1).map((f) => f.text) : ['no nested chart'],
            title: root.querySelector(':scope > title')?.textContent ?? '',
          };
        });
        // Lines as wrapped, joined back (a break drops the space it fell on).
        const all = r.lines.join('');
        const squash = (x: string) => x.replace(/\s+/g, '');
        const want: Array<[string, boolean]> = [
          ['its title', r.title.length > 0 && squash(all).startsWith(squash(r.title))],
          ['a subtitle naming the year', /\d{4}年/.test(squash(all).slice(squash(r.title).length).split('单位：')[0]!)],
          ['the unit', /单位：/.test(all)],
          ['a source line with the document and its lines', /来源：.*《[^》]+》/.test(all) && /第 \d+(–\d+)? 行|第 \d+ 页/.test(all)],
          ['预算透视 Budget Lens and the data version', /预算透视 Budget Lens · 数据版本 \S+/.test(all)],
        ];
        for (const [what, ok] of want) if (!ok) found.push(`${path}: no visible ${what}`);
        for (const t of r.outside) found.push(`${path}: “${t}” outside the image`);
        for (const t of r.overlaps) found.push(`${path}: overlapping lines ${t}`);
        for (const t of r.covered) found.push(`${path}: “${t}” drawn over the chart`);
      }
      await page.close();
    };
    await Promise.all([tab(), tab(), tab(), tab()]);
    await context.close();
    assert.deepEqual(found, [], found.slice(0, 40).join('\n'));
  });

  for (const viewport of VIEWPORTS) {
    test(`every chart's text inside its chart, apart, ≥ 12 px on a phone (${viewport.width} px, pages and embeds)`, async () => {
      const found = await check(site.browser, site.server.origin, viewport, [...pages, ...embeds]);
      assert.deepEqual(found, [], `${found.length} problems:\n${found.slice(0, 60).join('\n')}`);
    });
  }
});
