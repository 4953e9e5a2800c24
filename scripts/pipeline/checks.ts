// Checks: where the disclosure agrees with itself, and where it does not. Never a correction.
// The families beyond the tables' own sums live in checks/: the performance tables and the 预算情况
// block (performance.ts), projects the narrative names with an amount (namedProjects.ts), the
// narrative's itemised changes (changes.ts), parts larger than their whole (partWhole.ts), rows
// printed twice (duplicates.ts) and the amounts no other check reads (coverage.ts).
import type { OutRow, TableSchema } from './types.ts';
import { round6 } from './text.ts';
import { type Ctx, check, decimalsOfValue, linesOf, narrativeFacts, num, sumOf } from './checks/core.ts';
import { performanceChecks } from './checks/performance.ts';
import { namedProjectChecks } from './checks/namedProjects.ts';
import { changeChecks } from './checks/changes.ts';
import { partWholeChecks } from './checks/partWhole.ts';
import { narrativeTotalChecks } from './checks/narrativeTotals.ts';
import { INCOME_SPEC, incomeByUnit } from './tables/incomeByUnit.ts';
import { TABLE_ZH } from './tableNames.ts';
import { duplicateChecks } from './checks/duplicates.ts';
import { coverageChecks } from './checks/coverage.ts';
import { printedTableChecks } from './checks/printedTables.ts';

export { check, lineList, type CheckInput } from './checks/core.ts';

export const checksSchema: TableSchema = {
  name: 'checks', zh: '数据核对：公开文件内部是否自洽', en: 'Consistency checks: where the disclosure agrees or disagrees with itself',
  columns: [
    { name: 'check_id', type: 'VARCHAR', zh: '核对编号（稳定）', en: 'stable id of the check' },
    { name: 'check_kind', type: 'VARCHAR',
      zh: '核对类型：row_sum 行内合计、column_sum 列合计、cross_table 跨表、narrative 文字说明与表格、narrative_sum 文字说明内部（所述合计与所列分项之和）、part_whole 部分不大于整体（实际为部分、应为整体，实际大于应为才算不一致）、duplicate 表内重复（应为不同项数、实际为印出项数）',
      en: 'row_sum, column_sum, cross_table, narrative (the narrative against a table), narrative_sum (a total the narrative states against the items it lists), part_whole (actual is a part of expected: only more than expected disagrees) or duplicate (expected distinct items, actual items printed)' },
    { name: 'table_name', type: 'VARCHAR', zh: '主要涉及的发布表', en: 'published table mainly concerned' },
    { name: 'description', type: 'VARCHAR', zh: '核对内容（中文）', en: 'what is compared, in Chinese' },
    { name: 'expected', type: 'DOUBLE', zh: '应为（合计数或对照数，单位见 unit）', en: 'expected value (the printed total, or the reference figure), in unit' },
    { name: 'actual', type: 'DOUBLE', zh: '实际（分项之和或被核对数，单位见 unit）', en: 'actual value (the sum of parts, or the figure checked), in unit' },
    { name: 'difference', type: 'DOUBLE', zh: '差额（实际 − 应为，单位见 unit）', en: 'actual minus expected, in unit' },
    { name: 'tolerance', type: 'DOUBLE', zh: '四舍五入允许的差额（项数 × 末位半个单位；计数为 0）', en: 'difference allowed by rounding of the printed figures (terms × half a unit of the last printed digit; 0 for counts)' },
    { name: 'unit', type: 'VARCHAR', zh: '应为、实际、差额、允许差额的单位：万元；个、项（计数，须完全一致）；%', en: 'unit of expected, actual, difference and tolerance: 万元; 个 or 项 for counts (compared exactly); %' },
    { name: 'status', type: 'VARCHAR', zh: '结果：ok 一致、rounding 四舍五入误差内、mismatch 不一致、ambiguous 本站读取不确定（列的归属无法确定，不是原文的错）',
      en: 'ok, rounding (within rounding), mismatch, or ambiguous (our reading could not settle which column a figure is in: not a disagreement in the document)' },
    { name: 'source_lines', type: 'VARCHAR', zh: '涉及的原文行号（逗号分隔，区间用 -）', en: 'source lines involved (comma-separated, ranges with -)' },
    { name: 'finding_id', type: 'VARCHAR', zh: '所属的核对发现（见 findings 表；一致的核对为空）', en: 'the finding this check is part of (see findings); NULL for ok checks' },
  ],
};

