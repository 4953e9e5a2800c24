// The reflowed layout's raw material: the physical lines of a section as fragments, the sections
// themselves, and the placements of a row's printed amounts into the table's columns. Shared by
// every reader of this layout (recover.ts, tables.ts, performance.ts, projectIndicators.ts).
import type { Line, Section } from '../../types.ts';
import { standardOf } from '../../templates/tables.ts';
import { decimalsOf, isAmount, maxOf, minOf, parseAmount } from '../../text.ts';
import { tolerance, type AmountSpec } from '../../tables/amounts.ts';

// ---------------------------------------------------------------------------------------------
// Physical lines → fragments

/** One non-blank physical line of a section. */
export interface Frag {
  n: number;
  /** The line as printed, trimmed. */
  text: string;
  /** Text part (without the trailing amounts), spaces kept. */
  head: string;
  /** Amounts printed at the end of the line, as printed. */
  amounts: string[];
  /** The line starts with a space: the conversion's mark of the first line of a new page. */
  pageStart: boolean;
}

/** An amount token: digits with a decimal point or thousands separator (bare integers are codes or page numbers). */
export function isAmountToken(t: string): boolean {
  return isAmount(t) && /[.,]/.test(t);
}

function fragOf(n: number, raw: string): Frag {
  const text = raw.trim();
  const tokens = text.split(/\s+/);
  // The trailing amounts, found from the end and kept in printed order (no unshift: a line of many
  // amounts would cost the square of their number).
  let k = tokens.length;
  while (k > 0 && isAmountToken(tokens[k - 1]!)) k--;
  const amounts = tokens.slice(k);
  return { n, text, head: tokens.slice(0, k).join(' '), amounts, pageStart: /^\s/.test(raw) && text !== '' };
}

const TABLE_NO = /^预算\s*\d+\s*表$/;
const META = /^(部门名称|单位[:：]\s*万元|（\d{4}\s*年度）)/;

/** Is line n (1-based) a page number: a bare 1–3 digit integer after two or more blank lines? */
function isPageNumber(lines: string[], n: number): boolean {
  if (!/^\s*\d{1,3}\s*$/.test(lines[n - 1]!)) return false;
  return n >= 3 && lines[n - 2]!.trim() === '' && lines[n - 3]!.trim() === '';
}

/** Fragments of lines from..to (inclusive), without page numbers, table numbers and the 部门名称/单位 line. */
export function fragsOf(lines: string[], from: number, to: number): { frags: Frag[]; pageNumbers: number[] } {
  const frags: Frag[] = [];
  const pageNumbers: number[] = [];
  for (let n = from; n <= to; n++) {
    const raw = lines[n - 1]!;
    const t = raw.trim();
    if (t === '') continue;
    if (isPageNumber(lines, n)) { pageNumbers.push(n); continue; }
    if (TABLE_NO.test(t.replace(/\s+/g, ' ')) || META.test(t)) continue;
    frags.push(fragOf(n, raw));
  }
  return { frags, pageNumbers };
}

// ---------------------------------------------------------------------------------------------
// Sections

const TOC_NUMBERING = /^(-\s*)?[一二三四五六七八九十]+、/;
const EMPTY_NOTE = /无数据|为空|无此项|没有.*?(收入|支出|安排)/;

function titleAt(text: string): ReturnType<typeof standardOf> {
  if (text.includes('\t')) return undefined;
  const t = text.replace(/\s+/g, '');
  if (t.length === 0 || t.length > 40 || TOC_NUMBERING.test(t) || /^附件/.test(t)) return undefined;
  return standardOf(t);
}

export interface ReflowedSection extends Section {
  /** Fragments of the section (header included). */
  frags: Frag[];
  /** Lines of page numbers found inside the section. */
  pageNumbers: number[];
}

