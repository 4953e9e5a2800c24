// /topic/performance/: how measurable the performance targets are — project indicators and the
// department-wide (整体) indicators — by document and by indicator category.
import { query } from './data.ts';
import { once, presenceOf, topicDocs, type Presence, type TopicDoc } from './topicData.ts';

/** How a target is written. Classified in SQL from target_text / target_value. */
export const KINDS = [
  { key: 'numeric', label: '数值目标', hint: '写出数值，可以核验' },
  { key: 'range', label: '约数或区间', hint: '有数字，但不是一个明确的目标值' },
  { key: 'deadline', label: '时间节点', hint: '只写了期限' },
  { key: 'vague', label: '定性表述', hint: '没有数字，只有形容' },
  { key: 'blank', label: '空白', hint: '目标值未填或只有符号' },
] as const;
export type Kind = (typeof KINDS)[number]['key'];

const KIND_SQL = (text: string, value: string) => `CASE
  WHEN ${text} IS NULL OR regexp_full_match(trim(${text}), '[≥≤<>=＞＜≧≦]?\\s*') THEN 'blank'
  WHEN ${value} IS NOT NULL THEN 'numeric'
  WHEN regexp_matches(${text}, '\\d{4}\\s*年|\\d{1,2}\\s*月|\\d{4}/\\d{1,2}|全年|年底|年末|日前|季度|每月|每年') THEN 'deadline'
  WHEN regexp_matches(${text}, '\\d') THEN 'range'
  ELSE 'vague' END`;

/**
 * Project indicators whose category the conversion left uncertain (cells shifted; see the
 * `pairing` column) are kept out of the shares: indicator and target may not belong together.
 */
const CERTAIN = "coalesce(pairing, 'certain') <> 'uncertain'";

export interface KindCount {
  doc_id: string;
  category: string;
  kind: Kind;
  n: number;
  first: number;
  last: number;
}

/** Words that make a target unmeasurable, counted where they occur in a target without a number. */
export const VAGUE_WORDS = ['明显', '良好', '有效', '提高', '提升', '显著', '及时', '稳定', '规范', '合规', '健全', '满意', '逐步'];

export interface Phrase {
  target_text: string;
  n: number;
  docs: number;
  /** An example: its document, indicator and line. */
  doc_id: string;
  indicator: string;
  source_line: number;
  source_line_end: number | null;
}

/** The most frequent target of a kind, with its first occurrence (an example read off the tables). */
export interface Example {
  kind: Kind;
  target_text: string;
  n: number;
  doc_id: string;
  source_line: number;
  source_line_end: number | null;
}

export interface PerfData {
  examples: Example[];
  docs: TopicDoc[];
  project: KindCount[];
  dept: KindCount[];
  phrases: Phrase[];
  words: Array<{ word: string; doc_id: string; n: number; first: number; last: number }>;
  /** Numeric targets that are exactly 100%, per document and table. */
  hundred: Array<{ doc_id: string; table: 'project' | 'dept'; n: number; numeric: number; first: number; last: number }>;
  /** Projects with indicators vs projects in the 项目支出表. */
  coverage: Array<{ doc_id: string; with_indicators: number; projects: number; first: number | null; last: number | null }>;
  /** Project indicators left out because their pairing is uncertain, per document. */
  uncertain: Array<{ doc_id: string; n: number; total: number; first: number; last: number }>;
  projectPresence: Presence[];
  deptPresence: Presence[];
}

export const performance = once(loadPerformance);

