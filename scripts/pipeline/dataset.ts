// tables → one dataset: add doc_id, derive units, join project codes, record completeness, run checks.
import type { OutRow, TableSchema } from './types.ts';
import type { ReadResult } from './read.ts';
import { EXPECTED, STANDARD_TABLES, standardOf } from './templates/tables.ts';
import { titleText } from './layouts/tab/sections.ts';
import { amountColumns } from './tables/index.ts';
import { buildChecks } from './checks.ts';
import { findingsOf } from './findings.ts';
import { repeatedTableChecks } from './checks/duplicates.ts';
import { ambiguityChecks } from './layouts/reflowed/ambiguity.ts';
import { normText, pushAll } from './text.ts';
import { legacyDocIdOf } from './metadata.ts';
import { pagesOfLines } from './layouts/pdf/pageMarker.ts';

export const documentsSchema: TableSchema = {
  name: 'documents', zh: '公开文件', en: 'Disclosure documents covered',
  columns: [
    { name: 'doc_id', type: 'VARCHAR', zh: '文件编号 <地区>-<年度>-<部门拼音首字母>-<类型>[-unit]', en: 'document id <place_slug>-<fiscal_year>-<department_slug>-<kind>, with -unit for a unit budget' },
    { name: 'province', type: 'VARCHAR', zh: '省级行政区（简称，如 河南、上海）', en: 'province-level division, short name (河南, 上海)' },
    { name: 'city', type: 'VARCHAR', zh: '城市（简称；直辖市为其本身；省级部门为空）', en: 'city, short name (a municipality for its districts; NULL for a province-level department)' },
    { name: 'district', type: 'VARCHAR', zh: '区县（全称；市级及以上为空）', en: 'district or county, full name (NULL above district level)' },
    { name: 'admin_level', type: 'VARCHAR', zh: '行政级别：province 省级，city 市级，district 区县级', en: 'administrative level: province, city or district' },
    { name: 'place_code', type: 'VARCHAR', zh: '行政区划代码（GB/T 2260，6 位）', en: '6-digit GB/T 2260 division code' },
    { name: 'place_name', type: 'VARCHAR', zh: '地区全称（如 河南省郑州市、上海市普陀区）', en: 'full name of the place (河南省郑州市, 上海市普陀区)' },
    { name: 'place_slug', type: 'VARCHAR', zh: '地区拼音（如 zhengzhou、shanghai-putuo）', en: 'place slug (pinyin: zhengzhou, shanghai-putuo)' },
    { name: 'city_slug', type: 'VARCHAR', zh: '地区拼音（同 place_slug，网站按其分组）', en: 'same as place_slug (the site groups documents by it)' },
    { name: 'department', type: 'VARCHAR', zh: '部门（不含地区名）', en: 'department, without the place name' },
    { name: 'department_slug', type: 'VARCHAR', zh: '部门拼音首字母', en: 'department slug (pinyin initials)' },
    { name: 'fiscal_year', type: 'INTEGER', zh: '预算年度', en: 'fiscal year' },
    { name: 'doc_kind', type: 'VARCHAR', zh: '文件类型：budget 部门预算，performance 绩效目标，final 部门决算', en: 'budget, performance or final (部门决算, final accounts)' },
    { name: 'scope', type: 'VARCHAR', zh: '范围：department 部门（汇总），unit 单位', en: 'department (consolidated) or unit (one budget unit\'s own)' },
    { name: 'title', type: 'VARCHAR', zh: '标题（按原文）', en: 'title as printed' },
    { name: 'legacy_doc_id', type: 'VARCHAR', zh: '旧文件编号 <城市>-<年度>-<类型>（旧网址转向用；无则为空）', en: 'former document id <city_slug>-<fiscal_year>-<kind>, for redirects of old addresses (NULL where there was none)' },
    { name: 'source_file', type: 'VARCHAR', zh: '原件（public/sources/ 下：PDF 原件，或文本原件）', en: 'the disclosure as published, under public/sources/ (the PDF, or the text conversion)' },
    { name: 'source_format', type: 'VARCHAR', zh: '原件格式：pdf 或 txt', en: 'format of the original: pdf or txt' },
    { name: 'text_file', type: 'VARCHAR', zh: '原文文本（public/sources/ 下；source_line 指向此文件；PDF 为从中提取的文本，带页码标记）', en: 'text under public/sources/ that source_line points into (for a PDF, the text extracted from it, with page markers)' },
    { name: 'page_count', type: 'INTEGER', zh: 'PDF 页数（文本原件为空）', en: 'number of pages of the PDF (NULL for a text disclosure)' },
    { name: 'source_sha256', type: 'VARCHAR', zh: '原件 SHA-256', en: 'SHA-256 of the original file' },
    { name: 'official_url', type: 'VARCHAR', zh: '政府发布的原始网址（未知则为空，从不猜测）', en: 'address the government published the file at (NULL when not known; never guessed)' },
    { name: 'published_date', type: 'VARCHAR', zh: '发布日期 YYYY-MM-DD（未知则为空）', en: 'publication date, YYYY-MM-DD (NULL when not known)' },
    { name: 'amount_unit', type: 'VARCHAR', zh: '金额单位', en: 'unit of every amount' },
    { name: 'line_count', type: 'INTEGER', zh: '原文文本行数', en: 'number of lines of the text (text_file)' },
    { name: 'layout', type: 'VARCHAR', zh: '版式：pdf 由 PDF 的表格线与文字位置还原单元格，tab 制表符分隔，reflowed 逐格换行', en: 'layout the cells were read from: pdf (the PDF’s ruling and text positions), tab (tab-separated text) or reflowed (text, one cell per line)' },
    { name: 'encoding', type: 'VARCHAR', zh: '原文编码', en: 'encoding the text came in' },
    { name: 'tables_status', type: 'VARCHAR', zh: '表格读取情况', en: 'whether the tables were read, or why not' },
  ],
};

