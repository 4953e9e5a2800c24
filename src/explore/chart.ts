// A chart for results of a suitable shape: a label column and a number column, 2–40 rows with
// distinct labels → a horizontal bar chart (Observable Plot, loaded only when needed).
// Labels and numbers reach the SVG as text nodes, like the table. The chart can be downloaded as
// SVG, PNG (2×) and CSV, each carrying its provenance: the SQL, the data version and the link.
import { display, isNumeric, raw, type Cell, type QueryResult } from './format.ts';
import { saveBlob, stamp } from './results.ts';

export const CHART_MAX_ROWS = 40;

/** Columns whose numbers are not quantities. */
const NOT_A_MEASURE = /(^|_)(line|line_end|seq|year|code|id|level|index|position)$/i;

export interface ChartSpec {
  label: number[];
  value: number;
}

/** Where a chart's numbers come from. */
export interface Provenance {
  sql: string;
  dataVersion: string;
  /** The explorer link that fills the editor with this SQL. */
  url: string;
}

/** The footer of a downloaded chart: where it was made, the data version, the SQL line by line. */
export function provenanceLines(p: Provenance): string[] {
  return [`来源：预算透视 Budget Lens 数据查询 ${p.url.replace(/#.*$/, '')}，数据版本 ${p.dataVersion}`, 'SQL：', ...p.sql.trim().split(/\r?\n/)];
}

/**
 * The chart's data (its label columns and its value column, every digit) under the provenance as
 * leading # lines: pandas (`comment='#'`) and R (`comment.char = '#'`) skip them and read the header row next.
 */
export function chartCsv(result: QueryResult, spec: ChartSpec, p: Provenance): string {
  const q = (s: string) => (/[",\r\n#]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const cols = [...spec.label, spec.value];
  const lines = [cols.map((i) => q(result.columns[i]!.name)).join(','), ...result.rows.map((r) => cols.map((i) => q(raw(r[i] ?? null))).join(','))];
  const header = [...provenanceLines(p), `链接（打开后按“运行”即可复现）：${p.url}`];
  return `\uFEFF${[...header.map((l) => `# ${l}`), ...lines].join('\r\n')}\r\n`;
}

const FONT = 'system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif';

/** Split a line into pieces no wider than `max` px in `font`, measured by the browser. */
function wrap(line: string, max: number, font: string): string[] {
  const ctx = document.createElement('canvas').getContext('2d');
  if (!ctx) return [line];
  ctx.font = font;
  const out: string[] = [];
  let cur = '';
  for (const ch of line) {
    if (cur && ctx.measureText(cur + ch).width > max) {
      out.push(cur);
      cur = '';
    }
    cur += ch;
  }
  return [...out, cur];
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** A standalone SVG: title, the chart, and the provenance as a footer; system fonts only. */
export function standaloneSvg(plot: SVGSVGElement, title: string, p: Provenance): { svg: string; width: number; height: number } {
  const width = Number(plot.getAttribute('width'));
  const plotHeight = Number(plot.getAttribute('height'));
  const size = 11;
  const lineHeight = 15;
  const footer = provenanceLines(p).flatMap((l) => wrap(l, width - 16, `${size}px ${FONT}`));
  const top = 30;
  const height = top + plotHeight + 14 + footer.length * lineHeight;
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('xmlns', SVG_NS);
  for (const [k, v] of Object.entries({ width, height, viewBox: `0 0 ${width} ${height}`, 'font-family': FONT })) svg.setAttribute(k, String(v));
  const text = (y: number, content: string, attrs: Record<string, string>) => {
    const t = document.createElementNS(SVG_NS, 'text');
    t.setAttribute('x', '8');
    t.setAttribute('y', String(y));
    for (const [k, v] of Object.entries(attrs)) t.setAttribute(k, v);
    t.textContent = content;
    svg.append(t);
  };
  const bg = document.createElementNS(SVG_NS, 'rect');
  for (const [k, v] of Object.entries({ width: '100%', height: '100%', fill: '#fff' })) bg.setAttribute(k, v);
  svg.append(bg);
  text(20, title, { 'font-size': '15', 'font-weight': '700', fill: '#111' });
  const inner = plot.cloneNode(true) as SVGSVGElement;
  inner.setAttribute('x', '0');
  inner.setAttribute('y', String(top));
  svg.append(inner);
  footer.forEach((l, i) => text(top + plotHeight + 14 + (i + 1) * lineHeight - 4, l, { 'font-size': String(size), fill: '#555', style: 'white-space: pre' }));
  return { svg: `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(svg)}`, width, height };
}

/** PNG at twice the SVG's size, drawn from a data: URL (the page's CSP allows data: images, not blob:). */
function pngOf(svg: string, width: number, height: number): Promise<Blob> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = width * 2;
      canvas.height = height * 2;
      const ctx = canvas.getContext('2d');
      if (!ctx) return reject(new Error('canvas unavailable'));
      ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png');
    };
    img.onerror = () => reject(new Error('the SVG could not be drawn'));
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  });
}

