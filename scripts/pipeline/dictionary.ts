// The data dictionary: every published table and column, in Chinese and English.
import type { ColumnDef, TableSchema } from './types.ts';
import { TABLE_MODULES } from './tables/index.ts';
import { factsSchema } from './tables/facts.ts';
import { checksSchema } from './checks.ts';
import { findingsSchema } from './findings.ts';
import { documentsSchema, presenceSchema, printedTotalsSchema, unitsSchema } from './dataset.ts';
import { quarantineSchema } from './quarantine.ts';

const DOC_ID: ColumnDef = { name: 'doc_id', type: 'VARCHAR', zh: '文件编号（见 documents 表）', en: 'document id (see the documents table)' };
const SOURCE_LINE: ColumnDef = { name: 'source_line', type: 'INTEGER', zh: '原文行号（public/sources/<doc_id>.txt，从 1 起）', en: '1-based line in public/sources/<doc_id>.txt where the row is printed' };
const SOURCE_PAGE: ColumnDef = { name: 'source_page', type: 'INTEGER', zh: '原文页码（PDF 原件，从 1 起；文本原件为空）', en: '1-based page of the PDF the row is printed on (NULL for text disclosures)' };
const SOURCE_LINE_END: ColumnDef = { name: 'source_line_end', type: 'INTEGER', zh: '原文结束行号（一行跨多行时）', en: 'last source line when the row spans several lines, else NULL' };

/** Published tables with their full column lists, in the order they are written. */
export function dictionary(): TableSchema[] {
  const own = [documentsSchema, ...TABLE_MODULES.flatMap((m) => m.schemas), printedTotalsSchema, factsSchema, unitsSchema, presenceSchema, checksSchema, findingsSchema, quarantineSchema];
  const seen = new Set<string>();
  return own.filter((s) => !seen.has(s.name) && seen.add(s.name)).map((s) => {
    // documents is one row per document; a quarantined file has no doc_id and no line in a published text.
    if (s.name === 'documents' || s.name === 'quarantine') return s;
    const cols = s.columns.filter((c) => !['doc_id', 'source_line', 'source_line_end', 'source_page'].includes(c.name));
    return { ...s, columns: [DOC_ID, ...cols, SOURCE_LINE, SOURCE_LINE_END, SOURCE_PAGE] };
  });
}
