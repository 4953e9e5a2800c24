// The home page's comparison across places: one row per document, every figure with its source line.
import { documents, withDocs, type DocInfo } from '../../lib/cities.ts';
import { printedRows, query, sqlList } from '../../lib/data.ts';
import { threePublic } from '../../lib/topicThreePublic.ts';
import type { Src } from '../../lib/topicText.ts';

export interface BudgetRow extends DocInfo {
  /** 部门支出总体情况表, 合计 row. */
  total: number;
  basic_total: number | null;
  project_total: number | null;
  exp: Src;
  /** 一般公共预算“三公”经费支出表 (null where the document prints none or it was not read). */
  three_public: number | null;
  tp: Src | null;
  projects: number;
  /** table_presence.status of the 项目支出表: a count is only shown where it is present. */
  projects_status: string | null;
  /** Lines of the project rows. */
  projectLines: Src | null;
  /** findings of kind contradiction in this document (checks grouped by cause). */
  contradictions: number;
}

/** Every document whose department expenditure table has a total row, largest first. */
export async function budgets(): Promise<BudgetRow[]> {
  type Figures = Omit<BudgetRow, keyof DocInfo | 'exp' | 'tp' | 'three_public' | 'projectLines'>;
  const found = await query<Figures & { doc_id: string; source_line: number; source_line_end: number | null; p_first: number | null; p_last: number | null }>(`
    SELECT d.doc_id,
           e.total, e.basic_total, e.project_total, e.source_line::INTEGER AS source_line, e.source_line_end::INTEGER AS source_line_end,
           coalesce(p.n, 0)::INTEGER AS projects, p.lo::INTEGER AS p_first, p.hi::INTEGER AS p_last,
           (SELECT any_value(status) FROM table_presence t WHERE t.doc_id = d.doc_id AND t.standard_key = 'projects') AS projects_status,
           (SELECT count(*) FROM findings f WHERE f.doc_id = d.doc_id AND f.finding_kind = 'contradiction')::INTEGER AS contradictions
    FROM documents d JOIN ${printedRows('expenditure_by_function', ['total', 'basic_total', 'project_total'])} e USING (doc_id)
    LEFT JOIN (SELECT doc_id, count(*) AS n, min(source_line) AS lo, max(coalesce(source_line_end, source_line)) AS hi
               FROM projects WHERE row_kind = 'project' GROUP BY doc_id) p USING (doc_id)
    WHERE e.table_kind = 'department' AND e.row_kind = 'total' AND e.total IS NOT NULL
    ORDER BY e.total DESC, d.doc_id`);
  const tp = await threePublic();
  return (await withDocs(found)).map(({ source_line, source_line_end, p_first, p_last, doc, ...r }) => {
    const t = tp.find((x) => x.doc.doc_id === r.doc_id)?.row ?? null;
    return {
      ...doc,
      ...r,
      exp: { docId: r.doc_id, line: source_line, lineEnd: source_line_end },
      projectLines: p_first ? { docId: r.doc_id, line: p_first, lineEnd: p_last } : null,
      three_public: t?.total ?? null,
      tp: t ? { docId: r.doc_id, line: t.source_line, lineEnd: t.source_line_end } : null,
    };
  });
}

export interface TopProject extends DocInfo {
  project_name: string;
  unit_name: string | null;
  project_type: string | null;
  total: number;
  source_line: number;
  source_line_end: number | null;
}

/** The largest projects of the 项目支出表 of the given documents together. */
export async function topProjects(n: number, docIds: string[]): Promise<TopProject[]> {
  const rows = await query<Omit<TopProject, keyof DocInfo> & { doc_id: string }>(`
    SELECT doc_id, project_name, unit_name, project_type, total,
           source_line::INTEGER AS source_line, source_line_end::INTEGER AS source_line_end
    FROM projects
    WHERE row_kind = 'project' AND total IS NOT NULL AND doc_id IN ${sqlList(docIds)}
    ORDER BY total DESC, doc_id, source_line LIMIT $n`, { n });
  return (await withDocs(rows)).map(({ doc, ...p }) => ({ ...doc, ...p }));
}

export interface DocumentRow extends DocInfo {
  line_count: number;
  checks: number;
  contradiction: number;
  rounding: number;
  reading: number;
}

/**
 * Every document with its check counts, in the documents' order. Findings (checks grouped by
 * cause), by kind: what the document gets wrong is counted apart from our reading's doubts.
 */
export async function documentRows(): Promise<DocumentRow[]> {
  type Counts = Omit<DocumentRow, keyof DocInfo> & { doc_id: string };
  const counts = new Map((await query<Counts>(`
    SELECT d.doc_id, d.line_count::INTEGER AS line_count,
           (SELECT count(*) FROM checks c WHERE c.doc_id = d.doc_id)::INTEGER AS checks,
           count(f.finding_id) FILTER (WHERE f.finding_kind = 'contradiction')::INTEGER AS contradiction,
           count(f.finding_id) FILTER (WHERE f.finding_kind = 'rounding')::INTEGER      AS rounding,
           count(f.finding_id) FILTER (WHERE f.finding_kind = 'reading')::INTEGER       AS reading
    FROM documents d LEFT JOIN findings f USING (doc_id)
    GROUP BY ALL`)).map((c) => [c.doc_id, c]));
  return (await documents()).map((d) => ({ ...d, ...counts.get(d.doc_id)! }));
}

/** The latest documents first (fiscal year, then publication date where known), for a list cut short. */
export function latestFirst<T extends Pick<DocInfo, 'fiscal_year' | 'published_date'>>(docs: T[]): T[] {
  return [...docs].sort((a, b) => b.fiscal_year - a.fiscal_year || (b.published_date ?? '').localeCompare(a.published_date ?? ''));
}
