// A page's fragments and rules → printed lines, and table rows with one cell per column.
//
// Where the page draws its table (vertical rules), a cell is what lies between two rules that
// cross the row; the table's columns are all the rules it draws, and a merged cell's text goes to
// the first column it spans (readers carry a header to the right over the empty cells after it).
// A ruled row (between two full-width horizontal rules) that wraps its text over several printed
// lines is one row. Where nothing is drawn, columns come from how the text aligns.
import type { Fragment, PageContent, Rule } from './page.ts';
import { joinText, maxOf, minOf, pushAll } from '../../text.ts';

interface PrintedLine {
  y: number;
  size: number;
  frags: Fragment[];
}

const AMOUNT = /^[-−]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;
const isAmountText = (t: string) => AMOUNT.test(t.trim());

/** Middle of the line's ink: baselines sit low in the em box. */
const mid = (l: PrintedLine) => l.y - 0.35 * l.size;

function printedLines(fragments: Fragment[]): PrintedLine[] {
  const sorted = [...fragments].sort((a, b) => a.y - b.y || a.x0 - b.x0);
  const lines: PrintedLine[] = [];
  for (const f of sorted) {
    const last = lines.at(-1);
    if (last && Math.abs(f.y - last.y) <= 0.3 * Math.max(f.size, last.size)) {
      last.frags.push(f);
      last.size = Math.max(last.size, f.size);
    } else lines.push({ y: f.y, size: f.size, frags: [f] });
  }
  for (const l of lines) l.frags.sort((a, b) => a.x0 - b.x0);
  return lines;
}

/** Cells of a line where nothing is drawn: fragments a good gap apart are different cells. */
function gapCells(l: PrintedLine): Array<{ text: string; x0: number; x1: number }> {
  const cells: Array<{ text: string; x0: number; x1: number; parts: string[] }> = [];
  for (const f of l.frags) {
    const last = cells.at(-1);
    if (last && f.x0 - last.x1 < 0.9 * l.size && !(isAmountText(f.text) && isAmountText(last.parts.at(-1)!))) {
      last.parts.push(f.text);
      last.x1 = Math.max(last.x1, f.x1);
    } else cells.push({ text: '', x0: f.x0, x1: f.x1, parts: [f.text] });
  }
  return cells.map((c) => ({ text: joinText(c.parts), x0: c.x0, x1: c.x1 }));
}

/** x positions of rules, merged where they are the same rule drawn in pieces. */
function clusterX(xs: number[], tol = 2.5): number[] {
  const s = [...xs].sort((a, b) => a - b);
  const out: number[] = [];
  for (const x of s) if (out.length === 0 || x - out.at(-1)! > tol) out.push(x);
  return out;
}

function activeAt(vertical: Rule[], y: number): number[] {
  return clusterX(vertical.filter((r) => r.from - 2 <= y && y <= r.to + 2).map((r) => r.at));
}

/** Column index of each fragment (by its centre) among the boundaries active on its line. */
function place(frag: Fragment, active: number[], all: number[]): number {
  const c = (frag.x0 + frag.x1) / 2;
  let left = active[0]!;
  for (const x of active) if (x <= c) left = x;
  // The first table column whose left boundary is that rule.
  let k = 0;
  for (let i = 0; i < all.length - 1; i++) if (Math.abs(all[i]! - left) <= 2.5) { k = i; break; }
  return Math.min(k, all.length - 2);
}

interface OutLine {
  /** Where the line sits on the page, to keep reading order. */
  y: number;
  text: string;
}

/** Columns of the table last read, for a table continued on the next page. */
export interface GridMemory {
  columns: number[];
}

