// One check: two figures compared, with the difference rounding can explain. Shared by every check family.
import type { OutRow } from '../types.ts';
import { tolerance } from '../tables/amounts.ts';
import { minOf, round6 } from '../text.ts';

export type Kind = 'row_sum' | 'column_sum' | 'cross_table' | 'narrative' | 'narrative_sum' | 'part_whole' | 'duplicate';

export interface CheckInput {
  id: string;
  kind: Kind;
  table: string;
  description: string;
  expected: number | null;
  actual: number | null;
  /** Number of printed figures whose rounding can add up in the comparison (2 when two printed figures are compared). */
  terms: number;
  decimals: number;
  lines: number[];
  /** Unit of expected and actual: 万元 (the default), 个 or 项 for counts (compared exactly), %. */
  unit?: string;
  /** `actual` is a part of `expected` and may be smaller: only more than `expected` is a disagreement. */
  atMost?: boolean;
  /**
   * The difference rounding can explain, when it is not `terms` half-units (a percentage computed
   * from rounded amounts: its error grows as the amounts shrink).
   */
  tolerance?: number;
}

/** Units that count things: compared exactly, with no rounding allowed. */
export const COUNTS = new Set(['个', '项', '次', '行']);

export function lineList(lines: number[]): string {
  const s = [...new Set(lines)].sort((a, b) => a - b);
  const out: string[] = [];
  for (let i = 0; i < s.length; i++) {
    let j = i;
    while (j + 1 < s.length && s[j + 1] === s[j]! + 1) j++;
    out.push(j > i ? `${s[i]}-${s[j]}` : `${s[i]}`);
    i = j;
  }
  return out.join(',');
}

export function check(doc: string, c: CheckInput): OutRow {
  const e = c.expected ?? 0;
  const a = c.actual ?? 0;
  const diff = round6(a - e);
  const unit = c.unit ?? '万元';
  const tol = COUNTS.has(unit) ? 0 : c.tolerance ?? tolerance(Math.max(1, c.terms), c.decimals);
  const over = c.atMost ? Math.max(0, diff) : Math.abs(diff);
  const status = over === 0 ? 'ok' : over <= tol ? 'rounding' : 'mismatch';
  return {
    doc_id: doc, check_id: `${doc}:${c.id}`, check_kind: c.kind, table_name: c.table, description: c.description,
    expected: c.expected, actual: c.actual, difference: diff, tolerance: round6(tol), unit, status,
    source_line: minOf(c.lines), source_lines: lineList(c.lines),
  };
}

/** What a check family is given: the document's tables, and a way to add a check. */
export interface Ctx {
  doc: string;
  t: Record<string, OutRow[]>;
  /** Decimals the document's tables print. */
  precision: number;
  /** The document's text lines (index 0 = line 1), for the readings facts does not make. */
  lines: string[];
  add: (c: Omit<CheckInput, 'decimals'> & { decimals?: number }) => void;
}

export const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);
export const sumOf = (rows: OutRow[], col: string): number => round6(rows.reduce((a, r) => a + (num(r[col]) ?? 0), 0));
export const linesOf = (rows: OutRow[]): number[] => rows.flatMap((r) => [r.source_line as number, ...(r.source_line_end ? [r.source_line_end as number] : [])]);

/** The narrative's facts by key (the first of a key, as facts reads it): its value, and the lines of several. */
export function narrativeFacts(t: Record<string, OutRow[]>) {
  const facts = t.facts ?? [];
  const fact = (key: string) => facts.find((f) => f.fact_key === key);
  return {
    fact,
    value: (key: string) => num(fact(key)?.value),
    lines: (...keys: string[]) => linesOf(keys.map(fact).filter((f): f is OutRow => f !== undefined)),
  };
}

/** Decimals of a figure as stored (trailing zeros are lost, so this can only under-state precision). */
export function decimalsOfValue(v: number): number {
  const m = /\.(\d+)$/.exec(String(v));
  return m ? m[1]!.length : 0;
}

/** A printed figure as its text shows it: `3,000.00` → 3000 with 2 decimals. */
export function printed(s: string): { value: number; decimals: number } {
  const t = s.replace(/,/g, '');
  return { value: Number(t), decimals: /\.(\d+)$/.exec(t)?.[1]!.length ?? 0 };
}

/** A name for matching however it was printed: no spaces, no brackets, full-width forms folded. */
export function nameKey(s: unknown): string {
  return String(s ?? '').normalize('NFKC').replace(/[\s()（）[\]【】〔〕“”"‘’'·•]/g, '');
}

/** `12,345.6` with thousands separators and the document's decimals, for descriptions. */
export function fmt(v: number | null, decimals: number): string {
  if (v === null) return '空';
  return v.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: Math.max(decimals, decimalsOfValue(v)) });
}
