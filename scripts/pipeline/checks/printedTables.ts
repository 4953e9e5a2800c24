// The printed tables published since issue 12 against their own totals and against the tables they
// repeat: the 财政拨款收支总体情况表 (fiscal_summary) against the 部门收支总体情况表 and the 一般公共预算
// 支出表; the 支出经济分类汇总表 (expenditure_by_economic) against the 部门支出表, the 财政拨款收支表 and,
// code by code, the 一般公共预算基本支出表 (basic spending is a part of all spending); the 基本支出明细表
// (basic_detail) against the 一般公共预算基本支出表 and the carry-over the 财政拨款收支表 has; the 机构
// 运转经费表 (operating_costs) against the narrative and, code by code, the 基本支出表.
import type { OutRow } from '../types.ts';
import { round6 } from '../text.ts';
import { type Ctx, fmt, linesOf, nameKey, num, sumOf } from './core.ts';
import { FISCAL_SOURCES } from '../tables/fiscalSummary.ts';
import { ECONOMIC_SOURCES } from '../tables/expenditureByEconomic.ts';

const L = (r: OutRow) => r.source_line as number;
/** Columns that some row of `rows` prints. */
const printedCols = (rows: OutRow[], cols: readonly string[]) => cols.filter((c) => rows.some((r) => r[c] != null));

const FISCAL_ZH: Record<string, string> = {
  amount: '合计', general_budget: '一般公共预算', fiscal_appropriation: '其中：财政拨款', superior_transfer: '其中：上级专项转移支付',
  gov_fund: '政府性基金', state_capital: '国有资本经营预算', special_account: '财政专户管理资金', unit_funds: '单位资金',
};
const ECONOMIC_ZH: Record<string, string> = {
  total: '总计', general_budget: '一般公共预算', fiscal_appropriation: '其中：财政拨款', gov_fund: '政府性基金', state_capital: '国有资本经营预算',
  carryover: '上年结转结余', special_account: '财政专户管理资金收入', business_income: '事业收入', superior_subsidy: '上级补助收入',
  subordinate_remittance: '附属单位上缴收入', business_operating_income: '事业单位经营收入', other_income: '其他收入',
};
const DETAIL_PARTS = ['current_general_budget', 'current_gov_fund', 'current_state_capital', 'carryover_general_budget',
  'carryover_gov_fund', 'carryover_state_capital', 'special_account', 'unit_funds'];
const DETAIL_ZH: Record<string, string> = {
  total: '合计', current_general_budget: '本年拨款·一般公共预算', current_gov_fund: '本年拨款·政府性基金预算', current_state_capital: '本年拨款·国有资本经营预算',
  carryover_general_budget: '结转结余·一般公共预算', carryover_gov_fund: '结转结余·政府性基金预算', carryover_state_capital: '结转结余·国有资本经营预算',
  special_account: '财政专户管理资金', unit_funds: '单位资金',
};

export function printedTableChecks(ctx: Ctx): void {
  fiscalChecks(ctx);
  economicChecks(ctx);
  detailChecks(ctx);
  operatingChecks(ctx);
}

// ---------------------------------------------------------------------------------------------
// 财政拨款收支总体情况表

/**
 * A side's rows with what each adds up: a level-1 row (一、本年收入) its level-2 rows; a 合计 the
 * level-1 rows; a 总计 the 合计 and the 结转 printed apart from the numbering (a 决算's 年初财政拨款
 * 结转和结余, whose 一、二、三 below it are its parts, not items of the year).
 */
