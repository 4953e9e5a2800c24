// /topic/projects/: every project of every 项目支出表, by type, by unit, and the largest ones.
import { printedRows, query } from './data.ts';
import { once, presenceOf, type Presence } from './topicData.ts';
import { allFindings } from './cityData.ts';

export const TYPES = ['特定目标类', '其他运转类'] as const;

export interface ProjectRow {
  doc_id: string;
  project_seq: number | null;
  project_type: string | null;
  project_name: string;
  unit_name: string | null;
  total: number;
  source_line: number;
  source_line_end: number | null;
}

export interface DocProjects {
  doc: Presence;
  /** The printed 合计 row, if any. */
  printedTotal: { total: number; source_line: number; source_line_end: number | null } | null;
  projects: ProjectRow[];
  /** Sum of the project rows (万元, to the cent). */
  sum: number;
  byType: Array<{ type: string; n: number; total: number; first: number; last: number }>;
  byUnit: Array<{ unit: string; n: number; total: number; specific: number; operating: number; first: number; last: number }>;
  /** Another table of this document prints the two project types the other way round (see checks). */
  swapped: boolean;
}

const r2 = (n: number) => Math.round(n * 100) / 100;

/** Every document expected to print a 项目支出表, with its projects. */
export const projectsByDoc = once(load);

async function load(): Promise<DocProjects[]> {
  const docs = (await presenceOf('projects')).filter((d) => d.expected || d.status !== 'missing');
  const rows = await query<ProjectRow>(`
    SELECT doc_id, project_seq::INTEGER AS project_seq, project_type, project_name, unit_name, total,
           source_line::INTEGER AS source_line, source_line_end::INTEGER AS source_line_end
    FROM projects WHERE row_kind = 'project' AND total IS NOT NULL ORDER BY doc_id, source_line`);
  const totals = await query<{ doc_id: string; total: number; source_line: number; source_line_end: number | null }>(`
    SELECT doc_id, total, source_line::INTEGER AS source_line, source_line_end::INTEGER AS source_line_end
    FROM ${printedRows('projects', ['total'])} WHERE row_kind = 'total' AND total IS NOT NULL ORDER BY doc_id, source_line`);
  // The pipeline's finding of a 其他运转类/特定目标类 column pair printed the wrong way round.
  const swaps = (await allFindings()).filter((f) => f.cause === 'swap' && /project_operating/.test(f.check_ids) && /project_specific/.test(f.check_ids));
  const rowsOf = Map.groupBy(rows, (r) => r.doc_id);
  const totalsOf = Map.groupBy(totals, (r) => r.doc_id);
  return docs.map((doc) => {
    const projects = rowsOf.get(doc.doc_id) ?? [];
    const t = totalsOf.get(doc.doc_id)?.[0];
    const types = [...TYPES, ...new Set(projects.map((p) => p.project_type ?? '未标类型').filter((x) => !(TYPES as readonly string[]).includes(x)))];
    const byType = types.map((type) => {
      const ps = projects.filter((p) => (p.project_type ?? '未标类型') === type);
      return { type, n: ps.length, total: r2(ps.reduce((a, p) => a + p.total, 0)), first: Math.min(...ps.map((p) => p.source_line)), last: Math.max(...ps.map((p) => p.source_line_end ?? p.source_line)) };
    }).filter((x) => x.n > 0);
    const units = [...new Set(projects.map((p) => p.unit_name ?? '未列单位'))];
    const byUnit = units.map((unit) => {
      const ps = projects.filter((p) => (p.unit_name ?? '未列单位') === unit);
      const sumOf = (type?: string) => r2(ps.filter((p) => !type || p.project_type === type).reduce((a, p) => a + p.total, 0));
      return { unit, n: ps.length, total: sumOf(), specific: sumOf('特定目标类'), operating: sumOf('其他运转类'), first: Math.min(...ps.map((p) => p.source_line)), last: Math.max(...ps.map((p) => p.source_line_end ?? p.source_line)) };
    }).sort((a, b) => b.total - a.total);
    return {
      doc,
      printedTotal: t ? { total: t.total, source_line: t.source_line, source_line_end: t.source_line_end } : null,
      projects,
      sum: r2(projects.reduce((a, p) => a + p.total, 0)),
      byType,
      byUnit,
      swapped: swaps.some((s) => s.doc_id === doc.doc_id),
    };
  });
}
