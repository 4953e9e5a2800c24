// The project drill-down of one document (levels 2–4 of src/explore/drill.ts), for its page
// /explore/<doc_id>/. Each node carries the query the reader sees and can run: unitsSql,
// projectsSql(unit), indicatorsSql(project). The rows come from three queries per city instead
// (cityQuery), grouped here: one query per node was ~50,000 queries at 1,000 documents.
// tests/site/explore.test.ts checks that every node's own query returns exactly its rows.
import { documents } from './cities.ts';
import { cityQuery, OF_CITY, query } from './data.ts';
import {
  citiesSql, indicatorsSql, projectsSql, unitsSql,
  type CityRow, type IndicatorRow, type ProjectRow, type UnitRow,
} from '../explore/drill.ts';

export interface DrillProject { row: ProjectRow; sql: string | null; indicators: IndicatorRow[] }
export interface DrillUnit { row: UnitRow; sql: string; projects: DrillProject[] }
export interface DrillDoc {
  /** Level 2's query; its rows are `units`. */
  sql: string;
  units: DrillUnit[];
  /** Projects with indicators that match no row of the project table (not in `units`). */
  unmatched: number;
}

interface DocKey { city_slug: string; doc_kind: string; scope: string; who: string }

/** Level 1, with each document's place, kind, scope and publisher's name: one entry per document with a project table. */
export async function drillDocs(): Promise<Array<CityRow & DocKey>> {
  const docs = new Map((await documents()).map((d) => [d.doc_id, d]));
  return (await query<CityRow>(citiesSql())).map((r) => {
    const d = docs.get(r.doc_id);
    return { ...r, city_slug: d?.city_slug ?? '', doc_kind: d?.doc_kind ?? '', scope: d?.scope ?? 'department', who: d?.who ?? r.city };
  });
}

export async function drillDoc(docId: string): Promise<DrillDoc> {
  const units = await cityQuery<UnitRow>(`
    SELECT doc_id, unit_name, count(*) AS projects, round(sum(total), 2) AS total, count(project_code) AS with_indicators
    FROM projects WHERE ${OF_CITY} AND row_kind = 'project'
    GROUP BY doc_id, unit_name ORDER BY doc_id, total DESC, unit_name`, docId);
  const projects = await cityQuery<ProjectRow & { unit_name: string }>(`
    SELECT doc_id, unit_name, project_seq, project_name, project_type, total, project_code, source_line,
           (SELECT count(*) FROM project_indicators i WHERE i.doc_id = p.doc_id AND i.project_code = p.project_code) AS indicators
    FROM projects p WHERE ${OF_CITY} AND row_kind = 'project'
    ORDER BY doc_id, unit_name, total DESC, project_seq`, docId);
  const indicators = await cityQuery<IndicatorRow & { project_code: string }>(`
    SELECT doc_id, project_code, category_zh, indicator, target_text, comparator, target_value, target_unit, source_line, pairing, garbled, raw_cells
    FROM project_indicators WHERE ${OF_CITY} AND project_code IS NOT NULL
    ORDER BY doc_id, project_code, source_line`, docId);
  const [unmatched] = await cityQuery<{ n: number }>(`
    SELECT doc_id, count(DISTINCT project_code)::INTEGER AS n FROM project_indicators i
    WHERE ${OF_CITY} AND NOT EXISTS (SELECT 1 FROM projects p WHERE p.doc_id = i.doc_id AND p.project_code = i.project_code)
    GROUP BY doc_id`, docId);

  const byUnit = Map.groupBy(projects, (p) => p.unit_name);
  const byCode = Map.groupBy(indicators, (i) => i.project_code);
  return {
    sql: unitsSql(docId),
    unmatched: unmatched?.n ?? 0,
    units: units.map((u) => ({
      row: u,
      sql: projectsSql(docId, u.unit_name),
      projects: (byUnit.get(u.unit_name) ?? []).map(({ unit_name: _, ...p }) => ({
        row: p,
        sql: p.project_code ? indicatorsSql(docId, p.project_code) : null,
        indicators: p.project_code ? (byCode.get(p.project_code) ?? []).map(({ project_code: _c, ...i }) => i) : [],
      })),
    })),
  };
}
