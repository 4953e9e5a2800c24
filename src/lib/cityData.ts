// Queries for the city pages (/city/<slug>/). Every figure on those pages comes from here or
// from SQL in a city component, through the one data-access module (data.ts).
import { cityQuery, hasTable, OF_CITY, printedRows, query } from './data.ts';

/** A figure with where it is printed: `public/sources/<doc_id>.txt`, 1-based lines. */
export interface Located { source_line: number; source_line_end: number | null }

export interface Fact extends Located { fact_key: string; value: number; unit: string; text: string }

/** Narrative facts of a document, by fact_key (the first statement of each key). */
export async function facts(docId: string): Promise<Map<string, Fact>> {
  if (!(await hasTable('facts'))) return new Map();
  const rows = await cityQuery<Fact>(`
    SELECT doc_id, fact_key, value, unit, text, source_line::INTEGER AS source_line, source_line_end::INTEGER AS source_line_end
    FROM facts WHERE ${OF_CITY} AND value IS NOT NULL ORDER BY doc_id, source_line, fact_key`, docId);
  const out = new Map<string, Fact>();
  for (const r of rows) if (!out.has(r.fact_key)) out.set(r.fact_key, r);
  return out;
}

export type PresenceStatus = 'present' | 'empty' | 'missing' | 'listed' | 'unread';
export interface Presence {
  standard_key: string;
  standard_zh: string;
  expected: boolean;
  status: PresenceStatus;
  title: string | null;
  rows: number | null;
  source_line: number | null;
  source_line_end: number | null;
}

/** Which standard tables the document prints (table_presence), in the order they are printed. */
export async function presence(docId: string): Promise<Presence[]> {
  if (!(await hasTable('table_presence'))) return [];
  return cityQuery<Presence>(`
    SELECT doc_id, standard_key, standard_zh, expected, status, title, rows::INTEGER AS rows,
           source_line::INTEGER AS source_line, source_line_end::INTEGER AS source_line_end
    FROM table_presence WHERE ${OF_CITY}
    ORDER BY doc_id, source_line NULLS LAST, standard_key`, docId);
}

export interface SummaryRow extends Located {
  side: 'income' | 'expenditure';
  seq: number;
  item: string;
  item_label: string;
  row_kind: string;
  amount: number | null;
}

/** 部门收支总体情况表, both sides, in printed order. */
export async function summaryRows(docId: string): Promise<SummaryRow[]> {
  if (!(await hasTable('budget_summary'))) return [];
  return cityQuery<SummaryRow>(`
    SELECT doc_id, side, seq::INTEGER AS seq, item, item_label, row_kind, amount,
           source_line::INTEGER AS source_line, source_line_end::INTEGER AS source_line_end
    FROM budget_summary WHERE ${OF_CITY} ORDER BY doc_id, side, seq`, docId);
}

/** Number of rows a published table holds for a document (0 when the table is not published). */
export async function rowCount(table: string, docId: string): Promise<number> {
  if (!(await hasTable(table))) return 0;
  const [r] = await cityQuery<{ n: number }>(`SELECT doc_id, count(*)::INTEGER AS n FROM "${table}" WHERE ${OF_CITY} GROUP BY doc_id`, docId);
  return r?.n ?? 0;
}

export interface DeptTotals extends Located {
  total: number;
  basic_total: number | null;
  project_total: number | null;
  project_operating: number | null;
  project_specific: number | null;
  table_kind: string;
}

/** The 合计 row of the department expenditure table (else of the general public budget table), from printed_totals. */
export async function expenditureTotals(docId: string): Promise<DeptTotals | undefined> {
  if (!(await hasTable('printed_totals'))) return undefined;
  const [r] = await cityQuery<DeptTotals>(`
    SELECT doc_id, total, basic_total, project_total, project_operating, project_specific, table_kind,
           source_line::INTEGER AS source_line, source_line_end::INTEGER AS source_line_end
    FROM ${printedRows('expenditure_by_function', ['total', 'basic_total', 'project_total', 'project_operating', 'project_specific'])}
    WHERE ${OF_CITY} AND row_kind = 'total'
    ORDER BY doc_id, table_kind = 'department' DESC, source_line`, docId);
  return r;
}

export interface BasicTotals extends Located { total: number; personnel: number | null; public_use: number | null }

