// Checks for the reflowed layout: a row whose amounts the reader could place in more than one
// set of columns (every placement fitting the table's sums) is published, placed by a stated
// preference, and listed on the 数据核对 page as our reading's uncertainty (status `ambiguous`), not
// as a disagreement in the document: the reader should not take its columns on trust.
import type { OutRow, Repair } from '../../types.ts';
import { TABLE_ZH } from '../../tableNames.ts';


/** One `ambiguous` check per row the reflowed reader marked ambiguous (repairs whose text starts with `ambiguous:`). */
export function ambiguityChecks(doc: string, repairs: Repair[], spans: Map<number, number> = new Map()): OutRow[] {
  const seen = new Set<string>();
  const out: OutRow[] = [];
  for (const r of repairs) {
    if (!r.what.startsWith('ambiguous:')) continue;
    const id = `${doc}:ambiguous:${r.table}:${r.line}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const end = spans.get(r.line);
    out.push({
      doc_id: doc, check_id: id, check_kind: 'column_sum', table_name: r.table,
      description: `${TABLE_ZH[r.table] ?? r.table}第 ${r.line} 行：原文只印出非空金额，其所属的列无法由表内合计唯一确定，已按说明的规则放置，请核对原文（${r.what.replace(/^ambiguous:\s*/, '')}）`,
      expected: null, actual: null, difference: null, tolerance: null, status: 'ambiguous',
      source_line: r.line, source_lines: end && end > r.line ? `${r.line}-${end}` : `${r.line}`,
    });
  }
  return out;
}
