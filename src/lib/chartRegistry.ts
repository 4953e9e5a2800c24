// Every chart a page renders is recorded here at build time, so that the embeds integration can
// give each one its own /embed/<chart-id>/ page, standalone SVG and CSV after the build.
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

export const REGISTRY_DIR = join(process.cwd(), '.astro', 'chart-registry');

export interface RegisteredChart {
  id: string;
  title: string;
  takeaway: string;
  alt: string;
  svg: string;
  columns: Array<{ key: string; label: string; kind?: string }>;
  rows: Array<Record<string, unknown>>;
  sources: Array<{ docId: string; line: number; lineEnd?: number | null; label?: string }>;
  /** Site path of the page that shows the chart. */
  page: string;
}

export function registerChart(chart: RegisteredChart): void {
  mkdirSync(REGISTRY_DIR, { recursive: true });
  const path = join(REGISTRY_DIR, `${chart.id}.json`);
  const body = JSON.stringify(chart);
  if (existsSync(path)) {
    const prev = JSON.parse(readFileSync(path, 'utf8')) as RegisteredChart;
    // The same chart may appear on two pages; two different charts may not share an id.
    if (JSON.stringify({ ...prev, page: '' }) !== JSON.stringify({ ...chart, page: '' })) {
      throw new Error(`chart id "${chart.id}" is used by two different charts (${prev.page} and ${chart.page}): chart ids must be unique and stable`);
    }
    return;
  }
  writeFileSync(path, body);
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
    const s = String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [chart.columns.map((c) => q(c.label)).join(','), ...chart.rows.map((r) => chart.columns.map((c) => q(r[c.key])).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
