// Chart specs shared by the topic pages, drawn with renderChart (Plot at build time). Legends are
// drawn inside the SVG (Plot's own categorical legend is HTML, which a standalone SVG cannot hold).
import { Plot, PALETTE, renderChart } from './charts.ts';

export { Plot };

const WIDTH = 420;

type PlotOptions = Parameters<typeof renderChart>[0];

/**
 * renderChart, with Plot's labels of its inner groups (aria-label="bar", "x-axis tick", …) removed:
 * the chart is one image (role="img", named by the text alternative), and an aria-label on a
 * <g> without a role is not allowed (axe: aria-prohibited-attr).
 */
export function topicChart(options: PlotOptions, alt: string): string {
  const svg = renderChart(options, alt);
  const open = /^[\s\S]*?<svg[^>]*>/.exec(svg)?.[0] ?? '';
  return open + svg.slice(open.length).replace(/\s(aria-label|aria-description)="[^"]*"/g, '');
}

export interface LegendItem {
  label: string;
  color: string;
}

interface PlacedItem extends LegendItem {
  x: number;
  y: number;
}

/** Legend type: 15 px drawn is 12.3 px on a 360 px phone (see cityCharts.ts). */
const FONT = 15;
const SWATCH = 12;
const ROW = 22;

/** Rough width of a label at 14 px: CJK characters are square, others about half as wide. */
function textWidth(s: string): number {
  return [...s].reduce((w, c) => w + ((c.codePointAt(0) ?? 0) >= 0x2e80 ? FONT : FONT * 0.6), 0);
}

