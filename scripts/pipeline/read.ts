// raw text → a Doc: decode, split into lines, read what the document is, find its tables.
import { createHash } from 'node:crypto';
import type { Doc, OutRow, ParseContext, Section } from './types.ts';
import { InputError } from './types.ts';
import { detectLayout, findSections } from './layouts/tab/sections.ts';
import { readMeta, docIdOf, type MetaOverrides } from './metadata.ts';
import { amountColumns, moduleFor } from './tables/index.ts';
import { markAmbiguous, readReflowed, type Note } from './layouts/reflowed/index.ts';
import { readFacts } from './tables/facts.ts';
import { normText, yuanToWan } from './text.ts';
import { isPdf, readPdf, type PdfText } from './layouts/pdf/index.ts';
import { STANDARD_TABLES, standardOf } from './templates/tables.ts';

/**
 * What data/raw/sources.json may say about a file instead of its text: its id, and any of what
 * readMeta reads (place, department, year, kind, scope). Validated by manifestOf (scripts/data.ts).
 */
export interface ManifestEntry extends Omit<MetaOverrides, 'title'> {
  doc_id?: string;
  /** Where the government published it, and when; null or absent when not known (never guessed). */
  official_url?: string | null;
  published?: string | null;
}

export interface ReadResult {
  doc: Doc;
  /** The official address and publication date the manifest gives (null: unknown). */
  origin: { officialUrl: string | null; published: string | null };
  sections: Section[];
  tables: Record<string, OutRow[]>;
  encoding: 'utf-8' | 'gbk';
  /** The file as read, to publish unchanged. */
  bytes: Uint8Array;
  /** Why some of the document's tables were not read, when some were not. */
  unsupported: string | null;
  /** Standard tables printed in the document but not read (reflowed layout not yet supported for them). */
  unread: string[];
  ctx: ParseContext;
}

/** UTF-8, or GBK when the bytes are not UTF-8 but decode as GBK into Chinese text. */
export function decode(file: string, bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'gbk' } {
  if (bytes.length === 0 || new TextDecoder().decode(bytes).trim() === '') {
    throw new InputError(file, null, null, 'the file is empty');
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, ''), encoding: 'utf-8' };
  } catch { /* not UTF-8 */ }
  try {
    const text = new TextDecoder('gbk', { fatal: true }).decode(bytes);
    if (/[\u4e00-\u9fff]/.test(text)) return { text, encoding: 'gbk' };
  } catch { /* not GBK either */ }
  throw new InputError(file, null, null, 'the text is neither UTF-8 nor GBK; convert it to UTF-8 and try again');
}

/** A disclosure file as published: a PDF (told by its bytes, not its name) or a text conversion. */
export async function readFile(file: string, bytes: Uint8Array, manifest: ManifestEntry = {}): Promise<ReadResult> {
  if (isPdf(bytes)) return readDocument(file, bytes, manifest, await readPdf(file, bytes));
  if (/\.pdf$/i.test(file)) await readPdf(file, bytes); // throws: named .pdf, but no PDF inside
  return readDocument(file, bytes, manifest);
}


