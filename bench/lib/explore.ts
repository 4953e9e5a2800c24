// /explore/ in chromium against a bare page running the same engine, data and query.
//
// Ours: /explore/#sql=<canned query> (the link fills the editor; nothing runs by itself). A script
// added before the page's own clicks Run the moment it is enabled, so "time to first result" is
// navigation start → the result table written ([data-testid=results][data-rows]), with no
// round trip through the test driver. Bare: /__bare/?sql=… starts at once (bench/lib/bare.ts).
// Cold = a fresh browser profile (empty HTTP cache); warm = the same profile, navigated again.
// Profiles are on disk (launchPersistentContext), as a reader's browser is: an incognito context
// keeps its HTTP cache in memory, too small for the 34 MB engine, which it fetches again every time.

/** tests/e2e/browser.ts launchBrowser()'s flags. */
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';
import { CHROMIUM } from '../../tests/e2e/browser.ts';
import { progress, percentile, summarize, type Summary } from './stats.ts';

export const THROTTLE = { latencyMs: 40, mbitPerSecond: 10 };

/** The SQL of every canned question on the built page (hrefs `#sql=…` of `a[data-canned]`), in page order. */
export function cannedQueries(dist: string): Array<{ id: string; sql: string }> {
  const html = readFileSync(join(dist, 'explore', 'index.html'), 'utf8');
  const out: Array<{ id: string; sql: string }> = [];
  for (const m of html.matchAll(/<a\b[^>]*>/g)) {
    const tag = m[0];
    const id = /data-canned="([^"]+)"/.exec(tag)?.[1];
    const href = /href="#sql=([^"]*)"/.exec(tag)?.[1];
    if (!id || href === undefined) continue;
    const decoded = href.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
    out.push({ id, sql: decodeURIComponent(decoded) });
  }
  return out;
}

interface Marks {
  drill?: number;
  runEnabled?: number;
  clicked?: number;
  firstRows?: number;
  error?: string;
  status?: Array<[number, string, string]>;
  engine?: number;
  tables?: number;
}

export interface RunTimes {
  firstResultMs: number;
  /** Ours only: drill-down in the DOM and laid out; Run enabled; the click. */
  drillMs?: number;
  runEnabledMs?: number;
  /** Engine ready and tables loaded (bare: marks; ours: status line changes). */
  engineMs?: number;
  tablesMs?: number;
  /** Resource timing: the wasm's responseEnd; all CSVs' last responseEnd; bytes transferred. */
  wasmDoneMs?: number;
  csvDoneMs?: number;
  transferredBytes?: number;
  status?: Array<[number, string, string]>;
}

// Runs in the page before its own scripts (ours only): record when the drill-down appears, when Run
// becomes enabled (and click it), when the results arrive, and every status change.
function oursInit(): void {
  const w = window as unknown as { __bench: Marks };
  const m: Marks = (w.__bench = { status: [] });
  const tick = () => {
    const now = performance.now();
    if (m.drill === undefined) {
      const d = document.querySelector('#drill a.drill-doc');
      if (d && d.getBoundingClientRect().height > 0) m.drill = now;
    }
    const run = document.querySelector<HTMLButtonElement>('[data-testid="run"]');
    if (run && !run.disabled && m.runEnabled === undefined) {
      m.runEnabled = now;
      run.click();
      m.clicked = performance.now();
    }
    const results = document.querySelector('[data-testid="results"]');
    if (m.clicked !== undefined && m.firstRows === undefined && results?.hasAttribute('data-rows')) m.firstRows = now;
    const status = document.querySelector<HTMLElement>('[data-testid="status"]');
    if (status) {
      const last = m.status!.at(-1);
      const state = status.dataset['state'] ?? '';
      const text = status.textContent ?? '';
      if (!last || last[1] !== state || last[2] !== text) m.status!.push([now, state, text]);
      if (state === 'error' && m.clicked !== undefined) m.error = document.querySelector('[data-testid="error"]')?.textContent ?? text;
    }
  };
  new MutationObserver(tick).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  document.addEventListener('DOMContentLoaded', tick);
}

