// Embeds and chart downloads for reporters: every chart on every page has /embed/<id>/, which renders
// inside an iframe on another origin and reports its height; the CSV, SVG and PNG are what the chart shows.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import Papa from 'papaparse';
import type { Browser } from 'playwright-core';
import { DIST, launchBrowser, readCsv as readCsvRows, startServer, type StaticServer } from './browser.ts';

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return f === 'embed' && dir === DIST ? [] : htmlFiles(p);
    return f.endsWith('.html') ? [p] : [];
  });
}

/** chart id → the page (site path) that shows it. */
const charts = new Map<string, string>();
for (const file of htmlFiles(DIST)) {
  for (const m of readFileSync(file, 'utf8').matchAll(/<figure[^>]*class="chart"[^>]*data-chart-id="([^"]+)"/g)) {
    if (!charts.has(m[1]!)) charts.set(m[1]!, `/${relative(DIST, file).replace(/index\.html$/, '')}`);
  }
}

let site: StaticServer;
let host: StaticServer;
let hostDir: string;
let browser: Browser;

before(async () => {
  site = await startServer();
  hostDir = mkdtempSync(join(tmpdir(), 'bl-host-'));
  writeFileSync(join(hostDir, 'index.html'), '<!doctype html><title>host</title><p>host</p>');
  host = await startServer(hostDir);
  browser = await launchBrowser();
});
after(async () => { await browser?.close(); await site?.close(); await host?.close(); });

test('every chart on every page has an embed page, a standalone SVG and a CSV', () => {
  assert.ok(charts.size > 0, 'the site has charts');
  for (const id of charts.keys()) {
    for (const f of ['index.html', 'chart.svg', 'data.csv']) assert.ok(existsSync(join(DIST, 'embed', id, f)), `embed/${id}/${f}`);
  }
});

test('each embed renders in an iframe on another origin and reports its height', async () => {
  const ids = [...charts.keys()];
  const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
  // Only our two local origins are reachable.
  await context.route((url) => url.origin !== site.origin && url.origin !== host.origin, (r) => r.abort('blockedbyclient'));
  for (let i = 0; i < ids.length; i += 12) {
    const batch = ids.slice(i, i + 12);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(e.message));
    const frames = batch.map((id) => `<iframe src="${site.origin}/embed/${id}/" title="${id}" width="100%" height="300" style="border:0;width:100%"></iframe>`).join('\n');
    writeFileSync(join(hostDir, `batch-${i}.html`), `<!doctype html><html lang="en"><title>host</title><body>${frames}<script src="${site.origin}/embed.js" async></script></body></html>`);
    await page.goto(`${host.origin}/batch-${i}.html`);
    for (const id of batch) {
      const frame = page.locator(`iframe[title="${id}"]`);
      await frame.waitFor();
      await page.waitForFunction((t) => document.querySelector(`iframe[title="${t}"]`)?.hasAttribute('data-budget-lens-height'), id, { timeout: 10000 });
      const reported = Number(await frame.getAttribute('data-budget-lens-height'));
      const inner = page.frameLocator(`iframe[title="${id}"]`);
      assert.equal(await inner.locator('figure.chart svg').count() >= 1, true, `${id} renders its SVG`);
      const contentHeight = await inner.locator('html').evaluate((el) => Math.ceil(el.getBoundingClientRect().height));
      assert.ok(Math.abs(reported - contentHeight) <= 2, `${id}: reported ${reported}, content ${contentHeight}`);
      const box = await frame.boundingBox();
      assert.ok(box && Math.abs(box.height - reported) <= 2, `${id}: the host resized the iframe`);
      const scroll = await inner.locator('html').evaluate((el) => el.scrollWidth > el.clientWidth + 1);
      assert.equal(scroll, false, `${id}: no horizontal scrollbar at 360 px`);
    }
    assert.deepEqual(errors, [], `console errors in batch ${i}`);
    await page.close();
  }
  await context.close();
});