function ruledRegion(lines: PrintedLine[], page: PageContent, memory: GridMemory): OutLine[] {
  let xs = clusterX(lines.flatMap((l) => activeAt(page.vertical, mid(l))));
  // A table continued on a new page without its header may draw fewer rules (a last 合计 row
  // whose label spans the code columns): keep the columns of the part before it.
  const prev = memory.columns;
  if (xs.length < prev.length && xs.every((x) => prev.some((p) => Math.abs(p - x) <= 2.5))) xs = prev;
  memory.columns = xs;
  const left = xs[0]!;
  const right = xs.at(-1)!;
  const top = minOf(lines.map((l) => l.y - l.size));
  const bottom = maxOf(lines.map((l) => l.y));
  const bandYs = clusterX(page.horizontal
    .filter((r) => r.to - r.from >= 0.5 * (right - left) && r.from <= right && r.to >= left && r.at >= top - 30 && r.at <= bottom + 30)
    .map((r) => r.at), 1.5);
  const bandOf = (l: PrintedLine) => bandYs.filter((y) => y < mid(l)).length;
  // Lines of one band make one row: a cell wrapped over lines, or cells printed at different
  // heights. Two amounts (or codes) for the same cell mean the table draws no rule between its
  // rows there, and the second starts a row of its own; without row rules every line is a row.
  const rows: Array<{ y: number; cells: string[][]; numeric: boolean[] }> = [];
  const ruledRows = bandYs.length >= 3;
  let band = -1;
  for (const l of lines) {
    const active = activeAt(page.vertical, mid(l));
    const placed = l.frags.map((f) => ({ col: place(f, active, xs), text: f.text, numeric: isAmountText(f.text) }));
    let row = rows.at(-1);
    const b = bandOf(l);
    const conflict = !row || !ruledRows || b !== band
      || placed.some((p) => (row!.numeric[p.col] && row!.cells[p.col]!.length > 0) || (p.numeric && row!.cells[p.col]!.length > 0));
    if (conflict) {
      row = { y: l.y, cells: xs.slice(1).map(() => []), numeric: xs.slice(1).map(() => false) };
      rows.push(row);
    }
    band = b;
    for (const p of placed) {
      row!.cells[p.col]!.push(p.text);
      row!.numeric[p.col] ||= p.numeric;
    }
  }
  const out: OutLine[] = rows.map((r) => ({ y: r.y, text: r.cells.map((c) => joinText(c)).join('\t') }));
  return out;
}

/**
 * Lines of an undrawn table: columns are the x-ranges that cells of different lines share. Narrow
 * cells (amounts, codes) are placed first so that a wide label or a header spanning several
 * columns does not weld them together; a cell that overlaps two columns is a spanning one.
 */
function alignedRegion(lines: PrintedLine[]): OutLine[] {
  const rows = lines.map((l) => gapCells(l));
  const cols: Array<{ x0: number; x1: number }> = [];
  const dataFirst = rows.flatMap((cells) => cells.map((c) => ({ c, data: cells.some((x) => isAmountText(x.text)) })))
    .sort((a, b) => Number(b.data) - Number(a.data) || (a.c.x1 - a.c.x0) - (b.c.x1 - b.c.x0));
  const overlaps = (c: { x0: number; x1: number }) => cols.filter((k) => c.x0 < k.x1 + 1 && c.x1 > k.x0 - 1);
  for (const { c } of dataFirst) {
    const o = overlaps(c);
    if (o.length === 0) cols.push({ x0: c.x0, x1: c.x1 });
    else if (o.length === 1) { o[0]!.x0 = Math.min(o[0]!.x0, c.x0); o[0]!.x1 = Math.max(o[0]!.x1, c.x1); }
  }
  cols.sort((a, b) => a.x0 - b.x0);
  return rows.map((cells, i) => {
    const out: string[][] = cols.map(() => []);
    for (const c of cells) {
      const o = overlaps(c);
      const k = o.length ? cols.indexOf(o[0]!) : cols.findIndex((k) => k.x0 > c.x1);
      out[k < 0 ? cols.length - 1 : k]!.push(c.text);
    }
    return { y: lines[i]!.y, text: out.map((c) => joinText(c)).join('\t') };
  });
}

/** The page's printed lines, table rows with their cells tab-separated, top to bottom. */
export function pageLines(page: PageContent, memory: GridMemory = { columns: [] }): string[] {
  const lines = printedLines(page.fragments);
  const ruled = (l: PrintedLine) => {
    const active = activeAt(page.vertical, mid(l));
    if (active.length < 3) return false;
    const c = l.frags.map((f) => (f.x0 + f.x1) / 2);
    return c.every((x) => x >= active[0]! - 1 && x <= active.at(-1)! + 1);
  };
  const out: OutLine[] = [];
  let i = 0;
  while (i < lines.length) {
    if (ruled(lines[i]!)) {
      let j = i;
      while (j + 1 < lines.length && ruled(lines[j + 1]!)) j++;
      pushAll(out, ruledRegion(lines.slice(i, j + 1), page, memory));
      i = j + 1;
      continue;
    }
    // Undrawn: a run of lines of two cells or more.
    const multi = (l: PrintedLine) => !ruled(l) && gapCells(l).length >= 2;
    if (multi(lines[i]!)) {
      let j = i;
      while (j + 1 < lines.length && multi(lines[j + 1]!)) j++;
      if (j > i) {
        pushAll(out, alignedRegion(lines.slice(i, j + 1)));
        i = j + 1;
        continue;
      }
    }
    out.push({ y: lines[i]!.y, text: gapCells(lines[i]!).map((c) => c.text).join('\t') });
    i++;
  }
  return out.map((o) => o.text);
}
