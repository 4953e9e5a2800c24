// Spending by functional classification (政府收支分类科目): 类 (3 digits) › 款 (5) › 项 (7),
// built from a document's expenditure_by_function rows. Amounts are summed from the printed
// rows; names are the ones printed, in this document or any other in the dataset.
import { cityQuery, OF_CITY, query } from './data.ts';

/**
 * Names of 类 and 款 from 《政府收支分类科目》, used only where no document in the dataset
 * prints the name (most tables print 项 rows only). Labels, never amounts.
 */
const CLASSIFICATION_NAMES: Record<string, string> = {
  '201': '一般公共服务支出', '20199': '其他一般公共服务支出',
  '205': '教育支出', '20501': '教育管理事务', '20502': '普通教育', '20503': '职业教育', '20504': '成人教育',
  '20507': '特殊教育', '20508': '进修及培训', '20599': '其他教育支出',
  '206': '科学技术支出',
  '207': '文化旅游体育与传媒支出',
  '208': '社会保障和就业支出', '20801': '人力资源和社会保障管理事务', '20802': '民政管理事务',
  '20805': '行政事业单位养老支出', '20806': '企业改革补助', '20807': '就业补助', '20808': '抚恤',
  '20826': '财政对基本养老保险基金的补助', '20827': '财政对其他社会保险基金的补助', '20899': '其他社会保障和就业支出',
  '210': '卫生健康支出', '21011': '行政事业单位医疗', '21099': '其他卫生健康支出',
  '212': '城乡社区支出',
  '213': '农林水支出', '21308': '普惠金融发展支出', '21399': '其他农林水支出',
  '221': '住房保障支出', '22101': '保障性安居工程支出', '22102': '住房改革支出',
  '229': '其他支出',
};

export interface FnLeaf {
  code: string;
  level: number;
  name: string;
  total: number;
  basic: number;
  project: number;
  lines: number[];
}

export interface FnSection { code: string; name: string; total: number; items: FnLeaf[] }
export interface FnClass { code: string; name: string; short: string; total: number; basic: number; project: number; sections: FnSection[]; lines: number[] }

export interface FunctionTree {
  /** Which printed table the tree is built from. */
  tableKind: 'department' | 'general_public';
  classes: FnClass[];
  total: number;
  firstLine: number;
  lastLine: number;
}

interface Row { func_code: string; func_level: number; func_name: string; total: number | null; basic_total: number | null; project_total: number | null; source_line: number; source_line_end: number | null }

let namesCache: Promise<Map<string, string>> | undefined;

/** Every function name printed anywhere in the dataset, by code (the most frequent spelling). */
function printedNames(): Promise<Map<string, string>> {
  namesCache ??= query<{ func_code: string; func_name: string }>(`
    SELECT func_code, mode(func_name) AS func_name FROM expenditure_by_function
    WHERE row_kind = 'function' AND func_code IS NOT NULL AND func_name IS NOT NULL GROUP BY func_code`)
    .then((rows) => new Map(rows.map((r) => [r.func_code, r.func_name])));
  return namesCache;
}

/** "社会保障和就业支出" → "社会保障和就业" (short label for a 类). */
export function shortClassName(name: string): string {
  return name.replace(/支出$/, '') || name;
}

/** The functional tree of a document's spending: department table if printed, else the general public budget table. */
export async function functionTree(docId: string): Promise<FunctionTree | undefined> {
  const names = await printedNames();
  const all = await cityQuery<Row & { table_kind: string }>(`
    SELECT doc_id, table_kind, func_code, func_level::INTEGER AS func_level, func_name, total, basic_total, project_total,
           source_line::INTEGER AS source_line, source_line_end::INTEGER AS source_line_end
    FROM expenditure_by_function
    WHERE ${OF_CITY} AND row_kind = 'function' AND func_code IS NOT NULL AND total IS NOT NULL
    ORDER BY doc_id, source_line`, docId);
  for (const tableKind of ['department', 'general_public'] as const) {
    const rows = all.filter((r) => r.table_kind === tableKind);
    if (rows.length === 0) continue;
    // Leaves: rows with no printed child (a 项 always; a 类 or 款 only where its children are not printed).
    const leafRows = rows.filter((r) => !rows.some((o) => o.func_code.length > r.func_code.length && o.func_code.startsWith(r.func_code)));
    const byCode = new Map<string, FnLeaf>();
    for (const r of leafRows) {
      const leaf = byCode.get(r.func_code) ?? { code: r.func_code, level: r.func_level, name: r.func_name, total: 0, basic: 0, project: 0, lines: [] };
      leaf.total += r.total ?? 0;
      leaf.basic += r.basic_total ?? 0;
      leaf.project += r.project_total ?? 0;
      leaf.lines.push(r.source_line, ...(r.source_line_end ? [r.source_line_end] : []));
      byCode.set(r.func_code, leaf);
    }
    const nameOf = (code: string): string =>
      rows.find((r) => r.func_code === code)?.func_name ?? names.get(code) ?? CLASSIFICATION_NAMES[code] ?? `科目 ${code}`;
    const classes = new Map<string, FnClass>();
    for (const leaf of byCode.values()) {
      const cCode = leaf.code.slice(0, 3);
      const cls = classes.get(cCode) ?? { code: cCode, name: nameOf(cCode), short: shortClassName(nameOf(cCode)), total: 0, basic: 0, project: 0, sections: [], lines: [] };
      const sCode = leaf.code.length >= 5 ? leaf.code.slice(0, 5) : leaf.code;
      let sec = cls.sections.find((s) => s.code === sCode);
      if (!sec) {
        sec = { code: sCode, name: nameOf(sCode), total: 0, items: [] };
        cls.sections.push(sec);
      }
      sec.items.push(leaf);
      sec.total += leaf.total;
      cls.total += leaf.total;
      cls.basic += leaf.basic;
      cls.project += leaf.project;
      cls.lines.push(...leaf.lines);
      classes.set(cCode, cls);
    }
    const sorted = [...classes.values()].sort((a, b) => b.total - a.total);
    for (const c of sorted) {
      [c.total, c.basic, c.project] = [round2(c.total), round2(c.basic), round2(c.project)];
      c.sections.sort((a, b) => b.total - a.total);
      for (const s of c.sections) {
        s.total = round2(s.total);
        s.items.sort((a, b) => b.total - a.total);
        for (const i of s.items) [i.total, i.basic, i.project] = [round2(i.total), round2(i.basic), round2(i.project)];
      }
    }
    const lines = leafRows.flatMap((r) => [r.source_line, r.source_line_end ?? r.source_line]);
    return {
      tableKind,
      classes: sorted,
      total: round2(sorted.reduce((a, c) => a + c.total, 0)),
      firstLine: Math.min(...lines),
      lastLine: Math.max(...lines),
    };
  }
  return undefined;
}

/** Sums of printed 2-decimal amounts, without floating-point dust. */
export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