export const presenceSchema: TableSchema = {
  name: 'table_presence', zh: '标准表完整性：每份文件印出了哪些标准表', en: 'Completeness: which standard tables each document prints',
  columns: [
    { name: 'standard_key', type: 'VARCHAR', zh: '标准表代号', en: 'key of the standard table' },
    { name: 'standard_zh', type: 'VARCHAR', zh: '标准表名称', en: 'standard table name (Chinese)' },
    { name: 'standard_en', type: 'VARCHAR', zh: '标准表英文名', en: 'standard table name (English)' },
    { name: 'expected', type: 'BOOLEAN', zh: '此类文件应当公开此表', en: 'whether a document of this kind is expected to print it' },
    { name: 'status', type: 'VARCHAR', zh: 'present 有数据、empty 印出但注明无数据、listed 目录列出但未印出、missing 目录未列也未印出、unread 印出但版式尚未读取', en: 'present, empty (printed as holding no data), listed (named in the document’s own table of contents but not printed), missing (neither listed nor printed), or unread (printed, but its layout is not yet read)' },
    { name: 'title', type: 'VARCHAR', zh: '原文表名', en: 'title as printed' },
    { name: 'rows', type: 'INTEGER', zh: '原文数据行数（逐格换行版式：表内发布的行数）', en: 'printed lines with cells (reflowed layout: published rows printed in the table)' },
    { name: 'amount_unit', type: 'VARCHAR', zh: '原表所印金额单位（元/万元；已统一换算为万元发布）', en: 'unit the table prints its amounts in (元 or 万元); published amounts are all in 万元' },
  ],
};

export const unitsSchema: TableSchema = {
  name: 'units', zh: '预算单位', en: 'Budget units of the department',
  columns: [
    { name: 'unit_code', type: 'VARCHAR', zh: '单位代码（未印出则为空）', en: 'unit code (NULL where none is printed)' },
    { name: 'unit_name', type: 'VARCHAR', zh: '单位名称', en: 'unit name' },
    { name: 'unit_kind', type: 'VARCHAR', zh: 'department 部门（汇总）或 unit 单位', en: 'department (consolidated) or unit' },
    { name: 'found_in', type: 'VARCHAR', zh: '出现于哪些表', en: 'where the unit appears' },
  ],
};

