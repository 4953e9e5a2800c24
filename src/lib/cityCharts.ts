// Chart layouts for the city pages, drawn with Plot at build time (charts.ts): labelled bars that
// stay readable on a 360 px phone (the label sits above its bar, never squeezed beside it),
// 100% stacked bars for splits, and a treemap (d3-hierarchy layout, Plot rects).
import { hierarchy, treemap, treemapSquarify } from 'd3';
import { Plot, PALETTE, renderChart as render } from './charts.ts';
import { textWidth as frameTextWidth } from './chartFrame.ts';

/**
 * renderChart, minus the aria-label Plot puts on each mark's <g> ("rect", "text"): inside an
 * SVG with role="img" they are never read, and on a <g> without a role ARIA prohibits them.
 */
function renderChart(options: Plot.PlotOptions, alt: string): string {
  return render(options, alt).replace(/(<g\b[^>]*?)\saria-label="[^"]*"/g, '$1');
}

/** Width the charts are drawn at (charts.ts): they scale to the container. */
export const CHART_WIDTH = 420;
const FONT = 16;
/**
 * The smallest type a chart uses: drawn 420 px wide, a chart is 344 px wide on a 360 px phone
 * (site.css), where 15 px type is 12.3 px — the least that stays readable.
 */
const SMALL = 15;
const TREE_FONT = SMALL;

/** Approximate rendered width of a label: CJK and full-width characters 1 em, others ~0.56 em (chartFrame.ts). */
export function textWidth(s: string, fontSize = FONT): number {
  return frameTextWidth(s, fontSize);
}

/** Cut a label to fit `maxWidth` pixels, ending with "…" when cut. */
export function fitText(s: string, maxWidth: number, fontSize = FONT): string {
  if (textWidth(s, fontSize) <= maxWidth) return s;
  let out = '';
  for (const ch of s) {
    if (textWidth(`${out}${ch}…`, fontSize) > maxWidth) break;
    out += ch;
  }
  return out ? `${out}…` : '';
}