/** Swatches laid out left to right, wrapping at the chart width. */
export function legendLayout(items: LegendItem[], width = WIDTH): { height: number; items: PlacedItem[] } {
  const placed: PlacedItem[] = [];
  let x = 0;
  let y = 0;
  for (const item of items) {
    const w = SWATCH + 6 + textWidth(item.label);
    if (x > 0 && x + w > width) {
      x = 0;
      y += ROW;
    }
    placed.push({ ...item, x, y });
    x += w + 16;
  }
  return { height: items.length ? y + ROW : 0, items: placed };
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Put the legend at the top of a rendered chart (drawn with marginTop ≥ legend height). */
export function withLegend(svg: string, legend: { items: PlacedItem[] }): string {
  const g = `<g class="legend" aria-hidden="true" font-size="${FONT}" text-anchor="start">${legend.items.map((i) =>
    `<rect x="${i.x}" y="${i.y + 4}" width="${SWATCH}" height="${SWATCH}" fill="${i.color}"></rect>`
    + `<text x="${i.x + SWATCH + 6}" y="${i.y + 4 + SWATCH / 2}" dy="0.35em" fill="currentColor">${esc(i.label)}</text>`).join('')}</g>`;
  return svg.replace(/(<svg[^>]*>)/, `$1${g}`);
}

const TICK = 15;
const tickWidth = (s: string) => [...s].reduce((w, c) => w + ((c.codePointAt(0) ?? 0) >= 0x2e80 ? TICK : TICK * 0.6), 0);
/** Where a place's name may end a line (上海普陀区 | 人民政府…): after 省, 市, 区, 县. */
const PLACE_END = /[省市区县]/;

/**
 * A document label in lines that fit `max` px at the axis's 15 px: the name is broken (after a
 * place's 省/市/区/县 where possible), the year stays whole. 郑州 2024 keeps one line; 上海普陀区人民政府
 * 万里街道办事处 2024 takes three instead of running off the chart.
 */
export function wrapLabel(label: string, max = 122): string {
  if (tickWidth(label) <= max) return label;
  const cut = label.lastIndexOf(' ');
  const [name, tail] = cut > 0 ? [label.slice(0, cut), label.slice(cut + 1)] : [label, ''];
  const lines: string[] = [];
  let line = '';
  for (const c of name) {
    if (line && tickWidth(line + c) > max) {
      // Break after the place rather than mid-word when the place ends within this line.
      const at = [...line].findLastIndex((x, i) => PLACE_END.test(x) && i >= 2);
      const chars = [...line];
      if (at >= 0 && at < chars.length - 1) {
        lines.push(chars.slice(0, at + 1).join(''));
        line = chars.slice(at + 1).join('');
      } else {
        lines.push(line);
        line = '';
      }
    }
    line += c;
  }
  if (tail && tickWidth(`${line} ${tail}`) <= max) line = `${line} ${tail}`;
  else if (tail) {
    lines.push(line);
    line = tail;
  }
  lines.push(line);
  return lines.join('\n');
}

/** Labels for a band axis of documents: the wrapped text, the margin it needs and the lines of the tallest. */
export function axisLabels(labels: string[], minMargin = 92): { format: (d: string) => string; marginLeft: number; lines: number } {
  const wrapped = new Map(labels.map((l) => [l, wrapLabel(l)]));
  const widest = Math.max(0, ...[...wrapped.values()].flatMap((w) => w.split('\n').map(tickWidth)));
  return {
    format: (d: string) => wrapped.get(d) ?? d,
    marginLeft: Math.max(minMargin, Math.ceil(widest) + 10),
    lines: Math.max(1, ...[...wrapped.values()].map((w) => w.split('\n').length)),
  };
}

export interface StackPart {
  key: string;
  label: string;
  color: string;
}

/**
 * Horizontal stacked bars, one per row label (a document), parts in the given order, with each
 * bar's total printed at its end. `rows` are long: one per (label, part).
 */
export function stackedBars(opts: {
  rows: Array<{ label: string; part: string; value: number }>;
  parts: StackPart[];
  labels: string[];
  totals: Array<{ label: string; total: number; text: string }>;
  alt: string;
  xLabel?: string;
  percent?: boolean;
  marginLeft?: number;
}): string {
  const parts = opts.parts.filter((p) => opts.rows.some((r) => r.part === p.key && r.value > 0));
  const legend = legendLayout(parts.map((p) => ({ label: p.label, color: p.color })));
  const partOrder = parts.map((p) => p.key);
  const axis = axisLabels(opts.labels, opts.marginLeft ?? 92);
  // Room for the widest total printed at a bar's end (27,720 万元 needs more than 2.77 亿元).
  const marginRight = opts.percent ? 22 : Math.max(78, Math.ceil(Math.max(0, ...opts.totals.map((t) => textWidth(t.text))) + 10));
  const svg = topicChart({
    marginTop: legend.height + 10,
    marginLeft: axis.marginLeft,
    marginRight,
    height: legend.height + 40 + opts.labels.length * Math.max(40, axis.lines * 18 + 8),
    x: opts.percent
      ? { label: null, grid: true, percent: true, domain: [0, 100], ticks: [0, 25, 50, 75, 100], tickFormat: (d: number) => `${d}%` }
      // Fewer ticks where long labels leave the bars less room: five-digit ticks would overlap.
      : { label: opts.xLabel ?? '万元', grid: true, ticks: WIDTH - axis.marginLeft - marginRight < 260 ? 2 : 3 },
    y: { label: null, domain: opts.labels, tickFormat: axis.format },
    color: { domain: partOrder, range: parts.map((p) => p.color) },
    marks: [
      Plot.barX(opts.rows.filter((r) => r.value > 0), Plot.stackX({
        x: 'value', y: 'label', fill: 'part', order: partOrder,
        ...(opts.percent ? { offset: 'normalize' } : {}),
      })),
      Plot.ruleX([0]),
      ...(opts.percent ? [] : [Plot.text(opts.totals, { x: 'total', y: 'label', text: 'text', dx: 4, textAnchor: 'start', fill: 'currentColor' })]),
    ],
  }, opts.alt);
  return withLegend(svg, legend);
}

/**
 * Ranked horizontal bars with each name written above its bar (names are too long for an axis
 * on a phone) and the value at the bar's end.
 */
export function rankedBars(opts: {
  rows: Array<{ name: string; value: number; text: string; group?: string }>;
  alt: string;
  colors?: StackPart[];
  xLabel?: string;
}): string {
  const colors = opts.colors?.filter((c) => opts.rows.some((r) => r.group === c.key)) ?? [];
  const legend = legendLayout(colors.map((c) => ({ label: c.label, color: c.color })));
  const data = opts.rows.map((r, i) => ({ ...r, key: `${i + 1}` }));
  const max = Math.max(...data.map((d) => d.value), 0);
  const svg = topicChart({
    marginTop: legend.height + 10,
    marginLeft: 4,
    // Room for the widest value printed at a bar's end.
    marginRight: Math.max(76, Math.ceil(Math.max(0, ...data.map((d) => textWidth(d.text))) + 10)),
    height: legend.height + 34 + data.length * 50,
    x: { label: opts.xLabel ?? '万元', grid: true, domain: [0, max], ticks: 3 },
    y: { axis: null, domain: data.map((d) => d.key), paddingInner: 0.1, paddingOuter: 0.05 },
    ...(colors.length ? { color: { domain: colors.map((c) => c.key), range: colors.map((c) => c.color) } } : {}),
    marks: [
      Plot.barX(data, { x: 'value', y: 'key', fill: colors.length ? 'group' : PALETTE[0], insetTop: 24 }),
      Plot.text(data, { x: 0, y: 'key', text: 'name', textAnchor: 'start', dy: -10, fill: 'currentColor', fontSize: 15 }),
      Plot.text(data, { x: 'value', y: 'key', text: 'text', textAnchor: 'start', dx: 4, dy: 12, fill: 'currentColor', fontSize: 15 }),
      Plot.ruleX([0]),
    ],
  }, opts.alt);
  return withLegend(svg, legend);
}
