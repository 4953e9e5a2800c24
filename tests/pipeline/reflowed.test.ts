// The reflowed-layout reader. Values pinned off luoyang-2024-budget.txt (line numbers in the
// comments), and reflow equivalence: the tab-layout budgets, reflowed by tests/reflow.ts, read
// by the reflowed reader, give the rows the tab reader gives (source lines aside).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rawLines, sectionOf, contextFor } from '../helpers.ts';
import { readReflowed, type ReflowedRead } from '../../scripts/pipeline/reflowed.ts';
import { detectLayout } from '../../scripts/pipeline/sections.ts';
import { reflow } from '../reflow.ts';
import type { OutRow, TableModule } from '../../scripts/pipeline/types.ts';
import { projects } from '../../scripts/pipeline/tables/projects.ts';
import { summary } from '../../scripts/pipeline/tables/summary.ts';
import { threePublic } from '../../scripts/pipeline/tables/threePublic.ts';
import { sum } from '../../scripts/pipeline/text.ts';

const LY = 'luoyang-2024-budget';
const luoyang = readReflowed(rawLines(LY));

function rowsOf(read: ReflowedRead, mod: TableModule, standard: string, table: string): OutRow[] {
  const s = read.sections.filter((x) => x.standard === standard);
  assert.equal(s.length, 1, `one ${standard} section`);
  return mod.parse(s[0]!, contextFor(LY))[table]!;
}
const at = (rs: OutRow[], line: number) => {
  const r = rs.find((x) => x.source_line === line);
  assert.ok(r, `no row at line ${line}`);
  return r;
};

test('reflowed: the Luoyang tables are found where their titles are', () => {
  const where = Object.fromEntries(luoyang.sections.map((s) => [s.standard, s.titleLine]));
  assert.deepEqual(
    [where.summary, where.income, where.expenditure, where.fiscal, where.general_public, where.basic, where.three_public, where.projects, where.dept_performance, where.project_performance],
    [392, 466, 655, 763, 840, 952, 1544, 2906, 4754, 4970],
  );
  // :1564 and :1585 print the header and a note that the table holds nothing
  assert.ok(luoyang.sections.find((s) => s.standard === 'gov_fund')!.printedEmpty);
  assert.ok(luoyang.sections.find((s) => s.standard === 'state_capital')!.printedEmpty);
  assert.deepEqual(luoyang.read.sort(), ['projects', 'summary', 'three_public']);
});

test('reflowed projects (洛阳): all 86 projects, amounts adding up to the total row', () => {
  const rs = rowsOf(luoyang, projects, 'projects', 'projects');
  const ps = rs.filter((r) => r.row_kind === 'project');
  assert.equal(ps.length, 86); // the narrative counts 86 projects
  // :2971 57055.81 56374.53 681.28 — the total row, no label; :2973 803 洛阳市人力资源和社会保障局
  const total = at(rs, 2971);
  assert.deepEqual([total.row_kind, total.total, total.current_general_budget, total.carryover_general_budget], ['total', 57055.81, 56374.53, 681.28]);
  assert.deepEqual([at(rs, 2973).row_kind, at(rs, 2973).unit_code, at(rs, 2973).unit_name], ['department', '803', '洛阳市人力资源和社会保障局']);
  assert.equal(sum(ps.map((p) => p.total as number)), 57055.81);
  assert.equal(sum(ps.map((p) => p.current_general_budget as number)), 56374.53);
  // 上年结转结余 681.28 (:461) is the six projects named …结转
  const carried = ps.filter((p) => p.carryover_general_budget !== null);
  assert.equal(sum(carried.map((p) => p.carryover_general_budget as number)), 681.28);
  assert.equal(carried.length, 6);
  assert.ok(carried.every((p) => /结转/.test(p.project_name as string)));
  // :2983–:3007 特/定/目/标/类, name over four lines, unit over three, 137.55 137.55
  assert.deepEqual([at(rs, 2983).project_type, at(rs, 2983).project_name, at(rs, 2983).unit_name, at(rs, 2983).carryover_general_budget],
    ['特定目标类', '关于下达 2023 年中等职业教育学生资助资金-省级（2023 年结转）', '洛阳市人力资源和社会保障局', 137.55]);
  assert.equal(at(rs, 2983).current_general_budget, null);
  assert.deepEqual(ps.map((p) => p.unit_name).filter((u, i, a) => a.indexOf(u) === i), [
    '洛阳市人力资源和社会保障局', '洛阳市劳动能力鉴定中心（洛阳市社会保障卡管理中心）', '洛阳市人事考试中心',
    '洛阳市人力资源和公共就业服务中心', '洛阳市创业贷款担保中心', '洛阳市社会保险中心', '洛阳市人力资源和社会保障综合执法支队',
  ]);
});