function statementGroups(side: OutRow[]): Array<{ whole: OutRow; parts: OutRow[] }> {
  const groups: Array<{ whole: OutRow; parts: OutRow[] }> = [];
  const top: OutRow[] = [];
  let openCarry: OutRow | null = null;
  const carryParts: OutRow[] = [];
  side.forEach((r, i) => {
    if (r.row_kind === 'of_which') return;
    if (r.row_kind === 'carryover' && r.level == null) { openCarry = r; return; }
    if (r.row_kind === 'total' || r.row_kind === 'grand_total') { openCarry = null; return; }
    if (openCarry && r.level === 1) { carryParts.push(r); return; }
    if (r.level !== 1) return;
    top.push(r);
    const parts: OutRow[] = [];
    for (const s of side.slice(i + 1)) {
      if (s.row_kind === 'of_which') continue;
      if (s.level !== 2) break;
      parts.push(s);
    }
    if (parts.length) groups.push({ whole: r, parts });
  });
  const carry = side.find((r) => r.row_kind === 'carryover' && r.level == null);
  if (carry && carryParts.length) groups.push({ whole: carry, parts: carryParts });
  const totals = side.filter((r) => r.row_kind === 'total');
  for (const t of totals) groups.push({ whole: t, parts: top });
  for (const g of side.filter((r) => r.row_kind === 'grand_total')) {
    groups.push({ whole: g, parts: totals.length ? [...totals, ...(carry ? [carry] : [])] : top });
  }
  return groups;
}