async function throttle(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const bps = (THROTTLE.mbitPerSecond * 1e6) / 8;
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: THROTTLE.latencyMs, downloadThroughput: bps, uploadThroughput: bps });
}

async function resourceFigures(page: Page): Promise<Pick<RunTimes, 'wasmDoneMs' | 'csvDoneMs' | 'transferredBytes'>> {
  return page.evaluate(() => {
    const entries = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    const wasm = entries.filter((e) => e.name.endsWith('.wasm'));
    const csv = entries.filter((e) => /\.csv(\?|$)/.test(e.name));
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return {
      wasmDoneMs: wasm.length ? Math.max(...wasm.map((e) => e.responseEnd)) : undefined,
      csvDoneMs: csv.length ? Math.max(...csv.map((e) => e.responseEnd)) : undefined,
      transferredBytes: entries.reduce((a, e) => a + e.transferSize, nav?.transferSize ?? 0),
    };
  });
}

async function waitMarks(page: Page, timeoutMs: number): Promise<Marks> {
  await page.waitForFunction(() => {
    const m = (window as unknown as { __bench?: Marks }).__bench;
    return !!m && (m.firstRows !== undefined || m.error !== undefined);
  }, null, { timeout: timeoutMs, polling: 50 });
  return page.evaluate(() => (window as unknown as { __bench: Marks }).__bench);
}

/** Ours (/explore/), the bare DuckDB-WASM page (/__bare/), the Observable Framework page (/__framework/). */
export type Which = 'ours' | 'bare' | 'framework';

export class ExplorerBench {
  private readonly profiles: string;
  private readonly origin: string;
  private readonly sql: string;
  private readonly timeoutMs: number;
  /** Extra query string for the bare page (its experiment switches, e.g. `&blob=1`). */
  bareExtra = '';
  private readonly dirs = new WeakMap<BrowserContext, string>();

  /** `profiles`: a folder for the browser profiles (each removed when its browser closes). */
  constructor(profiles: string, origin: string, sql: string, timeoutMs = 120_000) {
    this.profiles = profiles;
    this.origin = origin;
    this.sql = sql;
    this.timeoutMs = timeoutMs;
  }

  url(which: Which): string {
    if (which === 'framework') return `${this.origin}/__framework/`; // the query is in the page (bench/lib/framework.ts)
    return which === 'ours'
      ? `${this.origin}/explore/#sql=${encodeURIComponent(this.sql)}`
      : `${this.origin}/__bare/?sql=${encodeURIComponent(this.sql)}${this.bareExtra}`;
  }

