// A downloaded chart says what it is: the chart framed by its title, subtitle (who, where, which
// year), unit, source and who made it, with margins, as one standalone SVG. Plain strings and no
// DOM, so that the build (page charts' chart.svg) and the browser (the explorer's downloads) can
// both use it; the browser may pass a measure function that asks a canvas for text widths.

/** System fonts only (readers are in China: no web fonts); ends in a generic family. */
export const FRAME_FONT = '-apple-system, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif';

/** Width of `text` at `px`: CJK and full-width characters are 1 em, others about 0.56 em (a little generous). */
export function textWidth(text: string, px: number): number {
  let w = 0;
  for (const ch of text) w += /[\u2E80-\uFFEF]/.test(ch) ? 1 : 0.56;
  return w * px;
}

export type Measure = (text: string, px: number) => number;

/**
 * The pieces a line may break between: "第 214–246 行" whole, a run of Latin letters and digits whole
 * (a URL broken after its / # -), a space, or one CJK character with any closing punctuation after it
 * (no line starts with "。" or "》").
 */
const TOKENS = /第 [\d–]+ 行[，、；。）]?|[^\s\u2E80-\uFFEF/#-]*[/#-]|[^\s\u2E80-\uFFEF/#-]+|\s+|.[，、；。：）》]*/gu;

/** `line` in pieces no wider than `max` px (a piece wider than a line is cut where it must be). */
export function wrapText(line: string, max: number, px: number, measure: Measure = textWidth): string[] {
  const out: string[] = [];
  let cur = '';
  for (const token of line.match(TOKENS) ?? []) {
    if (measure(cur + token, px) <= max) {
      cur += token;
      continue;
    }
    if (cur.trim()) out.push(cur.trimEnd());
    cur = token.trimStart();
    while (measure(cur, px) > max) {
      const chars = [...cur];
      let n = chars.length - 1;
      while (n > 1 && measure(chars.slice(0, n).join(''), px) > max) n--;
      out.push(chars.slice(0, n).join(''));
      cur = chars.slice(n).join('');
    }
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface Frame {
  /** The chart's own SVG markup (an <svg> with a viewBox), drawn `width` × `height`. */
  chart: string;
  width: number;
  height: number;
  title: string;
  /** Place, department, year (or the documents compared). */
  subtitle?: string;
  /** 金额单位：万元 … */
  unit?: string;
  /** Where the numbers come from: each entry a line of its own (wrapped as needed). */
  source: string[];
  /** Who made it and which data: 预算透视 Budget Lens · 数据版本 … · the page. */
  credit: string[];
  /** Accessible name and description of the whole image. */
  alt?: string;
  measure?: Measure;
}

const MARGIN = 20;
const TITLE = 18;
const SUB = 14;
const NOTE = 12;

/** The chart with its furniture, as a standalone SVG document (XML declaration, namespace, size). */
export function framedSvg(f: Frame): { svg: string; width: number; height: number } {
  const measure = f.measure ?? textWidth;
  const width = Math.round(f.width + 2 * MARGIN);
  const inner = width - 2 * MARGIN;
  const texts: string[] = [];
  let y = MARGIN;
  const block = (lines: string[], px: number, attrs: string, gap: number) => {
    for (const line of lines.flatMap((l) => wrapText(l, inner, px, measure))) {
      y += Math.round(px * 1.4);
      texts.push(`<text x="${MARGIN}" y="${y - Math.round(px * 0.3)}" font-size="${px}"${attrs}>${esc(line)}</text>`);
    }
    y += gap;
  };
  block([f.title], TITLE, ' font-weight="700" fill="#111"', 2);
  if (f.subtitle) block([f.subtitle], SUB, ' fill="#333"', 0);
  if (f.unit) block([f.unit], NOTE, ' fill="#555"', 0);
  y += 10;
  const chartTop = y;
  y += f.height + 14;
  const footerStart = texts.length;
  block(f.source, NOTE, ' fill="#333"', 2);
  block(f.credit, NOTE, ' fill="#555"', 0);
  const height = Math.round(y + MARGIN);
  // The chart nested at its drawn size: its own width/height attributes and style win over any
  // responsive sizing (height:auto) its stylesheet gives it as a page element.
  const open = /^<svg[^>]*>/.exec(f.chart)?.[0] ?? '<svg>';
  const nestedOpen = open
    .replace(/\s(role|aria-label|data-width|data-height|width|height|x|y)="[^"]*"/g, '')
    .replace(/\sstyle="([^"]*)"/, (_m, s: string) => ` style="${s};max-width:none"`)
    .replace('<svg', `<svg x="${MARGIN}" y="${chartTop}" width="${f.width}" height="${f.height}"`);
  const chart = nestedOpen + f.chart.slice(open.length);
  const title = `<title>${esc(f.title)}</title>${f.alt ? `<desc>${esc(f.alt)}</desc>` : ''}`;
  const svg = `<?xml version="1.0" encoding="UTF-8"?>
<svg width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(f.title)}" font-family="${esc(FRAME_FONT)}">${title}<rect width="100%" height="100%" fill="#fff"/>
<g class="frame-head">${texts.slice(0, footerStart).join('')}</g>
${chart}
<g class="frame-foot">${texts.slice(footerStart).join('')}</g>
</svg>
`;
  return { svg, width, height };
}
