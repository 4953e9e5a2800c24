// /explore/ in Debian's chromium with the real DuckDB-WASM engine (nothing mocked).
// One page loads the engine once and runs most of the queries; a second page checks a shared
// link; a third, with JavaScript off, checks the pre-rendered drill-down. A document's drill-down
// page (/explore/<doc_id>/) is checked at phone and desktop widths.
// Assumes `npm run build` has produced dist/ (`npm test` builds first).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, readCsv, ROOT, runAxe, screenshot, startServer, useSite, VIEWPORTS } from './browser.ts';
import type { InstrumentedPage, StaticServer } from './browser.ts';
import { sqlHash } from '../../src/explore/share.ts';

const XSS_SQL = `SELECT '<img src=x onerror=alert(1)>' AS x`;
const ENGINE_TIMEOUT = 90_000;

const threePublic = readCsv(join(ROOT, 'public', 'data', 'three_public.csv'));
const zz = threePublic.find((r) => r['doc_id'] === 'zhengzhou-2024-rlzyhshbzj-budget');

/** Replace the editor's text as a reader would: reach for the editor (CodeMirror arrives), select all, type. */
async function setSql(page: Page, sql: string): Promise<void> {
  await page.locator('[data-testid="sql-editor"]').click();
  const content = page.locator('[data-testid="sql-editor"] .cm-content');
  await content.waitFor();
  await content.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(sql);
  await page.keyboard.press('Escape'); // close a completion popup, if any
  assert.equal(await editorText(page), sql);
}

/** The text in the editor: CodeMirror's once it has arrived, the pre-rendered textarea's before. */
async function editorText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const lines = [...document.querySelectorAll('[data-testid="sql-editor"] .cm-content .cm-line')];
    if (lines.length > 0) return lines.map((l) => l.textContent ?? '').join('\n');
    return document.querySelector<HTMLTextAreaElement>('[data-testid="sql-editor"] textarea')?.value ?? '';
  });
}

/** Press Run and wait until the run is over (Run is enabled again). */
async function run(page: Page, timeout = ENGINE_TIMEOUT): Promise<void> {
  await page.locator('[data-testid="run"]').click();
  await page.locator('[data-testid="run"]:enabled').waitFor({ timeout });
}

