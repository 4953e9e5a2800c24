// /topic/social-insurance/: pension spending in the function tables — subsidies that fill the gaps of
// pension funds (2080507, 2080508, 20826, 20827) and the department's own pension costs (other 20805) —
// with the project each subsidy is, its performance targets, and what the narrative says about it.
import { printedRows, query } from './data.ts';
import { once, topicDocs, type TopicDoc } from './topicData.ts';

export type Group = 'fund' | 'own';

/** Which group a 项 code belongs to, or null. */
export function groupOf(code: string): Group | null {
  if (code === '2080507' || code === '2080508' || code.startsWith('20826') || code.startsWith('20827')) return 'fund';
  if (code.startsWith('20805')) return 'own';
  return null;
}

export const GROUP_ZH: Record<Group, string> = {
  fund: '对养老保险基金的补助',
  own: '本单位离退休费和养老保险缴费',
};

/** What each code pays for, in plain words (shown only for codes that occur in the data). */
export const CODE_NOTE: Record<string, string> = {
  '2080501': '行政单位离退休人员的离退休费。',
  '2080502': '事业单位离退休人员的离退休费。',
  '2080505': '单位作为用人单位，为在职人员缴纳的机关事业单位基本养老保险费。',
  '2080506': '单位为在职人员缴纳的职业年金。',
  '2080507': '机关事业单位基本养老保险基金收不抵支时，由财政补上的缺口。',
  '2080508': '财政为机关事业单位职业年金安排的资金（如记实、补记）。',
  '2080599': '其他行政事业单位养老支出。',
  '2082601': '财政对企业职工基本养老保险基金的补助。',
  '2082602': '财政对城乡居民基本养老保险基金的补助，主要是基础养老金和缴费补贴的地方配套。',
  '2082699': '财政对其他基本养老保险基金的补助。',
};

export interface FuncRow {
  doc_id: string;
  table_kind: string;
  func_code: string;
  func_name: string;
  total: number;
  basic_total: number | null;
  project_total: number | null;
  source_line: number;
  source_line_end: number | null;
}

export interface Indicator {
  category_zh: string;
  indicator: string;
  target_text: string;
  target_value: number | null;
  source_line: number;
  source_line_end: number | null;
}

export interface Matched {
  project_name: string;
  project_type: string | null;
  unit_name: string | null;
  project_code: string | null;
  total: number;
  source_line: number;
  source_line_end: number | null;
  indicators: Indicator[];
  /** Clauses of the narrative that name the project. */
  mentions: Array<{ clause: string; source_line: number; source_line_end: number | null }>;
}

export interface SocialDoc {
  doc: TopicDoc;
  /** Which table the rows come from (the department table when printed, else the general public budget table). */
  tableKind: string | null;
  total: { total: number; source_line: number; source_line_end: number | null } | null;
  rows: Array<FuncRow & { group: Group; match: Matched | null }>;
  /** Whether the project performance table was read (else its status). */
  indicatorsStatus: { status: string; source_line: number | null; source_line_end: number | null } | null;
}

export const socialByDoc = once(loadSocialByDoc);