export const printedTotalsSchema: TableSchema = {
  name: 'printed_totals', zh: '原表所印合计、小计（项目表、收入表、支出表、基本支出表的合计行、部门行、单位行、类小计）',
  en: 'Totals and subtotals as printed (the 合计, department, unit and class-subtotal rows of the item and classification tables), one printed figure per row',
  columns: [
    { name: 'table_name', type: 'VARCHAR', zh: '所属发布表（其分项在该表中）', en: 'published table whose items this total adds up' },
    { name: 'table_kind', type: 'VARCHAR', zh: '来源表（支出表：department / general_public）', en: 'for expenditure_by_function: department or general_public' },
    { name: 'row_kind', type: 'VARCHAR', zh: '行类型：total 合计、department 部门小计、unit 单位小计、subtotal 类级小计', en: 'total (合计), department or unit subtotal, or subtotal of a class (类)' },
    { name: 'label', type: 'VARCHAR', zh: '原文行名（合计、部门或单位名称、类名称）', en: 'label of the row as printed (合计, the department or unit, the class)' },
    { name: 'code', type: 'VARCHAR', zh: '单位代码或科目编码（印出时）', en: 'unit or classification code, where printed' },
    { name: 'column_name', type: 'VARCHAR', zh: '该数所在列（对应分项表的列名）', en: 'column of the figure (a column of table_name)' },
    { name: 'amount', type: 'DOUBLE', zh: '所印金额', en: 'the printed figure', unit: '万元' },
  ],
};

/**
 * Item tables hold the items a total adds up, nothing else (so a column sums to its total with no
 * filter): the kinds of row each keeps. Everything else they printed (合计, a department's or a
 * unit's subtotal, a 类 over its 款) goes to printed_totals, after the checks have compared them.
 */
const ITEM_ROWS: Record<string, string[]> = {
  projects: ['project'], income_by_unit: ['unit'], basic_by_economic: ['item'],
  expenditure_by_function: ['function'], income_by_function: ['function'],
  expenditure_by_economic: ['item'], basic_detail: ['item'], operating_costs: ['item'],
};

function splitTotals(own: Record<string, OutRow[]>): OutRow[] {
  const totals: OutRow[] = [];
  for (const [table, kinds] of Object.entries(ITEM_ROWS)) {
    const rows = own[table];
    if (!rows) continue;
    // A department printed with no unit under it is an item itself.
    const keep = table === 'income_by_unit' && !rows.some((r) => r.row_kind === 'unit') ? [...kinds, 'department'] : kinds;
    own[table] = rows.filter((r) => keep.includes(r.row_kind as string));
    for (const r of rows.filter((x) => !keep.includes(x.row_kind as string))) {
      for (const column of amountColumns(table)) {
        if (r[column] == null) continue;
        totals.push({
          doc_id: r.doc_id ?? null, table_name: table, table_kind: r.table_kind ?? null, row_kind: r.row_kind ?? null,
          label: r.row_kind === 'total' ? '合计' : (r.func_name ?? r.unit_name ?? r.dept_econ_name ?? null),
          code: r.unit_code ?? r.func_code ?? r.dept_econ_code ?? null, column_name: column, amount: r[column] ?? null,
          source_line: r.source_line ?? null, source_line_end: r.source_line_end ?? null, source_page: r.source_page ?? null,
        });
      }
    }
  }
  return totals;
}

export interface Dataset {
  tables: Record<string, OutRow[]>;
  reads: ReadResult[];
}

