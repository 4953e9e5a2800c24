// Layout recovery for the tab layout: find each printed table and the lines that belong to it.
import type { Line, Section } from './types.ts';
import { standardOf } from './standards.ts';

const EMPTY_NOTE = /本表无数据|故本表为空|本表为空|无此项|没有.*?(收入|支出|安排)/;
const TOC_NUMBERING = /^(-\s*)?[一二三四五六七八九十]+、/;

export function cellsOf(text: string): string[] {
  return text.split('\t').map((c) => c.trim());
}

/** A title line of a printed table (not a table-of-contents entry), with its standard table. */
function titleAt(text: string): ReturnType<typeof standardOf> {
  if (text.includes('\t')) return undefined;
  const t = text.replace(/\s+/g, '');
  if (t.length === 0 || t.length > 40 || TOC_NUMBERING.test(t) || /^附件/.test(t)) return undefined;
  return standardOf(t);
}

/**
 * Sections of a tab-layout document. A title counts only when a tab row follows it before the
 * next title, which tells a printed table from its mention in the table of contents.
 */
export function findSections(lines: string[]): Section[] {
  const titles: Array<{ n: number; key: string; title: string }> = [];
  lines.forEach((text, i) => {
    const st = titleAt(text);
    if (st) titles.push({ n: i + 1, key: st.key, title: text.replace(/\s+/g, '') });
  });
  const sections: Section[] = [];
  titles.forEach((t, k) => {
    const next = titles[k + 1]?.n ?? lines.length + 1;
    const rows: Line[] = [];
    const notes: Line[] = [];
    for (let n = t.n + 1; n < next; n++) {
      const text = lines[n - 1]!;
      if (text.trim() === '') continue;
      if (text.includes('\t')) rows.push({ n, cells: cellsOf(text) });
      else notes.push({ n, cells: [text.trim()] });
    }
    if (rows.length === 0) return; // a mention, not a printed table
    const printedEmpty = notes.some((l) => EMPTY_NOTE.test(l.cells[0]!.replace(/\s+/g, '')))
      && !rows.some((r) => r.cells.some((c) => /\d/.test(c) && /^[\d,.]+$/.test(c) && c !== '0'));
    sections.push({ standard: t.key, title: t.title, titleLine: t.n, endLine: next - 1, rows, notes, printedEmpty });
  });
  return sections;
}

/** Does this document carry its tables tab-separated (vs reflowed one cell per line)? */
export function detectLayout(lines: string[]): 'tab' | 'reflowed' {
  const tabLines = lines.filter((l) => l.includes('\t')).length;
  return tabLines >= 20 ? 'tab' : 'reflowed';
}
