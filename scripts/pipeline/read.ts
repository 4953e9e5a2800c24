// raw text → a Doc: decode, split into lines, read what the document is, find its tables.
import { createHash } from 'node:crypto';
import type { Doc, OutRow, ParseContext, Section } from './types.ts';
import { InputError } from './types.ts';
import { detectLayout, findSections } from './layouts/tab/sections.ts';
import { readMeta, docIdOf, type MetaOverrides } from './metadata.ts';
import { amountColumns, moduleFor } from './tables/index.ts';
import { markAmbiguous, readReflowed, type Note } from './layouts/reflowed/index.ts';
import { DamagedRow } from './layouts/reflowed/fragments.ts';
import { readFacts } from './tables/facts.ts';
import { NotAnAmount, normText, pushAll, yuanToWan } from './text.ts';
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

/**
 * A document id: it names files (sources/<doc_id>.txt) and pages, so nothing but lower-case letters,
 * digits and "-" — never a path.
 */
export const DOC_ID = /^[a-z0-9][a-z0-9-]{0,99}$/;

/**
 * Where UTF-8 decoding of `bytes` first fails: the byte offset of the first byte of a sequence
 * that is not UTF-8, and whether that sequence is a character cut short by the end of the file.
 */
function firstBadUtf8(bytes: Uint8Array): { at: number; cutAtEnd: boolean } | null {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return { at: i, cutAtEnd: false };
    let k = 1;
    while (k <= need && i + k < bytes.length && (bytes[i + k]! & 0xc0) === 0x80) k++;
    if (k <= need) return { at: i, cutAtEnd: i + k === bytes.length };
    i += need + 1;
  }
  return null;
}

/** UTF-8, or GBK when the bytes are not UTF-8 but decode as GBK into Chinese text. */
export function decode(file: string, bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'gbk' } {
  if (bytes.length === 0 || new TextDecoder().decode(bytes).trim() === '') {
    throw new InputError(file, null, null, 'the file is empty');
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, ''), encoding: 'utf-8' };
  } catch { /* not UTF-8 */ }
  const bad = firstBadUtf8(bytes);
  // UTF-8 up to a character the end of the file cuts in two: the file was cut short, not encoded otherwise.
  if (bad?.cutAtEnd) {
    throw new InputError(file, lineAt(bytes, bad.at), null, `the file ends in the middle of a UTF-8 character (byte ${bad.at + 1} of ${bytes.length}): it looks cut short; get a complete copy`);
  }
  try {
    const text = new TextDecoder('gbk', { fatal: true }).decode(bytes);
    if (/[\u4e00-\u9fff]/.test(text)) return { text, encoding: 'gbk' };
  } catch { /* not GBK either */ }
  // Mostly UTF-8 with a few stray bytes: say where they are, so they can be found and removed.
  const where = bad && bad.at > 0 ? ` (UTF-8 until byte ${bad.at + 1}, line ${lineAt(bytes, bad.at)}, where a byte 0x${bytes[bad.at]!.toString(16).padStart(2, '0')} is no character)` : '';
  throw new InputError(file, null, null, `the text is neither UTF-8 nor GBK${where}; convert it to UTF-8 and try again`);
}

