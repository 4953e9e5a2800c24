// The performance tables against the rest of the disclosure: the narrative's 绩效目标 sentence
// (how many projects, how much money) against the 项目绩效目标表 and the 项目支出表, and the
// 预算情况 block of the 整体绩效目标表 (dept_budget_overview) against the summary and expenditure tables.
import type { OutRow } from '../types.ts';
import { round6 } from '../text.ts';
import { type Ctx, fmt, linesOf, nameKey, narrativeFacts, num, sumOf } from './core.ts';

/** A project as the 项目绩效目标表 prints it: its code row and its indicator rows. */
export interface PrintedProject {
  code: string | null;
  name: string;
  unit: string | null;
  amount: number | null;
  /** First and last line of its rows. */
  line: number;
  lineEnd: number;
}

/** project_indicators (one row per indicator) → the projects printed, in printed order. */
export function printedProjects(indicators: OutRow[]): PrintedProject[] {
  const byKey = new Map<string, PrintedProject>();
  for (const r of indicators) {
    const key = `${r.project_code ?? ''}|${nameKey(r.project_name)}|${r.unit_name ?? ''}|${r.project_amount ?? ''}`;
    const line = r.source_line as number;
    const end = (r.source_line_end as number | null) ?? line;
    const p = byKey.get(key);
    if (p) {
      p.line = Math.min(p.line, line);
      p.lineEnd = Math.max(p.lineEnd, end);
    } else {
      byKey.set(key, { code: (r.project_code as string | null) ?? null, name: String(r.project_name ?? ''), unit: (r.unit_name as string | null) ?? null,
        amount: num(r.project_amount), line, lineEnd: end });
    }
  }
  return [...byKey.values()].sort((a, b) => a.line - b.line);
}

/** The narrative says every project (the whole 项目支出) is under performance targets, not some of them. */
const ALL_PROJECTS = /全面|全部|所有|均|纳入预算绩效管理的(支出|资金)总额|项目支出\s*[\d,.]+\s*万元[，,]\s*涉及/;

export function performanceChecks(ctx: Ctx): void {
  const { t, add } = ctx;
  const { fact } = narrativeFacts(t);
  const indicators = t.project_indicators ?? [];
  const printedP = printedProjects(indicators);
  const proj = t.projects ?? [];
  const projRows = proj.filter((r) => r.row_kind === 'project');
  const projTotal = proj.find((r) => r.row_kind === 'total');
  const overview = t.dept_budget_overview ?? [];
  const ov = (re: RegExp) => overview.find((r) => re.test(String(r.item ?? '')));
  const ovTotal = ov(/^部门预算总额$/);
  const ovProject = ov(/^项目支出$/);

  // The narrative's 绩效目标 sentence against the tables that list the projects.
  const count = fact('performance_project_count');
  const funds = fact('performance_project_funds');
  const said = (f: OutRow) => `情况说明第 ${f.source_line} 行`;
  const fLines = (f: OutRow) => [f.source_line as number, ...(f.source_line_end ? [f.source_line_end as number] : [])];
  const pLines = printedP.flatMap((p) => [p.line]);
  if (printedP.length > 0) {
    if (count) {
      add({ id: 'narrative:performance_project_count:project_indicators', kind: 'narrative', table: 'project_indicators', unit: '个',
        description: `${said(count)}所说设定绩效目标的项目数（${count.value} 个）对照项目绩效目标表中列有绩效指标的项目数`,
        expected: printedP.length, actual: num(count.value), terms: 2, lines: [...fLines(count), printedP[0]!.line, printedP.at(-1)!.line] });
    }
    if (funds) {
      const sum = round6(printedP.reduce((a, p) => a + (p.amount ?? 0), 0));
      add({ id: 'narrative:performance_project_funds:project_indicators', kind: 'narrative', table: 'project_indicators',
        description: `${said(funds)}所说实施绩效目标管理的项目资金（${funds.value} 万元）对照项目绩效目标表中列有绩效指标的各项目资金总额之和（${printedP.length} 个项目）`,
        expected: sum, actual: num(funds.value), terms: printedP.length, lines: [...fLines(funds), ...pLines] });
    }
  }
  if (projRows.length > 0) {
    if (count && ALL_PROJECTS.test(String(count.text ?? ''))) {
      add({ id: 'narrative:performance_project_count:projects', kind: 'narrative', table: 'projects', unit: '个',
        description: `${said(count)}所说设定绩效目标的项目数（${count.value} 个，全部项目）对照项目支出表的项目数`,
        expected: projRows.length, actual: num(count.value), terms: 2, lines: [...fLines(count), projRows[0]!.source_line as number, projRows.at(-1)!.source_line as number] });
    }
    if (funds && ALL_PROJECTS.test(String(funds.text ?? ''))) {
      const ref = projTotal && num(projTotal.total) !== null ? projTotal : null;
      add({ id: 'narrative:performance_project_funds:projects', kind: 'narrative', table: 'projects',
        description: `${said(funds)}所说实施绩效目标管理的项目资金（${funds.value} 万元，全部项目）对照项目支出表${ref ? `第 ${ref.source_line} 行的合计` : '各项目合计之和'}`,
        expected: ref ? num(ref.total) : sumOf(projRows, 'total'), actual: num(funds.value), terms: ref ? 2 : projRows.length,
        lines: [...fLines(funds), ...(ref ? [ref.source_line as number] : linesOf(projRows))] });
    }
  }
  // … and against the 预算情况 block of the 整体绩效目标表.
  const total = fact('performance_total_funds');
  for (const [f, row, zh] of [[funds, ovProject, '项目支出'], [total, ovTotal, '部门预算总额']] as const) {
    if (!f || !row || num(row.amount) === null) continue;
    if (f === funds && !ALL_PROJECTS.test(String(f.text ?? ''))) continue;
    add({ id: `narrative:${f.fact_key}:dept_budget_overview`, kind: 'narrative', table: 'dept_budget_overview',
      description: `${said(f)}所说的${f === funds ? '实施绩效目标管理的项目资金' : '纳入预算绩效管理的支出总额'}（${f.value} 万元）对照整体绩效目标表预算情况第 ${row.source_line} 行的“${zh}”`,
      expected: num(row.amount), actual: num(f.value), terms: 2, lines: [...fLines(f), row.source_line as number] });
  }

  if (overview.length > 0) overviewChecks(ctx, overview);
}