function toNumber(v: Cell): number | null {
  if (v === null) return null;
  const n = typeof v === 'bigint' ? Number(v) : typeof v === 'string' ? Number(v) : typeof v === 'number' ? v : NaN;
  return Number.isFinite(n) ? n : null;
}

export function chartSpec(result: QueryResult): ChartSpec | null {
  const n = result.rows.length;
  if (n < 2 || n > CHART_MAX_ROWS) return null;
  const value = result.columns.findIndex((c) => isNumeric(c.kind) && !NOT_A_MEASURE.test(c.name));
  if (value < 0) return null;
  if (result.rows.some((r) => toNumber(r[value] ?? null) === null)) return null;
  const texts = result.columns.map((c, i) => (c.kind === 'text' ? i : -1)).filter((i) => i >= 0);
  const labelOf = (cols: number[]) => result.rows.map((r) => cols.map((i) => String(r[i] ?? '')).join(' · '));
  for (const cols of [texts.slice(0, 1), texts.slice(0, 2), texts.slice(0, 3)]) {
    if (cols.length === 0) continue;
    const labels = labelOf(cols);
    if (new Set(labels).size === labels.length) return { label: cols, value };
  }
  return null;
}

/** `isCurrent`: false once another query has replaced these results (the import takes a moment). */
export async function renderChart(container: HTMLElement, result: QueryResult, spec: ChartSpec, provenance: Provenance, isCurrent: () => boolean = () => true): Promise<void> {
  const Plot = await import('@observablehq/plot');
  if (!isCurrent()) return;
  const valueCol = result.columns[spec.value]!;
  const data = result.rows.map((r) => ({
    label: spec.label.map((i) => String(r[i] ?? '')).join(' · '),
    value: toNumber(r[spec.value] ?? null) ?? 0,
    shown: display(r[spec.value] as Exclude<Cell, null>, valueCol.kind),
  }));
  const short = (s: string) => ([...s].length > 16 ? `${[...s].slice(0, 15).join('')}…` : s);
  const longest = Math.max(...data.map((d) => [...short(d.label)].length));
  const width = Math.min(720, Math.max(320, container.clientWidth || 720));
  const svg = Plot.plot({
    ariaLabel: `条形图：${valueCol.name}`,
    width,
    height: 28 + data.length * 24,
    marginLeft: Math.min(Math.round(width * 0.45), 12 + longest * 13),
    marginRight: 64,
    x: { grid: true, label: valueCol.name },
    y: { label: null, tickFormat: short },
    marks: [
      Plot.barX(data, { x: 'value', y: 'label', sort: { y: '-x' }, fill: '#0b5cad' }),
      Plot.text(data, { x: 'value', y: 'label', text: 'shown', textAnchor: 'start', dx: 4 }),
      Plot.ruleX([0]),
    ],
  });
  // As on the site's charts (src/lib/charts.ts): one image named by its own label. Plot names each
  // mark's <g> ("bar", "rule"), which on a <g> without a role is prohibited ARIA (axe).
  svg.setAttribute('role', 'img');
  for (const g of svg.querySelectorAll('g[aria-label]')) g.removeAttribute('aria-label');
  const figure = document.createElement('figure');
  figure.className = 'result-chart';
  const caption = document.createElement('figcaption');
  const title = `${valueCol.name}（按 ${spec.label.map((i) => result.columns[i]!.name).join('、')}）`;
  caption.textContent = `自动生成的图表：${title}`;
  const source = document.createElement('p');
  source.className = 'result-chart-source';
  source.textContent = `数据版本 ${provenance.dataVersion}。下载的图表和数据都附有本查询的 SQL 和链接。`;
  const menu = document.createElement('div');
  menu.className = 'result-actions result-chart-menu';
  const note = document.createElement('span');
  note.className = 'result-action-status';
  note.setAttribute('role', 'status');
  const name = `budget-lens-chart-${stamp()}`;
  const standalone = () => standaloneSvg(svg as SVGSVGElement, title, provenance);
  const actions: Array<[string, string, () => Promise<void> | void]> = [
    ['chart-svg', '下载图表 SVG', () => saveBlob(new Blob([standalone().svg], { type: 'image/svg+xml;charset=utf-8' }), `${name}.svg`)],
    ['chart-png', '下载图表 PNG', async () => {
      const s = standalone();
      saveBlob(await pngOf(s.svg, s.width, s.height), `${name}.png`);
    }],
    ['chart-csv', '下载图表数据 CSV', () => saveBlob(new Blob([chartCsv(result, spec, provenance)], { type: 'text/csv;charset=utf-8' }), `${name}.csv`)],
  ];
  for (const [action, label, act] of actions) {
    const b = document.createElement('button');
    b.type = 'button';
    b.dataset['action'] = action;
    b.textContent = label;
    b.addEventListener('click', () => {
      Promise.resolve()
        .then(act)
        .then(
          () => (note.textContent = `已生成：${label.replace('下载', '')}`),
          (e: unknown) => (note.textContent = `生成失败：${e instanceof Error ? e.message : String(e)}`),
        );
    });
    menu.append(b);
  }
  menu.append(note);
  figure.append(caption, svg, source, menu);
  container.append(figure);
}
