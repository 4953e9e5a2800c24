// Query results as the page shows and exports them. No Arrow here: this module is in the
// page's first script; the Arrow → cells conversion (values.ts) loads with the engine.

/** How a result column is shown: numbers right-aligned and formatted, everything else as text. */
export type Kind = 'int' | 'float' | 'decimal' | 'bool' | 'date' | 'timestamp' | 'text' | 'other';

/**
 * One value. int: number, or bigint beyond 2^53; float: number; decimal: exact string
 * ("-190.20"); date/timestamp/text/other: string; bool: boolean; NULL: null.
 */
export type Cell = null | number | bigint | string | boolean;

export interface ResultColumn {
  name: string;
  kind: Kind;
  /** The engine's type, for the header's tooltip (e.g. "Float64", "Utf8"). */
  type: string;
}

export interface QueryResult {
  columns: ResultColumn[];
  rows: Cell[][];
  /** Query time in milliseconds (engine + transfer of the result). */
  ms: number;
}

export function isNumeric(kind: Kind): boolean {
  return kind === 'int' || kind === 'float' || kind === 'decimal';
}

/** "12345678.5" → "12,345,678.5" (exact: works on the digits). */
function groupDigits(s: string): string {
  const m = /^(-?)(\d+)(\.\d+)?$/.exec(s);
  if (!m) return s;
  return m[1] + m[2]!.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (m[3] ?? '');
}

/** The value as shown in a cell (NULL is shown by the caller). */
export function display(v: Exclude<Cell, null>, kind: Kind): string {
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'bigint') return v >= -9999n && v <= 9999n ? v.toString() : groupDigits(v.toString());
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return String(v);
    if (kind === 'int') return Math.abs(v) < 10000 ? String(v) : groupDigits(String(v));
    const abs = Math.abs(v);
    if (abs !== 0 && (abs < 1e-4 || abs >= 1e15)) return v.toPrecision(6);
    // Up to 6 decimals hides binary noise (19.939999999999998 → 19.94); the tooltip and the CSV keep every digit.
    return groupDigits(String(Number(v.toFixed(6))));
  }
  if (kind === 'decimal') return groupDigits(v);
  return v;
}

/** The exact value, for CSV/TSV and tooltips. */
export function raw(v: Cell): string {
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return String(v);
}

function numberOf(v: Cell): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'string') return Number(v);
  return v ? 1 : 0;
}

const collator = new Intl.Collator('zh-CN', { numeric: true });

/** Sort order: NULLs last in both directions (the caller flips the sign only for non-null pairs). */
export function compareCells(a: Cell, b: Cell, kind: Kind): number {
  if (isNumeric(kind) || kind === 'bool') {
    if (typeof a === 'bigint' && typeof b === 'bigint') return a < b ? -1 : a > b ? 1 : 0;
    const x = numberOf(a);
    const y = numberOf(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return collator.compare(String(a), String(b));
}

/** Rows as TSV (header first). Tabs and line breaks inside values become spaces; NULL is empty. */
export function toTsv(result: QueryResult): string {
  const clean = (s: string) => s.replace(/[\t\r\n]+/g, ' ');
  const lines = [result.columns.map((c) => clean(c.name)).join('\t')];
  for (const row of result.rows) lines.push(row.map((v) => clean(raw(v))).join('\t'));
  return lines.join('\n') + '\n';
}