async function loadPerformance(): Promise<PerfData> {
  const docs = await topicDocs();
  const project = await query<KindCount>(`
    SELECT doc_id, category_zh AS category, ${KIND_SQL('target_text', 'target_value')} AS kind, count(*)::INTEGER AS n,
           min(source_line)::INTEGER AS first, max(coalesce(source_line_end, source_line))::INTEGER AS last
    FROM project_indicators WHERE indicator IS NOT NULL AND ${CERTAIN} GROUP BY ALL ORDER BY ALL`);
  const dept = await query<KindCount>(`
    SELECT doc_id, level1 AS category, ${KIND_SQL('target_text', 'target_value')} AS kind, count(*)::INTEGER AS n,
           min(source_line)::INTEGER AS first, max(coalesce(source_line_end, source_line))::INTEGER AS last
    FROM dept_indicators WHERE level3 IS NOT NULL GROUP BY ALL ORDER BY ALL`);
  const phrases = await query<Phrase>(`
    WITH v AS (SELECT doc_id, indicator, trim(target_text) AS target_text, source_line, source_line_end
               FROM project_indicators WHERE indicator IS NOT NULL AND ${CERTAIN} AND ${KIND_SQL('target_text', 'target_value')} = 'vague'),
    n AS (SELECT target_text, count(*)::INTEGER AS n, count(DISTINCT doc_id)::INTEGER AS docs FROM v GROUP BY target_text),
    -- the example: the first occurrence (by document, then line)
    first AS (SELECT * FROM v QUALIFY row_number() OVER (PARTITION BY target_text ORDER BY doc_id, source_line) = 1)
    SELECT n.target_text, n.n, n.docs, f.doc_id, f.indicator, f.source_line::INTEGER AS source_line, f.source_line_end::INTEGER AS source_line_end
    FROM n JOIN first f USING (target_text) ORDER BY n.n DESC, n.target_text LIMIT 12`);
  const words = await query<{ word: string; doc_id: string; n: number; first: number; last: number }>(`
    WITH w AS (SELECT unnest([${VAGUE_WORDS.map((w) => `'${w}'`).join(', ')}]) AS word)
    SELECT w.word, p.doc_id, count(*)::INTEGER AS n, min(p.source_line)::INTEGER AS first, max(coalesce(p.source_line_end, p.source_line))::INTEGER AS last
    FROM project_indicators p JOIN w ON contains(p.target_text, w.word)
    WHERE p.indicator IS NOT NULL AND coalesce(p.pairing, 'certain') <> 'uncertain' AND ${KIND_SQL('p.target_text', 'p.target_value')} = 'vague'
    GROUP BY ALL ORDER BY ALL`);
  const hundred = await query<PerfData['hundred'][number]>(`
    SELECT doc_id, 'project' AS "table", count(*) FILTER (WHERE target_value = 100 AND target_unit = '%')::INTEGER AS n, count(*)::INTEGER AS numeric,
           min(source_line)::INTEGER AS first, max(coalesce(source_line_end, source_line))::INTEGER AS last
    FROM project_indicators WHERE indicator IS NOT NULL AND ${CERTAIN} AND target_value IS NOT NULL GROUP BY doc_id
    UNION ALL
    SELECT doc_id, 'dept', count(*) FILTER (WHERE target_value = 100 AND target_unit = '%')::INTEGER, count(*)::INTEGER,
           min(source_line)::INTEGER, max(coalesce(source_line_end, source_line))::INTEGER
    FROM dept_indicators WHERE level3 IS NOT NULL AND target_value IS NOT NULL GROUP BY doc_id
    ORDER BY 1, 2`);
  const coverage = await query<PerfData['coverage'][number]>(`
    SELECT p.doc_id, coalesce(i.n, 0)::INTEGER AS with_indicators, p.n::INTEGER AS projects, i.first, i.last
    FROM (SELECT doc_id, count(*) AS n FROM projects WHERE row_kind = 'project' GROUP BY doc_id) p
    LEFT JOIN (SELECT doc_id, count(DISTINCT coalesce(project_code, project_name)) AS n, min(source_line)::INTEGER AS first,
                      max(coalesce(source_line_end, source_line))::INTEGER AS last
               FROM project_indicators GROUP BY doc_id) i USING (doc_id)
    ORDER BY p.doc_id`);
  const examples = await query<Example>(`
    WITH v AS (SELECT ${KIND_SQL('target_text', 'target_value')} AS kind, trim(target_text) AS target_text, doc_id, source_line, source_line_end
               FROM project_indicators WHERE indicator IS NOT NULL AND ${CERTAIN}),
    n AS (SELECT kind, target_text, count(*)::INTEGER AS n FROM v WHERE kind <> 'blank' GROUP BY kind, target_text
          QUALIFY row_number() OVER (PARTITION BY kind ORDER BY count(*) DESC, target_text) <= 2),
    f AS (SELECT * FROM v QUALIFY row_number() OVER (PARTITION BY kind, target_text ORDER BY doc_id, source_line) = 1)
    SELECT n.kind, n.target_text, n.n, f.doc_id, f.source_line::INTEGER AS source_line, f.source_line_end::INTEGER AS source_line_end
    FROM n JOIN f USING (kind, target_text) WHERE n.n >= 2 ORDER BY n.kind, n.n DESC, n.target_text`);
  const uncertain = await query<PerfData['uncertain'][number]>(`
    SELECT doc_id, count(*) FILTER (WHERE NOT (${CERTAIN}))::INTEGER AS n, count(*)::INTEGER AS total,
           min(source_line) FILTER (WHERE NOT (${CERTAIN}))::INTEGER AS first,
           max(coalesce(source_line_end, source_line)) FILTER (WHERE NOT (${CERTAIN}))::INTEGER AS last
    FROM project_indicators WHERE indicator IS NOT NULL GROUP BY doc_id HAVING n > 0 ORDER BY doc_id`);
  return {
    docs, project, dept, phrases, words, hundred, coverage, uncertain, examples,
    projectPresence: (await presenceOf('project_performance')).filter((d) => d.expected || d.status !== 'missing'),
    deptPresence: (await presenceOf('dept_performance')).filter((d) => d.expected || d.status !== 'missing'),
  };
}

/** Counts by kind for one document (optionally one category), with shares that add up to 100%. */
export function tally(rows: KindCount[], docId: string, category?: string): Array<{ kind: Kind; label: string; n: number; first: number; last: number }> {
  const own = rows.filter((r) => r.doc_id === docId && (category === undefined || r.category === category));
  return KINDS.map((k) => {
    const xs = own.filter((r) => r.kind === k.key);
    return { kind: k.key, label: k.label, n: xs.reduce((a, r) => a + r.n, 0), first: Math.min(...xs.map((r) => r.first)), last: Math.max(...xs.map((r) => r.last)) };
  }).filter((k) => k.n > 0);
}