/** The 预算情况 block: its own sums, and each figure against the table that prints it in full. */
function overviewChecks({ t, precision, add }: Ctx, overview: OutRow[]): void {
  const ov = (re: RegExp) => overview.find((r) => re.test(String(r.item ?? '')));
  const total = ov(/^部门预算总额$/);
  const sources = overview.filter((r) => r.category === '资金来源');
  const structure = overview.filter((r) => r.category === '资金结构');
  const L = (r: OutRow) => r.source_line as number;
  if (total) {
    for (const [rows, zh, key] of [[sources, '资金来源', 'sources'], [structure, '资金结构', 'structure']] as const) {
      if (rows.length === 0) continue;
      add({ id: `column_sum:dept_budget_overview:${key}`, kind: 'column_sum', table: 'dept_budget_overview',
        description: `整体绩效目标表预算情况：部门预算总额 = ${zh}各项之和（${rows.map((r) => r.item).join(' + ')}）`,
        expected: num(total.amount), actual: sumOf(rows, 'amount'), terms: rows.length, lines: [L(total), ...linesOf(rows)] });
    }
  }
  const sm = t.budget_summary ?? [];
  const inc = (re: RegExp) => sm.find((r) => r.side === 'income' && re.test(String(r.item ?? '')));
  const incGrand = inc(/^收入总计$|^总计$/);
  const exp = t.expenditure_by_function ?? [];
  const deptTotal = exp.find((r) => r.table_kind === 'department' && r.row_kind === 'total');
  const gpTotal = exp.find((r) => r.table_kind === 'general_public' && r.row_kind === 'total');
  const cross = (id: string, row: OutRow | undefined, zh: string, ref: OutRow | undefined, refValue: number | null, refZh: string, extra: number[] = []) => {
    if (!row || !ref || (num(row.amount) === null && refValue === null)) return;
    add({ id: `cross_table:${id}`, kind: 'cross_table', table: 'dept_budget_overview',
      description: `${refZh}（${fmt(refValue, precision)}）= 整体绩效目标表预算情况第 ${row.source_line} 行的“${zh}”`,
      expected: refValue, actual: num(row.amount), terms: 2, lines: [ref.source_line as number, L(row), ...extra] });
  };
  cross('summary_vs_overview:total', total, '部门预算总额', incGrand, num(incGrand?.amount), '部门收支总体情况表的收入总计');
  cross('department_vs_overview:basic_total', ov(/^基本支出$/), '基本支出', deptTotal, num(deptTotal?.basic_total), '部门支出总体情况表合计行的基本支出');
  cross('department_vs_overview:project_total', ov(/^项目支出$/), '项目支出', deptTotal, num(deptTotal?.project_total), '部门支出总体情况表合计行的项目支出');
  cross('summary_vs_overview:special_account', ov(/^财政专户管理资金$/), '财政专户管理资金', inc(/^财政专户管理资金(收入)?$/), num(inc(/^财政专户管理资金(收入)?$/)?.amount),
    '部门收支总体情况表的财政专户管理资金收入');
  // 政府预算资金 is what the budget appropriates (一般公共预算, 政府性基金, 国有资本经营), carry-over of
  // appropriations included (焦作 counts its 上年结转 there, 郑州 its own 479.8 under 单位资金): the
  // 一般公共预算支出表 prints that whole, the funds' own budgets add to it.
  const fund = inc(/^政府性基金预算(拨款)?(收入)?$/);
  const capital = inc(/^国有资本经营预算(拨款)?(收入)?$/);
  const extra = [fund, capital].filter((r) => r && (num(r.amount) ?? 0) !== 0) as OutRow[];
  if (gpTotal && num(gpTotal.total) !== null) {
    cross('general_public_vs_overview:government_funds', ov(/^政府预算资金$/), '政府预算资金', gpTotal,
      round6((num(gpTotal.total) ?? 0) + extra.reduce((a, r) => a + (num(r.amount) ?? 0), 0)),
      `一般公共预算支出情况表的合计${extra.length ? `＋${extra.map((r) => r.item).join('＋')}` : ''}`, extra.map(L));
  }
}