function fiscalChecks({ t, precision, add }: Ctx): void {
  const fs = t.fiscal_summary ?? [];
  if (fs.length === 0) return;
  const income = fs.filter((r) => r.side === 'income');
  const spending = fs.filter((r) => r.side !== 'income');
  const cols = ['amount', ...printedCols(spending, FISCAL_SOURCES)];
  for (const [side, rows, zh] of [['income', income, '收入'], ['expenditure', spending, '支出']] as const) {
    for (const { whole, parts } of statementGroups(rows)) {
      for (const col of side === 'income' ? ['amount'] : cols) {
        if (whole[col] == null && parts.every((p) => p[col] == null)) continue;
        add({ id: `column_sum:fiscal:${side}:${L(whole)}:${col}`, kind: 'column_sum', table: 'fiscal_summary',
          description: `财政拨款收支总体情况表${zh}方第 ${L(whole)} 行“${whole.item_label}”的“${FISCAL_ZH[col]}”= 其下各项之和（${parts.map((p) => p.item).join('、')}）`,
          expected: num(whole[col]), actual: sumOf(parts, col), terms: parts.length, lines: [L(whole), ...linesOf(parts)] });
      }
    }
  }
  // The two sides balance: the last total printed on each.
  const last = (rows: OutRow[]) => rows.findLast((r) => r.row_kind === 'grand_total') ?? rows.findLast((r) => r.row_kind === 'total');
  const [inc, exp] = [last(income), last(spending)];
  if (inc && exp) {
    add({ id: 'column_sum:fiscal:balance', kind: 'column_sum', table: 'fiscal_summary', description: `财政拨款收支总体情况表：收入方“${inc.item_label}”= 支出方“${exp.item_label}”`,
      expected: num(inc.amount), actual: num(exp.amount), terms: 2, lines: [L(inc), L(exp)] });
  }
  // Each expenditure row: 合计 = the sources (其中 excepted), and 其中：财政拨款 no more than its 一般公共预算.
  const sources = printedCols(spending, ['general_budget', 'gov_fund', 'state_capital', 'special_account', 'unit_funds']);
  for (const r of sources.length ? spending : []) {
    if (r.amount == null && sources.every((c) => r[c] == null)) continue;
    add({ id: `row_sum:fiscal:${L(r)}`, kind: 'row_sum', table: 'fiscal_summary',
      description: `财政拨款收支总体情况表第 ${L(r)} 行（${r.item}）：合计 = ${sources.map((c) => FISCAL_ZH[c]).join(' + ')}`,
      expected: num(r.amount), actual: round6(sources.reduce((a, c) => a + (num(r[c]) ?? 0), 0)), terms: sources.length, lines: [L(r)] });
    for (const part of ['fiscal_appropriation', 'superior_transfer']) {
      if (r[part] == null) continue;
      add({ id: `part_whole:fiscal:${L(r)}:${part}`, kind: 'part_whole', table: 'fiscal_summary', atMost: true,
        description: `财政拨款收支总体情况表第 ${L(r)} 行（${r.item}）的“${FISCAL_ZH[part]}”（${fmt(num(r[part]), precision)}）不大于其“一般公共预算”（${fmt(num(r.general_budget), precision)}）`,
        expected: num(r.general_budget), actual: num(r[part]), terms: 2, lines: [L(r)] });
    }
  }

  // Against the 部门收支总体情况表: the 一般公共预算 and its 其中：财政拨款 the department receives.
  const sm = (t.budget_summary ?? []).filter((r) => r.side === 'income');
  const yearIncome = income.filter((r) => !(r.row_kind === 'carryover' || income.slice(0, income.indexOf(r)).some((p) => p.row_kind === 'carryover')));
  for (const [key, re, zh] of [['general_budget', /^一般公共预算/, '一般公共预算'], ['fiscal_appropriation', /^财政拨款$/, '其中：财政拨款']] as const) {
    const mine = yearIncome.find((r) => re.test(String(r.item)) && (key === 'general_budget' || r.row_kind === 'of_which'));
    const theirs = sm.find((r) => re.test(String(r.item)) && (key === 'general_budget' ? r.row_kind !== 'total' : r.row_kind === 'of_which'));
    if (!mine || !theirs || (mine.amount == null && theirs.amount == null)) continue;
    add({ id: `cross_table:fiscal_vs_summary:${key}`, kind: 'cross_table', table: 'fiscal_summary',
      description: `财政拨款收支总体情况表第 ${L(mine)} 行的“${mine.item_label}”= 部门收支总体情况表第 ${L(theirs)} 行的“${theirs.item_label}”（${zh}收入）`,
      expected: num(theirs.amount), actual: num(mine.amount), terms: 2, lines: [L(mine), L(theirs)] });
  }

  // Against the 一般公共预算支出表: the year's 一般公共预算 spending, in all and by 类.
  const gp = (t.expenditure_by_function ?? []).filter((r) => r.table_kind === 'general_public');
  const gpTotal = gp.find((r) => r.row_kind === 'total');
  if (!gpTotal || !printedCols(spending, ['general_budget']).length) return;
  // The 一般公共预算支出表 counts what is spent this year, carry-over spent included: the statement's
  // 本年支出合计 where it prints one apart from its 总计 (a 决算, whose 年末结转 is not spent), else
  // the side's total (the Henan budgets print the carry-over spent as 年终结转结余).
  const year = spending.find((r) => r.row_kind === 'total' && /^本年支出合计$/.test(String(r.item))) ?? last(spending);
  if (!year) return;
  add({ id: 'cross_table:fiscal_vs_general_public:total', kind: 'cross_table', table: 'fiscal_summary',
    description: `财政拨款收支总体情况表第 ${L(year)} 行“${year.item_label}”的一般公共预算 = 一般公共预算支出表的合计`,
    expected: num(gpTotal.total), actual: num(year.general_budget), terms: 2, lines: [L(year), L(gpTotal)] });
  // By 类, where the statement's 类 rows add up to that same whole: not where the carry-over spent is
  // a line of its own beside them (焦作, 洛阳: 二、年终结转结余 with an amount, outside 一、本年支出).
  const classOf = (name: unknown) => CLASS_CODES[nameKey(name).replace(/支出$/, '')];
  const rows = spending.filter((r) => r.row_kind === 'item' && classOf(r.item));
  const carrySpent = year.row_kind !== 'total' || !/^本年支出合计$/.test(String(year.item))
    ? spending.some((r) => r.row_kind === 'carryover' && (num(r.amount) ?? 0) !== 0) : false;
  if (rows.length === 0 || carrySpent) return;
  const funcs = gp.filter((r) => r.row_kind === 'function' && typeof r.func_code === 'string');
  const top = funcs.some((r) => r.func_level === 1) ? funcs.filter((r) => r.func_level === 1) : funcs.filter((r) => r.func_level === 3);
  // One 类 may be printed under two names (郑州 prints （九）医疗卫生与计划生育支出 and （十）卫生健康支出, both 210).
  for (const code of [...new Set(rows.map((r) => classOf(r.item)!))]) {
    const mine = rows.filter((r) => classOf(r.item) === code);
    const match = top.filter((c) => (c.func_code as string).startsWith(code));
    if (mine.every((r) => r.general_budget == null) && match.every((c) => c.total == null)) continue;
    const named = mine.filter((r) => r.general_budget != null).map((r) => r.item).join('、') || mine.map((r) => r.item).join('、');
    add({ id: `cross_table:fiscal_vs_general_public:${code}`, kind: 'cross_table', table: 'fiscal_summary',
      description: `财政拨款收支总体情况表“${named}”的一般公共预算 = 一般公共预算支出表中 ${code} 类的合计${match.length ? '' : '（该表未印此类）'}`,
      expected: sumOf(match, 'total'), actual: sumOf(mine, 'general_budget'), terms: mine.length + match.length, lines: [...linesOf(mine), ...linesOf(match)] });
  }
}

