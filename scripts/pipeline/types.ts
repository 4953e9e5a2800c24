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
  /** The unit its amounts are printed in (`单位：元`), when the table says. */
  amountUnit?: '元' | '万元' | null;
}

/** What a document is and whose: read from its text (scripts/pipeline/metadata.ts), places per GB/T 2260. */
export interface DocMeta {
  /** Province without its suffix: 河南, 上海, 江苏. */
  province: string;
  /** City without its suffix (郑州); a municipality's own name (上海); null for a province-level body. */
  city: string | null;
  /** District or county, full (普陀区); null above district level. */
  district: string | null;
  adminLevel: 'province' | 'city' | 'district';
  /** 6-digit GB/T 2260 code; null for a place given in sources.json that the list lacks. */
  placeCode: string | null;
  /** Full name of the place: 河南省郑州市, 上海市普陀区, 江苏省. */
  placeName: string;
  /** zhengzhou, shanghai-putuo, jiangsu. */
  placeSlug: string;
  /** Same as placeSlug: the site still groups documents by it. */
  citySlug: string;
  /** The department's (or unit's) name without its place: 人力资源和社会保障局. */
  department: string;
  /** Pinyin initials of the department: rlzyhshbzj. */
  departmentSlug: string;
  fiscalYear: number;
  /** 部门预算, 整体绩效目标申报表, 部门决算. */
  docKind: 'budget' | 'performance' | 'final';
  /** A department's consolidated disclosure, or one budget unit's own (区级单位预算). */
  scope: 'department' | 'unit';
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
  /** What was published: a text conversion, or a PDF (whose extracted text is `lines`). */
  format: 'txt' | 'pdf';
  pageCount: number | null;
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
  /** Formats it reads (default: all); a reader by header needs the cells a PDF keeps in their columns. */
  formats?: Array<'txt' | 'pdf'>;
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
