// One PDF page → what the table layout needs: text fragments with their boxes, and the ruling
// (the thin lines and rectangles tables are drawn with). Coordinates are top-down (y grows down
// the page) in PDF points, whatever the page's rotation.
import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { OPS, Util } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface Fragment {
  text: string;
  x0: number;
  x1: number;
  /** Baseline. */
  y: number;
  /** Font size (height of the em box). */
  size: number;
}

/** A vertical (x, y0..y1) or horizontal (y, x0..x1) rule. */
export interface Rule {
  at: number;
  from: number;
  to: number;
}

export interface PageContent {
  width: number;
  height: number;
  fragments: Fragment[];
  vertical: Rule[];
  horizontal: Rule[];
}

/** Relative width of a character as fonts print it: CJK and full-width 1 em, the rest about ½. */
function charWeight(ch: string): number {
  return /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef\u3000-\u303f“”‘’…—]/.test(ch) ? 1 : 0.55;
}

const AMOUNT_TOKEN = /^[-−]?\d{1,3}(,\d{3})+(\.\d+)?$|^[-−]?\d+\.\d+$/;

/**
 * Cut a text item where it holds two cells: producers (WPS among them) put a right-aligned amount
 * and the next cell's label into one item, one space apart. A space next to an amount, or a run of
 * two spaces or more, separates cells; a single space inside text (`1. 一般公共预算资金`) does not.
 */
function tokens(str: string): Array<{ text: string; start: number; end: number }> {
  const parts: Array<{ text: string; start: number; end: number }> = [];
  for (const m of str.matchAll(/\S+/g)) parts.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  const out: typeof parts = [];
  for (const p of parts) {
    const prev = out.at(-1);
    const gap = prev ? str.slice(prev.end, p.start) : '';
    const cut = !prev || gap.length >= 2 || AMOUNT_TOKEN.test(prev.text.split(' ').at(-1)!) || AMOUNT_TOKEN.test(p.text);
    if (cut) out.push({ ...p });
    else { prev!.text += gap + p.text; prev!.end = p.end; }
  }
  return out;
}

/**
 * Where the time of a read goes, in milliseconds, added to (the benchmark's hook, `bench/lib/pdf.ts`):
 * `pdfjs` inside PDF.js's awaited calls, `own` the rest (our own code). Optional: without it nothing
 * is measured and the result is the same.
 */
export interface PdfTiming {
  pdfjs: number;
  own: number;
}

export async function readPage(page: PDFPageProxy, timing?: PdfTiming): Promise<PageContent> {
  const start = timing ? performance.now() : 0;
  let inPdfjs = 0;
  const viewport = page.getViewport({ scale: 1 });
  const fragments: Fragment[] = [];
  let since = timing ? performance.now() : 0;
  const content = await page.getTextContent();
  if (timing) inPdfjs += performance.now() - since;
  for (const item of content.items) {
    if (!('str' in item) || item.str.trim() === '') continue;
    const m = Util.transform(viewport.transform, item.transform);
    const size = Math.hypot(m[2], m[3]);
    if (size <= 0) continue;
    // Only horizontal text takes part in table rows; vertical or rotated runs are stamps and seals.
    if (Math.abs(m[1]) > 0.01 * size || Math.abs(m[2]) > 0.01 * size) continue;
    const x = m[4];
    const width = item.width * (viewport.scale);
    const str = item.str.replace(/\s/g, ' ');
    // Where each character starts, estimated from relative widths (code units: these texts are BMP).
    const starts = [0];
    for (const ch of str) starts.push(starts.at(-1)! + charWeight(ch));
    const at = (i: number) => x + (width * starts[i]!) / (starts.at(-1)! || 1);
    for (const t of tokens(str)) fragments.push({ text: t.text, x0: at(t.start), x1: at(t.end), y: m[5], size });
  }
  since = timing ? performance.now() : 0;
  const ops = await page.getOperatorList();
  if (timing) inPdfjs += performance.now() - since;
  const { vertical, horizontal } = rulesOf(ops, viewport.transform);
  if (timing) {
    timing.pdfjs += inPdfjs;
    timing.own += performance.now() - start - inPdfjs;
  }
  return { width: viewport.width, height: viewport.height, fragments, vertical, horizontal };
}

const PAINTING = new Set<number>([OPS.stroke, OPS.closeStroke, OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke,
  OPS.closeFillStroke, OPS.closeEOFillStroke]);