/** Black or white text, whichever reads better on `fill` (WCAG contrast). */
export function textOn(fill: string): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(fill);
  if (!m) return '#1a1a1a';
  const lum = (i: number) => {
    const c = parseInt(m[i]!, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const L = 0.2126 * lum(1) + 0.7152 * lum(2) + 0.0722 * lum(3);
  const onWhite = 1.05 / (L + 0.05);
  const onBlack = (L + 0.05) / 0.05;
  return onWhite >= onBlack ? '#ffffff' : '#1a1a1a';
}

export interface LegendItem { label: string; fill: string }

/** Legend drawn inside the SVG, in rows at the top: marks and the height they need. */
function legend(items: LegendItem[], width: number): { marks: Plot.Markish[]; height: number } {
  if (items.length === 0) return { marks: [], height: 0 };
  const rowH = 24;
  const placed: Array<LegendItem & { x: number; row: number }> = [];
  let x = 0;
  let row = 0;
  for (const it of items) {
    const w = 20 + textWidth(it.label, SMALL) + 14;
    if (x > 0 && x + w > width) {
      x = 0;
      row++;
    }
    placed.push({ ...it, x, row });
    x += w;
  }
  const height = (row + 1) * rowH + 6;
  const marks: Plot.Markish[] = placed.flatMap((p) => [
    Plot.rect([p], { x1: p.x, x2: p.x + 14, y1: p.row * rowH + 5, y2: p.row * rowH + 19, fill: p.fill }),
    Plot.text([p], { x: p.x + 19, y: p.row * rowH + 12, text: (d: LegendItem) => d.label, textAnchor: 'start', fontSize: SMALL, fill: '#333' }),
  ]);
  return { marks, height };
}

/** Wrap an absolute-coordinate drawing (x 0…width, y 0…height, y down) into Plot options. */
function canvas(width: number, height: number, marks: Plot.Markish[]): Plot.PlotOptions {
  return {
    width, height, margin: 0,
    x: { type: 'linear', domain: [0, width], range: [0, width], axis: null },
    y: { type: 'linear', domain: [0, height], range: [0, height], axis: null },
    color: { type: 'identity' },
    marks,
  };
}

export interface Bar {
  label: string;
  value: number;
  /** Text at the end of the bar, e.g. "3.78 亿元 · 44.6%". */
  valueText: string;
  fill?: string;
}

/**
 * Ranked horizontal bars, each with its label above it: long Chinese names (projects, units)
 * fit on a phone. Bars are drawn in the order given.
 */
export function labeledBars(bars: Bar[], alt: string, opts: { legend?: LegendItem[] } = {}): string {
  const W = CHART_WIDTH;
  const lg = legend(opts.legend ?? [], W);
  const rowH = 52;
  const top = lg.height + 4;
  const height = top + bars.length * rowH + 4;
  const max = Math.max(...bars.map((b) => b.value), 0) || 1;
  const valueRoom = Math.max(...bars.map((b) => textWidth(b.valueText, SMALL))) + 8;
  const scale = (v: number) => (Math.max(v, 0) / max) * (W - valueRoom - 2);
  const rows = bars.map((b, i) => {
    const y = top + i * rowH;
    const w = scale(b.value);
    return { ...b, y, w, fill: b.fill ?? PALETTE[0]!, label: fitText(b.label, W - 4) };
  });
  return renderChart(canvas(W, height, [
    ...lg.marks,
    Plot.text(rows, { x: 0, y: (d) => d.y + 11, text: 'label', textAnchor: 'start', fontSize: FONT, fill: '#1a1a1a' }),
    Plot.rect(rows, { x1: 0, x2: (d) => Math.max(d.w, 1.5), y1: (d) => d.y + 23, y2: (d) => d.y + 45, fill: 'fill' }),
    Plot.text(rows, { x: (d) => d.w + 5, y: (d) => d.y + 34, text: 'valueText', textAnchor: 'start', fontSize: SMALL, fill: '#333' }),
  ]), alt);
}

export interface Segment { label: string; value: number; share: number; fill: string }
export interface StackRow { label: string; segments: Segment[] }

/** 100% stacked bars, one per row, segments labelled inside where they fit and in a line below. */
export function stackedShares(rows: StackRow[], alt: string): string {
  const W = CHART_WIDTH;
  const rowH = 84;
  const height = rows.length * rowH + 4;
  const rects: Array<{ x1: number; x2: number; y1: number; y2: number; fill: string; text: string; color: string; cx: number }> = [];
  const notes: Array<{ x: number; y: number; text: string }> = [];
  const titles: Array<{ x: number; y: number; text: string }> = [];
  rows.forEach((r, i) => {
    const y = i * rowH;
    titles.push({ x: 0, y: y + 11, text: fitText(r.label, W) });
    let x = 0;
    const small: string[] = [];
    for (const s of r.segments) {
      const w = s.share * W;
      const pctText = `${Number((s.share * 100).toFixed(1))}%`;
      const inside = `${s.label} ${pctText}`;
      const fits = textWidth(inside, SMALL) + 8 <= w;
      rects.push({ x1: x, x2: x + w, y1: y + 23, y2: y + 53, fill: s.fill, color: textOn(s.fill), cx: x + 4, text: fits ? inside : '' });
      if (!fits) small.push(inside);
      x += w;
    }
    if (small.length) notes.push({ x: 0, y: y + 67, text: fitText(`图中未标注：${small.join('，')}`, W, SMALL) });
  });
  return renderChart(canvas(W, height, [
    Plot.text(titles, { x: 'x', y: 'y', text: 'text', textAnchor: 'start', fontSize: FONT, fill: '#1a1a1a', fontWeight: 600 }),
    Plot.rect(rects, { x1: 'x1', x2: 'x2', y1: 'y1', y2: 'y2', fill: 'fill', stroke: '#fff', strokeWidth: 1 }),
    Plot.text(rects.filter((r) => r.text), { x: 'cx', y: (d) => d.y1 + 15, text: 'text', textAnchor: 'start', fontSize: SMALL, fill: 'color' }),
    Plot.text(notes, { x: 'x', y: 'y', text: 'text', textAnchor: 'start', fontSize: SMALL, fill: '#333' }),
  ]), alt);
}

export interface TreeLeaf { name: string; value: number; group: string; fill: string; valueText: string }

/**
 * A treemap of leaves grouped by `group` (squarified, d3-hierarchy), with a legend of groups.
 * Leaves are labelled with as much of their name and value as fits.
 */
export function treemapChart(leaves: TreeLeaf[], alt: string, groups: LegendItem[]): string {
  const W = CHART_WIDTH;
  const lg = legend(groups, W);
  const top = lg.height + 2;
  const H = 340;
  type Node = { name: string; children?: Node[]; leaf?: TreeLeaf };
  const root: Node = {
    name: 'root',
    children: groups.map((g) => ({ name: g.label, children: leaves.filter((l) => l.group === g.label).map((l) => ({ name: l.name, leaf: l })) })),
  };
  const h = hierarchy<Node>(root, (d) => d.children).sum((d) => (d.leaf ? Math.max(d.leaf.value, 0) : 0)).sort((a, b) => (b.value ?? 0) - (a.value ?? 0));
  treemap<Node>().tile(treemapSquarify.ratio(1.4)).size([W, H]).paddingInner(1.5).paddingOuter(0).round(true)(h);
  const cells = h.leaves().filter((n) => n.data.leaf).map((n) => {
    const r = n as unknown as { x0: number; x1: number; y0: number; y1: number };
    const leaf = n.data.leaf!;
    const w = r.x1 - r.x0;
    const ht = r.y1 - r.y0;
    // As many lines of the name as fit, then the value if a line is left.
    const perLine = Math.max(0, Math.floor((w - 6) / TREE_FONT));
    const maxLines = Math.max(0, Math.floor((ht - 4) / (TREE_FONT * 1.25)));
    const lines: string[] = [];
    if (perLine >= 2 && maxLines >= 1) {
      const chars = [...leaf.name];
      const nameLines = Math.max(1, Math.min(maxLines - (maxLines >= 2 ? 1 : 0), Math.ceil(chars.length / perLine)));
      for (let i = 0; i < nameLines; i++) lines.push(chars.slice(i * perLine, (i + 1) * perLine).join(''));
      if (chars.length > nameLines * perLine) lines[nameLines - 1] = `${[...lines[nameLines - 1]!].slice(0, perLine - 1).join('')}…`;
      if (lines.length < maxLines && textWidth(leaf.valueText, TREE_FONT) <= w - 6) lines.push(leaf.valueText);
    }
    return { x1: r.x0, x2: r.x1, y1: r.y0 + top, y2: r.y1 + top, fill: leaf.fill, color: textOn(leaf.fill), text: lines.join('\n'), x: r.x0 + 3, y: r.y0 + top + 3 };
  });
  return renderChart(canvas(W, top + H, [
    ...lg.marks,
    Plot.rect(cells, { x1: 'x1', x2: 'x2', y1: 'y1', y2: 'y2', fill: 'fill' }),
    Plot.text(cells.filter((c) => c.text), { x: 'x', y: 'y', text: 'text', textAnchor: 'start', lineAnchor: 'top', lineHeight: 1.25, fontSize: TREE_FONT, fill: 'color' }),
  ]), alt);
}

/** A palette colour by position (cycles). */
export function colour(i: number): string {
  return PALETTE[i % PALETTE.length]!;
}
