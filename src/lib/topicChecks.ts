// /topic/checks/: every check that is not ok, grouped and explained; the completeness scorecard.
import { query } from './data.ts';
import { allFindings, type CheckRow as DocCheckRow, type FindingRow } from './cityData.ts';
import { CHECK_KIND_ZH } from './labels.ts';
import { firstRange } from './paths.ts';
import { once, topicDocs, type TopicDoc } from './topicData.ts';

/** A check as /topic/checks/ lists it: the city page's row, with its document and without line columns. */
export type CheckRow = Omit<DocCheckRow, 'source_line' | 'source_line_end' | 'status'> & { doc_id: string; status: string; source_lines: string };

export interface DocCounts {
  doc_id: string;
  /** Checks by status. */
  ok: number;
  rounding: number;
  mismatch: number;
  /** Findings (checks grouped by cause) by kind. */
  contradictions: number;
  roundingFindings: number;
  readings: number;
}

export interface PresenceRow {
  doc_id: string;
  standard_key: string;
  standard_zh: string;
  expected: boolean;
  status: string;
  title: string | null;
  source_line: number | null;
  source_line_end: number | null;
}

export interface ChecksData {
  docs: TopicDoc[];
  counts: DocCounts[];
  /** Every finding: the document's contradictions, our reading's doubts, its rounding, each grouping checks of one cause. */
  findings: FindingRow[];
  /** Every check that is not ok, with the finding it is part of. */
  notOk: CheckRow[];
  rounding: CheckRow[];
  presence: PresenceRow[];
  /** Standard tables in scorecard order. */
  standards: Array<{ key: string; zh: string }>;
}

export const checksData = once(loadChecksData);

type ByDoc = { [K in 'counts' | 'findings' | 'notOk' | 'rounding' | 'presence']: Map<string, ChecksData[K]> };
const indexes = new WeakMap<ChecksData, ByDoc>();

/**
 * The same, for some documents only: one page of the topic's document-by-document part. The rows
 * are grouped by document once per build, so a page costs its own documents, not the whole tables.
 */
export function checksOf(data: ChecksData, docs: TopicDoc[]): ChecksData {
  let by = indexes.get(data);
  if (!by) {
    const group = <T extends { doc_id: string }>(rows: T[]) => Map.groupBy(rows, (r) => r.doc_id);
    by = { counts: group(data.counts), findings: group(data.findings), notOk: group(data.notOk), rounding: group(data.rounding), presence: group(data.presence) };
    indexes.set(data, by);
  }
  const index = by;
  const of = <K extends keyof ByDoc>(k: K) => docs.flatMap((d) => (index[k] as Map<string, unknown[]>).get(d.doc_id) ?? []) as ChecksData[K];
  return { ...data, docs, counts: of('counts'), findings: of('findings'), notOk: of('notOk'), rounding: of('rounding'), presence: of('presence') };
}

async function loadChecksData(): Promise<ChecksData> {
  const docs = await topicDocs();
  const counts = await query<DocCounts>(`
    SELECT d.doc_id,
           count(c.check_id) FILTER (WHERE c.status = 'ok')::INTEGER AS ok,
           count(c.check_id) FILTER (WHERE c.status = 'rounding')::INTEGER AS rounding,
           count(c.check_id) FILTER (WHERE c.status = 'mismatch')::INTEGER AS mismatch,
           (SELECT count(*) FROM findings f WHERE f.doc_id = d.doc_id AND f.finding_kind = 'contradiction')::INTEGER AS contradictions,
           (SELECT count(*) FROM findings f WHERE f.doc_id = d.doc_id AND f.finding_kind = 'rounding')::INTEGER AS roundingFindings,
           (SELECT count(*) FROM findings f WHERE f.doc_id = d.doc_id AND f.finding_kind = 'reading')::INTEGER AS readings
    FROM documents d LEFT JOIN checks c USING (doc_id) GROUP BY d.doc_id ORDER BY d.doc_id`);
  const notOk = await query<CheckRow>(`
    SELECT doc_id, check_id, check_kind, table_name, description, expected, actual, difference, tolerance, unit, status, source_lines, finding_id
    FROM checks WHERE status <> 'ok' ORDER BY doc_id, status DESC, table_name, source_line, check_id`);
  const presence = await query<PresenceRow>(`
    SELECT doc_id, standard_key, standard_zh, expected, status, title, source_line::INTEGER AS source_line, source_line_end::INTEGER AS source_line_end
    FROM table_presence ORDER BY doc_id, source_line NULLS LAST`);
  // Scorecard rows: expected tables first, in the order they are usually printed, then extras.
  const order = await query<{ key: string; zh: string; expected_any: boolean; pos: number }>(`
    SELECT standard_key AS key, any_value(standard_zh) AS zh, bool_or(expected) AS expected_any,
           avg(CASE WHEN line_count > 0 AND source_line IS NOT NULL THEN source_line / line_count END) AS pos
    FROM table_presence JOIN documents USING (doc_id) GROUP BY standard_key ORDER BY expected_any DESC, pos NULLS LAST, key`);
  return {
    docs, counts, findings: await allFindings(), notOk,
    rounding: notOk.filter((c) => c.status === 'rounding'),
    presence,
    standards: order.map((o) => ({ key: o.key, zh: o.zh })),
  };
}

/** "334,496-498,510" → [[334, null], [496, 498], [510, null]]. */
export function ranges(lines: string): Array<[number, number | null]> {
  return lines.split(',').map((r) => firstRange(r.trim()));
}

/** The parts of a cross-table description: 甲表“列”… = 乙表… */
export function describeCross(description: string): { table: string | null; column: string | null; other: string | null } {
  const table = /^(.+?表)/.exec(description)?.[1] ?? null;
  const column = /“([^”]+)”列/.exec(description)?.[1] ?? null;
  const other = /=\s*(.+?表)/.exec(description)?.[1] ?? null;
  return { table, column, other };
}

/** A description without its trailing English note in parentheses. */
export function zhOnly(description: string): string {
  return description.replace(/[（(][^（()）]*[A-Za-z][^（()）]*(?:\([^()]*\)[^（()）]*)*[)）]\s*$/, '').trim();
}

export const TABLE_ZH: Record<string, string> = {
  budget_summary: '部门收支总体情况表',
  income_by_unit: '部门收入总体情况表',
  income_by_function: '按功能分类的收入表',
  expenditure_by_function: '按功能分类的支出表',
  basic_by_economic: '一般公共预算基本支出表',
  three_public: '“三公”经费表',
  projects: '项目支出表',
  project_indicators: '项目绩效目标表',
  dept_indicators: '整体绩效目标表',
  dept_budget_overview: '整体绩效目标表的预算情况',
  facts: '情况说明文字',
};

/** Check kinds in plain Chinese: the one set every page uses (labels.ts). */
export const KIND_ZH: Record<string, string> = CHECK_KIND_ZH;

export const STATUS_ZH: Record<string, { label: string; mark: string }> = {
  present: { label: '有数据', mark: '✓' },
  empty: { label: '印出但注明无数据', mark: '○' },
  missing: { label: '未印出', mark: '✗' },
  listed: { label: '目录列出但未印出', mark: '✗' },
  unread: { label: '印出，尚未读取', mark: '…' },
};