  /** A browser with a fresh on-disk profile (end it with close(), which removes the profile). */
  async newContext(which: Which): Promise<BrowserContext> {
    const dir = mkdtempSync(join(this.profiles, 'profile-'));
    const context = await chromium.launchPersistentContext(dir, { executablePath: CHROMIUM, args: ARGS, viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    this.dirs.set(context, dir);
    if (which === 'ours') await context.addInitScript(oursInit);
    return context;
  }

  /** Close the browser, then remove its profile (chromium may still be writing to it for a moment). */
  async close(context: BrowserContext): Promise<void> {
    await context.close();
    const dir = this.dirs.get(context);
    if (!dir) return;
    try {
      rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    } catch {
      // left for the benchmark's temporary folder to take with it
    }
  }

  /** One load of the page in `page`, to its first result. */
  async load(which: Which, page: Page): Promise<RunTimes> {
    // A fresh document each time: about:blank first, so a warm load of the same URL is a real navigation.
    await page.goto('about:blank');
    await page.goto(this.url(which), { waitUntil: 'commit' });
    const m = await waitMarks(page, this.timeoutMs);
    if (m.error !== undefined) throw new Error(`${which}: the query failed: ${m.error}`);
    const res = await resourceFigures(page);
    const statusAt = (re: RegExp) => m.status?.find(([, , text]) => re.test(text))?.[0];
    return {
      firstResultMs: m.firstRows!,
      ...(which === 'ours'
        ? { drillMs: m.drill, runEnabledMs: m.runEnabled, engineMs: statusAt(/载入 \d+ 张数据表/), tablesMs: statusAt(/正在运行查询|完成/), status: m.status }
        : { engineMs: m.engine, tablesMs: m.tables }),
      ...res,
    };
  }

  /** One cold load in a fresh profile, optionally followed by a warm one (same profile, navigated again). */
  async once(which: Which, label: string, opts: { throttled?: boolean; warm?: boolean } = {}): Promise<{ cold: RunTimes; warm: RunTimes | null }> {
    const context = await this.newContext(which);
    try {
      const page = context.pages()[0] ?? await context.newPage();
      if (opts.throttled) await throttle(context, page);
      progress(`explorer: ${which} ${opts.throttled ? 'throttled ' : ''}cold${opts.warm ? ' + warm' : ''}, ${label}`);
      const cold = await this.load(which, page);
      const warm = opts.warm ? await this.load(which, page) : null;
      return { cold, warm };
    } finally {
      await this.close(context);
    }
  }

  /**
   * `runs` rounds of ours and bare, alternating which goes first, so a change in the machine's load
   * hits both alike.
   */
  async compare(runs: number, opts: { throttled?: boolean; warm?: boolean } = {}): Promise<Record<'ours' | 'bare', { cold: RunTimes[]; warm: RunTimes[] }>> {
    const out: Record<'ours' | 'bare', { cold: RunTimes[]; warm: RunTimes[] }> = { ours: { cold: [], warm: [] }, bare: { cold: [], warm: [] } };
    for (let i = 0; i < runs; i++) {
      const order: Array<'ours' | 'bare'> = i % 2 === 0 ? ['ours', 'bare'] : ['bare', 'ours'];
      for (const which of order) {
        const r = await this.once(which, `run ${i + 1}/${runs}`, opts);
        out[which].cold.push(r.cold);
        if (r.warm) out[which].warm.push(r.warm);
      }
    }
    return out;
  }

  /** Query latency with the engine up: each SQL in turn, `rounds` times; click → result table written. */
  async warmLatency(which: Which, queries: string[], rounds: number): Promise<number[]> {
    const context = await this.newContext(which);
    try {
      const page = context.pages()[0] ?? await context.newPage();
      await this.load(which, page);
      progress(`explorer: ${which} warm query latency, ${queries.length * rounds} queries`);
      const times: number[] = [];
      for (let r = 0; r < rounds; r++) {
        for (const sql of queries) {
          if (which === 'bare') {
            times.push(await page.evaluate((s) => (window as unknown as { __runQuery(s: string): Promise<number> }).__runQuery(s), sql));
            continue;
          }
          times.push(await page.evaluate(async (s) => {
            // Put the query in the editor the way a reader's link does (#sql=…), then click Run.
            const hashchange = new Promise((ok) => window.addEventListener('hashchange', ok, { once: true }));
            const target = `#sql=${encodeURIComponent(s)}`;
            if (location.hash !== target) {
              location.hash = target;
              await hashchange;
            }
            const results = document.querySelector('[data-testid="results"]')!;
            const run = document.querySelector<HTMLButtonElement>('[data-testid="run"]')!;
            return new Promise<number>((ok, fail) => {
              const t0 = performance.now();
              const timer = setTimeout(() => fail(new Error('no result in 60 s')), 60_000);
              const mo = new MutationObserver(() => {
                const state = document.querySelector<HTMLElement>('[data-testid="status"]')?.dataset['state'];
                if (results.hasAttribute('data-rows') && !run.disabled) {
                  mo.disconnect();
                  clearTimeout(timer);
                  ok(performance.now() - t0);
                } else if (state === 'error') {
                  mo.disconnect();
                  clearTimeout(timer);
                  fail(new Error(document.querySelector('[data-testid="error"]')?.textContent ?? 'query error'));
                }
              });
              mo.observe(document.getElementById('explorer') ?? document.body, { subtree: true, attributes: true, childList: true });
              run.click();
            });
          }, sql));
        }
      }
      return times;
    } finally {
      await this.close(context);
    }
  }
}

export interface Latency {
  p50: number;
  p95: number;
  runs: number;
  all: Summary;
}

export function latency(times: number[]): Latency {
  return { p50: percentile(times, 50), p95: percentile(times, 95), runs: times.length, all: summarize(times) };
}