async function resultRows(page: Page): Promise<string[][]> {
  return page.locator('[data-testid="results"] tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
}

async function resultHeader(page: Page): Promise<string[]> {
  return page.locator('[data-testid="results"] thead th .sort-name').allTextContents();
}

/**
 * openPage() routes requests (to block other origins). Under that interception chromium reports a
 * same-origin fetch whose body is read as a stream as `net::ERR_ABORTED` once the stream is
 * drained, though every byte arrived (the engine reads the wasm that way, to count bytes for
 * the progress bar; without interception the same request finishes normally). Only that entry
 * is dropped here; that the bytes arrived is checked by the progress test and by every query.
 */
function withoutInterceptionNoise(errors: string[], origin: string): string[] {
  const streamed = new RegExp(`^requestfailed: ${origin.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/explore-assets/duckdb-eh\\.[0-9a-f]+\\.wasm net::ERR_ABORTED$`);
  return errors.filter((e) => !streamed.test(e));
}

/**
 * axe-core, loaded as a same-origin script (the page's CSP refuses the inline script that
 * runAxe() injects), so the page is checked with its CSP in force.
 */
async function axeUnderCsp(page: Page, origin: string, within?: string): Promise<{ id: string; targets: string[] }[]> {
  await page.route(`${origin}/__test/axe.min.js`, (route) =>
    route.fulfill({ contentType: 'text/javascript', body: readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8') }));
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ url: `${origin}/__test/axe.min.js` });
  return page.evaluate(async (context) => {
    const axe = (window as unknown as { axe: { run(context?: unknown): Promise<{ violations: { id: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const r = await axe.run(context ?? document);
    return r.violations.map((v) => ({ id: v.id, targets: v.nodes.map((n) => n.target.map(String).join(' ')) }));
  }, within ?? null);
}

async function noDialogs(page: Page): Promise<string[]> {
  const seen: string[] = [];
  page.on('dialog', (d) => {
    seen.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  return seen;
}

describe('explore page', () => {
  let server: StaticServer;
  let browser: Browser;
  let p: InstrumentedPage;
  let dialogs: string[];
  /** Every value the progress bar took while the engine downloaded. */
  let progressValues: number[] = [];

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    p = await openPage(browser, server.origin, { width: 1280, height: 900 });
    dialogs = await noDialogs(p.page);
    // The wasm starts downloading right after the first paint: watch the progress bar from the start.
    await p.page.addInitScript(() => {
      const seen: number[] = ((window as unknown as { __progress: number[] }).__progress = []);
      document.addEventListener('DOMContentLoaded', () => {
        const bar = document.getElementById('progress') as HTMLProgressElement | null;
        if (bar) new MutationObserver(() => seen.push(bar.value)).observe(bar, { attributes: true, attributeFilter: ['value'] });
      });
    });
    await p.page.goto(`${server.origin}/explore/`, { waitUntil: 'load' });
    await p.page.locator('[data-testid="run"]:enabled').waitFor();
  });

  after(async () => {
    await p?.close();
    await browser?.close();
    await server?.close();
  });

  test('the drill-down is in the HTML before any script runs, down to the indicators', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      await page.goto(`${server.origin}/explore/`);
      assert.equal(await page.locator('script[type="module"]').count(), 1, 'the page has its script, but it does not run here');
      const docs = page.locator('#drill table.drill-docs tbody tr');
      assert.equal(await docs.count(), 4, 'level 1: one row per document with a project table');
      const level1 = page.locator('#drill .sql-block').first();
      assert.match((await level1.locator('code').textContent()) ?? '', /SELECT[\s\S]+FROM projects/);
      assert.match((await level1.locator('a.edit-sql').getAttribute('href')) ?? '', /^#sql=/);
      // 郑州 2024 → its page → a unit → its first project with indicators, by following the link and clicking summaries.
      const row = page.locator('#drill tr[data-doc-id="zhengzhou-2024-rlzyhshbzj-budget"]');
      assert.match(await row.innerText(), /郑州/);
      await row.locator('a.drill-doc').click();
      await page.waitForURL(/\/explore\/zhengzhou-2024-rlzyhshbzj-budget\/$/);
      assert.match(await page.locator('h1').innerText(), /郑州/);
      const unit = page.locator('details.drill-unit').first();
      await unit.locator('> summary').click();
      const project = unit.locator('details.drill-project[data-project-code]').first();
      await project.locator('> summary').click();
      const indicators = project.locator('table.drill-indicators tbody tr');
      assert.ok((await indicators.count()) > 0, 'the project lists its indicators');
      assert.ok(await indicators.first().isVisible(), 'and they are visible once opened');
      // Every level carries its SQL and a link that opens it in the editor on /explore/.
      const unitName = (await unit.getAttribute('data-unit')) ?? '';
      const code = (await project.getAttribute('data-project-code')) ?? '';
      const levels = [
        { block: page.locator('.drill > .sql-block').nth(1), table: 'projects', key: 'zhengzhou-2024-rlzyhshbzj-budget' },
        { block: unit.locator('> .drill-body > .sql-block'), table: 'projects', key: unitName },
        { block: project.locator('.sql-block'), table: 'project_indicators', key: code },
      ];
      for (const { block, table, key } of levels) {
        const sql = (await block.locator('code').textContent()) ?? '';
        assert.match(sql, new RegExp(`SELECT[\\s\\S]+FROM ${table}\\b`));
        assert.ok(key && sql.includes(`'${key}'`), `the query names ${key}`);
        assert.match((await block.locator('a.edit-sql').getAttribute('href')) ?? '', /^\/explore\/#sql=/);
      }
      assert.equal(await page.locator('script').count(), 0, 'the document page has no script at all');
      await page.goto(`${server.origin}/explore/`);
      // The test hooks are in the HTML too.
      for (const id of ['sql-editor', 'run', 'cancel', 'results', 'error', 'status']) {
        assert.equal(await page.locator(`[data-testid="${id}"]`).count(), 1, `data-testid=${id}`);
      }
      const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
      assert.match(csp ?? '', /default-src 'self'/);
      assert.match(csp ?? '', /'wasm-unsafe-eval'/);
      assert.doesNotMatch(csp ?? '', /https?:|\*/, 'no other origin allowed');
    } finally {
      await context.close();
    }
  });

  test('the engine\'s module is named in the HTML; the wasm and the first query\'s tables come when the reader comes to the explorer; CodeMirror when they reach for the editor; nothing runs', async () => {
    const { page } = p;
    const manifest = JSON.parse(readFileSync(join(ROOT, 'dist', 'explore-assets', 'explorer.json'), 'utf8')) as { wasm: { path: string } };
    const modules = await page.locator('link[rel="modulepreload"]').evaluateAll((ls) => ls.map((l) => l.getAttribute('href') ?? ''));
    assert.ok(modules.some((h) => /\/_astro\/engine\.[\w-]+\.js$/.test(h)), `engine module asked for by the HTML: ${modules.join(', ')}`);
    assert.ok(modules.some((h) => /\/_astro\/duckdb-browser\.[\w-]+\.js$/.test(h)), `DuckDB's module asked for by the HTML: ${modules.join(', ')}`);
    assert.deepEqual(p.requests.filter((u) => /\.wasm|\.csv\b|worker|\/_astro\/editor\./.test(u)), [], 'nothing else before the reader comes near');

    await page.locator('#explorer .canned summary').hover();
    await page.waitForFunction((wasm) => performance.getEntriesByType('resource').some((e) => e.name.endsWith(wasm)), manifest.wasm.path, { timeout: ENGINE_TIMEOUT });
    assert.equal(p.requests.filter((u) => u.endsWith(`/${manifest.wasm.path}`)).length, 1, 'the wasm, once');
    await page.waitForFunction(() => performance.getEntriesByType('resource').filter((e) => /\.csv\b/.test(e.name)).length === 2);
    const csv = p.requests.filter((u) => /\.csv\b/.test(u)).map((u) => new URL(u).pathname).sort();
    assert.deepEqual(csv, ['/data/documents.csv', '/data/three_public.csv'], 'only the tables the first query names');
    assert.deepEqual(p.requests.filter((u) => /worker/.test(u)), [], 'no engine started');
    assert.deepEqual(p.requests.filter((u) => /\/_astro\/editor\./.test(u)), [], 'no CodeMirror before the reader reaches for the editor');
    assert.equal(await page.locator('[data-testid="status"]').getAttribute('data-state'), 'idle');
    assert.ok(await page.locator('#progress').isHidden(), 'a background download shows no progress bar');
    assert.equal(await page.locator('[data-testid="results"]').innerHTML(), '', 'nothing ran');

    await page.locator('[data-testid="sql-editor"]').hover();
    await page.locator('[data-testid="sql-editor"] .cm-content').waitFor();
    assert.equal(await editorText(page), readFileSync(join(ROOT, 'dist', 'explore', 'index.html'), 'utf8').match(/<textarea[^>]*>([\s\S]*?)<\/textarea>/)![1]!.replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&'), 'CodeMirror took over the textarea\'s text');
  });

  test('a canned question clicked on the page runs at once and gives the disclosed 三公 total', async () => {
    const { page } = p;
    await page.locator('a[data-canned="three-public-by-city"]').click();
    assert.match(await editorText(page), /FROM three_public/);
    await page.locator('[data-testid="results"][data-rows]').waitFor({ timeout: ENGINE_TIMEOUT });
    await page.locator('[data-testid="run"]:enabled').waitFor();
    progressValues = await page.evaluate(() => (window as unknown as { __progress: number[] }).__progress);

    const header = await resultHeader(page);
    const rows = await resultRows(page);
    const city = header.indexOf('city');
    const year = header.indexOf('fiscal_year');
    const total = header.indexOf('total');
    const row = rows.find((r) => r[city] === '郑州' && r[year] === '2024');
    assert.ok(row, `a 郑州 2024 row in ${JSON.stringify(rows)}`);
    assert.ok(zz, 'three_public.csv has zhengzhou-2024-rlzyhshbzj-budget');
    assert.equal(row[total], '190.2', 'zhengzhou-2024-rlzyhshbzj-budget.txt:456 prints 190.2');
    assert.equal(Number(zz['total']), 190.2);
    assert.equal(await page.locator('[data-testid="status"]').getAttribute('data-state'), 'ready');
    assert.match(await page.locator('[data-testid="results"] .result-count').innerText(), /共 4 行.*用时 \d+/);
    assert.equal(await page.locator('[data-testid="results"] td.num').first().evaluate((td) => getComputedStyle(td).textAlign), 'right');
    // A label column and a number column, four rows: a bar chart follows the table.
    await page.locator('[data-testid="results"] figure.result-chart svg').waitFor();
    assert.match(await page.locator('[data-testid="results"] figure.result-chart svg').textContent() ?? '', /郑州/);
    await screenshot(page, 'explore-three-public');
  });

  test('the result chart passes axe', async () => {
    const { page } = p;
    await page.locator('[data-testid="results"] figure.result-chart svg').waitFor();
    assert.deepEqual(await axeUnderCsp(p.page, server.origin, 'figure.result-chart'), []);
  });

  test('the download progress bar counted real bytes up to the whole wasm', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'dist', 'explore-assets', 'explorer.json'), 'utf8')) as { wasm: { bytes: number } };
    assert.ok(progressValues.length >= 3, `progress updates: ${progressValues.length}`);
    assert.ok(progressValues.some((v) => v > 0 && v < manifest.wasm.bytes), 'an intermediate value');
    assert.equal(Math.max(...progressValues), manifest.wasm.bytes);
    const wasm = p.requests.filter((u) => u.endsWith('.wasm'));
    assert.equal(wasm.length, 1, 'the wasm is fetched once');
    assert.match(wasm[0]!, /\/explore-assets\/duckdb-eh\.[0-9a-f]+\.wasm$/);
  });

  test('the result chart downloads as SVG, 2× PNG and CSV, each with the SQL and the data version', async () => {
    const { page } = p;
    const figure = page.locator('[data-testid="results"] figure.result-chart');
    const sql = await editorText(page);
    const dataVersion = (JSON.parse(readFileSync(join(ROOT, 'public', 'data', 'datapackage.json'), 'utf8')) as { version: string }).version;
    const save = async (action: string) => {
      const [download] = await Promise.all([page.waitForEvent('download'), figure.locator(`button[data-action="${action}"]`).click()]);
      return { name: download.suggestedFilename(), bytes: readFileSync((await download.path())!) };
    };

    const svg = await save('chart-svg');
    assert.match(svg.name, /\.svg$/);
    const svgText = svg.bytes.toString('utf8');
    assert.match(svgText, /^<\?xml[^>]*>\n<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/, 'a standalone SVG document');
    assert.ok(svgText.includes(`数据版本 ${dataVersion}`), 'the data version in the footer');
    assert.ok(svgText.includes('FROM three_public'), 'the SQL in the footer');
    assert.match(svgText, />郑州</, 'the bars are labelled');
    const [, w, h] = /<svg[^>]* width="(\d+)" height="(\d+)"/.exec(svgText)!.map(Number);

    const png = await save('chart-png');
    assert.deepEqual([...png.bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
    assert.deepEqual([png.bytes.readUInt32BE(16), png.bytes.readUInt32BE(20)], [w! * 2, h! * 2], 'twice the SVG size');

    const csv = await save('chart-csv');
    assert.deepEqual([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
    const all = csv.bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
    // The provenance comes first as # lines (skipped by pandas comment='#' and R comment.char), then the header row.
    const provenance = all.slice(0, all.findIndex((l) => !l.startsWith('# ')));
    const lines = all.slice(provenance.length);
    assert.ok(provenance.length > 2, 'a block of # lines before the data');
    assert.equal(lines[0], 'city,total');
    assert.ok(lines.includes(`郑州,${zz!['total']}`), `郑州's 三公 total as published: ${lines.join(' | ')}`);
    assert.ok(provenance.some((l) => l.includes(dataVersion)));
    assert.equal(provenance.slice(provenance.indexOf('# SQL：') + 1, -1).map((l) => l.slice(2)).join('\n'), sql.trim());
    const link = /^# 链接.*?(http\S+)$/.exec(provenance.at(-1)!)?.[1];
    assert.equal(link, `${server.origin}/explore/${sqlHash(sql)}`, 'the link that refills the editor with this SQL');
  });

  test('completion: its icons are characters every Chinese font has; Ctrl+Enter and Run close the popup', async () => {
    const { page } = p;
    const popup = page.locator('.cm-tooltip-autocomplete');
    const sql = 'SELECT count(*) AS n FROM projects';
    for (const how of ['Control+Enter', 'Run'] as const) {
      await setSql(page, sql);
      await page.keyboard.press('End');
      await page.keyboard.press('Control+Space');
      await popup.waitFor();
      const icons = await popup.locator('li').evaluateAll((lis) => lis.map((li) => {
        const icon = li.querySelector('.cm-completionIcon');
        const after = icon ? getComputedStyle(icon, '::after') : null;
        return { label: li.querySelector('.cm-completionLabel')?.textContent ?? '', icon: after?.content ?? '', width: icon?.getBoundingClientRect().width ?? 0 };
      }));
      const projects = icons.find((i) => i.label === 'projects');
      assert.equal(projects?.icon, '"表"', `the table is marked 表: ${JSON.stringify(icons)}`);
      for (const i of icons) {
        assert.match(i.icon, /^"[\u4e00-\u9fff]"$/, `${i.label}: a CJK character, not a symbol a font may lack (${i.icon})`);
        assert.ok(i.width > 0, `${i.label}: the icon takes room`);
      }
      if (how === 'Control+Enter') await page.keyboard.press('Control+Enter');
      else await page.locator('[data-testid="run"]').click();
      await page.locator('[data-testid="results"][data-rows]').waitFor({ timeout: ENGINE_TIMEOUT });
      await page.locator('[data-testid="run"]:enabled').waitFor();
      assert.equal(await popup.count(), 0, `${how}: the popup is closed`);
      const projectRows = readCsv(join(ROOT, 'public', 'data', 'projects.csv')).length;
      assert.deepEqual(await resultRows(page), [[projectRows.toLocaleString('en-US')]]);
    }
  });

  test('every canned question runs in the browser engine', async () => {
    const { page } = p;
    const links = await page.locator('a[data-canned]').evaluateAll((as) => as.map((a) => [a.getAttribute('data-canned') ?? '', a.getAttribute('href') ?? '']));
    assert.ok(links.length >= 10);
    for (const [id, hash] of links) {
      await page.evaluate((h) => (location.hash = h), hash!); // a link opened in this tab: fills the editor
      await page.waitForFunction((h) => {
        const lines = [...document.querySelectorAll('[data-testid="sql-editor"] .cm-line')].map((l) => l.textContent).join('\n');
        return lines.startsWith(decodeURIComponent(h.slice(5)).split('\n')[0]!);
      }, hash!); // CodeMirror is here: the reader has used the editor earlier in this session
      await run(page);
      assert.equal(await page.locator('[data-testid="error"]').isVisible(), false, `${id}: ${await page.locator('[data-testid="error"]').innerText()}`);
      assert.ok(Number(await page.locator('[data-testid="results"]').getAttribute('data-rows')) > 0, `${id}: rows`);
    }
    // The dictionary question reads the column descriptions the engine was given.
    assert.ok((await resultRows(page)).some((r) => r.includes('三公') || r.some((c) => c.includes('“三公”经费合计'))));
  });

  test('a result is text: markup in a value is shown, never run', async () => {
    const { page } = p;
    await setSql(page, XSS_SQL);
    await run(page);
    assert.deepEqual(await resultRows(page), [['<img src=x onerror=alert(1)>']]);
    assert.equal(await page.locator('[data-testid="results"] img').count(), 0, 'no <img> in the results');
    assert.equal(await page.locator('img[src="x"]').count(), 0, 'no <img src=x> anywhere');
    assert.deepEqual(dialogs, []);
  });

  test('NULL is shown distinctly; numbers right-aligned and formatted; headers sort', async () => {
    const { page } = p;
    await setSql(page, `SELECT * FROM (VALUES (1, 'b', 12345.678::DOUBLE), (2, 'a', NULL), (3, NULL, 0.5::DOUBLE)) t(n, s, amount)`);
    await run(page);
    assert.deepEqual(await resultHeader(page), ['n', 's', 'amount']);
    assert.deepEqual(await resultRows(page), [['1', 'b', '12,345.678'], ['2', 'a', 'NULL'], ['3', 'NULL', '0.5']]);
    assert.equal(await page.locator('[data-testid="results"] td.null').count(), 2);
    const nullStyle = await page.locator('[data-testid="results"] td.null').first().evaluate((td) => getComputedStyle(td).fontStyle);
    assert.equal(nullStyle, 'italic');
    // amount descending (numbers sort numerically, NULL last), then ascending.
    await page.locator('[data-testid="results"] thead th').nth(2).locator('button').click();
    assert.deepEqual((await resultRows(page)).map((r) => r[0]), ['1', '3', '2']);
    await page.locator('[data-testid="results"] thead th').nth(2).locator('button').click();
    assert.deepEqual((await resultRows(page)).map((r) => r[0]), ['3', '1', '2']);
    assert.equal(await page.locator('[data-testid="results"] thead th').nth(2).getAttribute('aria-sort'), 'ascending');
  });

  test('at most 10,000 rows are rendered; the CSV (with BOM) and TSV carry them all', async () => {
    const { page } = p;
    await setSql(page, 'SELECT range AS i, range * 0.5 AS half, NULL AS nothing FROM range(12000)');
    await run(page);
    assert.equal(await page.locator('[data-testid="results"] tbody tr').count(), 10_000);
    assert.match(await page.locator('[data-testid="results"] .result-count').innerText(), /共 12,000 行/);
    assert.ok(await page.locator('[data-testid="results"] .result-truncated').isVisible());
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-testid="results"] button[data-action="csv"]').click(),
    ]);
    assert.match(download.suggestedFilename(), /\.csv$/);
    const bytes = readFileSync((await download.path())!);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
    const lines = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
    assert.equal(lines.length, 12_001);
    assert.equal(lines[0], 'i,half,nothing');
    assert.equal(lines[12_000], '11999,5999.5,');

    await p.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
    await page.locator('[data-testid="results"] button[data-action="tsv"]').click();
    await page.locator('.result-action-status', { hasText: '已复制' }).waitFor();
    const tsv = await page.evaluate(() => navigator.clipboard.readText());
    const tsvLines = tsv.trimEnd().split('\n');
    assert.equal(tsvLines.length, 12_001);
    assert.equal(tsvLines[0], 'i\thalf\tnothing');
    assert.equal(tsvLines[1], '0\t0.0\t', 'DECIMAL kept exact');
  });

  test('malformed SQL: the error in words, with its position', async () => {
    const { page } = p;
    await setSql(page, 'SELEC * FROM projects');
    await run(page);
    const error = page.locator('[data-testid="error"]');
    assert.ok(await error.isVisible());
    assert.match(await error.innerText(), /语法错误（第 1 行第 1 列）.*syntax error at or near "SELEC"/);
    assert.equal(await page.locator('[data-testid="status"]').getAttribute('data-state'), 'error');
    assert.equal(await page.locator('[data-testid="results"] table').count(), 0);

    await setSql(page, 'SELECT doc_id,\n       nope\nFROM projects');
    await run(page);
    assert.match(await error.innerText(), /（第 2 行第 8 列）.*nope/);
    assert.equal(await page.locator('.cm-lintRange-error').count(), 1, 'the position is marked in the editor');

    await setSql(page, `SELECT '郑州' AS 城市, nope FROM projects`);
    await run(page);
    // DuckDB reports a UTF-8 byte offset (27 here); the reader counts characters.
    assert.match(await error.innerText(), /（第 1 行第 20 列）/, 'column counted in characters, not UTF-8 bytes');
  });

  test('no way out: remote files and extensions are refused', async () => {
    const { page } = p;
    await setSql(page, `SELECT * FROM read_csv('https://example.com/x.csv')`);
    await run(page);
    assert.match(await page.locator('[data-testid="error"]').innerText(), /此处不允许|disabled by configuration/);
    await setSql(page, 'SET enable_external_access = true');
    await run(page);
    assert.ok(await page.locator('[data-testid="error"]').isVisible());
    await setSql(page, 'INSTALL httpfs; LOAD httpfs');
    await run(page);
    assert.ok(await page.locator('[data-testid="error"]').isVisible());
  });

  test('Cancel stops a runaway query within 2 s, the page stays responsive, and the next query works', async () => {
    const { page } = p;
    await setSql(page, 'SELECT count(*) FROM range(1000000000000)');
    await page.locator('[data-testid="run"]').click();
    await page.locator('[data-testid="status"][data-state="running"]').waitFor();
    await page.waitForTimeout(500);
    const t0 = Date.now();
    await page.evaluate(() => 1); // the main thread answers while the query runs
    assert.ok(Date.now() - t0 < 500, 'page responsive during the query');
    const t1 = Date.now();
    await page.locator('[data-testid="cancel"]').click();
    await page.locator('[data-testid="run"]:enabled').waitFor({ timeout: 2000 });
    assert.ok(Date.now() - t1 < 2000, `control back in ${Date.now() - t1} ms`);
    assert.ok(await page.locator('[data-testid="cancel"]').isDisabled());

    await setSql(page, 'SELECT 6 * 7 AS answer, count(*) AS projects FROM projects');
    await run(page);
    const projects = readCsv(join(ROOT, 'public', 'data', 'projects.csv')).length;
    assert.deepEqual(await resultRows(page), [['42', String(projects)]]);
    assert.equal(await page.locator('[data-testid="error"]').isVisible(), false);
  });

  test('the SQL is in the URL; "edit this query" fills the editor without running it, here and from a document\'s page', async () => {
    const { page } = p;
    await setSql(page, 'SELECT 1 AS one');
    await page.waitForFunction(() => location.hash === '#sql=SELECT%201%20AS%20one');
    const before = await page.locator('[data-testid="results"]').innerHTML();
    await page.locator('#drill .sql-block a.edit-sql').first().click();
    assert.match(await editorText(page), /FROM projects p\nJOIN documents d/, 'level 1 in the editor');
    assert.equal(await page.locator('[data-testid="results"]').innerHTML(), before, 'nothing ran');
    // A document's page links to the editor here, with its query in the URL.
    await page.goto(`${server.origin}/explore/jiaozuo-2024-rlzyhshbzj-budget/`, { waitUntil: 'load' });
    await page.locator('.drill > .sql-block a.edit-sql').nth(1).click();
    await page.waitForURL(/\/explore\/#sql=/);
    await page.locator('[data-testid="run"]:enabled').waitFor();
    assert.match(await editorText(page), /doc_id = 'jiaozuo-2024-rlzyhshbzj-budget'/);
    assert.equal(await page.locator('[data-testid="status"]').getAttribute('data-state'), 'idle');
    assert.equal(await page.locator('[data-testid="results"]').innerHTML(), '', 'nothing ran');
    await run(page);
    assert.ok((await resultRows(page)).length > 0);
  });

  test('without CodeMirror (its chunk blocked), Run works on the textarea: a canned question and Ctrl+Enter answer', async () => {
    const plain = await openPage(browser, server.origin, { width: 1280, height: 900 });
    try {
      const { page } = plain;
      const blocked: string[] = [];
      await page.route(/\/_astro\/editor\.[\w-]+\.js$/, (route) => (blocked.push(route.request().url()), route.abort('blockedbyclient')));
      await page.goto(`${server.origin}/explore/`, { waitUntil: 'load' });
      await page.locator('[data-testid="run"]:enabled').waitFor();
      await page.locator('a[data-canned="three-public-by-city"]').click();
      await page.locator('[data-testid="results"][data-rows]').waitFor({ timeout: ENGINE_TIMEOUT });
      assert.equal(blocked.length, 1, 'the editor chunk was asked for, and refused');
      assert.equal(await page.locator('.cm-editor').count(), 0, 'no CodeMirror');
      const textarea = page.locator('[data-testid="sql-editor"] textarea');
      assert.match(await textarea.inputValue(), /FROM three_public/, 'the canned question is in the textarea');
      const rows = await resultRows(page);
      assert.ok(rows.some((r) => r.includes('郑州') && r.includes('190.2')), `郑州 2024's 三公 total (zhengzhou-2024-rlzyhshbzj-budget.txt:456): ${JSON.stringify(rows)}`);
      await page.locator('[data-testid="run"]:enabled').waitFor();
      await textarea.fill('SELECT 6 * 7 AS answer');
      await textarea.press('Control+Enter');
      await page.locator('[data-testid="results"] tbody tr', { hasText: '42' }).waitFor({ timeout: ENGINE_TIMEOUT });
      assert.deepEqual(await resultRows(page), [['42']]);
      const editorChunk = /\/_astro\/editor\.[\w-]+\.js/;
      assert.deepEqual(withoutInterceptionNoise(plain.errors, server.origin).filter((e) => !editorChunk.test(e)), []);
    } finally {
      await plain.close();
    }
  });

  test('a shared link fills the editor and waits for Run', async () => {
    const shared = await openPage(browser, server.origin, { width: 1280, height: 900 });
    const seen = await noDialogs(shared.page);
    try {
      const { page } = shared;
      await page.goto(`${server.origin}/explore/${sqlHash(XSS_SQL)}`, { waitUntil: 'load' });
      await page.locator('[data-testid="run"]:enabled').waitFor();
      assert.equal(await editorText(page), XSS_SQL);
      await page.waitForTimeout(1500);
      assert.equal(await page.locator('[data-testid="status"]').getAttribute('data-state'), 'idle');
      assert.equal(await page.locator('[data-testid="results"]').innerHTML(), '');
      assert.deepEqual(shared.requests.filter((u) => /worker/.test(u)), [], 'the engine is not even started');
      await run(page);
      assert.deepEqual(await resultRows(page), [['<img src=x onerror=alert(1)>']]);
      assert.equal(await page.locator('img[src="x"]').count(), 0);
      assert.deepEqual(seen, []);
      assert.deepEqual(shared.foreignRequests(), []);
      assert.deepEqual(withoutInterceptionNoise(shared.errors, server.origin), []);
    } finally {
      await shared.close();
    }
  });

  test('the Content-Security-Policy is enforced: an injected inline script does not run', async () => {
    const other = await openPage(browser, server.origin, { width: 1280, height: 900 });
    try {
      await other.page.goto(`${server.origin}/explore/`, { waitUntil: 'load' });
      const ran = await other.page.evaluate(() => {
        const s = document.createElement('script');
        s.textContent = 'window.__inline = 1';
        document.head.append(s);
        return (window as unknown as { __inline?: number }).__inline ?? null;
      });
      assert.equal(ran, null);
      assert.ok(other.errors.some((e) => /Content Security Policy/.test(e)), 'the violation is reported');
    } finally {
      await other.close();
    }
  });

  for (const viewport of [{ width: 1280, height: 900 }, { width: 360, height: 800 }]) {
    test(`at ${viewport.width} px, with results: no sideways scrolling${viewport.width < 400 ? ', axe clean' : ''}`, async () => {
      const { page } = p;
      await page.setViewportSize(viewport);
      await setSql(page, 'SELECT doc_id, unit_name, total, NULL AS nothing FROM income_by_unit LIMIT 5');
      await run(page);
      assert.equal(await page.locator('[data-testid="results"] tbody tr').count(), 5);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
      // axe takes a while on this long page: once, at phone width.
      if (viewport.width < 400) assert.deepEqual(await axeUnderCsp(page, server.origin), []);
      await screenshot(page, `explore-${viewport.width}`);
    });
  }

  test('the whole session: no request to another origin, no console errors, no dialogs', () => {
    assert.deepEqual(p.foreignRequests(), []);
    assert.ok(p.requests.length > 10, 'requests were recorded');
    assert.deepEqual(withoutInterceptionNoise(p.errors, server.origin), []);
    assert.deepEqual(dialogs, []);
  });
});

describe('a document\'s drill-down page', () => {
  const site = useSite();

  for (const viewport of VIEWPORTS) {
    test(`/explore/luoyang-2024-rlzyhshbzj-budget/ at ${viewport.width} px, a unit and a project open: no sideways scrolling, axe clean, nothing from elsewhere`, async () => {
      const p = await openPage(site.browser, site.server.origin, viewport);
      try {
        const { page } = p;
        const response = await page.goto(`${site.server.origin}/explore/luoyang-2024-rlzyhshbzj-budget/`, { waitUntil: 'networkidle' });
        assert.equal(response?.status(), 200);
        assert.equal(await page.locator('html[lang="zh-CN"]').count(), 1);
        assert.equal(await page.locator('nav[aria-label="主导航"] a[aria-current]').innerText(), '查询', 'inside the 查询 section');
        const unit = page.locator('details.drill-unit').first();
        await unit.locator('> summary').click();
        const project = unit.locator('details.drill-project:has(table.drill-indicators)').first();
        await project.locator('> summary').click();
        await project.locator('.sql-shown > summary').click();
        assert.ok(await project.locator('table.drill-indicators tbody tr').first().isVisible());
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
        const violations = await runAxe(page);
        assert.deepEqual(violations, [], `axe violations:\n${JSON.stringify(violations, null, 2)}`);
        await screenshot(page, `explore-doc-${viewport.width}`);
        assert.deepEqual(p.foreignRequests(), []);
        assert.deepEqual(p.errors, []);
      } finally {
        await p.close();
      }
    });
  }
});