test('reflowed projects (洛阳): labels split by page breaks, page numbers, wrapped names', () => {
  const rs = rowsOf(luoyang, projects, 'projects', 'projects');
  // :3183–:3187 其/他/运, then the row 法律顾问费 … 4.00 4.00 (:3197), then on the next page
  // ` 转`/类 (:3198, :3200) finish its label, and :3202 其/他/运/转/类 starts 河洛工匠评审费及相关费用
  assert.deepEqual([at(rs, 3183).project_type, at(rs, 3183).project_name, at(rs, 3183).total], ['其他运转类', '法律顾问费', 4]);
  assert.deepEqual([at(rs, 3202).project_type, at(rs, 3202).project_name, at(rs, 3202).total], ['其他运转类', '河洛工匠评审费及相关费用', 4.3]);
  // :4445–:4447 其/他, 社保委托业务费 … 12.00 12.00 (:4453), then ` 运`/转/类 (:4454–:4458)
  assert.deepEqual([at(rs, 4445).project_type, at(rs, 4445).project_name, at(rs, 4445).total], ['其他运转类', '社保委托业务费', 12]);
  assert.equal(at(rs, 4460).project_name, '社保工作经费');
  // :4669–:4683 其/他/运, 工作制服经费 … 3.00 3.00; :4687 the page number 46 inside the label; :4689 转, :4691 类
  assert.deepEqual([at(rs, 4669).project_type, at(rs, 4669).project_name, at(rs, 4669).total], ['其他运转类', '工作制服经费', 3]);
  assert.deepEqual([at(rs, 4693).project_type, at(rs, 4693).project_name, at(rs, 4693).total], ['其他运转类', '专项检查执法监察经费', 5.21]);
  assert.ok(!rs.some((r) => r.total === 46));
  assert.equal(luoyang.spans.get(4669), 4691);
  // :4202–:4208 其/他/运/转, the row, and ` 类` alone at :4221 after its amounts
  assert.deepEqual([at(rs, 4202).project_type, at(rs, 4202).project_name, at(rs, 4202).total], ['其他运转类', '劳动保障事务代理工作经费', 9.1]);
  // :3693–:3699 a name over four lines; :3892–:3900 a unit over five
  assert.equal(at(rs, 3683).project_name, '中国·河南招才引智创新发展大会“2024 招才引智专项行动”洛阳专场');
  assert.deepEqual([at(rs, 3880).project_name, at(rs, 3880).unit_name, at(rs, 3880).total], ['社保卡维护工作经费', '洛阳市劳动能力鉴定中心（洛阳市社会保障卡管理中心）', 20]);
  // :4011–:4015 name, unit and amounts without blank lines between
  assert.deepEqual([at(rs, 4001).project_name, at(rs, 4001).unit_name, at(rs, 4001).total], ['公务员录用考试费', '洛阳市人事考试中心', 150]);
});

