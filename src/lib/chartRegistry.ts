// Every chart a page renders is recorded here at build time, so that the embeds integration can
// give each one its own /embed/<chart-id>/ page, standalone SVG and CSV after the build.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Citation } from './cite.ts';

/**
 * One JSON line per chart rendered, appended as pages render. One file rather than one per chart:
 * at 1,000 documents the build renders ~9,000 charts, and creating a file for each took ~10 s.
 * BUDGET_LENS_CHART_REGISTRY puts it elsewhere, so that a second build (a sub-path check) can run
 * beside another in the same project.
 */
export const REGISTRY_FILE = resolve(process.env['BUDGET_LENS_CHART_REGISTRY'] ?? join(process.cwd(), '.astro', 'chart-registry.jsonl'));

export interface RegisteredChart {
  id: string;
  title: string;
  takeaway: string;
  alt: string;
  svg: string;
  columns: Array<{ key: string; label: string; kind?: string }>;
  rows: Array<Record<string, unknown>>;
  sources: Array<{ docId: string; line: number; lineEnd?: number | null; label?: string }>;
  /** Site path of the page that shows the chart (its pathname: the base included). */
  page: string;
  /** How the chart's footer credits each source document (its title), by doc_id. */
  credits: Record<string, string>;
  /** The chart's citation, on the page that first showed it. */
  citation: Citation;
}

let fd: number | undefined;
/** Chart id → digest of the chart (its page left out), for the charts this process has recorded. */
const seen = new Map<string, { digest: string; page: string }>();

const digestOf = (chart: RegisteredChart) => createHash('sha1').update(JSON.stringify({ ...chart, page: '', citation: null })).digest('hex');

function duplicate(id: string, pages: string[]): Error {
  return new Error(`chart id "${id}" is used by two different charts (${pages.join(' and ')}): chart ids must be unique and stable`);
}

export function registerChart(chart: RegisteredChart): void {
  // The same chart may appear on two pages; two different charts may not share an id.
  const digest = digestOf(chart);
  const prev = seen.get(chart.id);
  if (prev) {
    if (prev.digest !== digest) throw duplicate(chart.id, [prev.page, chart.page]);
    return;
  }
  seen.set(chart.id, { digest, page: chart.page });
  if (fd === undefined) {
    mkdirSync(dirname(REGISTRY_FILE), { recursive: true });
    fd = openSync(REGISTRY_FILE, 'a');
  }
  writeSync(fd, `${JSON.stringify(chart)}\n`);
}

/** The charts recorded during the build, one per id (in the order first rendered). */
export function registeredCharts(): RegisteredChart[] {
  if (!existsSync(REGISTRY_FILE)) return [];
  const byId = new Map<string, { chart: RegisteredChart; digest: string }>();
  for (const line of readFileSync(REGISTRY_FILE, 'utf8').split('\n')) {
    if (!line) continue;
    const chart = JSON.parse(line) as RegisteredChart;
    const digest = digestOf(chart);
    const prev = byId.get(chart.id);
    // Pages rendered by another process (or module instance) than the first are checked here.
    if (prev && prev.digest !== digest) throw duplicate(chart.id, [prev.chart.page, chart.page]);
    if (!prev) byId.set(chart.id, { chart, digest });
  }
  return [...byId.values()].map((x) => x.chart);
}

/** Height to give an iframe of the chart before embed.js reports the real one (at 640 px wide). */
export function defaultEmbedHeight(svg: string): number {
  const m = /data-width="([\d.]+)" data-height="([\d.]+)"/.exec(svg);
  const ratio = m ? Number(m[2]) / Number(m[1]) : 0.6;
  return Math.round(Math.min(640, 640) * ratio + 190);
}

/** CSV (UTF-8 with BOM, RFC 4180) of exactly the chart's data: one column per table column, raw values. */
export function chartCsv(chart: Pick<RegisteredChart, 'columns' | 'rows'>): string {
  const q = (v: unknown) => {
    if (v === null || v === undefined) return '';
    // Float noise out (0.7170000000000001 → 0.717): ten significant digits are more than any printed figure has.
    const s = typeof v === 'number' ? String(Number(v.toPrecision(10))) : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [chart.columns.map((c) => q(c.label)).join(','), ...chart.rows.map((r) => chart.columns.map((c) => q(r[c.key])).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