test('embed.js added after the chart has loaded still sizes the iframe', async () => {
  const id = [...charts.keys()][0]!;
  const page = await browser.newPage({ viewport: { width: 360, height: 800 } });
  writeFileSync(join(hostDir, 'late.html'), `<!doctype html><html lang="en"><title>host</title><body><iframe src="${site.origin}/embed/${id}/" title="${id}" width="100%" height="40" style="border:0;width:100%"></iframe></body></html>`);
  await page.goto(`${host.origin}/late.html`, { waitUntil: 'load' });
  const frame = page.locator('iframe');
  // The frame's own reports went nowhere: nobody listened yet.
  assert.equal(await frame.getAttribute('data-budget-lens-height'), null);
  await page.addScriptTag({ url: `${site.origin}/embed.js` });
  await page.waitForFunction(() => document.querySelector('iframe')?.hasAttribute('data-budget-lens-height'), null, { timeout: 10000 });
  const box = await frame.boundingBox();
  assert.ok(box && box.height > 200, `resized from 40 px to ${box?.height}`);
  await page.close();
});

test('without embed.js an embed keeps the height given in its snippet', () => {
  const [id, page] = [...charts.entries()][0]!;
  const html = readFileSync(join(DIST, page.replace(/^\//, ''), 'index.html'), 'utf8');
  const snippet = new RegExp(`id="${id}-snippet"[^>]*>([^<]+)</textarea>`).exec(html)![1]!;
  const height = Number(/height=&quot;(\d+)&quot;|height="(\d+)"/.exec(snippet)?.slice(1).find(Boolean));
  assert.ok(height >= 250 && height <= 1200, `default height ${height}`);
});

test('a chart’s CSV holds the data its table shows, as printed, and where each row is from', () => {
  const titles = new Map(readCsvRows(join(DIST, 'data', 'documents.csv')).map((d) => [d['doc_id']!, d['title']!]));
  const sourceLines = new Map<string, string[]>();
  const lineOf = (doc: string, n: number) => {
    if (!sourceLines.has(doc)) sourceLines.set(doc, readFileSync(join(DIST, 'sources', `${doc}.txt`), 'utf8').replace(/\r\n?/g, '\n').split('\n'));
    return sourceLines.get(doc)![n - 1];
  };
  for (const [id, page] of charts) {
    const html = readFileSync(join(DIST, page.replace(/^\//, ''), 'index.html'), 'utf8');
    const fig = new RegExp(`<figure[^>]*data-chart-id="${id}"[\\s\\S]*?</figure>`).exec(html)![0];
    const cells = (tr: string) => [...tr.matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, '').trim());
    const shown = [...fig.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((m) => cells(m[1]!));
    const csv = Papa.parse<string[]>(readFileSync(join(DIST, 'embed', id, 'data.csv'), 'utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    assert.ok(readFileSync(join(DIST, 'embed', id, 'data.csv'))[0] === 0xef, `${id}: CSV has a BOM`);
    assert.equal(csv.length, shown.length, `${id}: same number of rows`);
    const n = shown[0]!.length;
    // The table's columns (a share's header says it is in %), then the provenance columns.
    assert.deepEqual(csv[0]!.slice(n), ['doc_id', 'doc_title', 'source_line', 'source_line_end', 'source_page'], `${id}: provenance columns`);
    csv[0]!.slice(0, n).forEach((h, c) => assert.ok(h === shown[0]![c] || h === `${shown[0]![c]}（%）`, `${id}: header ${h} vs ${shown[0]![c]}`));
    const norm = (s: string) => s.replace(/,/g, '');
    csv.slice(1).forEach((row, r) => {
      row.slice(0, n).forEach((v, c) => {
        const t = norm(shown[r + 1]![c]!);
        if (v === '') assert.equal(t, '—', `${id} row ${r} col ${c}`);
        // A share exactly as printed: 32.8% → 32.8.
        else if (t.endsWith('%')) assert.equal(v, t.slice(0, -1), `${id} row ${r} col ${c}: ${v} vs ${t}`);
        else if (/^-?[\d.]+$/.test(t)) {
          assert.ok(Math.abs(Number(v) - Number(t)) < 0.006, `${id} row ${r} col ${c}: ${v} vs ${t}`);
          // No float noise: an amount has at most six decimals (a fen of a figure printed in 元).
          assert.match(v, /^-?\d+(\.\d{1,6})?$/, `${id} row ${r} col ${c}: ${v}`);
        } else assert.equal(v, shown[r + 1]![c], `${id} row ${r} col ${c}`);
      });
      // Every row names its document by id and title, and a line of that document's text that exists.
      const [doc, title, line, lineEnd, pdfPage] = row.slice(n);
      assert.ok(doc && titles.has(doc), `${id} row ${r}: doc_id ${doc}`);
      assert.equal(title, titles.get(doc!), `${id} row ${r}: the document's title`);
      assert.match(line!, /^\d+$/, `${id} row ${r}: source_line`);
      assert.ok(lineOf(doc!, Number(line)) !== undefined, `${id} row ${r}: line ${line} is in ${doc}.txt`);
      if (lineEnd) assert.ok(Number(lineEnd) > Number(line) && lineOf(doc!, Number(lineEnd)) !== undefined, `${id} row ${r}: source_line_end ${lineEnd}`);
      // A PDF's text has a page marker before each page: the row's page is the last marker above its line.
      const markers = sourceLines.get(doc!)!.slice(0, Number(line)).flatMap((l) => /^=== 第 (\d+) 页 ===$/.exec(l)?.[1] ?? []);
      assert.equal(pdfPage, markers.at(-1) ?? '', `${id} row ${r}: source_page`);
    });
  }
});

test('the SVG download is a standalone SVG with a title and system fonts only', () => {
  for (const id of charts.keys()) {
    const svg = readFileSync(join(DIST, 'embed', id, 'chart.svg'), 'utf8');
    assert.match(svg, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<svg /, id);
    const open = /^<svg[^>]*>/m.exec(svg)![0];
    assert.match(open, /xmlns="http:\/\/www\.w3\.org\/2000\/svg"/, `${id}: SVG namespace`);
    assert.match(open, / width="[\d.]+"/, `${id}: width`);
    assert.match(open, / height="[\d.]+"/, `${id}: height`);
    assert.match(svg, /<title>[^<]+<\/title>/);
    assert.doesNotMatch(svg, /@font-face|url\(http|href="http/, `${id}: no web fonts or remote references`);
    assert.match(svg, /sans-serif/, `${id}: the font stack ends in a generic family`);
  }
});

test('下载 PNG gives a real PNG at twice the chart’s size', async () => {
  const [id, pagePath] = [...charts.entries()][0]!;
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  await context.route((url) => url.origin !== site.origin, (r) => r.abort('blockedbyclient'));
  const page = await context.newPage();
  await page.goto(`${site.origin}${pagePath}`);
  const button = page.locator(`figure[data-chart-id="${id}"] button.chart-png`);
  await button.waitFor({ state: 'visible' });
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const file = await download.path();
  const png = readFileSync(file);
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
  const [w, h] = /width="([\d.]+)" height="([\d.]+)"/.exec(readFileSync(join(DIST, 'embed', id, 'chart.svg'), 'utf8'))!.slice(1).map(Number);
  assert.equal(png.readUInt32BE(16), Math.round(w! * 2));
  assert.equal(png.readUInt32BE(20), Math.round(h! * 2));
  // The PNG is the framed chart: the plot (the SVG nested inside) plus margins, title, source and credit.
  const nested = [...readFileSync(join(DIST, 'embed', id, 'chart.svg'), 'utf8').matchAll(/<svg [^>]*\bwidth="([\d.]+)" height="([\d.]+)"/g)][1]!.slice(1).map(Number);
  assert.ok(png.readUInt32BE(16) >= (nested[0]! + 2 * 16) * 2, `PNG ${png.readUInt32BE(16)} px wide: the plot ${nested[0]} px and margins`);
  assert.ok(png.readUInt32BE(20) >= (nested[1]! + 120) * 2, `PNG ${png.readUInt32BE(20)} px high: the plot ${nested[1]} px, a header and a footer`);
  assert.equal(download.suggestedFilename(), `${id}.png`);
  // The menu is usable from the keyboard: the embed snippet opens with Enter and can be copied.
  await page.locator(`figure[data-chart-id="${id}"] .chart-menu-embed summary`).focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.locator(`#${id}-snippet`).isVisible(), true);
  await context.close();
});