test('reflowed budget_summary and three_public (洛阳)', () => {
  const bs = rowsOf(luoyang, summary, 'summary', 'budget_summary');
  // :399 一、一般公共预算 65297.46 一、一般公共服务
  assert.deepEqual(bs.filter((r) => r.source_line === 399).map((r) => [r.side, r.item, r.amount]),
    [['income', '一般公共预算', 65297.46], ['expenditure', '一般公共服务', null]]);
  // :407 四、财政专户管理资金收入 五、教育 618.29 — the amount is the expenditure side's
  assert.deepEqual(bs.filter((r) => r.source_line === 407).map((r) => [r.side, r.item, r.amount]),
    [['income', '财政专户管理资金收入', null], ['expenditure', '教育', 618.29]]);
  // :423 十三、农林水事务 1461.81 — expenditure only
  assert.deepEqual(bs.filter((r) => r.source_line === 423).map((r) => [r.side, r.amount]), [['expenditure', 1461.81]]);
  // :459 本 年 收 入 合 计 65297.46 本 年 支 出 合 计 65978.74; :461 上年结转结余 681.28 年终结转结余 0.00
  assert.deepEqual(bs.filter((r) => r.source_line === 459).map((r) => [r.item, r.row_kind, r.amount]),
    [['本年收入合计', 'total', 65297.46], ['本年支出合计', 'total', 65978.74]]);
  assert.deepEqual(bs.filter((r) => r.source_line === 461).map((r) => [r.item, r.amount]), [['上年结转结余', 681.28], ['年终结转结余', 0]]);
  assert.equal(bs.filter((r) => r.side === 'income').length, 13);
  assert.equal(bs.filter((r) => r.side === 'expenditure').length, 33);
  // :1553 30.20 24.00 24.00 6.20 — purchase or operation of cars cannot be told by the sums:
  // operation is chosen (the narrative, :233–:235, says purchase 0.00) and the row is marked
  const tp = rowsOf(luoyang, threePublic, 'three_public', 'three_public');
  assert.deepEqual(tp.map((r) => [r.total, r.overseas_travel, r.vehicle_total, r.vehicle_purchase, r.vehicle_operation, r.reception]),
    [[30.2, null, 24, null, 24, 6.2]]);
  assert.ok(luoyang.ambiguous.some((a) => a.table === 'three_public' && a.line === 1553));
});

test('reflow: deterministic, and looks like the Luoyang conversion', () => {
  const lines = rawLines('zhengzhou-2024-budget');
  const a = reflow(lines, { seed: 3 });
  assert.deepEqual(a, reflow(lines, { seed: 3 }));
  assert.equal(detectLayout(a), 'reflowed');
  assert.ok(a.some((l, i) => /^\d{1,3}$/.test(l) && a[i - 1] === '' && a[i - 2] === '' && a[i - 3] === ''), 'page numbers after three blank lines');
  assert.ok(a.some((l) => l === '特') && a.some((l) => l === '其'), 'vertical type labels');
  assert.ok(a.some((l) => /^ \S/.test(l)), 'first line of a page starts with a space');
});

// ---------------------------------------------------------------------------------------------
// Reflow equivalence

const MODULES: Array<[string, TableModule, string]> = [
  ['summary', summary, 'budget_summary'], ['three_public', threePublic, 'three_public'], ['projects', projects, 'projects'],
];
/** A row without its source lines; text compared without spaces (a wrap at a space loses it). */
const key = (r: OutRow) => JSON.stringify(Object.entries(r).filter(([k]) => !/^source_line/.test(k))
  .map(([k, v]) => [k, typeof v === 'string' ? v.replace(/\s+/g, '') : v]));

for (const doc of ['zhengzhou-2024-budget', 'jiaozuo-2024-budget', 'zhumadian-2023-budget']) {
  for (const seed of [1, 7]) {
    test(`reflow equivalence: ${doc} (seed ${seed}) reads as the tab layout does`, () => {
      const read = readReflowed(reflow(rawLines(doc), { seed }));
      for (const [standard, mod, table] of MODULES) {
        const tab = mod.parse(sectionOf(doc, standard), contextFor(doc))[table]!;
        const sections = read.sections.filter((s) => s.standard === standard);
        assert.equal(sections.length, 1, `${doc}: one ${standard} section`);
        const got = mod.parse(sections[0]!, contextFor(doc))[table]!;
        assert.equal(got.length, tab.length, `${doc} ${table}: row count`);
        const ambiguousLines = new Set(read.ambiguous.filter((a) => a.table === table).map((a) => a.line));
        tab.forEach((r, i) => {
          // A row the arithmetic could not decide may differ, but it must be marked.
          if (key(r) !== key(got[i]!)) assert.ok(ambiguousLines.has(got[i]!.source_line as number), `${doc} ${table} row ${i}: ${key(r)} ≠ ${key(got[i]!)}`);
        });
      }
    });
  }
}

test('reflow equivalence: 焦作 projects — only the 财政专户 rows stay undecided, and are marked', () => {
  const read = readReflowed(reflow(rawLines('jiaozuo-2024-budget'), { seed: 7 }));
  const amb = read.ambiguous.filter((a) => a.table === 'projects');
  // jiaozuo-2024-budget.txt:1041–:1043 print 5.00, 83.00, 12.00 under 财政专户管理资金 (100.00 in all, :989);
  // reflowed, any rows adding up to 100.00 would do
  assert.ok(amb.length >= 1);
  assert.ok(amb.every((a) => /special_account/.test(a.what)));
});