/** The 合计 row of 一般公共预算基本支出表 (人员经费 / 公用经费), from printed_totals. */
export async function basicTotals(docId: string): Promise<BasicTotals | undefined> {
  if (!(await hasTable('printed_totals'))) return undefined;
  const [r] = await cityQuery<BasicTotals>(`
    SELECT doc_id, total, personnel, public_use, source_line::INTEGER AS source_line, source_line_end::INTEGER AS source_line_end
    FROM ${printedRows('basic_by_economic', ['total', 'personnel', 'public_use'])}
    WHERE ${OF_CITY} AND row_kind = 'total' ORDER BY doc_id, source_line`, docId);
  return r;
}

export interface ThreePublic extends Located {
  total: number | null;
  overseas_travel: number | null;
  vehicle_total: number | null;
  vehicle_purchase: number | null;
  vehicle_operation: number | null;
  reception: number | null;
  /** A 决算's 预算数 beside what was spent (NULL in a budget, whose figures are the budget). */
  total_budget: number | null;
}

export async function threePublic(docId: string): Promise<ThreePublic | undefined> {
  if (!(await hasTable('three_public'))) return undefined;
  const [r] = await cityQuery<ThreePublic>(`
    SELECT doc_id, total, overseas_travel, vehicle_total, vehicle_purchase, vehicle_operation, reception, total_budget,
           source_line::INTEGER AS source_line, source_line_end::INTEGER AS source_line_end
    FROM three_public WHERE ${OF_CITY} ORDER BY doc_id, source_line`, docId);
  return r;
}

export interface CheckRow extends Located {
  check_id: string;
  check_kind: string;
  table_name: string | null;
  description: string;
  expected: number | null;
  actual: number | null;
  difference: number | null;
  tolerance: number | null;
  /** Unit of expected / actual / difference / tolerance: 万元, 个 or 项 (counts), %. */
  unit: string;
  /** ambiguous: our reading could not settle a column (not the document's error). */
  status: 'ok' | 'rounding' | 'mismatch' | 'ambiguous';
  source_lines: string | null;
  finding_id: string | null;
}

export async function checks(docId: string): Promise<CheckRow[]> {
  if (!(await hasTable('checks'))) return [];
  return cityQuery<CheckRow>(`
    SELECT doc_id, check_id, check_kind, table_name, description, expected, actual, difference, tolerance, unit, status, source_lines, finding_id,
           source_line::INTEGER AS source_line, source_line_end::INTEGER AS source_line_end
    FROM checks WHERE ${OF_CITY}
    ORDER BY doc_id, CASE status WHEN 'mismatch' THEN 0 WHEN 'ambiguous' THEN 1 WHEN 'rounding' THEN 2 ELSE 3 END, source_line, check_id`, docId);
}

/** A finding: the checks that share one cause (findings table), as the pages count and explain them. */
export interface FindingRow {
  doc_id: string;
  finding_id: string;
  /** contradiction: the document disagrees with itself; rounding; reading: our reading is uncertain. */
  finding_kind: 'contradiction' | 'rounding' | 'reading';
  cause: string;
  table_name: string | null;
  title: string;
  explanation: string;
  check_count: number;
  /** The grouped checks' ids, semicolon-separated. */
  check_ids: string;
  source_lines: string;
}

const FINDING_COLUMNS = 'doc_id, finding_id, finding_kind, cause, table_name, title, explanation, check_count::INTEGER AS check_count, check_ids, source_lines';
// The document's own contradictions first, the one behind most failed checks leading.
const FINDING_ORDER = "CASE finding_kind WHEN 'contradiction' THEN 0 WHEN 'reading' THEN 1 ELSE 2 END, check_count DESC, source_line, finding_id";

export async function findings(docId: string): Promise<FindingRow[]> {
  if (!(await hasTable('findings'))) return [];
  // cityQuery keys its rows by doc_id and leaves it out of them; a finding links to its document's lines.
  const rows = await cityQuery<Omit<FindingRow, 'doc_id'>>(`SELECT ${FINDING_COLUMNS} FROM findings WHERE ${OF_CITY} ORDER BY doc_id, ${FINDING_ORDER}`, docId);
  return rows.map((r) => ({ ...r, doc_id: docId }));
}

/** Every document's findings, for the pages that compare documents. */
export async function allFindings(): Promise<FindingRow[]> {
  if (!(await hasTable('findings'))) return [];
  return query<FindingRow>(`SELECT ${FINDING_COLUMNS} FROM findings ORDER BY doc_id, ${FINDING_ORDER}`);
}
