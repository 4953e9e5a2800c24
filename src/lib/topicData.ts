// Queries shared by the topic pages: documents, whether a standard table is printed, narrative facts.
import { query } from './data.ts';

export interface TopicDoc {
  doc_id: string;
  city: string;
  city_slug: string;
  fiscal_year: number;
  doc_kind: string;
}

/** Every document, in a stable order (city, newest year first, kind). */
export async function topicDocs(): Promise<TopicDoc[]> {
  return query<TopicDoc>(`SELECT doc_id, city, city_slug, fiscal_year::INTEGER AS fiscal_year, doc_kind
    FROM documents ORDER BY city_slug, fiscal_year DESC, doc_kind, doc_id`);
}

export interface Presence extends TopicDoc {
  standard_key: string;
  standard_zh: string;
  expected: boolean;
  /** present, empty, missing or unread (see table_presence). */
  status: string;
  title: string | null;
  rows: number | null;
  source_line: number | null;
  source_line_end: number | null;
}

/** For one standard table: every document expected to print it (or printing it anyway), with its status. */
export async function presenceOf(standardKey: string): Promise<Presence[]> {
  return query<Presence>(`
    SELECT d.doc_id, d.city, d.city_slug, d.fiscal_year::INTEGER AS fiscal_year, d.doc_kind,
           p.standard_key, p.standard_zh, p.expected, p.status, p.title, p.rows::INTEGER AS rows,
           p.source_line::INTEGER AS source_line, p.source_line_end::INTEGER AS source_line_end
    FROM table_presence p JOIN documents d USING (doc_id)
    WHERE p.standard_key = $key
    ORDER BY d.city_slug, d.fiscal_year DESC, d.doc_kind, d.doc_id`, { key: standardKey });
}

export interface FactRow {
  doc_id: string;
  fact_key: string;
  value: number;
  unit: string | null;
  text: string | null;
  source_line: number;
  source_line_end: number | null;
}

const KEY = /^[a-z0-9_]+$/;

/** Narrative facts with the given keys, by document then key (the first statement if stated twice). */
export async function factsByDoc(keys: string[]): Promise<Map<string, Map<string, FactRow>>> {
  const safe = keys.filter((k) => KEY.test(k));
  const out = new Map<string, Map<string, FactRow>>();
  if (safe.length === 0) return out;
  const rows = await query<FactRow>(`
    SELECT doc_id, fact_key, value, unit, text, source_line::INTEGER AS source_line, source_line_end::INTEGER AS source_line_end
    FROM facts WHERE value IS NOT NULL AND fact_key IN (${safe.map((k) => `'${k}'`).join(', ')})
    ORDER BY doc_id, fact_key, source_line`);
  for (const r of rows) {
    let m = out.get(r.doc_id);
    if (!m) out.set(r.doc_id, (m = new Map()));
    if (!m.has(r.fact_key)) m.set(r.fact_key, r);
  }
  return out;
}

/** Mismatch pairs where two figures are printed the other way round (a.expected = b.actual and a.actual = b.expected). */
export interface SwappedPair {
  doc_id: string;
  a: string;
  b: string;
}

export async function swappedPairs(): Promise<SwappedPair[]> {
  return query<SwappedPair>(`
    SELECT a.doc_id, a.check_id AS a, b.check_id AS b
    FROM checks a JOIN checks b ON a.doc_id = b.doc_id AND a.check_id < b.check_id
    WHERE a.status = 'mismatch' AND b.status = 'mismatch'
      AND a.expected IS NOT NULL AND a.actual IS NOT NULL AND a.expected <> a.actual
      AND abs(a.expected - b.actual) <= greatest(a.tolerance, b.tolerance, 0.005)
      AND abs(a.actual - b.expected) <= greatest(a.tolerance, b.tolerance, 0.005)
    ORDER BY a.doc_id, a.check_id`);
}
