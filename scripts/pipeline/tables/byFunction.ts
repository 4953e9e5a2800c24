// Tables by 功能分类 as the PDF templates print them (Shanghai 支出预算总表 / 一般公共预算支出功能分类
// 预算表 / 收入预算总表, 决算 支出决算表 / 收入决算表 …) → expenditure_by_function and
// income_by_function, columns found by their printed headers.
import type { OutRow, Section, TableModule, TableSchema } from '../types.ts';
import { amountsOf, headerLayout, rowLabel } from './byHeader.ts';
import { FUNCTION_COLUMNS } from '../templates/columns.ts';
import { expenditureByFunction } from './expenditureByFunction.ts';

const INCOME_AMOUNTS: Array<[string, string, string]> = [
  ['total', '合计', 'total'],
  ['fiscal_appropriation', '财政拨款收入', 'fiscal appropriation'],
  ['business_income', '事业收入', 'public institution business income'],
  ['business_operating_income', '事业单位经营收入', 'public institution operating income'],
  ['superior_subsidy', '上级补助收入', 'subsidy from higher-level units'],
  ['subordinate_remittance', '附属单位上缴收入', 'remittance from subordinate units'],
  ['other_income', '其他收入', 'other income'],
];

export const incomeByFunctionSchema: TableSchema = {
  name: 'income_by_function', zh: '收入按功能分类科目（收入预算总表、收入决算表）', en: 'Income by functional classification (as the Shanghai and final-account templates print it)',
  columns: [
    { name: 'row_kind', type: 'VARCHAR', zh: '行类型：total 合计、function 功能科目', en: 'total or function row' },
    { name: 'func_code', type: 'VARCHAR', zh: '功能分类科目编码（3/5/7 位）', en: 'functional classification code (3, 5 or 7 digits)' },
    { name: 'func_level', type: 'INTEGER', zh: '科目级次：1 类、2 款、3 项', en: 'level: 1 class (类), 2 section (款), 3 item (项)' },
    { name: 'func_name', type: 'VARCHAR', zh: '科目名称（或合计）', en: 'name of the function (or 合计)' },
    ...INCOME_AMOUNTS.map(([name, zh, en]) => ({ name, type: 'DOUBLE' as const, zh, en, unit: '万元' })),
  ],
};

const LEVEL: Record<number, number> = { 3: 1, 5: 2, 7: 3 };

/** Rows of a 功能分类 table with the amounts its header names; null when the header names no total, none when its rows are not by 功能分类. */
export function readFunctionRows(section: Section): OutRow[] | null {
  const layout = headerLayout(section.rows, FUNCTION_COLUMNS, ['total']);
  if (!layout) return null;
  const out: OutRow[] = [];
  for (const r of layout.body) {
    const { code: digits, name, total } = rowLabel(layout, r);
    if (!total && !digits) continue; // a repeated header, or a line of the table's notes
    const values = amountsOf(layout, r);
    out.push({
      source_line: r.n, source_line_end: null, row_kind: total ? 'total' : 'function',
      func_code: total ? null : digits, func_level: total ? null : LEVEL[digits.length] ?? null,
      func_name: total ? '合计' : name, ...values,
    });
  }
  // A table of one unlabelled row under a header that starts with 合计 (Jiangsu's 支出预算总表: 合计,
  // 基本支出, 项目支出, 单位预留机动经费 by use, no 功能分类 rows) prints its 合计 row only.
  const unlabelled = layout.body.filter((r) => !rowLabel(layout, r).name && !rowLabel(layout, r).code);
  if (out.length === 0 && layout.body.length === 1 && unlabelled.length === 1 && layout.fields.get(Math.min(...layout.fields.keys())) === 'total') {
    const r = unlabelled[0]!;
    return [{ source_line: r.n, source_line_end: null, row_kind: 'total', func_code: null, func_level: null, func_name: '合计', ...amountsOf(layout, r) }];
  }
  // Codes of 3, 5 and 7 digits are 功能分类 类/款/项; a table by unit (单位编码 001001 …) is another shape.
  const functions = out.filter((r) => r.row_kind === 'function');
  if (functions.filter((r) => r.func_level !== null).length < 0.9 * functions.length) return [];
  return out;
}

export const byFunction: TableModule = {
  standards: ['expenditure', 'general_public', 'income'],
  formats: ['pdf'],
  schemas: [incomeByFunctionSchema],
  parse(section): Record<string, OutRow[]> {
    const rows = readFunctionRows(section);
    if (!rows?.length) return {}; // not a table by 功能分类 after all
    if (section.standard === 'income') {
      const keep = new Set(incomeByFunctionSchema.columns.map((c) => c.name));
      return { income_by_function: rows.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => keep.has(k) || k.startsWith('source_')))) };
    }
    const all = expenditureByFunction.schemas[0]!.columns.map((c) => c.name);
    const tableKind = section.standard === 'expenditure' ? 'department' : 'general_public';
    return {
      expenditure_by_function: rows.map((r) => ({
        ...Object.fromEntries(all.map((c) => [c, r[c] ?? null])), source_line: r.source_line!, source_line_end: null,
        table_kind: tableKind, unit_code: null, column_order: null, ambiguous: false,
      })),
    };
  },
};
