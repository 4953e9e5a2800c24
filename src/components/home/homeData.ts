// The home page's comparison across cities: one row per budget, every figure with its source line.
import { query } from '../../lib/data.ts';
import { threePublic } from '../../lib/topicThreePublic.ts';
import type { Src } from '../../lib/topicText.ts';

export interface BudgetRow {
  doc_id: string;
  city: string;
  city_slug: string;
  fiscal_year: number;
  doc_kind: string;
  /** 部门支出总体情况表, 合计 row. */
  total: number;
  basic_total: number | null;
  project_total: number | null;
  exp: Src;
  /** 一般公共预算“三公”经费支出表 (null where the document prints none or it was not read). */
  three_public: number | null;
  tp: Src | null;
  projects: number;
  /** Lines of the project rows. */
  projectLines: Src | null;
  /** checks with status mismatch in this document. */
  mismatches: number;
}

/** Every budget whose department expenditure table has a total row, largest first. */
export async function budgets(): Promise<BudgetRow[]> {
  const rows = await query<Omit<BudgetRow, 'exp' | 'tp' | 'three_public' | 'projectLines'> & { source_line: number; source_line_end: number | null; p_first: number | null; p_last: number | null }>(`
    SELECT d.doc_id, d.city, d.city_slug, d.fiscal_year::INTEGER AS fiscal_year, d.doc_kind,
           e.total, e.basic_total, e.project_total, e.source_line::INTEGER AS source_line, e.source_line_end::INTEGER AS source_line_end,
           coalesce(p.n, 0)::INTEGER AS projects, p.lo::INTEGER AS p_first, p.hi::INTEGER AS p_last,
           (SELECT count(*) FROM checks c WHERE c.doc_id = d.doc_id AND c.status = 'mismatch')::INTEGER AS mismatches
    FROM documents d JOIN expenditure_by_function e USING (doc_id)
    LEFT JOIN (SELECT doc_id, count(*) AS n, min(source_line) AS lo, max(coalesce(source_line_end, source_line)) AS hi
               FROM projects WHERE row_kind = 'project' GROUP BY doc_id) p USING (doc_id)
    WHERE e.table_kind = 'department' AND e.row_kind = 'total' AND e.total IS NOT NULL
    ORDER BY e.total DESC, d.doc_id`);
  const tp = await threePublic();
  return rows.map(({ source_line, source_line_end, p_first, p_last, ...r }) => {
    const t = tp.find((x) => x.doc.doc_id === r.doc_id)?.row ?? null;
    return {
      ...r,
      exp: { docId: r.doc_id, line: source_line, lineEnd: source_line_end },
      projectLines: p_first ? { docId: r.doc_id, line: p_first, lineEnd: p_last } : null,
      three_public: t?.total ?? null,
      tp: t ? { docId: r.doc_id, line: t.source_line, lineEnd: t.source_line_end } : null,
    };
  });
}

export interface TopProject {
  doc_id: string;
  city: string;
  fiscal_year: number;
  doc_kind: string;
  project_name: string;
  unit_name: string | null;
  project_type: string | null;
  total: number;
  source_line: number;
  source_line_end: number | null;
}

/** The largest projects of all 项目支出表 together. */
export async function topProjects(n: number): Promise<TopProject[]> {
  return query<TopProject>(`
    SELECT p.doc_id, d.city, d.fiscal_year::INTEGER AS fiscal_year, d.doc_kind, p.project_name, p.unit_name, p.project_type, p.total,
           p.source_line::INTEGER AS source_line, p.source_line_end::INTEGER AS source_line_end
    FROM projects p JOIN documents d USING (doc_id)
    WHERE p.row_kind = 'project' AND p.total IS NOT NULL
    ORDER BY p.total DESC, p.doc_id, p.source_line LIMIT $n`, { n });
}
