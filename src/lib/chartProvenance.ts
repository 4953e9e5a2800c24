// Where each row of a chart's data comes from, for its CSV: the document and the line(s) — and for a
// PDF, the page — the figure is printed on. Read from the row where the chart's query kept it
// (doc_id, source_line / first …), else from the chart's sources when they leave no doubt.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pageOf, pageStarts, sourceLines, SOURCES_DIR } from '../components/source/sourceText.ts';

export interface RowSource {
  docId: string | null;
  line: number | null;
  lineEnd: number | null;
  /** The PDF page of `line`; null for a text disclosure. */
  page: number | null;
}

interface Source { docId: string; line: number; lineEnd?: number | null }

const starts = new Map<string, Array<{ page: number; line: number }>>();
function pagesOf(docId: string): Array<{ page: number; line: number }> {
  let s = starts.get(docId);
  if (!s) {
    s = existsSync(join(SOURCES_DIR, `${docId}.txt`)) ? pageStarts(sourceLines(docId)) : [];
    starts.set(docId, s);
  }
  return s;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** A row's own line(s): source_line / first / line, or a "629–879" or "390、409" text (the first line; a range's end). */
function ownLines(r: Record<string, unknown>): { line: number | null; lineEnd: number | null } {
  const line = num(r['source_line']) ?? num(r['first']) ?? num(r['line']);
  if (line !== null) return { line, lineEnd: num(r['source_line_end']) ?? num(r['last']) ?? num(r['line_end']) };
  const m = typeof r['lines'] === 'string' ? /^(\d+)(?:–(\d+))?/.exec(r['lines']) : null;
  return m ? { line: Number(m[1]), lineEnd: m[2] ? Number(m[2]) : null } : { line: null, lineEnd: null };
}

/**
 * `labels`: how the chart's rows may name a document (docLabel: "郑州 2024"), by doc_id. A row's
 * document is its doc_id; the chart's only document; the one its doc/label column names; the one
 * whose cited passage holds its line; or, where a chart cites one passage per row, in the same order,
 * that passage's.
 */
export function rowSources(rows: Array<Record<string, unknown>>, sources: Source[], labels: Record<string, string> = {}): RowSource[] {
  const docs = [...new Set(sources.map((s) => s.docId))];
  const byLabel = new Map(Object.entries(labels).filter(([id]) => docs.includes(id)).map(([id, l]) => [l, id]));
  const perRow = rows.length === sources.length && rows.length > 1;
  return rows.map((r, i) => {
    let { line, lineEnd } = ownLines(r);
    const named = [r['doc'], r['label']].map((v) => (typeof v === 'string' ? byLabel.get(v) : undefined)).find(Boolean);
    const holding = line === null ? [] : [...new Set(sources.filter((s) => s.line <= line! && line! <= (s.lineEnd ?? s.line)).map((s) => s.docId))];
    const docId = typeof r['doc_id'] === 'string' ? r['doc_id']
      : docs.length === 1 ? docs[0]!
      : named ?? (holding.length === 1 ? holding[0]! : perRow ? sources[i]!.docId : null);
    if (line === null && docId) {
      const own = sources.filter((s) => s.docId === docId);
      const passage = own.length === 1 ? own[0] : perRow && sources[i]!.docId === docId ? sources[i] : undefined;
      if (passage) {
        line = passage.line;
        lineEnd = passage.lineEnd ?? null;
      }
    }
    if (lineEnd !== null && line !== null && lineEnd <= line) lineEnd = null;
    const page = docId && line !== null ? pageOf(pagesOf(docId), line) : null;
    return { docId, line, lineEnd, page };
  });
}