/** 功能分类 类 as the statements name them (the templates differ: 农林水事务 / 农林水, 城乡社区事务 / 城乡社区 …) → code. */
const CLASS_CODES: Record<string, string> = {
  一般公共服务: '201', 外交: '202', 国防: '203', 公共安全: '204', 教育: '205', 科学技术: '206', 文化旅游体育与传媒: '207', 文化体育旅游与传媒: '207',
  社会保障和就业: '208', 社会保险基金: '209', 卫生健康: '210', 医疗卫生与计划生育: '210', 节能环保: '211', 城乡社区事务: '212', 城乡社区: '212',
  农林水事务: '213', 农林水: '213', 交通运输: '214', 资源勘探信息等: '215', 资源勘探工业信息等: '215', 商业服务业等: '216', 金融: '217',
  援助其他地区: '219', 自然资源海洋气象等: '220', 住房保障: '221', 粮油物资储备: '222', 灾害防治及应急管理: '224', 预备费: '227', 其他: '229',
  转移性: '230', 债务还本: '231', 债务付息: '232', 债务发行费用: '233',
};

// ---------------------------------------------------------------------------------------------
// 支出经济分类汇总表

function economicChecks({ t, precision, add }: Ctx): void {
  const ec = t.expenditure_by_economic ?? [];
  if (ec.length === 0) return;
  const items = ec.filter((r) => r.row_kind === 'item');
  const cols = printedCols(ec, ['total', ...ECONOMIC_SOURCES]);
  const parts = cols.filter((c) => c !== 'total' && c !== 'fiscal_appropriation');
  for (const r of ec) {
    add({ id: `row_sum:economic:${L(r)}`, kind: 'row_sum', table: 'expenditure_by_economic',
      description: `支出经济分类汇总表第 ${L(r)} 行（${r.dept_econ_name ?? r.gov_econ_name ?? r.unit_name ?? '合计'}）：总计 = ${parts.map((c) => ECONOMIC_ZH[c]).join(' + ')}`,
      expected: num(r.total), actual: round6(parts.reduce((a, c) => a + (num(r[c]) ?? 0), 0)), terms: parts.length, lines: [L(r)] });
    if (r.fiscal_appropriation != null) {
      add({ id: `part_whole:economic:${L(r)}`, kind: 'part_whole', table: 'expenditure_by_economic', atMost: true,
        description: `支出经济分类汇总表第 ${L(r)} 行的“其中：财政拨款”（${fmt(num(r.fiscal_appropriation), precision)}）不大于其“一般公共预算”（${fmt(num(r.general_budget), precision)}）`,
        expected: num(r.general_budget), actual: num(r.fiscal_appropriation), terms: 2, lines: [L(r)] });
    }
  }
  for (const whole of ec.filter((r) => r.row_kind === 'total' || r.row_kind === 'department')) {
    for (const col of cols) {
      add({ id: `column_sum:economic:${whole.row_kind}:${col}`, kind: 'column_sum', table: 'expenditure_by_economic',
        description: `支出经济分类汇总表：${whole.row_kind === 'total' ? '合计行' : `部门行（${whole.unit_name}）`}的“${ECONOMIC_ZH[col]}”= 各科目之和`,
        expected: num(whole[col]), actual: sumOf(items, col), terms: items.length, lines: [L(whole), ...linesOf(items)] });
    }
  }
  const total = ec.find((r) => r.row_kind === 'total');
  if (!total) return;
  // All the department spends: the 部门支出表's 合计, the 财政拨款收支表's 一般公共预算 and 上年结转.
  const dept = (t.expenditure_by_function ?? []).find((r) => r.table_kind === 'department' && r.row_kind === 'total');
  const grand = (t.budget_summary ?? []).find((r) => r.side === 'expenditure' && r.row_kind === 'grand_total');
  for (const [id, row, col, zh] of [['department', dept, 'total', '部门支出总体情况表的合计'], ['summary', grand, 'amount', '部门收支总体情况表的支出总计']] as const) {
    if (!row || num(row[col]) === null) continue;
    add({ id: `cross_table:economic_vs_${id}`, kind: 'cross_table', table: 'expenditure_by_economic',
      description: `支出经济分类汇总表合计行的总计 = ${zh}`, expected: num(row[col]), actual: num(total.total), terms: 2, lines: [L(total), L(row)] });
  }
  const fs = t.fiscal_summary ?? [];
  const fsYear = fs.find((r) => r.side === 'expenditure' && /^本年支出(合计)?$/.test(String(r.item)));
  const fsCarry = fs.find((r) => r.side === 'income' && r.row_kind === 'carryover');
  if (fsYear && total.general_budget != null) {
    add({ id: 'cross_table:economic_vs_fiscal:general_budget', kind: 'cross_table', table: 'expenditure_by_economic',
      description: `支出经济分类汇总表合计行的一般公共预算 = 财政拨款收支总体情况表第 ${L(fsYear)} 行“${fsYear.item_label}”的一般公共预算`,
      expected: num(fsYear.general_budget), actual: num(total.general_budget), terms: 2, lines: [L(total), L(fsYear)] });
  }
  if (fsCarry && (total.carryover != null || fsCarry.amount != null)) {
    add({ id: 'cross_table:economic_vs_fiscal:carryover', kind: 'cross_table', table: 'expenditure_by_economic',
      description: `支出经济分类汇总表合计行的上年结转结余 = 财政拨款收支总体情况表第 ${L(fsCarry)} 行“${fsCarry.item_label}”`,
      expected: num(fsCarry.amount), actual: num(total.carryover), terms: 2, lines: [L(total), L(fsCarry)] });
  }
  // Code by code: the 一般公共预算 basic spending is a part of the 一般公共预算 spending on the code.
  const basic = (t.basic_by_economic ?? []).filter((r) => r.row_kind === 'item' && r.dept_econ_code);
  const byCode = new Map<string, OutRow[]>();
  for (const r of items) if (r.dept_econ_code) byCode.set(r.dept_econ_code as string, [...(byCode.get(r.dept_econ_code as string) ?? []), r]);
  const basicByCode = new Map<string, OutRow[]>();
  for (const r of basic) basicByCode.set(r.dept_econ_code as string, [...(basicByCode.get(r.dept_econ_code as string) ?? []), r]);
  for (const [code, rows] of basicByCode) {
    const whole = byCode.get(code) ?? [];
    const part = sumOf(rows, 'total');
    const of = sumOf(whole, 'general_budget');
    add({ id: `part_whole:basic_vs_economic:${code}`, kind: 'part_whole', table: 'expenditure_by_economic', atMost: true,
      description: `${code} ${rows[0]!.dept_econ_name}：一般公共预算基本支出表（${fmt(part, precision)}）不大于支出经济分类汇总表的一般公共预算（${fmt(of, precision)}${whole.length ? '' : '，该表未印此科目'}）`,
      expected: of, actual: part, terms: rows.length + whole.length, lines: [...linesOf(rows), ...linesOf(whole)] });
  }
}