const AMOUNTS_EXP = ['total', 'basic_total', 'basic_personnel', 'basic_wages', 'basic_household', 'basic_public',
  'basic_goods_services', 'basic_capital', 'project_total', 'project_operating', 'project_specific'];
const EXP_SUMS: Array<[string, string[], string]> = [
  ['total', ['basic_total', 'project_total'], '合计 = 基本支出 + 项目支出'],
  ['basic_total', ['basic_wages', 'basic_household', 'basic_goods_services', 'basic_capital'], '基本支出 = 工资福利 + 对个人和家庭的补助 + 商品和服务 + 资本性支出'],
  ['project_total', ['project_operating', 'project_specific'], '项目支出 = 其他运转类 + 特定目标类'],
];
const EXP_LABEL: Record<string, string> = {
  total: '合计', basic_total: '基本支出', basic_personnel: '人员经费', basic_wages: '工资福利支出', basic_household: '对个人和家庭的补助',
  basic_public: '公用经费', basic_goods_services: '商品和服务支出', basic_capital: '资本性支出', project_total: '项目支出',
  project_operating: '其他运转类', project_specific: '特定目标类',
};
const KIND_ZH: Record<string, string> = { department: '部门支出总体情况表', general_public: '一般公共预算支出情况表' };

/**
 * Every check for one document. `precision` is the number of decimals its tables print; `lines`
 * its text, for the narrative's named projects (facts has no key for them).
 */
