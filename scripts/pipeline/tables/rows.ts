// Small shared layer for reading table rows of the tab layout.
import type { Line, OutRow } from '../types.ts';
import { isAmount, normText } from '../text.ts';

/** A row with no amount anywhere: a (repeated) header, or a wrapped fragment of the row above. */
export function hasAmount(cells: string[]): boolean {
  return cells.some((c) => c.trim() !== '' && isAmount(c));
}

/** Header text of a section: the rows before the first row carrying an amount, joined. */
export function headerText(rows: Line[]): string {
  const out: string[] = [];
  for (const r of rows) {
    if (hasAmount(r.cells)) break;
    out.push(r.cells.map(normText).join(''));
  }
  return out.join('');
}

/** Line span of a row made of several physical lines. */
export function span(first: number, last: number): Pick<OutRow, 'source_line' | 'source_line_end'> {
  return { source_line: first, source_line_end: last > first ? last : null };
}

/** Label without its printed numbering (一、 （一） (十三) 1.) or 其中： prefix. */
export function stripNumbering(label: string): string {
  return normText(label)
    .replace(/^[一二三四五六七八九十]+、/, '')
    .replace(/^[（(][一二三四五六七八九十]+[)）]\s*/, '')
    .replace(/^\d+[.、．]\s*/, '')
    .replace(/^其中[:：]/, '')
    .replace(/[:：]$/, '')
    .trim();
}