// ---------------------------------------------------------------------------------------------
// 一般公共预算基本支出明细表

function detailChecks({ t, precision, add }: Ctx): void {
  const bd = t.basic_detail ?? [];
  if (bd.length === 0) return;
  const items = bd.filter((r) => r.row_kind === 'item');
  for (const r of bd) {
    add({ id: `row_sum:basic_detail:${L(r)}`, kind: 'row_sum', table: 'basic_detail',
      description: `一般公共预算基本支出明细表第 ${L(r)} 行（${r.item_name ?? r.unit_name ?? '合计'}）：合计 = 各资金来源之和`,
      expected: num(r.total), actual: round6(DETAIL_PARTS.reduce((a, c) => a + (num(r[c]) ?? 0), 0)), terms: DETAIL_PARTS.length, lines: [L(r)] });
  }
  const cols = printedCols(bd, ['total', ...DETAIL_PARTS]);
  for (const whole of bd.filter((r) => r.row_kind === 'total' || r.row_kind === 'department')) {
    for (const col of cols) {
      add({ id: `column_sum:basic_detail:${whole.row_kind}:${col}`, kind: 'column_sum', table: 'basic_detail',
        description: `一般公共预算基本支出明细表：${whole.row_kind === 'total' ? '合计行' : `部门行（${whole.unit_name}）`}的“${DETAIL_ZH[col]}”= 各明细之和`,
        expected: num(whole[col]), actual: sumOf(items, col), terms: items.length, lines: [L(whole), ...linesOf(items)] });
    }
  }
  const total = bd.find((r) => r.row_kind === 'total');
  const basicTotal = (t.basic_by_economic ?? []).find((r) => r.row_kind === 'total');
  if (total && basicTotal && num(basicTotal.total) !== null) {
    add({ id: 'cross_table:basic_detail_vs_basic', kind: 'cross_table', table: 'basic_detail',
      description: '一般公共预算基本支出明细表合计行的本年拨款·一般公共预算 = 一般公共预算基本支出表的合计',
      expected: num(basicTotal.total), actual: num(total.current_general_budget), terms: 2, lines: [L(total), L(basicTotal)] });
  }
  // The carry-over it spends is part of the carry-over the 财政拨款收支表 says there is, fund by fund.
  const income = (t.fiscal_summary ?? []).filter((r) => r.side === 'income');
  const at = income.findIndex((r) => r.row_kind === 'carryover');
  if (!total || at < 0) return;
  const carryRows = income.slice(at + 1).filter((r) => r.level === 2 || (income[at]!.level == null && r.level === 1));
  for (const [col, re, zh] of [['carryover_general_budget', /一般公共预算/, '一般公共预算'], ['carryover_gov_fund', /政府性基金/, '政府性基金预算'], ['carryover_state_capital', /国有资本/, '国有资本经营预算']] as const) {
    const fund = carryRows.find((r) => re.test(String(r.item)));
    if (total[col] == null || !fund) continue;
    add({ id: `part_whole:basic_detail_vs_fiscal:${col}`, kind: 'part_whole', table: 'basic_detail', atMost: true,
      description: `一般公共预算基本支出明细表合计行的“结转结余·${zh}”（${fmt(num(total[col]), precision)}）不大于财政拨款收支总体情况表第 ${L(fund)} 行上年结转的“${fund.item}”（${fmt(num(fund.amount), precision)}）`,
      expected: num(fund.amount) ?? 0, actual: num(total[col]), terms: 2, lines: [L(total), L(fund)] });
  }
}

