// A part printed larger than its whole, across tables: what the 一般公共预算 spends is a part of
// what the department spends from all funds (郑州 :334 prints 工资福利 29,926.7 for the former,
// :257 29,497.7 for the latter), and 其中：财政拨款 a part of the 一般公共预算 it sits under.
import type { OutRow } from '../types.ts';
import { round6 } from '../text.ts';
import { type Ctx, fmt, linesOf, num } from './core.ts';

const COLUMNS: Record<string, string> = {
  total: '合计', basic_total: '基本支出', basic_personnel: '人员经费', basic_wages: '工资福利支出', basic_household: '对个人和家庭的补助',
  basic_public: '公用经费', basic_goods_services: '商品和服务支出', basic_capital: '资本性支出', project_total: '项目支出',
  project_operating: '其他运转类', project_specific: '特定目标类',
};

export function partWholeChecks({ t, precision, add }: Ctx): void {
  const exp = t.expenditure_by_function ?? [];
  const dept = exp.filter((r) => r.table_kind === 'department');
  const gp = exp.filter((r) => r.table_kind === 'general_public');
  const deptTotal = dept.find((r) => r.row_kind === 'total');
  const gpTotal = gp.find((r) => r.row_kind === 'total');
  const printedIn = (rows: OutRow[], col: string) => rows.some((r) => r[col] != null);
  const cols = Object.keys(COLUMNS).filter((c) => printedIn(dept, c) && printedIn(gp, c));
  const L = (r: OutRow) => r.source_line as number;

  if (deptTotal && gpTotal) {
    for (const col of cols) {
      if (gpTotal[col] == null && deptTotal[col] == null) continue;
      add({ id: `part_whole:general_public_vs_department:total:${col}`, kind: 'part_whole', table: 'expenditure_by_function', atMost: true,
        description: `一般公共预算支出情况表合计行的“${COLUMNS[col]}”（${fmt(num(gpTotal[col]), precision)}）不大于部门支出总体情况表合计行的“${COLUMNS[col]}”（${fmt(num(deptTotal[col]), precision)}）`,
        expected: num(deptTotal[col]), actual: num(gpTotal[col]), terms: 2, lines: [L(deptTotal), L(gpTotal)] });
    }
  }
  // By 类: each table's top rows (类 where printed, else 项) added up under their 类 code.
  const byClass = (rows: OutRow[]) => {
    const funcs = rows.filter((r) => r.row_kind === 'function' && typeof r.func_code === 'string');
    const top = funcs.some((r) => r.func_level === 1) ? funcs.filter((r) => r.func_level === 1) : funcs.filter((r) => r.func_level === 3);
    const m = new Map<string, OutRow[]>();
    for (const r of top) {
      const code = (r.func_code as string).slice(0, 3);
      m.set(code, [...(m.get(code) ?? []), r]);
    }
    return m;
  };
  const dc = byClass(dept);
  const gc = byClass(gp);
  // A department table printing its 合计 only (江苏's 支出预算总表) has no 类 to be a whole of.
  for (const [code, gRows] of dc.size ? gc : new Map<string, OutRow[]>()) {
    const dRows = dc.get(code) ?? [];
    const name = gRows.find((r) => r.func_level === 1)?.func_name ?? dRows.find((r) => r.func_level === 1)?.func_name ?? '';
    for (const col of cols) {
      const part = gRows.every((r) => r[col] == null) ? null : round6(gRows.reduce((a, r) => a + (num(r[col]) ?? 0), 0));
      const whole = dRows.every((r) => r[col] == null) ? null : round6(dRows.reduce((a, r) => a + (num(r[col]) ?? 0), 0));
      if (part === null || (part === 0 && whole === null)) continue;
      add({ id: `part_whole:general_public_vs_department:${code}:${col}`, kind: 'part_whole', table: 'expenditure_by_function', atMost: true,
        description: `${code} ${name}类的“${COLUMNS[col]}”：一般公共预算支出情况表（${fmt(part, precision)}）不大于部门支出总体情况表（${fmt(whole, precision)}）`,
        expected: whole, actual: part, terms: gRows.length + dRows.length, lines: [...linesOf(gRows), ...linesOf(dRows)] });
    }
  }

  // 一般公共预算基本支出表 (一般公共预算 only) against the department's basic expenditure (all funds).
  const basicTotal = (t.basic_by_economic ?? []).find((r) => r.row_kind === 'total');
  if (basicTotal && deptTotal) {
    for (const [col, deptCol, zh] of [['total', 'basic_total', '基本支出'], ['personnel', 'basic_personnel', '人员经费'], ['public_use', 'basic_public', '公用经费']] as const) {
      if (basicTotal[col] == null || (deptTotal[deptCol] == null && !printedIn(dept, deptCol))) continue;
      add({ id: `part_whole:basic_vs_department:${col}`, kind: 'part_whole', table: 'basic_by_economic', atMost: true,
        description: `一般公共预算基本支出表合计行的“${col === 'total' ? '合计' : zh}”（${fmt(num(basicTotal[col]), precision)}）不大于部门支出总体情况表合计行的“${zh}”（${fmt(num(deptTotal[deptCol]), precision)}）`,
        expected: num(deptTotal[deptCol]), actual: num(basicTotal[col]), terms: 2, lines: [L(deptTotal), L(basicTotal)] });
    }
  }

  // 收支总体情况表: 其中：财政拨款 under 一般公共预算.
  const sm = (t.budget_summary ?? []).filter((r) => r.side === 'income');
  sm.forEach((r, i) => {
    if (r.row_kind !== 'of_which' || num(r.amount) === null) return;
    const parent = sm.slice(0, i).reverse().find((p) => p.row_kind === 'item');
    if (!parent) return;
    add({ id: `part_whole:summary:${L(r)}`, kind: 'part_whole', table: 'budget_summary', atMost: true,
      description: `部门收支总体情况表第 ${L(r)} 行的“${r.item_label ?? r.item}”（${fmt(num(r.amount), precision)}）不大于其所属的“${parent.item}”（${fmt(num(parent.amount), precision)}）`,
      expected: num(parent.amount), actual: num(r.amount), terms: 2, lines: [L(parent), L(r)] });
  });

  // 年度主要任务: 其中：财政资金 is part of the task's 合计 (the 2020 form prints no total to add them up to).
  for (const r of t.tasks ?? []) {
    if (num(r.amount_total) === null || num(r.amount_fiscal) === null) continue;
    add({ id: `part_whole:tasks:${L(r)}`, kind: 'part_whole', table: 'tasks', atMost: true,
      description: `整体绩效目标表第 ${L(r)} 行“${r.task_name}”的“其中：财政资金”（${fmt(num(r.amount_fiscal), precision)}）不大于其预算资金合计（${fmt(num(r.amount_total), precision)}）`,
      expected: num(r.amount_total), actual: num(r.amount_fiscal), terms: 2, lines: [L(r)] });
  }
}