export function buildChecks(doc: string, t: Record<string, OutRow[]>, precision: number, lines: string[] = []): OutRow[] {
  const out: OutRow[] = [];
  const printedAs = printedTitles(t.table_presence ?? []);
  const add: Ctx['add'] = (c) => {
    if (c.expected === null && c.actual === null) return;
    out.push(check(doc, { decimals: precision, ...c, description: printedAs(c.description) }));
  };
  const exp = t.expenditure_by_function ?? [];

  // Row sums in the function tables, then 类 = Σ款 = Σ项 and total = Σ rows, for every amount column.
  for (const kind of ['department', 'general_public'] as const) {
    const rows = exp.filter((r) => r.table_kind === kind);
    if (rows.length === 0) continue;
    const printed = new Set(AMOUNTS_EXP.filter((c) => rows.some((r) => r[c] != null)));
    for (const r of rows) {
      const sums = r.basic_personnel != null || r.basic_public != null
        ? [EXP_SUMS[0]!, ['basic_total', ['basic_personnel', 'basic_public'], '基本支出 = 人员经费 + 公用经费'] as [string, string[], string],
          ['basic_personnel', ['basic_wages', 'basic_household'], '人员经费 = 工资福利 + 对个人和家庭的补助'] as [string, string[], string],
          ['basic_public', ['basic_goods_services', 'basic_capital'], '公用经费 = 商品和服务 + 资本性支出'] as [string, string[], string], EXP_SUMS[2]!]
        : EXP_SUMS;
      for (const [total, printedParts, zh0] of sums) {
        // A template that does not print the parts (Shanghai prints no 工资福利 column) has nothing to add up.
        if (!printedParts.some((p) => printed.has(p))) continue;
        // Jiangsu's 合计 also holds a 单位预留机动经费 beside 基本支出 and 项目支出.
        const reserve = total === 'total' && r.reserve != null;
        const parts = reserve ? [...printedParts, 'reserve'] : printedParts;
        const zh = reserve ? `${zh0} + 单位预留机动经费` : zh0;
        add({ id: `row_sum:${kind}:${r.source_line}:${total}`, kind: 'row_sum', table: 'expenditure_by_function',
          description: `${KIND_ZH[kind]}第 ${r.source_line} 行（${r.func_name}）：${zh}`,
          expected: num(r[total]), actual: round6(parts.reduce((a, p) => a + (num(r[p]) ?? 0), 0)), terms: parts.length, lines: [r.source_line as number] });
      }
    }
    const funcs = rows.filter((r) => r.row_kind === 'function');
    const totalRow = rows.find((r) => r.row_kind === 'total');
    const top = funcs.some((r) => r.func_level === 1) ? funcs.filter((r) => r.func_level === 1) : funcs.filter((r) => r.func_level === 3);
    // A table printing its 合计 only (no 功能分类 rows) has no rows to add up to it.
    for (const col of funcs.length ? AMOUNTS_EXP : []) {
      if (totalRow && (totalRow[col] != null || top.some((r) => r[col] != null))) {
        add({ id: `column_sum:${kind}:total:${col}`, kind: 'column_sum', table: 'expenditure_by_function',
          description: `${KIND_ZH[kind]}：合计行的“${EXP_LABEL[col]}”= 各科目之和`,
          expected: num(totalRow[col]), actual: sumOf(top, col), terms: top.length, lines: [totalRow.source_line as number, ...linesOf(top)] });
      }
      for (const parent of funcs.filter((r) => r.func_level === 1 || r.func_level === 2)) {
        const code = parent.func_code as string;
        const children = funcs.filter((r) => (r.func_code as string).startsWith(code) && (r.func_level as number) === (parent.func_level as number) + 1);
        if (children.length === 0 || (parent[col] == null && children.every((c) => c[col] == null))) continue;
        add({ id: `column_sum:${kind}:${code}:${col}`, kind: 'column_sum', table: 'expenditure_by_function',
          description: `${KIND_ZH[kind]}：${code} ${parent.func_name}的“${EXP_LABEL[col]}”= 下级科目之和`,
          expected: num(parent[col]), actual: sumOf(children, col), terms: children.length, lines: [parent.source_line as number, ...linesOf(children)] });
      }
    }
  }

  // 基本支出表: each row and the total.
  const basic = t.basic_by_economic ?? [];
  const basicItems = basic.filter((r) => r.row_kind === 'item');
  const basicTotal = basic.find((r) => r.row_kind === 'total');
  // Jiangsu prints one amount column (基本支出) and no 人员经费 / 公用经费 split to add up.
  const basicSplit = basic.some((r) => r.personnel != null || r.public_use != null);
  for (const r of basicSplit ? basic : []) {
    if (num(r.total) === null) continue; // a 合计 row printing only 人员经费合计 and 公用经费合计 (决算)
    add({ id: `row_sum:basic:${r.source_line}`, kind: 'row_sum', table: 'basic_by_economic',
      description: `一般公共预算基本支出表第 ${r.source_line} 行（${r.dept_econ_name ?? '合计'}）：合计 = 人员经费 + 公用经费`,
      expected: num(r.total), actual: round6((num(r.personnel) ?? 0) + (num(r.public_use) ?? 0)), terms: 2, lines: [r.source_line as number] });
  }
  // A 类 subtotal (printed where its 款 rows follow) = its 款 rows.
  for (const sub of basic.filter((r) => r.row_kind === 'subtotal')) {
    const code = sub.dept_econ_code as string;
    const parts = basicItems.filter((r) => String(r.dept_econ_code ?? '').startsWith(code));
    for (const [col, zh] of [['total', '合计'], ['personnel', '人员经费'], ['public_use', '公用经费']] as const) {
      if (sub[col] == null && parts.every((r) => r[col] == null)) continue;
      add({ id: `column_sum:basic:${code}:${col}`, kind: 'column_sum', table: 'basic_by_economic',
        description: `一般公共预算基本支出表：${code} ${sub.dept_econ_name}的“${zh}”= 其下各款之和`,
        expected: num(sub[col]), actual: sumOf(parts, col), terms: parts.length, lines: [sub.source_line as number, ...linesOf(parts)] });
    }
  }
  if (basicTotal) {
    for (const [col, zh] of [['total', '合计'], ['personnel', '人员经费'], ['public_use', '公用经费']] as const) {
      // A 合计 the table does not print (a 决算 prints 人员经费合计 and 公用经费合计 only) is not compared.
      if (num(basicTotal[col]) === null) continue;
      add({ id: `column_sum:basic:${col}`, kind: 'column_sum', table: 'basic_by_economic',
        description: `一般公共预算基本支出表：合计行的“${zh}”= 各经济分类科目之和`,
        expected: num(basicTotal[col]), actual: sumOf(basicItems, col), terms: basicItems.length, lines: [basicTotal.source_line as number, ...linesOf(basicItems)] });
    }
  }

  // 三公: parts; a 决算's 预算数 columns likewise.
  for (const r of t.three_public ?? []) {
    for (const [s, zh] of [['', ''], ['_budget', '（预算数）']] as const) {
      if (s && [`total${s}`, `vehicle_total${s}`].every((c) => r[c] == null)) continue;
      const v = (c: string) => num(r[`${c}${s}`]);
      add({ id: `row_sum:three_public:total${s}`, kind: 'row_sum', table: 'three_public', description: `“三公”经费表${zh}：合计 = 因公出国（境）费 + 公务用车购置及运行费 + 公务接待费`,
        expected: v('total'), actual: round6((v('overseas_travel') ?? 0) + (v('vehicle_total') ?? 0) + (v('reception') ?? 0)), terms: 3, lines: [r.source_line as number] });
      add({ id: `row_sum:three_public:vehicle${s}`, kind: 'row_sum', table: 'three_public', description: `“三公”经费表${zh}：公务用车购置及运行费 = 购置费 + 运行费`,
        expected: v('vehicle_total'), actual: round6((v('vehicle_purchase') ?? 0) + (v('vehicle_operation') ?? 0)), terms: 2, lines: [r.source_line as number] });
    }
  }

  // 项目支出表: each project's sources, the total row, and the department rows.
  const proj = t.projects ?? [];
  const projRows = proj.filter((r) => r.row_kind === 'project');
  const projTotal = proj.find((r) => r.row_kind === 'total');
  const PROJ_PARTS = ['current_general_budget', 'current_gov_fund', 'current_state_capital', 'carryover_general_budget', 'carryover_gov_fund', 'carryover_state_capital', 'special_account', 'unit_funds'];
  for (const r of projRows) {
    add({ id: `row_sum:projects:${r.source_line}`, kind: 'row_sum', table: 'projects',
      description: `项目支出表第 ${r.source_line} 行（${r.project_name}）：合计 = 各资金来源之和`,
      expected: num(r.total), actual: round6(PROJ_PARTS.reduce((a, p) => a + (num(r[p]) ?? 0), 0)), terms: PROJ_PARTS.length, lines: [r.source_line as number] });
  }
  if (projTotal) {
    for (const col of ['total', ...PROJ_PARTS]) {
      if (projTotal[col] == null && projRows.every((r) => r[col] == null)) continue;
      add({ id: `column_sum:projects:${col}`, kind: 'column_sum', table: 'projects',
        description: `项目支出表：合计行的“${col === 'total' ? '合计' : col}”= 各项目之和`,
        expected: num(projTotal[col]), actual: sumOf(projRows, col), terms: projRows.length, lines: [projTotal.source_line as number, ...linesOf(projRows)] });
    }
  }

  // 收支总体: income and expenditure lists add up; the two sides balance.
  const sm = t.budget_summary ?? [];
  const side = (s: string) => sm.filter((r) => r.side === s);
  const find = (s: string, re: RegExp) => side(s).find((r) => re.test(r.item as string));
  for (const [s, zh, totalRe, grandRe, carryRe] of [
    ['income', '收入', /^本年收入合计$|^收入合计$|^当年收入小计$/, /^收入总计$|^总计$/, /^(上年|年初)(财政拨款)?结转/],
    ['expenditure', '支出', /^本年支出合计$|^支出合计$|^当年支出小计$/, /^支出总计$|^总计$/, /^(年终|年末)(财政拨款)?结转/],
  ] as const) {
    const items = side(s).filter((r) => r.row_kind === 'item');
    const total = find(s, totalRe);
    const grand = find(s, grandRe);
    const carry = find(s, carryRe);
    if (total && num(total.amount) !== null) {
      add({ id: `column_sum:summary:${s}`, kind: 'column_sum', table: 'budget_summary', description: `部门收支总体情况表：本年${zh}合计 = 各${zh}项目之和`,
        expected: num(total.amount), actual: sumOf(items, 'amount'), terms: items.length, lines: [total.source_line as number, ...linesOf(items)] });
    }
    if (total && grand) {
      add({ id: `column_sum:summary:${s}:grand`, kind: 'column_sum', table: 'budget_summary', description: `部门收支总体情况表：${zh}总计 = 本年${zh}合计 + ${s === 'income' ? '上年结转结余' : '年终结转结余'}`,
        expected: num(grand.amount), actual: round6((num(total.amount) ?? 0) + (num(carry?.amount) ?? 0)), terms: 2,
        lines: [grand.source_line as number, total.source_line as number, ...(carry ? [carry.source_line as number] : [])] });
    }
  }
  const incGrand = find('income', /^收入总计$|^总计$/);
  const expGrand = find('expenditure', /^支出总计$|^总计$/);
  if (incGrand && expGrand) {
    add({ id: 'cross_table:summary:balance', kind: 'column_sum', table: 'budget_summary', description: '部门收支总体情况表：收入总计 = 支出总计',
      expected: num(incGrand.amount), actual: num(expGrand.amount), terms: 2, lines: [incGrand.source_line as number, expGrand.source_line as number] });
  }

  // Across tables.
  const dept = exp.filter((r) => r.table_kind === 'department');
  const gp = exp.filter((r) => r.table_kind === 'general_public');
  const deptTotal = dept.find((r) => r.row_kind === 'total');
  const gpTotal = gp.find((r) => r.row_kind === 'total');
  const expSum = find('expenditure', /^本年支出合计$|^支出合计$/);
  if (deptTotal && expSum) {
    add({ id: 'cross_table:summary_vs_department', kind: 'cross_table', table: 'expenditure_by_function',
      description: '部门收支总体情况表的本年支出合计 = 部门支出总体情况表的合计', expected: num(expSum.amount), actual: num(deptTotal.total), terms: 2,
      lines: [expSum.source_line as number, deptTotal.source_line as number] });
  }
  // Summary's expenditure by 类 vs the department table aggregated by 类 code.
  const deptFuncs = dept.filter((r) => r.row_kind === 'function');
  const deptLeaves = deptFuncs.some((r) => r.func_level === 1) ? deptFuncs.filter((r) => r.func_level === 1) : deptFuncs.filter((r) => r.func_level === 3);
  for (const item of side('expenditure').filter((r) => r.row_kind === 'item' && r.amount != null && deptLeaves.length > 0)) {
    const name = (item.item as string).replace(/支出$/, '');
    const code = CLASS_CODES[name];
    if (!code) continue;
    const rows = deptLeaves.filter((r) => (r.func_code as string).startsWith(code));
    add({ id: `cross_table:summary_vs_department:${code}`, kind: 'cross_table', table: 'expenditure_by_function',
      description: `部门收支总体情况表的“${item.item}”= 部门支出总体情况表中 ${code} 类之和`,
      expected: num(item.amount), actual: sumOf(rows, 'total'), terms: Math.max(1, rows.length), lines: [item.source_line as number, ...linesOf(rows)] });
  }
  const opSum = (rows: OutRow[], col: string) => sumOf(rows, col);
  const byType = (type: string) => projRows.filter((r) => r.project_type === type);
  if (deptTotal && projRows.length) {
    add({ id: 'cross_table:department_vs_projects:total', kind: 'cross_table', table: 'projects',
      description: '部门支出总体情况表的项目支出合计 = 项目支出表各项目合计之和', expected: num(deptTotal.project_total), actual: opSum(projRows, 'total'),
      terms: projRows.length, lines: [deptTotal.source_line as number, ...(projTotal ? [projTotal.source_line as number] : [])] });
    for (const [col, type] of [['project_operating', '其他运转类'], ['project_specific', '特定目标类']] as const) {
      add({ id: `cross_table:department_vs_projects:${col}`, kind: 'cross_table', table: 'projects',
        description: `部门支出总体情况表“${type}”列的合计 = 项目支出表中${type}项目合计之和`, expected: num(deptTotal[col]), actual: opSum(byType(type), 'total'),
        terms: byType(type).length, lines: [deptTotal.source_line as number, ...linesOf(byType(type))] });
    }
  }
  if (gpTotal && projRows.length) {
    for (const [col, type] of [['project_operating', '其他运转类'], ['project_specific', '特定目标类']] as const) {
      const rows = byType(type);
      add({ id: `cross_table:general_public_vs_projects:${col}`, kind: 'cross_table', table: 'projects',
        description: `一般公共预算支出情况表“${type}”列的合计 = 项目支出表中${type}项目的一般公共预算（本年拨款＋结转结余）之和`,
        expected: num(gpTotal[col]), actual: round6(opSum(rows, 'current_general_budget') + opSum(rows, 'carryover_general_budget')),
        terms: rows.length, lines: [gpTotal.source_line as number, ...linesOf(rows)] });
    }
  }
  const gpPrintsEconomic = gpTotal && ['basic_wages', 'basic_household', 'basic_goods_services', 'basic_capital'].some((c) => gpTotal[c] != null);
  if (gpTotal && basicTotal && num(gpTotal.basic_total) !== null && num(basicTotal.total) !== null) {
    add({ id: 'cross_table:general_public_vs_basic:total', kind: 'cross_table', table: 'basic_by_economic',
      description: '一般公共预算支出情况表的基本支出合计 = 一般公共预算基本支出表的合计', expected: num(gpTotal.basic_total), actual: num(basicTotal.total), terms: 2,
      lines: [gpTotal.source_line as number, basicTotal.source_line as number] });
  }
  if (gpTotal && basicTotal && gpPrintsEconomic) {
    add({ id: 'cross_table:general_public_vs_basic:personnel', kind: 'cross_table', table: 'basic_by_economic',
      description: '一般公共预算支出情况表的工资福利＋对个人和家庭的补助 = 基本支出表的人员经费',
      expected: round6((num(gpTotal.basic_wages) ?? 0) + (num(gpTotal.basic_household) ?? 0)), actual: num(basicTotal.personnel), terms: 2,
      lines: [gpTotal.source_line as number, basicTotal.source_line as number] });
    add({ id: 'cross_table:general_public_vs_basic:public_use', kind: 'cross_table', table: 'basic_by_economic',
      description: '一般公共预算支出情况表的商品和服务＋资本性支出 = 基本支出表的公用经费',
      expected: round6((num(gpTotal.basic_goods_services) ?? 0) + (num(gpTotal.basic_capital) ?? 0)), actual: num(basicTotal.public_use), terms: 2,
      lines: [gpTotal.source_line as number, basicTotal.source_line as number] });
  }
  const income = t.income_by_unit ?? [];
  const incTotal = income.find((r) => r.row_kind === 'total');
  if (incTotal) {
    const units = income.filter((r) => r.row_kind === 'unit');
    // Every column, not only the totals: an amount no sum within its row reads (其中：财政拨款) is still part of its column's.
    const columnZh = new Map(incomeByUnit.schemas[0]!.columns.map((c) => [c.name, c.zh]));
    const printedCols = INCOME_SPEC.columns.filter((c) => incTotal[c] != null || units.some((u) => u[c] != null));
    for (const col of ['total', 'current_total', 'general_budget', 'carryover_total', ...printedCols.filter((c) => !['total', 'current_total', 'general_budget', 'carryover_total'].includes(c))]) {
      add({ id: `column_sum:income:${col}`, kind: 'column_sum', table: 'income_by_unit', description: `部门收入总体情况表：合计行的“${columnZh.get(col) ?? col}”= 各单位之和`,
        expected: num(incTotal[col]), actual: sumOf(units, col), terms: units.length, lines: [incTotal.source_line as number, ...linesOf(units)] });
    }
    const incSum = find('income', /^本年收入合计$|^收入合计$/);
    const carry = find('income', /^上年结转/);
    if (incGrand) add({ id: 'cross_table:summary_vs_income:total', kind: 'cross_table', table: 'income_by_unit', description: '部门收支总体情况表的收入总计 = 部门收入总体情况表的总计',
      expected: num(incGrand.amount), actual: num(incTotal.total), terms: 2, lines: [incGrand.source_line as number, incTotal.source_line as number] });
    if (incSum) add({ id: 'cross_table:summary_vs_income:current', kind: 'cross_table', table: 'income_by_unit', description: '部门收支总体情况表的本年收入合计 = 部门收入总体情况表的本年收入合计',
      expected: num(incSum.amount), actual: num(incTotal.current_total), terms: 2, lines: [incSum.source_line as number, incTotal.source_line as number] });
    if (carry) add({ id: 'cross_table:summary_vs_income:carryover', kind: 'cross_table', table: 'income_by_unit', description: '部门收支总体情况表的上年结转结余 = 部门收入总体情况表的上年结转结余',
      expected: num(carry.amount), actual: num(incTotal.carryover_total), terms: 2, lines: [carry.source_line as number, incTotal.source_line as number] });
  }

  // The narrative against the tables.
  const { fact } = narrativeFacts(t);
  const narrative = (key: string, zh: string, table: string, row: OutRow | undefined, col: string) => {
    const f = fact(key);
    if (!f || !row || num(row[col]) === null) return;
    add({ id: `narrative:${key}`, kind: 'narrative', table, description: `情况说明第 ${f.source_line} 行的${zh}（${f.value} 万元）对照${TABLE_ZH[table]}第 ${row.source_line} 行`,
      expected: num(row[col]), actual: num(f.value), terms: 2, decimals: Math.min(precision, decimalsOfValue(num(f.value) ?? 0)),
      lines: [f.source_line as number, row.source_line as number] });
  };
  narrative('income_total', '收入总计', 'budget_summary', incGrand, 'amount');
  narrative('expenditure_total', '支出总计', 'budget_summary', expGrand, 'amount');
  narrative('basic_expenditure', '基本支出', 'expenditure_by_function', deptTotal, 'basic_total');
  narrative('project_expenditure', '项目支出', 'expenditure_by_function', deptTotal, 'project_total');
  narrative('general_public_expenditure', '一般公共预算支出', 'expenditure_by_function', gpTotal, 'total');
  narrative('general_public_basic', '一般公共预算基本支出', 'basic_by_economic', basicTotal, 'total');
  narrative('personnel_expenditure', '人员经费', 'basic_by_economic', basicTotal, 'personnel');
  narrative('public_expenditure', '公用经费', 'basic_by_economic', basicTotal, 'public_use');
  const tp = (t.three_public ?? [])[0];
  narrative('three_public_total', '“三公”经费', 'three_public', tp, 'total');
  narrative('three_public_overseas', '因公出国（境）费', 'three_public', tp, 'overseas_travel');
  narrative('three_public_vehicle', '公务用车购置及运行费', 'three_public', tp, 'vehicle_total');
  narrative('three_public_vehicle_purchase', '公务用车购置费', 'three_public', tp, 'vehicle_purchase');
  narrative('three_public_vehicle_operation', '公务用车运行维护费', 'three_public', tp, 'vehicle_operation');
  narrative('three_public_reception', '公务接待费', 'three_public', tp, 'reception');
  narrative('general_public_budget', '一般公共预算收入', 'budget_summary', find('income', /^一般公共预算$/), 'amount');
  narrative('carryover', '上年结转结余', 'budget_summary', find('income', /^上年结转/), 'amount');
  narrative('expenditure_sum', '支出合计', 'expenditure_by_function', deptTotal, 'total');
  // 一般公共预算收支预算 is what the 一般公共预算支出情况表 adds up to (income equals expenditure).
  narrative('fiscal_general_public', '一般公共预算收支预算', 'expenditure_by_function', gpTotal, 'total');

  const ctx: Ctx = { doc, t, precision, lines, add };
  performanceChecks(ctx);
  namedProjectChecks(ctx);
  changeChecks(ctx);
  partWholeChecks(ctx);
  narrativeTotalChecks(ctx);
  duplicateChecks(ctx);
  coverageChecks(ctx);
  printedTableChecks(ctx);
  return out;
}