// ---------------------------------------------------------------------------------------------
// 机构运转经费预算表

function operatingChecks({ t, precision, add }: Ctx): void {
  const oc = t.operating_costs ?? [];
  if (oc.length === 0) return;
  const items = oc.filter((r) => r.row_kind === 'item');
  const units = oc.filter((r) => r.row_kind === 'unit');
  const cols = printedCols(oc, ['total', 'general_budget']);
  const zh = (c: string) => (c === 'total' ? '合计' : '一般公共预算资金');
  const sumCheck = (id: string, whole: OutRow, parts: OutRow[], what: string) => {
    for (const col of cols) {
      add({ id: `column_sum:operating:${id}:${col}`, kind: 'column_sum', table: 'operating_costs',
        description: `机构运转经费预算表：${what}的“${zh(col)}”= ${parts === units ? '各单位' : '各科目'}之和`,
        expected: num(whole[col]), actual: sumOf(parts, col), terms: parts.length, lines: [L(whole), ...linesOf(parts)] });
    }
  };
  const total = oc.find((r) => r.row_kind === 'total');
  if (total) sumCheck('total', total, items, '合计行');
  const dept = oc.find((r) => r.row_kind === 'department');
  if (dept) sumCheck('department', dept, units.length ? units : items, `部门行（${dept.unit_name}）`);
  for (const u of units) sumCheck(`unit:${u.unit_code}`, u, items.filter((r) => r.unit_code === u.unit_code), `单位行（${u.unit_name}）`);
  for (const s of oc.filter((r) => r.row_kind === 'subtotal')) {
    sumCheck(`subtotal:${s.dept_econ_code}`, s, items.filter((r) => String(r.dept_econ_code).startsWith(String(s.dept_econ_code))), `${s.dept_econ_code} ${s.dept_econ_name}`);
  }
  // The narrative's 机关运行经费.
  const fact = (t.facts ?? []).find((f) => f.fact_key === 'operating_cost');
  if (fact && total) {
    add({ id: 'narrative:operating_costs', kind: 'narrative', table: 'operating_costs',
      description: `情况说明第 ${fact.source_line} 行的机关运行经费（${fact.value} 万元）对照机构运转经费预算表第 ${L(total)} 行的合计`,
      expected: num(total.total), actual: num(fact.value), terms: 2, lines: [L(fact), L(total)] });
  }
  // Code by code: running costs are part of all the spending on the code (支出经济分类汇总表, where printed;
  // not of the 基本支出表 alone: 机关运行经费 may be paid from 项目支出 too).
  const all = (t.expenditure_by_economic ?? []).filter((r) => r.row_kind === 'item' && r.dept_econ_code);
  if (all.length === 0) return;
  for (const code of [...new Set(items.map((r) => r.dept_econ_code as string))]) {
    const rows = items.filter((r) => r.dept_econ_code === code);
    const whole = all.filter((r) => r.dept_econ_code === code);
    add({ id: `part_whole:operating_vs_economic:${code}`, kind: 'part_whole', table: 'operating_costs', atMost: true,
      description: `${code} ${rows[0]!.dept_econ_name}：机构运转经费（${fmt(sumOf(rows, 'total'), precision)}）不大于支出经济分类汇总表的该科目（${fmt(sumOf(whole, 'total'), precision)}${whole.length ? '' : '，该表未印此科目'}）`,
      expected: sumOf(whole, 'total'), actual: sumOf(rows, 'total'), terms: rows.length + whole.length, lines: [...linesOf(rows), ...linesOf(whole)] });
  }
}
