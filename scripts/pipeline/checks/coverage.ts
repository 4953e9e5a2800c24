// Amounts no other check reads, so that a digit changed anywhere in a published amount fails some
// check (issue 12 §5): a unit's income total against its own parts, the 项目支出表's department rows
// against the projects printed under them, and the 项目绩效目标表's 资金总额 against the same project
// in the 项目支出表 (the only other place it is printed).
import type { OutRow } from '../types.ts';
import { round6 } from '../text.ts';
import { type Ctx, linesOf, nameKey, num, sumOf } from './core.ts';
import { printedProjects } from './performance.ts';

export function coverageChecks({ t, add }: Ctx): void {
  // 部门收入总体情况表: 合计 = 本年收入合计 + 上年结转结余, on every row that prints all three.
  for (const r of t.income_by_unit ?? []) {
    const [total, current, carry] = [num(r.total), num(r.current_total), num(r.carryover_total)];
    if (total === null || current === null || carry === null) continue;
    add({ id: `row_sum:income:${r.source_line}`, kind: 'row_sum', table: 'income_by_unit',
      description: `部门收入总体情况表第 ${r.source_line} 行（${r.unit_name ?? '合计'}）：合计 = 本年收入合计 + 上年结转结余`,
      expected: total, actual: round6(current + carry), terms: 2, lines: [r.source_line as number] });
  }

  // 项目支出表: a department row = the projects printed under it (up to the next department or the end).
  const proj = [...(t.projects ?? [])].sort((a, b) => (a.source_line as number) - (b.source_line as number));
  proj.forEach((d, i) => {
    if (d.row_kind !== 'department') return;
    const under: OutRow[] = [];
    for (const r of proj.slice(i + 1)) {
      if (r.row_kind !== 'project') break;
      under.push(r);
    }
    if (under.length === 0) return;
    add({ id: `column_sum:projects:department:${d.source_line}`, kind: 'column_sum', table: 'projects',
      description: `项目支出表第 ${d.source_line} 行（${d.unit_name ?? d.unit_code ?? '部门'}）的“合计”= 其下各项目之和`,
      expected: num(d.total), actual: sumOf(under, 'total'), terms: under.length, lines: [d.source_line as number, ...linesOf(under)] });
  });

  // 项目绩效目标表 资金总额 against the 项目支出表: the one project of that name (in that unit, where both print one).
  const projects = proj.filter((r) => r.row_kind === 'project');
  if (projects.length === 0) return;
  for (const p of printedProjects(t.project_indicators ?? [])) {
    if (p.amount === null) continue;
    const same = projects.filter((r) => nameKey(r.project_name) === nameKey(p.name)
      && (!p.unit || !r.unit_name || nameKey(r.unit_name) === nameKey(p.unit)));
    // A name printed for two projects cannot say which one this is.
    if (same.length !== 1) continue;
    const r = same[0]!;
    add({ id: `cross_table:project_indicators_vs_projects:${p.line}`, kind: 'cross_table', table: 'project_indicators',
      description: `项目绩效目标表第 ${p.line} 行“${p.name}”的资金总额 = 项目支出表第 ${r.source_line} 行同名项目的合计`,
      expected: num(r.total), actual: p.amount, terms: 2, lines: [p.line, r.source_line as number] });
  }
}