/** The names check descriptions give the standard tables (河南's titles), by table_presence.standard_key. */
const DESCRIBED_AS: Array<[string, string]> = [
  ['summary', '部门收支总体情况表'], ['income', '部门收入总体情况表'], ['expenditure', '部门支出总体情况表'],
  ['general_public', '一般公共预算支出情况表'], ['basic', '一般公共预算基本支出表'], ['three_public', '“三公”经费表'], ['projects', '项目支出表'],
];

/**
 * Descriptions in the document's own words: a template that titles a standard table otherwise (上海's
 * 部门财务收支预算总表, 江苏's 收支预算总表) is named as printed, so a reader finds the table it means.
 */
function printedTitles(presence: OutRow[]): (description: string) => string {
  const swaps: Array<[string, string]> = [];
  for (const [key, name] of DESCRIBED_AS) {
    const p = presence.find((r) => r.standard_key === key && typeof r.title === 'string');
    const title = p ? String(p.title).replace(/^\d{4}\s*年度?/, '').trim() : '';
    // 河南 prints the standard titles themselves: its descriptions stay as they are.
    if (title && title !== p!.standard_zh && !title.includes(name)) swaps.push([name, title]);
  }
  return (d) => swaps.reduce((acc, [name, title]) => acc.replaceAll(name, title), d);
}


/** 功能分类 类 names as the summary table prints them → their codes. */
const CLASS_CODES: Record<string, string> = {
  一般公共服务: '201', 外交: '202', 国防: '203', 公共安全: '204', 教育: '205', 科学技术: '206', 文化旅游体育与传媒: '207',
  社会保障和就业: '208', 社会保险基金: '209', 卫生健康: '210', 节能环保: '211', 城乡社区事务: '212', 农林水事务: '213', 农林水: '213',
  交通运输: '214', 资源勘探信息等: '215', 商业服务业等: '216', 金融: '217', 援助其他地区: '219', 自然资源海洋气象等: '220',
  住房保障: '221', 粮油物资储备: '222', 灾害防治及应急管理: '224', 预备费: '227', 其他: '229', 转移性: '230',
  债务还本: '231', 债务付息: '232', 债务发行费用: '233',
};
