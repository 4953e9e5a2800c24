// The project-spending drill-down: city → unit → project → performance indicators.
// Each level is one SQL query over the published tables. The page runs them at build time
// (src/lib/data.ts) and prints both the result and the query, which the reader can open in
// the editor and change.
import { sqlString } from './share.ts';

/** Text for a `--` comment: one line, whatever the data holds. */
const note = (s: string) => s.replace(/[\r\n\u2028\u2029]+/g, ' ');

/** Level 1: one row per document that prints a project table. */
export function citiesSql(): string {
  return `-- 第 1 级：各城市（文件）的项目支出
SELECT d.city, d.fiscal_year, p.doc_id,
       count(DISTINCT p.unit_name) AS units,
       count(*) AS projects,
       round(sum(p.total), 2) AS total
FROM projects p
JOIN documents d USING (doc_id)
WHERE p.row_kind = 'project'
GROUP BY d.city, d.fiscal_year, p.doc_id
ORDER BY d.fiscal_year DESC, total DESC;`;
}

/** Level 2: the units of one document. */
export function unitsSql(docId: string): string {
  return `-- 第 2 级：${note(docId)} 各预算单位的项目支出
SELECT unit_name,
       count(*) AS projects,
       round(sum(total), 2) AS total,
       count(project_code) AS with_indicators
FROM projects
WHERE row_kind = 'project' AND doc_id = ${sqlString(docId)}
GROUP BY unit_name
ORDER BY total DESC, unit_name;`;
}

/** Level 3: the projects of one unit. */
export function projectsSql(docId: string, unitName: string): string {
  return `-- 第 3 级：${note(unitName)} 的项目
SELECT project_seq, project_name, project_type, total, project_code, source_line,
       (SELECT count(*) FROM project_indicators i
        WHERE i.doc_id = p.doc_id AND i.project_code = p.project_code) AS indicators
FROM projects p
WHERE row_kind = 'project' AND doc_id = ${sqlString(docId)} AND unit_name = ${sqlString(unitName)}
ORDER BY total DESC, project_seq;`;
}

/** Level 4: the performance indicators of one project. */
export function indicatorsSql(docId: string, projectCode: string): string {
  return `-- 第 4 级：项目 ${note(projectCode)} 的绩效指标
SELECT category_zh, indicator, target_text, comparator, target_value, target_unit, source_line, pairing, garbled, raw_cells
FROM project_indicators
WHERE doc_id = ${sqlString(docId)} AND project_code = ${sqlString(projectCode)}
ORDER BY source_line;`;
}

export interface CityRow { city: string; fiscal_year: number; doc_id: string; units: number; projects: number; total: number }
export interface UnitRow { unit_name: string; projects: number; total: number; with_indicators: number }
export interface ProjectRow {
  project_seq: number | null;
  project_name: string;
  project_type: string | null;
  total: number | null;
  project_code: string | null;
  source_line: number | null;
  indicators: number;
}
export interface IndicatorRow {
  category_zh: string | null;
  indicator: string | null;
  target_text: string | null;
  comparator: string | null;
  target_value: number | null;
  target_unit: string | null;
  source_line: number | null;
  /** `uncertain`: the reading is a guess; the page shows the pieces as printed (raw_cells) instead. */
  pairing: string | null;
  garbled: boolean | null;
  raw_cells: string | null;
}
