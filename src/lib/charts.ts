// Observable Plot rendered to SVG at build time, with a server-side DOM (linkedom), so charts
// need no JavaScript in the reader's browser.
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';

/** System fonts only (readers are in China: no web fonts). */
export const CHART_FONT = '-apple-system, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif';

export const PALETTE = ['#1f5f8b', '#d9822b', '#5b8c5a', '#a23b72', '#7a6c5d', '#3d9ea8', '#c44536', '#8d86c9'];

type PlotOptions = Parameters<typeof Plot.plot>[0];

/**
 * Render a Plot spec to an SVG string. `label` becomes the SVG's accessible name; the figure
 * that shows it carries the longer text alternative and the data table.
 */
export function renderChart(options: PlotOptions, label: string): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const chart = Plot.plot({
    // Drawn at 420 px with 15 px type: on a 360 px phone it scales to ~12 px, on desktop it is capped (site.css).
    width: 420,
    style: { fontFamily: CHART_FONT, fontSize: '15px', background: 'transparent', overflow: 'visible' },
    ...options,
    document: document as unknown as Document,
  }) as unknown as { outerHTML: string; tagName: string };
  let svg = chart.outerHTML;
  if (chart.tagName.toLowerCase() !== 'svg') {
    // A legend wraps the chart in <figure>; keep only the chart's SVG elements.
    svg = svg.replace(/^<figure[^>]*>/, '').replace(/<\/figure>$/, '');
  }
  // Responsive: keep the viewBox, move the fixed size to data-* so the SVG scales to its container.
  // (The DOM may serialise attributes in any order.)
  const open = /^<svg[^>]*>/.exec(svg)![0];
  const size = (name: string) => new RegExp(`\\s${name}="([\\d.]+)"`).exec(open)?.[1];
  const w = size('width');
  const h = size('height');
  const opened = open.replace(/\s(width|height)="[\d.]+"/g, '')
    .replace('<svg', `<svg role="img" aria-label="${escapeAttr(label)}"${w && h ? ` data-width="${w}" data-height="${h}"` : ''}`);
  // Plot names each mark's <g> ("bar", "rule"): inside an image such names are prohibited ARIA
  // (axe: aria-prohibited-attr) and add nothing; the SVG's own label is its accessible name.
  return svg.replace(open, opened).replace(/(<g\b[^>]*?)\saria-label="[^"]*"/g, '$1');
}

function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

export { Plot };
