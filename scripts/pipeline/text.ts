// Cell text normalisation as the data contract prescribes.

const CJK = '\\u3000-\\u303f\\u3400-\\u4dbf\\u4e00-\\u9fff\\uff00-\\uffef“”‘’—…·';
const CJK_GAP = new RegExp(`(?<=[${CJK}])[ \\t\\u00a0]+(?=[${CJK}])`, 'g');

/** Trim, drop the spaces the conversion put between CJK characters, collapse other runs. */
export function normText(s: string): string {
  return s.replace(/<\/?p>/g, ' ').replace(/\s+/g, ' ').trim().replace(CJK_GAP, '');
}

/** normText without any space left: for matching labels however the conversion spaced them. */
export function slim(s: string): string {
  return normText(s).replace(/\s+/g, '');
}

/** Join text fragments that the conversion split across lines or cells. */
export function joinText(parts: Array<string | null | undefined>): string {
  let out = '';
  for (const p of parts) {
    const t = normText(p ?? '');
    if (!t) continue;
    // Between two Latin/digit fragments a space was a real word gap; anywhere else it was a wrap.
    out = out && /[A-Za-z0-9]$/.test(out) && /^[A-Za-z0-9]/.test(t) ? `${out} ${t}` : out + t;
  }
  return out;
}

/** Digits of a code, rejoined when a space split it (`4108002400000000052 47`). */
export function normCode(s: string): string {
  return s.replace(/\s+/g, '');
}

export function isCode(s: string): boolean {
  return /^\d[\d ]*$/.test(s.trim());
}

const AMOUNT = /^-?\d{1,3}(,\d{3})*(\.\d+)?$|^-?\d+(\.\d+)?$/;

/** True when the cell is a printed amount (`81,916.0`, `0`, `46.48`). */
export function isAmount(s: string): boolean {
  return AMOUNT.test(s.trim());
}

/**
 * A cell that should hold an amount and does not. It carries the cell's text, so that the reading
 * stage can name the row it is in (the table readers that call parseAmount do not all know it).
 */
export class NotAnAmount extends Error {
  readonly text: string;
  constructor(text: string) {
    super(`not an amount: ${JSON.stringify(text.length > 80 ? `${text.slice(0, 80)}…` : text)}`);
    this.text = text;
  }
}

/** A printed amount as a number; blank → null. Throws on anything else so callers notice. */
export function parseAmount(s: string | undefined): number | null {
  const t = (s ?? '').trim();
  if (t === '') return null;
  if (!AMOUNT.test(t)) throw new NotAnAmount(t);
  return Number(t.replace(/,/g, ''));
}

/** Number of decimals printed (`81,916.0` → 1), for rounding tolerances. */
export function decimalsOf(s: string | undefined): number {
  const m = /\.(\d+)$/.exec((s ?? '').trim());
  return m ? m[1]!.length : 0;
}

/** Sum ignoring nulls, rounded to 6 decimals to keep float noise out of comparisons. */
export function sum(values: Array<number | null | undefined>): number {
  return round6(values.reduce<number>((a, v) => a + (v ?? 0), 0));
}

export function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/** Trailing empty cells removed. */
export function trimCells(cells: string[]): string[] {
  let end = cells.length;
  while (end > 0 && cells[end - 1]!.trim() === '') end--;
  return cells.slice(0, end);
}

/** Split a target like `≥95%`, `≤450元`, `100人` into comparator, number and unit. */
export function parseTarget(text: string): { comparator: string | null; value: number | null; unit: string | null } {
  const t = normText(text).replace(/^(大于等于|不低于|不少于)/, '≥').replace(/^(小于等于|不高于|不超过)/, '≤').replace(/^>=/, '≥').replace(/^<=/, '≤');
  const m = /^([≥≤><=＞＜])?\s*(-?\d+(?:,\d{3})*(?:\.\d+)?)\s*(.*)$/.exec(t);
  if (!m) return { comparator: null, value: null, unit: null };
  const cmp = m[1] ? ({ '＞': '>', '＜': '<' } as Record<string, string>)[m[1]] ?? m[1] : null;
  const unit = m[3]!.trim();
  return { comparator: cmp, value: Number(m[2]!.replace(/,/g, '')), unit: unit === '' ? null : unit };
}

/** Print width of text as the conversions lay it out: CJK and full-width characters 1, ASCII ½, spaces nothing. */
export function printWidth(s: string): number {
  let w = 0;
  for (const ch of s.replace(/\s+/g, '')) w += /[\x21-\x7e]/.test(ch) ? 0.5 : 1;
  return w;
}

/** A target such as `≥95%`, `100%`, `≤450元`, `3 人` (a number with at most a short unit). */
export function isTarget(t: string): boolean {
  const p = parseTarget(t);
  return p.value !== null && (p.unit === null || (p.unit.length <= 5 && !/^[.．、]|[。；;，,：:=]/.test(p.unit)));
}

/**
 * 元 → 万元 without float noise: the decimal point of the figure as printed moves four places
 * (96282213.44 → 9628.221344), so the stored double is the one nearest the exact quotient.
 */
export function yuanToWan(v: number): number {
  const s = String(v);
  if (!/^-?\d+(\.\d+)?$/.test(s)) return v / 10000;
  const neg = s.startsWith('-');
  const [int, frac = ''] = s.replace('-', '').split('.');
  const padded = int!.padStart(5, '0');
  const f = (padded.slice(-4) + frac).replace(/0+$/, '');
  return Number(`${neg ? '-' : ''}${padded.slice(0, -4)}${f ? `.${f}` : ''}`);
}

// Arrays of any length. Math.max(...xs) and push(...xs) pass every element as an argument, and
// past about a hundred thousand of them (a document pasted into itself, a damaged PDF's path) the
// call overflows the stack: these loop instead.

/** The largest of `xs`, or `empty` when there is none. */
export function maxOf(xs: Iterable<number>, empty = -Infinity): number {
  let m = -Infinity; let any = false;
  for (const x of xs) { any = true; if (x > m || Number.isNaN(x)) m = x; }
  return any ? m : empty;
}

/** The smallest of `xs`, or `empty` when there is none. */
export function minOf(xs: Iterable<number>, empty = Infinity): number {
  let m = Infinity; let any = false;
  for (const x of xs) { any = true; if (x < m || Number.isNaN(x)) m = x; }
  return any ? m : empty;
}

/** `target.push(...items)` for any number of items. */
export function pushAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const x of items) target.push(x);
  return target;
}
