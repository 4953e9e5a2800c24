// Shared shapes of the pipeline: raw text → layout (cells) → tables (typed rows) → checks → publish.

export type Value = string | number | boolean | null;
export type OutRow = Record<string, Value>;

/** One physical line of a table, split into cells (tab layout) with its 1-based line number. */
export interface Line {
  n: number;
  cells: string[];
}

/** A disclosure table found in the text: its title line and every line up to the next table. */
export interface Section {
  /** Standard table this title belongs to (key of STANDARD_TABLES). */
  standard: string;
  title: string;
  titleLine: number;
  /** Last line (inclusive) that belongs to this section. */
  endLine: number;
  /** Lines that carry cells (contain a tab), in order. */
  rows: Line[];
  /** Lines without tabs inside the section (unit notes, 注：, wrapped text), in order. */
  notes: Line[];
  /** The document prints the table but says it holds nothing (本表无数据 and the like). */
  printedEmpty: boolean;
}

export interface DocMeta {
  city: string;
  citySlug: string;
  department: string;
  fiscalYear: number;
  docKind: 'budget' | 'performance';
  title: string;
}

export interface Doc {
  docId: string;
  sourceFile: string;
  sha256: string;
  /** Text lines as vendored (index 0 = line 1). */
  lines: string[];
  meta: DocMeta;
  layout: 'tab' | 'reflowed';
}

/** A repair of the conversion's damage, kept for the record (never a change of a printed value). */
export interface Repair {
  table: string;
  line: number;
  what: string;
}

export interface ParseContext {
  doc: Doc;
  repairs: Repair[];
}

/**
 * One module per disclosure table type. `parse` gets one section and returns rows for
 * one or more published tables (e.g. the 整体绩效目标表 yields dept_indicators and tasks).
 * Rows carry every contract column except doc_id, which the pipeline adds.
 */
export interface TableModule {
  /** Standard table keys (STANDARD_TABLES) this module reads. */
  standards: string[];
  /** Schemas of the published tables this module produces (the data dictionary is made from these). */
  schemas: TableSchema[];
  parse(section: Section, ctx: ParseContext): Record<string, OutRow[]>;
}

/** An input problem the pipeline refuses to guess about; names file, line and table. */
export class InputError extends Error {
  readonly file: string;
  readonly line: number | null;
  readonly table: string | null;
  constructor(file: string, line: number | null, table: string | null, message: string) {
    super(`${file}${line != null ? `:${line}` : ''}${table ? ` [${table}]` : ''}: ${message}`);
    this.file = file;
    this.line = line;
    this.table = table;
  }
}

/** Column of a published table, as the data dictionary and datapackage.json describe it. */
export interface ColumnDef {
  name: string;
  type: 'VARCHAR' | 'DOUBLE' | 'INTEGER' | 'BOOLEAN';
  zh: string;
  en: string;
  /** e.g. '万元' for amounts. */
  unit?: string;
}

/** A published table: its name, what it is, and its columns (doc_id and source lines are added for every row table). */
export interface TableSchema {
  name: string;
  zh: string;
  en: string;
  columns: ColumnDef[];
}
