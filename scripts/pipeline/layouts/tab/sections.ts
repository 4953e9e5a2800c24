// Layout recovery for the tab layout: find each printed table and the lines that belong to it.
import type { Line, Section } from '../../types.ts';
import { standardOf } from '../../templates/tables.ts';

const EMPTY_NOTE = /本表无数据|故本表为空|本表为空|无此项|没有.*?(收入|支出|安排)/;
const TOC_NUMBERING = /^(-\s*)?([一二三四五六七八九十]+、|\d{1,2}[.．、](?!\d))/;
const UNIT_NOTE = /单位[:：]\s*(万元|元|万)/;

export function cellsOf(text: string): string[] {
  return text.split('\t').map((c) => c.trim());
}

/** A title line of a printed table (not a table-of-contents entry), with its standard table. */
function titleAt(text: string): ReturnType<typeof standardOf> {
  if (text.includes('\t')) return undefined;
  const t = titleText(text);
  if (t.length === 0 || t.length > 40 || TOC_NUMBERING.test(t) || /^附件/.test(t)) return undefined;
  return standardOf(t);
}

/** A title as matched: no spaces, and the quotes around 三公 in one form whatever the font printed. */
export function titleText(text: string): string {
  // Jiangsu names which classification a table is by in a trailing （功能科目）/（经济科目）.
  return text.replace(/\s+/g, '').replace(/["“”＂]三公["“”＂]/g, '“三公”').replace(/[（(][^（()）]{1,8}[)）]$/, '');
}

/** `单位：元` / `单位：万元` among the first lines of a table (the unit line or the head row). */
function unitOf(lines: Line[]): '元' | '万元' | null {
  for (const l of lines.slice(0, 4)) {
    const m = UNIT_NOTE.exec(l.cells.join('').replace(/\s+/g, ''));
    if (m) return m[1] === '元' ? '元' : '万元';
  }
  return null;
}

/**
 * Sections of a tab-layout document. A title counts only when a tab row follows it before the
 * next title, which tells a printed table from its mention in the table of contents.
 */
export function findSections(lines: string[]): Section[] {
  const titles: Array<{ n: number; key: string; title: string }> = [];
  lines.forEach((text, i) => {
    const st = titleAt(text);
    if (st) titles.push({ n: i + 1, key: st.key, title: titleText(text) });
    else {
      // A long title wrapped over two printed lines (2024年部门一般公共预算基本支出 / 部门预算经济分类预算表).
      const next = lines[i + 1] ?? '';
      const both = `${text}${next}`;
      const wrapped = text.trim() && next.trim() && !titleAt(next) && titleText(text).length <= 30 && titleText(next).length <= 30 ? titleAt(both) : undefined;
      if (wrapped) titles.push({ n: i + 1, key: wrapped.key, title: titleText(both) });
    }
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
    const head = [...rows, ...notes].sort((a, b) => a.n - b.n);
    sections.push({ standard: t.key, title: t.title, titleLine: t.n, endLine: next - 1, rows, notes, printedEmpty, amountUnit: unitOf(head) });
  });
  return sections;
}

/** Does this document carry its tables tab-separated (vs reflowed one cell per line)? */
export function detectLayout(lines: string[]): 'tab' | 'reflowed' {
  const tabLines = lines.filter((l) => l.includes('\t')).length;
  return tabLines >= 20 ? 'tab' : 'reflowed';
}
