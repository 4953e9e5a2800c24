// 部门支出总体情况表 (table_kind 'department') and 一般公共预算支出情况表 ('general_public')
// → expenditure_by_function: one row per printed line, by 功能分类 code (类/款/项).
import type { OutRow, Section, TableModule } from '../types.ts';
import { assignAmounts, type AmountSpec } from './amounts.ts';
import { hasAmount, headerText } from './rows.ts';
import { normCode, normText } from '../text.ts';

const PROJECT = ['project_total', 'project_operating', 'project_specific'];

/** Column layouts seen in the templates; chosen by how many amounts the 合计 row prints. */
function specs(operatingFirst: boolean): AmountSpec[] {
  const project = operatingFirst ? PROJECT : ['project_total', 'project_specific', 'project_operating'];
  const projectSum: [string, string[]] = ['project_total', ['project_operating', 'project_specific']];
  return [
    {
      columns: ['total', 'basic_total', 'basic_wages', 'basic_household', 'basic_goods_services', 'basic_capital', ...project],
      sums: [['total', ['basic_total', 'project_total']],
        ['basic_total', ['basic_wages', 'basic_household', 'basic_goods_services', 'basic_capital']], projectSum],
    },
    {
      // 焦作: 人员经费 and 公用经费 each with a printed subtotal.
      columns: ['total', 'basic_total', 'basic_personnel', 'basic_wages', 'basic_household', 'basic_public',
        'basic_goods_services', 'basic_capital', ...project],
      sums: [['total', ['basic_total', 'project_total']], ['basic_total', ['basic_personnel', 'basic_public']],
        ['basic_personnel', ['basic_wages', 'basic_household']], ['basic_public', ['basic_goods_services', 'basic_capital']], projectSum],
    },
  ];
}

const ALL_COLUMNS = ['total', 'basic_total', 'basic_personnel', 'basic_wages', 'basic_household', 'basic_public',
  'basic_goods_services', 'basic_capital', 'project_total', 'project_operating', 'project_specific'];

interface Shape { labelCells: number; split: boolean }

/** Split codes (类|款|项|单位代码|名称) or one code column (科目编码|科目名称)? Read from the 合计 row. */
function shapeOf(section: Section): Shape {
  for (const r of section.rows) {
    const at = r.cells.findIndex((c) => normText(c) === '合计');
    if (at === 4) return { labelCells: 5, split: true };
    if (at === 1 || at === 0) return { labelCells: 2, split: false };
  }
  return { labelCells: 5, split: true };
}

function parseWith(section: Section, tableKind: 'department' | 'general_public', repairs: { table: string; line: number; what: string }[]): OutRow[] {
  const header = headerText(section.rows);
  const operatingFirst = header.indexOf('其他运转') < header.indexOf('特定目标') || header.indexOf('特定目标') < 0;
  const shape = shapeOf(section);
  const dataRows = section.rows.filter((r) => hasAmount(r.cells.slice(shape.labelCells)) || normText(r.cells[shape.labelCells - 1] ?? '') === '合计');
  const totalRow = dataRows.find((r) => r.cells.some((c) => normText(c) === '合计'));
  const printedCount = totalRow ? totalRow.cells.length - shape.labelCells : 9;
  const candidates = specs(operatingFirst);
  const spec = candidates.find((s) => s.columns.length === printedCount) ?? candidates[0]!;
  const out: OutRow[] = [];
  for (const r of dataRows) {
    const c = r.cells;
    const label = c.slice(0, shape.labelCells).map((x) => normText(x));
    const name = label[shape.labelCells - 1]!;
    const code = shape.split ? normCode(label.slice(0, 3).join('')) : normCode(label[0]!);
    const unitCode = shape.split ? label[3]! : '';
    let rowKind: string;
    if (name === '合计') rowKind = 'total';
    else if (unitCode !== '' || code === '') rowKind = 'unit';
    else rowKind = 'function';
    const a = assignAmounts(c.slice(shape.labelCells, shape.labelCells + spec.columns.length + 1), spec);
    if (a.moved) repairs.push({ table: 'expenditure_by_function', line: r.n, what: `${tableKind}: amounts moved to the columns their sums require` });
    const values = Object.fromEntries(ALL_COLUMNS.map((k) => [k, a.values[k] ?? null]));
    out.push({
      source_line: r.n, source_line_end: null, table_kind: tableKind, row_kind: rowKind,
      unit_code: rowKind === 'unit' ? (unitCode || null) : null,
      func_code: rowKind === 'function' ? code : null,
      func_level: rowKind === 'function' ? ({ 3: 1, 5: 2, 7: 3 } as Record<number, number>)[code.length] ?? null : null,
      func_name: name, ...values,
      column_order: operatingFirst ? '其他运转类,特定目标类' : '特定目标类,其他运转类',
      ambiguous: a.ambiguous,
    });
  }
  return out;
}