async function loadSocialByDoc(): Promise<SocialDoc[]> {
  const docs = (await topicDocs()).filter((d) => d.doc_kind === 'budget');
  const funcs = await query<FuncRow & { row_kind: string }>(`
    SELECT doc_id, table_kind, row_kind, func_code, func_name, total, basic_total, project_total,
           source_line::INTEGER AS source_line, source_line_end::INTEGER AS source_line_end
    FROM expenditure_by_function
    WHERE total IS NOT NULL AND row_kind = 'function' AND func_level = 3 AND func_code LIKE '208%'
    UNION ALL
    -- the 合计 rows: they also decide which table a document's rows come from
    SELECT doc_id, table_kind, row_kind, code, label, total, basic_total, project_total,
           source_line::INTEGER, source_line_end::INTEGER
    FROM ${printedRows('expenditure_by_function', ['total', 'basic_total', 'project_total'])}
    WHERE total IS NOT NULL AND row_kind = 'total'
    ORDER BY doc_id, table_kind, source_line`);
  const projects = await query<Omit<Matched, 'indicators' | 'mentions'> & { doc_id: string }>(`
    SELECT doc_id, project_name, project_type, unit_name, project_code, total,
           source_line::INTEGER AS source_line, source_line_end::INTEGER AS source_line_end
    FROM projects WHERE row_kind = 'project' AND total IS NOT NULL`);
  const indicators = await query<Indicator & { doc_id: string; project_code: string | null; project_name: string | null }>(`
    SELECT doc_id, project_code, project_name, category_zh, indicator, target_text, target_value,
           source_line::INTEGER AS source_line, source_line_end::INTEGER AS source_line_end
    FROM project_indicators
    WHERE target_text IS NOT NULL AND indicator IS NOT NULL
      -- rows the conversion shifted (pairing uncertain) may pair an indicator with another's target
      AND coalesce(pairing, 'certain') <> 'uncertain'
    ORDER BY doc_id, source_line`);
  const facts = await query<{ doc_id: string; text: string; source_line: number; source_line_end: number | null }>(`
    SELECT DISTINCT doc_id, text, source_line::INTEGER AS source_line, source_line_end::INTEGER AS source_line_end
    FROM facts WHERE text IS NOT NULL ORDER BY doc_id, source_line`);
  const presence = await query<{ doc_id: string; status: string; source_line: number | null; source_line_end: number | null }>(`
    SELECT doc_id, status, source_line::INTEGER AS source_line, source_line_end::INTEGER AS source_line_end
    FROM table_presence WHERE standard_key = 'project_performance'`);

  const slim = (s: string | null) => (s ?? '').replace(/\s+/g, '');
  // Grouped by document once: filtering the whole tables for each document grows with documents².
  const funcsOf = Map.groupBy(funcs, (f) => f.doc_id);
  const projectsOf = Map.groupBy(projects, (p) => p.doc_id);
  const indicatorsOf = Map.groupBy(indicators, (i) => i.doc_id);
  const factsOf = Map.groupBy(facts.map((f) => ({ ...f, slim: slim(f.text) })), (f) => f.doc_id);
  const presenceOf = new Map(presence.map((p) => [p.doc_id, p]));
  return docs.map((doc) => {
    const own = funcsOf.get(doc.doc_id) ?? [];
    const tableKind = own.some((f) => f.table_kind === 'department') ? 'department' : own.some((f) => f.table_kind === 'general_public') ? 'general_public' : null;
    const rows = own.filter((f) => f.table_kind === tableKind);
    const totalRow = rows.find((f) => f.row_kind === 'total');
    const docProjects = projectsOf.get(doc.doc_id) ?? [];
    const matched = (row: FuncRow): Matched | null => {
      const same = docProjects.filter((p) => Math.abs(p.total - row.total) < 0.005);
      if (same.length !== 1) return null;
      const p = same[0]!;
      const name = slim(p.project_name);
      const inds = (indicatorsOf.get(doc.doc_id) ?? []).filter((i) => (p.project_code ? i.project_code === p.project_code : slim(i.project_name) === name));
      const mentions = (factsOf.get(doc.doc_id) ?? [])
        .filter((f) => f.slim.includes(name))
        .map((f) => ({ clause: f.slim.split(/[；;。]/).find((c) => c.includes(name)) ?? '', source_line: f.source_line, source_line_end: f.source_line_end }))
        .filter((m, i, all) => m.clause && all.findIndex((x) => x.clause === m.clause) === i);
      return { ...p, indicators: inds, mentions };
    };
    const grouped = rows
      .filter((f) => f.row_kind === 'function')
      .map((f) => ({ ...f, group: groupOf(f.func_code) }))
      .filter((f): f is FuncRow & { row_kind: string; group: Group } => f.group !== null)
      .map((f) => ({ ...f, match: f.group === 'fund' ? matched(f) : null }))
      .sort((a, b) => (a.group === b.group ? b.total - a.total : a.group === 'fund' ? -1 : 1));
    const pres = presenceOf.get(doc.doc_id) ?? null;
    return {
      doc,
      tableKind,
      total: totalRow ? { total: totalRow.total, source_line: totalRow.source_line, source_line_end: totalRow.source_line_end } : null,
      rows: grouped,
      indicatorsStatus: pres,
    };
  });
}