/** Sections of a reflowed document: a title counts when an amount or an empty-table note follows before the next title. */
export function findReflowedSections(lines: string[]): ReflowedSection[] {
  const titles: Array<{ n: number; key: string; title: string }> = [];
  lines.forEach((text, i) => {
    const st = titleAt(text);
    if (st) titles.push({ n: i + 1, key: st.key, title: text.replace(/\s+/g, '') });
  });
  const out: ReflowedSection[] = [];
  titles.forEach((t, k) => {
    const endLine = (titles[k + 1]?.n ?? lines.length + 1) - 1;
    const { frags, pageNumbers } = fragsOf(lines, t.n + 1, endLine);
    const hasAmounts = frags.some((f) => f.amounts.length > 0);
    const emptyNote = frags.some((f) => EMPTY_NOTE.test(f.text.replace(/\s+/g, '')));
    if (!hasAmounts && !emptyNote) return; // a mention (table of contents), not a printed table
    if (frags.length === 0) return;
    out.push({
      standard: t.key, title: t.title, titleLine: t.n, endLine, rows: [], notes: frags.map((f) => ({ n: f.n, cells: [f.text] })),
      printedEmpty: !hasAmounts && emptyNote, frags, pageNumbers,
    });
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Amount placement: every order-preserving placement of a row's printed amounts into the columns

export interface Placement {
  /** Column index of each printed amount. */
  slots: number[];
  violations: number;
  changes: number;
  shift: number;
}

function violations(spec: AmountSpec, idx: Map<string, number>, v: Array<number | null>, d: number): number {
  let bad = 0;
  for (const [total, parts] of spec.sums) {
    const t = v[idx.get(total)!] ?? null;
    let s = 0;
    let any = t !== null;
    for (const p of parts) {
      const x = v[idx.get(p)!] ?? null;
      if (x !== null) { s += x; any = true; }
    }
    if (any && Math.abs((t ?? 0) - s) > tolerance(parts.length, d)) bad++;
  }
  return bad;
}

/**
 * All placements of `amounts` (printed order kept) into spec.columns, restricted to `allowed`
 * columns when given, with the fewest violated sums; sorted by fewest offset changes, then least
 * displacement from the leftmost columns (the order assignAmounts prefers).
 */
export function placementsOf(amounts: string[], spec: AmountSpec, allowed?: Set<string>): Placement[] {
  const n = spec.columns.length;
  const idx = new Map(spec.columns.map((c, i) => [c, i]));
  const values = amounts.map((a) => parseAmount(a)!);
  const d = Math.max(0, maxOf(amounts.map(decimalsOf)));
  const v: Array<number | null> = new Array(n).fill(null);
  const found: Placement[] = [];
  const slots: number[] = [];
  const visit = (i: number, from: number) => {
    if (i === values.length) {
      let changes = 0; let shift = 0; let off = 0;
      slots.forEach((s, k) => { const o = s - k; if (o !== off) changes++; shift += Math.abs(o); off = o; });
      found.push({ slots: [...slots], violations: violations(spec, idx, v, d), changes, shift });
      return;
    }
    for (let s = from; s <= n - (values.length - i); s++) {
      if (allowed && !allowed.has(spec.columns[s]!)) continue;
      slots.push(s); v[s] = values[i]!;
      visit(i + 1, s + 1);
      v[s] = null; slots.pop();
    }
  };
  visit(0, 0);
  if (found.length === 0) return [];
  const min = minOf(found.map((p) => p.violations));
  return found.filter((p) => p.violations === min)
    .sort((a, b) => a.changes - b.changes || a.shift - b.shift);
}

/** A row the reader cannot place, in the section titled `title`: the reading stage names its file and line. */
export class DamagedRow extends Error {
  readonly title: string;
  readonly line: number;
  constructor(title: string, line: number, message: string) {
    super(message);
    this.title = title;
    this.line = line;
  }
}

/**
 * A row that prints more amounts than its table has amount columns has no placement at all: the
 * text is damaged there (lines run together, a line of amounts printed twice). Refused, naming it.
 */
export function checkWidth(section: ReflowedSection, line: number, amounts: string[], width: number): void {
  if (amounts.length > width) {
    throw new DamagedRow(section.title, line, `this row prints ${amounts.length} amounts, more than the table's ${width} amount columns: the text looks damaged here (lines run together or printed twice)`);
  }
}

/** Cells of a row with each amount in its column (blank elsewhere). */
export function cellsFor(amounts: string[], slots: number[], width: number): string[] {
  const cells = new Array<string>(width).fill('');
  slots.forEach((s, k) => { cells[s] = amounts[k]!; });
  return cells;
}

export function valuesFor(amounts: string[], slots: number[], width: number): Array<number | null> {
  const v = new Array<number | null>(width).fill(null);
  slots.forEach((s, k) => { v[s] = parseAmount(amounts[k])!; });
  return v;
}

// ---------------------------------------------------------------------------------------------
// What the document says elsewhere, used to decide columns the arithmetic of a table leaves open

export interface DocHints {
  /** Funding sources with a printed amount in the 部门收支总体情况表 (income side). */
  sources: Set<'general_budget' | 'gov_fund' | 'state_capital' | 'special_account' | 'unit_funds'>;
  /** 上年结转结余 of the summary table (null when not printed). */
  carryover: number | null;
  /** Unit names printed in the income table and unit rows. */
  unitNames: Set<string>;
}

export interface Note { table: string; line: number; what: string }

export interface Recovered {
  rows: Line[];
  /** First line → last line of each recovered row made of several physical lines. */
  spans: Map<number, number>;
  /** Rows whose columns the arithmetic could not decide (kept, placed by the stated preference). */
  ambiguous: Note[];
  /** Repairs of the conversion's damage (vertical labels rejoined, names continued, headers skipped). */
  repairs: Note[];
}