export const expenditureByFunction: TableModule = {
  standards: ['expenditure', 'general_public'],
  schemas: [{
    name: 'expenditure_by_function', zh: '支出按功能分类科目（部门支出总体情况表、一般公共预算支出情况表）',
    en: 'Expenditure by functional classification (department-wide and general public budget tables)',
    columns: [
      { name: 'table_kind', type: 'VARCHAR', zh: '来源表：department 部门支出总体情况表，general_public 一般公共预算支出情况表', en: 'source table: department (all funds) or general_public (general public budget only)' },
      { name: 'row_kind', type: 'VARCHAR', zh: '行类型：total 合计、unit 单位、function 功能科目', en: 'total, unit or function row' },
      { name: 'unit_code', type: 'VARCHAR', zh: '单位代码（单位行）', en: 'unit code printed on a unit row' },
      { name: 'func_code', type: 'VARCHAR', zh: '功能分类科目编码（3/5/7 位）', en: 'functional classification code (3, 5 or 7 digits)' },
      { name: 'func_level', type: 'INTEGER', zh: '科目级次：1 类、2 款、3 项', en: 'level: 1 class (类), 2 section (款), 3 item (项)' },
      { name: 'func_name', type: 'VARCHAR', zh: '科目名称（或单位名称、合计）', en: 'name of the function (or unit, or 合计)' },
      { name: 'total', type: 'DOUBLE', zh: '合计', en: 'total', unit: '万元' },
      { name: 'basic_total', type: 'DOUBLE', zh: '基本支出小计', en: 'basic expenditure, subtotal', unit: '万元' },
      { name: 'basic_personnel', type: 'DOUBLE', zh: '基本支出·人员经费小计（仅在原表印出时）', en: 'basic: personnel subtotal (only where printed)', unit: '万元' },
      { name: 'basic_wages', type: 'DOUBLE', zh: '基本支出·工资福利支出', en: 'basic: wages and benefits', unit: '万元' },
      { name: 'basic_household', type: 'DOUBLE', zh: '基本支出·对个人和家庭的补助', en: 'basic: subsidies to individuals and households', unit: '万元' },
      { name: 'basic_public', type: 'DOUBLE', zh: '基本支出·公用经费小计（仅在原表印出时）', en: 'basic: public-use subtotal (only where printed)', unit: '万元' },
      { name: 'basic_goods_services', type: 'DOUBLE', zh: '基本支出·商品和服务支出', en: 'basic: goods and services', unit: '万元' },
      { name: 'basic_capital', type: 'DOUBLE', zh: '基本支出·资本性支出', en: 'basic: capital expenditure', unit: '万元' },
      { name: 'project_total', type: 'DOUBLE', zh: '项目支出小计', en: 'project expenditure, subtotal', unit: '万元' },
      { name: 'project_operating', type: 'DOUBLE', zh: '项目支出·其他运转类（按表头所印）', en: 'project: other operating (as the column header labels it)', unit: '万元' },
      { name: 'project_specific', type: 'DOUBLE', zh: '项目支出·特定目标类（按表头所印）', en: 'project: specific-purpose (as the column header labels it)', unit: '万元' },
      { name: 'reserve', type: 'DOUBLE', zh: '单位预留机动经费（江苏支出预算总表印出时；合计 = 基本支出 + 项目支出 + 此项）', en: 'reserve set aside by the unit (Jiangsu; total = basic + project + reserve)', unit: '万元' },
      { name: 'paid_to_superior', type: 'DOUBLE', zh: '上缴上级支出（决算表印出时）', en: 'paid to higher-level units (final accounts)', unit: '万元' },
      { name: 'operating_expenditure', type: 'DOUBLE', zh: '经营支出（决算表印出时）', en: 'business operating expenditure (final accounts)', unit: '万元' },
      { name: 'subsidy_to_subordinate', type: 'DOUBLE', zh: '对附属单位补助支出（决算表印出时）', en: 'subsidies to subordinate units (final accounts)', unit: '万元' },
      { name: 'column_order', type: 'VARCHAR', zh: '原表项目支出两列的表头顺序', en: 'order of the two project columns in the printed header' },
      { name: 'ambiguous', type: 'BOOLEAN', zh: '金额所属列无法由表内算术唯一确定', en: 'true when the table’s arithmetic could not decide which columns the amounts belong to' },
    ],
  }],
  parse(section, ctx) {
    const kind = section.standard === 'expenditure' ? 'department' : 'general_public';
    return { expenditure_by_function: parseWith(section, kind, ctx.repairs) };
  },
};
