// Every chart a page renders is recorded here at build time, so that the embeds integration can
// give each one its own /embed/<chart-id>/ page, standalone SVG and CSV after the build.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Citation } from './cite.ts';
import type { RowSource } from './chartProvenance.ts';

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
  /** Who, where and which year: the documents the chart is read from, in words (its download's subtitle). */
  subtitle: string;
  /** Where each row comes from (same order as `rows`): the CSV's doc_id and source columns. */
  rowSources: RowSource[];
}

let fd: number | undefined;
/** Chart id → digest of the chart (its page left out), for the charts this process has recorded. */
const seen = new Map<string, { digest: string; page: string }>();

const digestOf = (chart: RegisteredChart) => createHash('sha1').update(JSON.stringify({ ...chart, page: '', citation: null })).digest('hex');

function duplicate(id: string, pages: string[]): Error {
  return new Error(`chart id "${id}" is used by two different charts (${pages.join(' and ')}): chart ids must be unique and stable`);
}

/**
 * Of two pages showing the same chart, the one its embed links to: the one nearer the root. A place
 * page that holds its documents in full shows each one's charts again on the document's own page
 * (/city/<slug>/<doc_id>/); the embed keeps the place page whichever of the two renders first.
 */
export function preferredPage(a: string, b: string): string {
  const depth = (p: string) => p.split('/').filter(Boolean).length;
  return depth(a) !== depth(b) ? (depth(a) < depth(b) ? a : b) : a <= b ? a : b;
}

export function registerChart(chart: RegisteredChart): void {
  // The same chart may appear on two pages; two different charts may not share an id.
  const digest = digestOf(chart);
  const prev = seen.get(chart.id);
  if (prev) {
    if (prev.digest !== digest) throw duplicate(chart.id, [prev.page, chart.page]);
    // Recorded again (a later line wins in registeredCharts) only when this page is the preferred one.
    if (preferredPage(prev.page, chart.page) === prev.page) return;
  }
  seen.set(chart.id, { digest, page: chart.page });
  if (fd === undefined) {
    mkdirSync(dirname(REGISTRY_FILE), { recursive: true });
    fd = openSync(REGISTRY_FILE, 'a');
  }
  writeSync(fd, `${JSON.stringify(chart)}\n`);
}

/** The charts recorded during the build, one per id (in the order first rendered), each at its preferred page. */
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
    if (!prev || preferredPage(prev.chart.page, chart.page) !== prev.chart.page) byId.set(chart.id, { chart, digest });
  }
  return [...byId.values()].map((x) => x.chart);
}

/** Height to give an iframe of the chart before embed.js reports the real one (at 640 px wide). */
export function defaultEmbedHeight(svg: string): number {
  const m = /data-width="([\d.]+)" data-height="([\d.]+)"/.exec(svg);
  const ratio = m ? Number(m[2]) / Number(m[1]) : 0.6;
  return Math.round(Math.min(640, 640) * ratio + 190);
}

/**
 * CSV (UTF-8 with BOM, RFC 4180) of the chart's data as its table prints it, then where each row is
 * from: doc_id, the document's title, source_line, source_line_end and source_page (the PDF page).
 * Amounts keep the precision the disclosure prints (万元 with up to six decimals: a table printed in
 * 元 has fen, 0.000001 万元), without float noise; shares are percentages rounded as the chart and its
 * table print them (one decimal), in a column whose header says "（%）".
 */
export function chartCsv(chart: Pick<RegisteredChart, 'columns' | 'rows' | 'rowSources' | 'credits'>): string {
  const q = (v: unknown) => {
    if (v === null || v === undefined) return '';
    const s = String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const value = (kind: string | undefined, v: unknown): unknown => {
    if (typeof v !== 'number' || !Number.isFinite(v)) return v === '' ? null : v;
    if (kind === 'pct') return Number((v * 100).toFixed(1));
    return Number(v.toFixed(6));
  };
  const header = [...chart.columns.map((c) => (c.kind === 'pct' ? `${c.label}（%）` : c.label)), 'doc_id', 'doc_title', 'source_line', 'source_line_end', 'source_page'];
  const title = (id: string | null) => (id ? (chart.credits[id] ?? '').replace(/^.*《(.*)》$/, '$1') || null : null);
  const lines = [header.map(q).join(','), ...chart.rows.map((r, i) => {
    const src = chart.rowSources[i] ?? { docId: null, line: null, lineEnd: null, page: null };
    return [...chart.columns.map((c) => value(c.kind, r[c.key])), src.docId, title(src.docId), src.line, src.lineEnd, src.page].map(q).join(',');
  })];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