export function readDocument(file: string, bytes: Uint8Array, manifest: ManifestEntry = {}, pdf?: PdfText): ReadResult {
  const { text, encoding } = pdf ? { text: '', encoding: 'utf-8' as const } : decode(file, bytes);
  const lines = pdf ? pdf.lines : text.replace(/\r\n?/g, '\n').split('\n');
  if (lines.at(-1) === '') lines.pop();
  // The PDF layout writes table rows tab-separated: from here on it reads as the tab layout.
  const layout = pdf ? 'tab' : detectLayout(lines);
  // readMeta applies the manifest's overrides itself: a place or department given there changes the slugs too.
  const meta = readMeta(lines, file, manifest, layout);
  const doc: Doc = {
    docId: manifest.doc_id ?? docIdOf(meta),
    sourceFile: file,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    lines,
    meta,
    layout,
    format: pdf ? 'pdf' : 'txt',
    pageCount: pdf ? pdf.pages : null,
  };
  const ctx: ParseContext = { doc, repairs: [] };
  const tables: Record<string, OutRow[]> = { facts: readFacts(lines, layout) };
  let sections: Section[];
  let spans = new Map<number, number>();
  let unread: string[] = [];
  let ambiguous: Note[] = [];
  let direct: string[] = [];
  if (doc.layout === 'tab') {
    sections = findSections(lines);
    checkTruncation(file, lines, sections);
  } else {
    const rf = readReflowed(lines);
    sections = rf.sections;
    spans = rf.spans;
    ambiguous = rf.ambiguous;
    direct = rf.direct;
    for (const [table, rows] of Object.entries(rf.tables)) (tables[table] ??= []).push(...rows);
    unread = rf.sections.filter((s) => !s.printedEmpty && !rf.read.includes(s.standard) && moduleFor(s.standard)).map((s) => s.standard);
    ctx.repairs.push(...rf.repairs, ...rf.ambiguous.map((a) => ({ ...a, what: `ambiguous: ${a.what}` })));
  }
  for (const section of sections) {
    const mod = moduleFor(section.standard, doc.format);
    if (!mod || section.printedEmpty || unread.includes(section.standard) || direct.includes(section.standard)) continue;
    let produced: Record<string, OutRow[]>;
    try {
      produced = mod.parse(section, ctx);
    } catch (e) {
      if (e instanceof InputError) throw e;
      const at = (e as { line?: number }).line ?? section.titleLine;
      throw new InputError(file, at, section.title, `could not read the table: ${(e as Error).message}`);
    }
    // A reader by header that did not recognise the header reads nothing: say so, never guess.
    if (Object.keys(produced).length === 0) unread.push(section.standard);
    for (const [table, rows] of Object.entries(produced)) {
      if (section.amountUnit === '元') {
        const amounts = amountColumns(table);
        for (const r of rows) for (const c of amounts) if (typeof r[c] === 'number') r[c] = yuanToWan(r[c]);
      }
      if (doc.layout !== 'tab') {
        for (const r of rows) r.source_line_end ??= spans.get(r.source_line as number) ?? null;
        markAmbiguous(table, rows, ambiguous);
      }
      (tables[table] ??= []).push(...rows);
    }
  }
  if (sections.length === 0 && meta.docKind !== 'performance') {
    throw new InputError(file, null, null, `found none of the standard tables in this ${meta.docKind === 'final' ? '部门决算' : '部门预算'}; looked for titles such as ${STANDARD_TABLES.map((t) => t.zh).join('、')} (the templates: scripts/pipeline/templates/tables.ts)`);
  }
  const unsupported = unread.length ? `${doc.format === 'pdf' ? 'PDF: columns not recognised' : 'reflowed layout: not yet read'}: ${unread.join(', ')}` : null;
  return { doc, origin: { officialUrl: manifest.official_url ?? null, published: manifest.published ?? null }, sections, tables, encoding, bytes, unsupported, unread, ctx };
}

/**
 * A table title followed by its header but no data, or a file that stops inside a table,
 * is a damaged input: refuse it rather than publish a table with rows missing.
 */
function checkTruncation(file: string, lines: string[], sections: Section[]): void {
  for (const s of sections) {
    if (s.printedEmpty) continue;
    const dataRows = s.rows.filter((r) => r.cells.some((c) => /\d/.test(c) && !/^\d{4}年?$/.test(c)));
    if (dataRows.length === 0) {
      throw new InputError(file, s.titleLine, s.title, 'the table has a header but no rows and does not say it is empty (本表无数据): the text looks truncated');
    }
  }
  // Titles listed after the first printed table but never printed: the file ends in the middle.
  const firstTable = sections[0]?.titleLine ?? Infinity;
  lines.forEach((text, i) => {
    const n = i + 1;
    if (n <= firstTable || text.includes('\t')) return;
    const t = normText(text);
    // A sentence that ends with a table's name (…详见项目绩效目标表) is not a title.
    if (t.length > 0 && t.length <= 40 && /表$/.test(t) && standardOf(t.replace(/\s+/g, '')) && !/[，。；：:、]|详见|见附/.test(t)
      && !sections.some((s) => s.titleLine === n) && n > lines.length - 3) {
      throw new InputError(file, n, t, 'the file ends right after this table title: the text looks truncated');
    }
  });
}