const slim = (s: unknown): string => normText(String(s ?? '')).replace(/[（）()“”"、，,·\s]/g, '');

/** Units named in the narrative's 预算单位构成 list: `1. 郑州技师学院；` or inline `1. …;2. …`. */
function unitsFromList(lines: string[]): Array<{ name: string; line: number }> {
  const heads = lines.map((l, i) => ({ l: normText(l), n: i + 1 })).filter((x) => /预算单位构成/.test(x.l) && !/^(-\s*)?[一二三四五六七八九十]+、/.test(x.l) || /所属单位预算包括|预算单位构成[:：]/.test(x.l));
  const out: Array<{ name: string; line: number }> = [];
  const head = heads.at(-1);
  if (!head) return out;
  for (let n = head.n; n <= Math.min(lines.length, head.n + 60); n++) {
    const t = normText(lines[n - 1]!);
    if (n > head.n && /^第[二三]部分/.test(t)) break;
    for (const m of t.matchAll(/(?:^|[;；:：。])\s*\d{1,2}[.．、]\s*([^;；。\d][^;；。]*?)(?=[;；。]|\s*\d{1,2}[.．、]|$)/g)) {
      const name = m[1]!.trim();
      if (name.length >= 3 && name.length <= 40) out.push({ name, line: n });
    }
  }
  return out;
}

function deriveUnits(doc: string, r: ReadResult): OutRow[] {
  const t = r.tables;
  const found: Array<{ code: string | null; name: string; where: string; line: number; kind: string }> = [];
  for (const u of t.income_by_unit ?? []) {
    if (u.row_kind !== 'total') found.push({ code: u.unit_code as string, name: u.unit_name as string, where: 'income_by_unit', line: u.source_line as number, kind: u.row_kind === 'department' ? 'department' : 'unit' });
  }
  for (const u of t.expenditure_by_function ?? []) {
    if (u.row_kind === 'unit') found.push({ code: u.unit_code as string | null, name: u.func_name as string, where: 'expenditure_by_function', line: u.source_line as number, kind: 'department' });
  }
  for (const p of t.projects ?? []) {
    if (p.row_kind === 'department') found.push({ code: p.unit_code as string, name: p.unit_name as string, where: 'projects', line: p.source_line as number, kind: 'department' });
    if (p.row_kind === 'project' && p.unit_name) found.push({ code: null, name: p.unit_name as string, where: 'projects', line: p.source_line as number, kind: 'unit' });
  }
  for (const p of t.project_indicators ?? []) {
    if (p.unit_name) found.push({ code: (p.unit_code as string) ?? null, name: p.unit_name as string, where: 'project_indicators', line: p.source_line as number, kind: 'unit' });
  }
  for (const u of unitsFromList(r.doc.lines)) found.push({ code: null, name: u.name, where: '预算单位构成', line: u.line, kind: 'unit' });
  const units = new Map<string, { code: string | null; name: string; where: Set<string>; line: number; kind: string }>();
  for (const f of found) {
    const key = `${f.kind}:${slim(f.name)}`;
    const u = units.get(key);
    if (u) {
      u.where.add(f.where);
      u.code ??= f.code || null;
      u.line = Math.min(u.line, f.line);
    } else units.set(key, { code: f.code || null, name: f.name, where: new Set([f.where]), line: f.line, kind: f.kind });
  }
  // The indicator table truncates long unit names (`郑州市就业创业服`): fold such a name into
  // the one full name it begins, keeping its code.
  const all = [...units.entries()];
  for (const [key, u] of all) {
    const short = slim(u.name);
    const fuller = all.filter(([k, o]) => k !== key && units.has(k) && o.kind === u.kind && slim(o.name).length > short.length && slim(o.name).startsWith(short));
    if (short.length < 6 || fuller.length !== 1) continue;
    const full = fuller[0]![1];
    full.code ??= u.code;
    for (const w of u.where) full.where.add(w);
    full.line = Math.min(full.line, u.line);
    units.delete(key);
  }
  return [...units.values()].map((u) => ({ doc_id: doc, source_line: u.line, source_line_end: null, unit_code: u.code, unit_name: u.name, unit_kind: u.kind, found_in: [...u.where].join(',') }));
}

/** project_code onto projects: by unit + name + amount, then name + amount, then a unique amount with a shared name ending. */
function joinProjectCodes(projects: OutRow[], indicators: OutRow[]): void {
  const coded = new Map<string, { code: string; name: string; amount: number | null; unit: string }>();
  for (const i of indicators) {
    if (i.project_code && !coded.has(i.project_code as string)) {
      coded.set(i.project_code as string, { code: i.project_code as string, name: slim(i.project_name), amount: i.project_amount as number | null, unit: slim(i.unit_name) });
    }
  }
  const pool = [...coded.values()];
  const taken = new Set<string>();
  const rows = projects.filter((p) => p.row_kind === 'project');
  const tryMatch = (how: string, pred: (p: OutRow, c: (typeof pool)[number]) => boolean) => {
    for (const p of rows) {
      if (p.project_code) continue;
      const cands = pool.filter((c) => !taken.has(c.code) && pred(p, c));
      if (cands.length === 1) {
        p.project_code = cands[0]!.code;
        p.project_code_match = how;
        taken.add(cands[0]!.code);
      }
    }
  };
  const sameAmount = (p: OutRow, c: { amount: number | null }) => c.amount !== null && Math.abs((p.total as number) - c.amount) < 1e-6;
  tryMatch('name_amount', (p, c) => slim(p.project_name) === c.name && sameAmount(p, c));
  tryMatch('name', (p, c) => slim(p.project_name) === c.name);
  tryMatch('amount_and_name_ending', (p, c) => sameAmount(p, c) && slim(p.project_name).slice(-4) === c.name.slice(-4));
  for (const p of rows) p.project_code_match ??= null;
  for (const p of projects) if (p.row_kind !== 'project') p.project_code_match = null;
}

/**
 * Standard tables the document's own 目录 (table of contents) names: a line that, without its
 * numbering (一、 1. - …), is a table title, outside the printed tables.
 */
function listedInContents(r: ReadResult): Map<string, number> {
  const listed = new Map<string, number>();
  const inTable = (n: number) => r.sections.some((s) => n >= s.titleLine && n <= s.endLine);
  r.doc.lines.forEach((raw, i) => {
    // A sentence that names a table (详见单位的项目绩效目标表) is not a 目录 entry.
    if (raw.includes('\t') || inTable(i + 1) || /详见|参见|[，。；]/.test(raw)) return;
    const t = titleText(raw).replace(/^-/, '').replace(/^([一二三四五六七八九十]+、|\d{1,2}[.．、]|[（(][一二三四五六七八九十]+[)）])/, '');
    if (t.length === 0 || t.length > 40) return;
    const st = standardOf(t);
    if (st && !listed.has(st.key)) listed.set(st.key, i + 1);
  });
  return listed;
}

function presence(doc: string, r: ReadResult, own: Record<string, OutRow[]>): OutRow[] {
  const listed = listedInContents(r);
  const published = Object.entries(own).filter(([t]) => t !== 'units').flatMap(([, rows]) => rows);
  return STANDARD_TABLES.map((st) => {
    const s = r.sections.find((x) => x.standard === st.key);
    const expected = EXPECTED[r.doc.meta.docKind].includes(st.key);
    // Published rows printed within the table's lines: a table whose title is there but none of whose
    // rows were published (cut short, or a shape no reader knows) is not `present`.
    const within = !s ? 0 : new Set(published.filter((x) => (x.source_line as number) > s.titleLine && (x.source_line as number) <= s.endLine).map((x) => x.source_line)).size;
    // Only zeros printed (江苏's 政府性基金预算 table: 合计 0) is a table that says it holds nothing.
    const zerosOnly = !!s && s.rows.some((l) => l.cells.some((c) => /^0(\.0+)?$/.test(c.trim())))
      && s.rows.every((l) => l.cells.every((c) => !/^-?[\d,]+(\.\d+)?$/.test(c.trim()) || /^0(\.0+)?$/.test(c.trim())));
    const status = r.unread.includes(st.key) ? 'unread' : s ? (s.printedEmpty || (within === 0 && zerosOnly) ? 'empty' : within > 0 ? 'present' : 'unread')
      : listed.has(st.key) ? 'listed' : 'missing';
    // The reflowed layout rebuilds rows only for the tables it reads through the tab readers; for
    // the others (read straight into published rows) count the published rows printed in the table.
    const rows = !s ? null : s.rows.length > 0 ? s.rows.length : within;
    return {
      doc_id: doc, source_line: s?.titleLine ?? listed.get(st.key) ?? null, source_line_end: s?.endLine ?? null, standard_key: st.key, standard_zh: st.zh, standard_en: st.en,
      expected, status, title: s?.title ?? null, rows, amount_unit: s?.amountUnit ?? null,
    };
  }).filter((row) => row.expected || row.status !== 'missing');
}

/** Decimals most tables of the document print (1 for 郑州, 2 for 焦作), for rounding tolerances. */
function tablePrecision(r: ReadResult): number {
  const counts = new Array<number>(8).fill(0);
  for (const s of r.sections) for (const row of s.rows) for (const c of row.cells) {
    const m = /^-?[\d,]+(?:\.(\d+))?$/.exec(c.trim());
    // A figure printed in 元 to the fen is in 万元 to the sixth decimal.
    if (m && (m[1] || s.amountUnit === '元')) counts[Math.min(3, m[1]?.length ?? 0) + (s.amountUnit === '元' ? 4 : 0)]!++;
  }
  const best = counts.indexOf(Math.max(...counts));
  return best < 0 ? 2 : best;
}

export function assemble(reads: ReadResult[]): Dataset {
  const tables: Record<string, OutRow[]> = {};
  // pushAll, not push(...rows): a document pasted into itself 300 times has more rows than a call takes arguments.
  const push = (name: string, rows: OutRow[]) => pushAll(tables[name] ??= [], rows);
  for (const r of reads) {
    const doc = r.doc.docId;
    const own: Record<string, OutRow[]> = {};
    for (const [name, rows] of Object.entries(r.tables)) {
      own[name] = rows.map((row) => ({ doc_id: doc, ...row, source_line_end: row.source_line_end ?? null }));
    }
    if (own.projects) joinProjectCodes(own.projects, own.project_indicators ?? []);
    own.units = deriveUnits(doc, { ...r, tables: own });
    own.table_presence = presence(doc, r, own);
    const precision = tablePrecision(r);
    // The ambiguity checks are about where amounts (万元) were placed.
    own.checks = [...buildChecks(doc, own, precision, r.doc.lines), ...repeatedTableChecks(doc, r.sections, precision),
      ...ambiguityChecks(doc, r.ctx.repairs).map((c) => ({ ...c, unit: '万元' }))];
    own.findings = findingsOf(doc, own.checks, own);
    if (r.doc.format === 'pdf') {
      const pages = pagesOfLines(r.doc.lines);
      for (const rows of Object.values(own)) for (const row of rows) if (row.source_line != null) row.source_page = pages[(row.source_line as number) - 1] ?? null;
    }
    own.printed_totals = splitTotals(own);
    for (const [name, rows] of Object.entries(own)) push(name, rows);
    const m = r.doc.meta;
    push('documents', [{
      doc_id: doc, province: m.province, city: m.city, district: m.district, admin_level: m.adminLevel,
      place_code: m.placeCode, place_name: m.placeName, place_slug: m.placeSlug, city_slug: m.citySlug,
      department: m.department, department_slug: m.departmentSlug, fiscal_year: m.fiscalYear, doc_kind: m.docKind,
      scope: m.scope, title: m.title, legacy_doc_id: legacyDocIdOf(m),
      source_file: `sources/${doc}.${r.doc.format}`, source_format: r.doc.format, text_file: `sources/${doc}.txt`, page_count: r.doc.pageCount,
      source_sha256: r.doc.sha256, official_url: r.origin.officialUrl, published_date: r.origin.published, amount_unit: '万元', line_count: r.doc.lines.length,
      layout: r.doc.format === 'pdf' ? 'pdf' : r.doc.layout, encoding: r.doc.format === 'pdf' ? null : r.encoding, tables_status: r.unsupported ?? 'read',
    }]);
  }
  return { tables, reads };
}