const STROKING = new Set<number>([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);

type Matrix = [number, number, number, number, number, number];

/**
 * Table rules from the drawing operators: stroked segments, and thin filled rectangles (how WPS and
 * Word draw cell borders). Wider filled rectangles are shading, not rules; a stroked rectangle
 * gives its four sides.
 */
function rulesOf(ops: { fnArray: number[]; argsArray: unknown[] }, pageMatrix: number[]): { vertical: Rule[]; horizontal: Rule[] } {
  const vertical: Rule[] = [];
  const horizontal: Rule[] = [];
  let ctm: Matrix = [...pageMatrix] as Matrix;
  const stack: Matrix[] = [];
  const add = (a: [number, number], b: [number, number], thickness: number) => {
    if (thickness > 3) return;
    const [x0, y0] = a;
    const [x1, y1] = b;
    if (Math.abs(x0 - x1) <= 1.5 && Math.abs(y0 - y1) > 2) vertical.push({ at: (x0 + x1) / 2, from: Math.min(y0, y1), to: Math.max(y0, y1) });
    else if (Math.abs(y0 - y1) <= 1.5 && Math.abs(x0 - x1) > 2) horizontal.push({ at: (y0 + y1) / 2, from: Math.min(x0, x1), to: Math.max(x0, x1) });
  };
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i]!;
    const args = ops.argsArray[i] as unknown[];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = Util.transform(ctm, args as number[]) as Matrix;
    else if (fn === OPS.constructPath) {
      const paint = args[0] as number;
      if (!PAINTING.has(paint)) continue; // clipping paths and the like draw nothing
      const data = (args[1] as ArrayLike<number>[] | undefined)?.[0];
      if (!data) continue;
      // Sub-paths as point lists, in page coordinates.
      const paths: Array<Array<[number, number]>> = [];
      let cur: Array<[number, number]> = [];
      const pt = (x: number, y: number): [number, number] => [ctm[0] * x + ctm[2] * y + ctm[4], ctm[1] * x + ctm[3] * y + ctm[5]];
      for (let k = 0; k < data.length;) {
        const op = data[k++]!;
        if (op === 0) { if (cur.length) paths.push(cur); cur = [pt(data[k]!, data[k + 1]!)]; k += 2; }
        else if (op === 1) { cur.push(pt(data[k]!, data[k + 1]!)); k += 2; }
        else if (op === 2) { cur.push(pt(data[k + 4]!, data[k + 5]!)); k += 6; }
        else if (op === 3) { cur.push(pt(data[k + 2]!, data[k + 3]!)); k += 4; }
        else if (op === 4) { if (cur.length) cur.push(cur[0]!); }
        else break;
      }
      if (cur.length) paths.push(cur);
      const stroked = STROKING.has(paint);
      for (const p of paths) {
        // Bounds by loop: a damaged PDF can draw a path of more points than a call takes arguments.
        let x0 = Infinity; let x1 = -Infinity; let y0 = Infinity; let y1 = -Infinity;
        for (const [x, y] of p) { x0 = Math.min(x0, x); x1 = Math.max(x1, x); y0 = Math.min(y0, y); y1 = Math.max(y1, y); }
        const w = x1 - x0;
        const h = y1 - y0;
        if (!stroked) {
          // A filled shape is a rule only when it is thin.
          if (w <= 3 && h > 2) add([(x1 + x0) / 2, y0], [(x1 + x0) / 2, y1], 0);
          else if (h <= 3 && w > 2) add([x0, (y1 + y0) / 2], [x1, (y1 + y0) / 2], 0);
          continue;
        }
        for (let k = 1; k < p.length; k++) add(p[k - 1]!, p[k]!, 0);
      }
    }
  }
  return { vertical: joined(vertical), horizontal: joined(horizontal) };
}

/** Rules drawn in pieces (one per cell side, as ONLYOFFICE does) joined into whole lines. */
function joined(rules: Rule[]): Rule[] {
  const sorted = [...rules].sort((a, b) => a.at - b.at || a.from - b.from);
  const out: Rule[] = [];
  for (const r of sorted) {
    const same = out.findLast((o) => Math.abs(o.at - r.at) <= 1.5 && r.from <= o.to + 2);
    if (same) same.to = Math.max(same.to, r.to);
    else out.push({ ...r });
  }
  return out;
}