/** 1-based line of byte offset `at`. */
function lineAt(bytes: Uint8Array, at: number): number {
  let n = 1;
  for (let i = 0; i < at && i < bytes.length; i++) if (bytes[i] === 0x0a) n++;
  return n;
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
  checkLineLengths(file, lines);
  // The PDF layout writes table rows tab-separated: from here on it reads as the tab layout.
  const layout = pdf ? 'tab' : detectLayout(lines);
  // readMeta applies the manifest's overrides itself: a place or department given there changes the slugs too.
  const meta = readMeta(lines, file, manifest, layout);
  const docId = manifest.doc_id ?? docIdOf(meta);
  // The id read from the text names the published files: refuse, never write, one that is not an id.
  if (!DOC_ID.test(docId)) throw new InputError(file, null, null, `the document id read from its title, ${JSON.stringify(docId)}, is not lower-case letters, digits and "-"; give "doc_id" for this file in sources.json`);
  const doc: Doc = {
    docId,
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
    let rf: ReturnType<typeof readReflowed>;
    try {
      rf = readReflowed(lines);
    } catch (e) {
      if (e instanceof DamagedRow) throw new InputError(file, e.line, e.title, e.message);
      throw e;
    }
    sections = rf.sections;
    spans = rf.spans;
    ambiguous = rf.ambiguous;
    direct = rf.direct;
    for (const [table, rows] of Object.entries(rf.tables)) pushAll(tables[table] ??= [], rows);
    unread = rf.sections.filter((s) => !s.printedEmpty && !rf.read.includes(s.standard) && moduleFor(s.standard)).map((s) => s.standard);
    pushAll(ctx.repairs, rf.repairs);
    pushAll(ctx.repairs, rf.ambiguous.map((a) => ({ ...a, what: `ambiguous: ${a.what}` })));
  }
  for (const section of sections) {
    const mod = moduleFor(section.standard, doc.format);
    if (!mod || section.printedEmpty || unread.includes(section.standard) || direct.includes(section.standard)) continue;
    let produced: Record<string, OutRow[]>;
    try {
      produced = mod.parse(section, ctx);
    } catch (e) {
      if (e instanceof InputError) throw e;
      const bad = badAmount(e);
      const at = (e as { line?: number }).line ?? (bad !== null ? lineOf(section, bad) : null) ?? section.titleLine;
      throw new InputError(file, at, section.title, `could not read the table: ${bad !== null ? `not an amount: ${visible(bad)}` : (e as Error).message}${explain(e)}`);
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
      pushAll(tables[table] ??= [], rows);
    }
  }
  if (sections.length === 0 && meta.docKind !== 'performance') {
    throw new InputError(file, null, null, `found none of the standard tables in this ${meta.docKind === 'final' ? '部门决算' : '部门预算'}; looked for titles such as ${STANDARD_TABLES.map((t) => t.zh).join('、')} (the templates: scripts/pipeline/templates/tables.ts)`);
  }
  const unsupported = unread.length ? `${doc.format === 'pdf' ? 'PDF: columns not recognised' : 'reflowed layout: not yet read'}: ${unread.join(', ')}` : null;
  return { doc, origin: { officialUrl: manifest.official_url ?? null, published: manifest.published ?? null }, sections, tables, encoding, bytes, unsupported, unread, ctx };
}

/**
 * The longest line a disclosure can hold. A printed line holds a few hundred characters; a
 * paragraph the conversion puts on one line, about 1,500 (郑州 2024). A line far longer is not text
 * but damage (a runaway conversion, bytes pasted in), and the readers, which cut lines into cells
 * in every way a wrap allows, would spend time and output on it out of all proportion: refused.
 */
export const MAX_LINE = 20_000;

function checkLineLengths(file: string, lines: string[]): void {
  const i = lines.findIndex((l) => l.length > MAX_LINE);
  if (i >= 0) {
    throw new InputError(file, i + 1, null, `this line is ${lines[i]!.length.toLocaleString('en-US')} characters long, more than any printed line or paragraph holds (at most ${MAX_LINE.toLocaleString('en-US')}): the text is damaged here`);
  }
}

/** The first row of the section with a cell that reads `text` (where a bad amount is printed). */
function lineOf(section: Section, text: string): number | null {
  const row = section.rows.find((r) => r.cells.some((c) => c.trim() === text))
    ?? [...section.rows, ...section.notes].find((r) => r.cells.some((c) => c.includes(text)));
  return row?.n ?? null;
}

/**
 * The text of a cell that a table reader found not to be an amount: from parseAmount's error, or
 * from the message of tables/amounts.ts, which checks the cells itself.
 */
function badAmount(e: unknown): string | null {
  if (e instanceof NotAnAmount) return e.text;
  return /^not an amount: "([^]*)"$/.exec((e as Error)?.message ?? '')?.[1] ?? null;
}

const FULL_WIDTH_DIGIT = /[\uff10-\uff19]/;

/** A cell's text quoted with its control characters spelled out (a NUL printed raw shows as nothing), cut when long. */
const visible = (t: string) => JSON.stringify(t.length > 80 ? `${t.slice(0, 80)}…` : t);

/** What is wrong with a cell that is not an amount, when it can be said. */
function explain(e: unknown): string {
  const text = badAmount(e);
  if (text === null) return '';
  if (FULL_WIDTH_DIGIT.test(text)) return ' (printed in full-width digits ０–９; amounts must be in ASCII digits 0–9: convert the text)';
  if (/[\u0000-\u0008\u000b-\u001f\u007f]/.test(text)) return ' (a control character is printed inside the amount: the text is damaged here)';
  return '';
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
      const fullWidth = s.rows.find((r) => r.cells.some((c) => FULL_WIDTH_DIGIT.test(c)));
      if (fullWidth) {
        throw new InputError(file, fullWidth.n, s.title, 'the table\'s amounts are printed in full-width digits (０–９), which are not read as amounts; convert them to ASCII digits 0–9');
      }
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
