// Queries shared by the topic pages: documents, whether a standard table is printed, narrative facts.
import { query } from './data.ts';
import { documents, type DocInfo } from './cities.ts';
import { paged, TOPIC_DOCS, type Paged } from './paging.ts';

/** A document as the topic pages use it: its names, year, kind and scope (see cities.ts). */
export type TopicDoc = DocInfo;

/** Every document, in a stable order (place, newest year first, department, kind). */
export async function topicDocs(): Promise<TopicDoc[]> {
  return documents();
}

export interface Presence extends Omit<TopicDoc, 'title'> {
  standard_key: string;
  standard_zh: string;
  expected: boolean;
  /** present, empty, missing or unread (see table_presence). */
  status: string;
  /** The table's title as printed (not the document's). */
  title: string | null;
  rows: number | null;
  source_line: number | null;
  source_line_end: number | null;
}

/** For one standard table: every document expected to print it (or printing it anyway), with its status. */
export async function presenceOf(standardKey: string): Promise<Presence[]> {
  const rows = await query<Omit<Presence, keyof TopicDoc> & { doc_id: string }>(`
    SELECT doc_id, standard_key, standard_zh, expected, status, title, rows::INTEGER AS rows,
           source_line::INTEGER AS source_line, source_line_end::INTEGER AS source_line_end
    FROM table_presence WHERE standard_key = $key`, { key: standardKey });
  const byDoc = new Map(rows.map((r) => [r.doc_id, r]));
  // In the documents' order; a row's own `title` is the table's, so the document's is not copied.
  return (await documents()).flatMap((d) => {
    const p = byDoc.get(d.doc_id);
    return p ? [{ ...d, ...p }] : [];
  });
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

/**
 * Documents whose narrative (情况说明) figures were read: for the others, a figure not found is not a
 * figure not stated (the PDFs' narratives, for one, are not read yet).
 */
export async function narrativeRead(): Promise<Set<string>> {
  return new Set((await query<{ doc_id: string }>('SELECT DISTINCT doc_id FROM facts')).map((r) => r.doc_id));
}

/**
 * The pages of a topic's document-by-document part, TOPIC_DOCS documents each: /topic/<slug>/
 * (everything else the topic says, then the first page) and /topic/<slug>/2/ … (the rest, alone),
 * as getStaticPaths of a `[...page].astro` returns them.
 */
export function topicPages<T>(items: T[]): Array<{ params: { page: string | undefined }; props: { list: Paged<T> } }> {
  return paged(items, TOPIC_DOCS).map((list) => ({ params: { page: list.page === 1 ? undefined : String(list.page) }, props: { list } }));
}

/** A build-wide query run once, its answer shared by every page that asks (a paged topic asks on each page). */
export function once<T>(load: () => Promise<T>): () => Promise<T> {
  let answer: Promise<T> | undefined;
  return () => (answer ??= load());
}
