// Layout recovery for the reflowed layout (洛阳 2024): the conversion printed each table cell
// on its own line (or a row's short cells on one line, space-separated), blank lines between,
// vertical labels one character per line and split over page breaks, page numbers inside tables,
// and only the non-blank amounts of a row. This reader rebuilds, per table section, `Line` rows
// in the cell layout the table modules of the tab layout read, with each row's amounts placed
// in the columns the table's own arithmetic (and the other tables of the document) require.
//
// Supported so far: 项目支出表 (projects), 三公 (three_public), 部门收支总体情况表 (summary), and in
// tables.ts 部门收入表 (income), 部门支出表 / 一般公共预算支出表 (expenditure, general_public)
// and 一般公共预算基本支出表 (basic); in performance.ts and projectIndicators.ts the 整体绩效目标表 and 项目绩效目标汇总表
// (read straight into rows: `tables`). Other sections are returned with no rows (and `unread` set) so
// the caller can tell.
import type { OutRow } from '../../types.ts';
import { pushAll } from '../../text.ts';
import { findReflowedSections, type DocHints, type Note, type Recovered, type ReflowedSection } from './fragments.ts';
import { hintsFromSummary, recoverProjects, recoverSummary, recoverThreePublic } from './recover.ts';
import { econTotals, recoverBasic, recoverExpenditure, recoverIncome } from './tables.ts';
import { readDeptPerformance } from './performance.ts';
import { readProjectPerformance } from './projectIndicators.ts';
import { recoverEconomic, recoverFiscal, recoverOperating } from './printedTables.ts';

export type { Note } from './fragments.ts';


// ---------------------------------------------------------------------------------------------
// The document

export interface ReflowedRead {
  /** Sections with `rows` rebuilt for the tables supported; others have no rows. */
  sections: ReflowedSection[];
  /** Standard keys of the sections read. */
  read: string[];
  /** Rows of the tables read straight into published rows (the performance tables), by table name. */
  tables: Record<string, OutRow[]>;
  /** Standard keys of the sections whose rows are in `tables` (no table module to run on them). */
  direct: string[];
  spans: Map<number, number>;
  ambiguous: Note[];
  repairs: Note[];
}

/** Rows whose columns the reflowed reader could not decide: `ambiguous = true` where the table has that column. */
export function markAmbiguous(table: string, rows: OutRow[], ambiguous: Note[]): void {
  const lines = new Set(ambiguous.filter((a) => a.table === table).map((a) => a.line));
  for (const r of rows) if ('ambiguous' in r && lines.has(r.source_line as number)) r.ambiguous = true;
}

export function readReflowed(lines: string[]): ReflowedRead {
  const sections = findReflowedSections(lines);
  const spans = new Map<number, number>();
  const ambiguous: Note[] = [];
  const repairs: Note[] = [];
  const read: string[] = [];
  const take = (s: ReflowedSection, r: Recovered) => {
    s.rows = r.rows;
    for (const [a, b] of r.spans) spans.set(a, b);
    pushAll(ambiguous, r.ambiguous);
    pushAll(repairs, r.repairs);
    read.push(s.standard);
  };
  const summary = sections.find((s) => s.standard === 'summary' && !s.printedEmpty);
  let hints: DocHints = { sources: new Set(), carryover: null, unitNames: new Set() };
  const unitNames = new Set<string>();
  let econ: Record<string, number> | null = null;
  if (summary) {
    const r = recoverSummary(summary);
    take(summary, r);
    hints = { ...hintsFromSummary(r.rows), unitNames: new Set() };
  }
  for (const s of sections) {
    if (s.printedEmpty) continue;
    if (s.standard === 'three_public') take(s, recoverThreePublic(s));
    else if (s.standard === 'projects') take(s, recoverProjects(s, hints));
    else if (s.standard === 'income') {
      const r = recoverIncome(s, hints);
      take(s, r);
      for (const row of r.rows) if (/^\d{3,}$/.test(row.cells[0] ?? '')) unitNames.add(row.cells[1]!);
    } else if (s.standard === 'basic') {
      const r = recoverBasic(s);
      take(s, r);
      econ = econTotals(r.rows);
    }
  }
  for (const s of sections) {
    if (s.printedEmpty) continue;
    if (s.standard === 'expenditure' || s.standard === 'general_public') take(s, recoverExpenditure(s, unitNames, econ));
  }
  // The printed tables only published since: 财政拨款收支表, 支出经济分类汇总表, 机构运转经费表 (the last
  // after the other two, whose 经济分类 names tell where its wrapped names end).
  const econNames = new Map<string, string>();
  for (const s of sections) {
    if (s.printedEmpty) continue;
    if (s.standard === 'fiscal') take(s, recoverFiscal(s, hints));
    else if (s.standard === 'economic') take(s, recoverEconomic(s, hints));
    for (const r of s.standard === 'basic' || s.standard === 'economic' ? s.rows : []) {
      const code = s.standard === 'basic' ? r.cells[0] ?? '' : `${r.cells[0] ?? ''}${r.cells[1] ?? ''}`;
      const name = r.cells[s.standard === 'basic' ? 1 : 2] ?? '';
      if (/^\d{5}$/.test(code) && name && !econNames.has(code)) econNames.set(code, name);
    }
  }
  for (const s of sections) if (!s.printedEmpty && s.standard === 'operating') take(s, recoverOperating(s, econNames));
  const tables: Record<string, OutRow[]> = {};
  const direct: string[] = [];
  for (const s of sections) {
    if (s.printedEmpty || (s.standard !== 'dept_performance' && s.standard !== 'project_performance')) continue;
    const r = s.standard === 'dept_performance' ? readDeptPerformance(s) : readProjectPerformance(s, lines);
    for (const [name, rows] of Object.entries(r.tables)) pushAll(tables[name] ??= [], rows);
    pushAll(repairs, r.repairs);
    read.push(s.standard);
    direct.push(s.standard);
  }
  return { sections, read, spans, ambiguous, repairs, tables, direct };
}

