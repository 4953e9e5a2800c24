// The reflowed-layout reader. Values pinned off luoyang-2024-budget.txt (line numbers in the
// comments), and reflow equivalence: the tab-layout budgets, reflowed by tests/reflow.ts, read
// by the reflowed reader, give the rows the tab reader gives (source lines aside).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rawLines, contextFor } from '../helpers.ts';
import { readReflowed, type ReflowedRead } from '../../scripts/pipeline/layouts/reflowed/index.ts';
import { detectLayout } from '../../scripts/pipeline/layouts/tab/sections.ts';
import { reflow } from '../reflow.ts';
import { readDocument } from '../../scripts/pipeline/read.ts';
import { ambiguityChecks } from '../../scripts/pipeline/layouts/reflowed/ambiguity.ts';
import { readFileSync } from 'node:fs';
import { ROOT } from '../helpers.ts';
import type { OutRow, TableModule } from '../../scripts/pipeline/types.ts';
import { projects } from '../../scripts/pipeline/tables/projects.ts';
import { summary } from '../../scripts/pipeline/tables/summary.ts';
import { threePublic } from '../../scripts/pipeline/tables/threePublic.ts';
import { incomeByUnit } from '../../scripts/pipeline/tables/incomeByUnit.ts';
import { expenditureByFunction } from '../../scripts/pipeline/tables/expenditureByFunction.ts';
import { basicByEconomic } from '../../scripts/pipeline/tables/basicByEconomic.ts';
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
  assert.deepEqual(luoyang.read.sort(), ['basic', 'dept_performance', 'economic', 'expenditure', 'fiscal', 'general_public', 'income', 'operating', 'project_performance', 'projects', 'summary', 'three_public']);
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

test('reflowed income_by_unit (洛阳): units, wrapped names, carry-over adding up to the summary', () => {
  const rs = rowsOf(luoyang, incomeByUnit, 'income', 'income_by_unit');
  const pick = (r: OutRow) => [r.row_kind, r.unit_code, r.total, r.current_total, r.general_budget, r.fiscal_appropriation, r.carryover_total, r.carryover_general_budget];
  // :590 合计 65978.74 65297.46 65297.46 53011.21 681.28 681.28 — no 合计-by-source block in this header (:476–:480)
  assert.deepEqual(pick(at(rs, 590)), ['total', null, 65978.74, 65297.46, 65297.46, 53011.21, 681.28, 681.28]);
  assert.equal(at(rs, 590).total_general_budget, null);
  // :592–:596 803 洛阳市人力资源/和社会保障局, the department row
  assert.deepEqual([...pick(at(rs, 592)), at(rs, 592).unit_name], ['department', '803', 65978.74, 65297.46, 65297.46, 53011.21, 681.28, 681.28, '洛阳市人力资源和社会保障局']);
  // :604–:614 803003, the name over four lines, 310.06 printed four times: no carry-over
  assert.deepEqual([...pick(at(rs, 604)), at(rs, 604).unit_name],
    ['unit', '803003', 310.06, 310.06, 310.06, 310.06, null, null, '洛阳市劳动能力鉴定中心（洛阳市社会保障卡管理中心）']);
  // :630 2407.40 2407.40 2407.40 2398.90 — 财政拨款 is part of 一般公共预算
  assert.deepEqual(pick(at(rs, 622)), ['unit', '803005', 2407.4, 2407.4, 2407.4, 2407.4, null, null].map((x, i) => (i === 5 ? 2398.9 : x)));
  // carry-over 567.44 (:602) + 29.03 (:620) + 84.81 (:636) = 上年结转结余 681.28 (:461)
  const units = rs.filter((r) => r.row_kind === 'unit');
  assert.equal(units.length, 7);
  assert.deepEqual(units.filter((r) => r.carryover_total !== null).map((r) => [r.source_line, r.carryover_general_budget]), [[598, 567.44], [616, 29.03], [632, 84.81]]);
  assert.equal(sum(units.map((r) => r.carryover_total as number)), 681.28);
  assert.equal(sum(units.map((r) => r.total as number)), 65978.74);
  assert.deepEqual(units.map((r) => r.unit_code), ['803001', '803003', '803004', '803005', '803017', '803019', '803024']);
  assert.equal(at(rs, 644).unit_name, '洛阳市人力资源和社会保障综合执法支队'); // :646–:650, three lines
  assert.ok(rs.every((r) => r.ambiguous === false));
});

const EXP_COLS = ['total', 'basic_total', 'basic_wages', 'basic_household', 'basic_goods_services', 'basic_capital', 'project_total', 'project_operating', 'project_specific'];
const exp = (r: OutRow) => EXP_COLS.map((c) => r[c]);

test('reflowed expenditure_by_function (洛阳 部门支出预算表 :655): rows of three equal amounts placed by the column totals', () => {
  const rs = rowsOf(luoyang, expenditureByFunction, 'expenditure', 'expenditure_by_function');
  // :695 合计 65978.74 8922.93 6834.19 1499.79 588.95 57055.81 1804.56 55251.25 — eight amounts for nine columns.
  // The blank one is 资本性支出: the 基本支出表 (:975) prints 人员经费 8333.98 = 6834.19 + 1499.79,
  // 公用经费 588.95, and no 310 (capital) code at all.
  assert.deepEqual(exp(at(rs, 695)), [65978.74, 8922.93, 6834.19, 1499.79, 588.95, null, 57055.81, 1804.56, 55251.25]);
  assert.deepEqual([at(rs, 697).row_kind, at(rs, 697).unit_code, at(rs, 697).func_name], ['unit', '803', '洛阳市人力资源和社会保障局']); // :697–:700
  // :703 205 03 02 中等职业教育 567.44 567.44 567.44 — a project (特定目标类): the 2023 结转 of 中等职业教育
  // 学生资助资金 (:2983–:3007, 137.55 …); as basic expenditure the basic column would not add up to 8922.93
  assert.deepEqual([at(rs, 703).func_code, ...exp(at(rs, 703))], ['2050302', 567.44, null, null, null, null, null, 567.44, null, 567.44]);
  // :721–:725 机关事业单位基本养老保险缴费支出 582.73 ×3 — 工资福利 (basic)
  assert.deepEqual([at(rs, 721).func_name, ...exp(at(rs, 721))], ['机关事业单位基本养老保险缴费支出', 582.73, 582.73, 582.73, null, null, null, null, null, null]);
  // :713–:717 code line, the name over two lines, 1180.20 273.98 252.02 21.96 906.22 147.22 759.00
  assert.deepEqual([at(rs, 713).func_code, at(rs, 713).func_name, ...exp(at(rs, 713))],
    ['2080199', '其他人力资源和社会保障管理事务支出', 1180.2, 273.98, 252.02, null, 21.96, null, 906.22, 147.22, 759]);
  assert.equal(at(rs, 713).source_line_end, null); // span kept by read.ts from the reader's spans
  assert.equal(luoyang.spans.get(713), 717);
  // :719 行政单位离退休 2049.71 1249.71 1224.03 25.68 800.00 800.00 — 对个人和家庭的补助 (retirement pay) and 商品和服务
  assert.deepEqual(exp(at(rs, 719)), [2049.71, 1249.71, null, 1224.03, 25.68, null, 800, null, 800]);
  // :744 ` 213 08 04` the first line of a new page (no blank page number between :743 and :744)
  assert.deepEqual([at(rs, 744).func_code, ...exp(at(rs, 744))], ['2130804', 1461.81, null, null, null, null, null, 1461.81, null, 1461.81]);
  // Every column of the 20 function rows adds up to the total row (and the unit row 803)
  const funcs = rs.filter((r) => r.row_kind === 'function');
  assert.equal(funcs.length, 20);
  for (const c of EXP_COLS) assert.equal(sum(funcs.map((r) => r[c] as number | null)), (at(rs, 695)[c] as number | null) ?? 0, c);
  assert.ok(rs.every((r) => r.ambiguous === false) && !luoyang.ambiguous.some((a) => a.table === 'expenditure_by_function'));
});

test('reflowed expenditure_by_function (洛阳 一般公共预算支出预算表 :840): the page number inside the table', () => {
  const rs = rowsOf(luoyang, expenditureByFunction, 'general_public', 'expenditure_by_function');
  assert.ok(rs.every((r) => r.table_kind === 'general_public'));
  // :927 事业运行 3006.60 2077.86 1918.38 0.80 158.68 928.74 928.74, then :931 the page number 20, then :933 213 08 04
  assert.deepEqual(exp(at(rs, 927)), [3006.6, 2077.86, 1918.38, 0.8, 158.68, null, 928.74, 928.74, null]);
  assert.deepEqual([at(rs, 933).func_name, at(rs, 933).total], ['创业担保贷款贴息及奖补', 1461.81]);
  assert.ok(!rs.some((r) => r.total === 20 || r.source_line === 931));
  assert.deepEqual(exp(at(rs, 879)), [65978.74, 8922.93, 6834.19, 1499.79, 588.95, null, 57055.81, 1804.56, 55251.25]);
  // :949 劳动关系和维权 422.53 389.53 346.84 42.69 33.00 33.00 — the 33.00 is 其他运转类
  assert.deepEqual(exp(at(rs, 949)), [422.53, 389.53, 346.84, null, 42.69, null, 33, 33, null]);
  const funcs = rs.filter((r) => r.row_kind === 'function');
  assert.equal(funcs.length, 20);
  for (const c of EXP_COLS) assert.equal(sum(funcs.map((r) => r[c] as number | null)), (at(rs, 879)[c] as number | null) ?? 0, c);
  assert.equal(sum(funcs.filter((r) => r.project_operating !== null).map((r) => r.project_operating as number)), 1804.56);
});

test('reflowed basic_by_economic (洛阳 :952): one code for two rows, wrapped names, 人员经费 vs 公用经费 by class', () => {
  const rs = rowsOf(luoyang, basicByEconomic, 'basic', 'basic_by_economic');
  const pick = (r: OutRow) => [r.dept_econ_code, r.dept_econ_name, r.gov_econ_code, r.gov_econ_name, r.total, r.personnel, r.public_use];
  assert.deepEqual([at(rs, 975).row_kind, at(rs, 975).total, at(rs, 975).personnel, at(rs, 975).public_use], ['total', 8922.93, 8333.98, 588.95]);
  // :983 30103 printed once, :984 奖金 … 770.04 770.04 and :986 奖金 … 359.52 359.52
  assert.deepEqual(pick(at(rs, 983)), ['30103', '奖金', '50101', '工资奖金津补贴', 770.04, 770.04, null]);
  assert.deepEqual(pick(at(rs, 986)), ['30103', '奖金', '50101', '工资奖金津补贴', 359.52, 359.52, null]);
  // :988–:994 30199, the government name 其他工资福利支/出 wrapped; :996–:1000 the second row of 30199
  assert.deepEqual(pick(at(rs, 988)), ['30199', '其他工资福利支出', '50199', '其他工资福利支出', 27.45, 27.45, null]);
  assert.deepEqual(pick(at(rs, 996)), ['30199', '其他工资福利支出', '50199', '其他工资福利支出', 146.95, 146.95, null]);
  // :1033–:1037 30108, 机关事业单位基本养老保/险缴费, then 50102 社会保障缴费 373.85 373.85
  assert.deepEqual(pick(at(rs, 1033)), ['30108', '机关事业单位基本养老保险缴费', '50102', '社会保障缴费', 373.85, 373.85, null]);
  // :1077 30229 福利费 17.78; :1078 ` 福利费` on a new page, the same code
  assert.deepEqual(pick(at(rs, 1078)), ['30229', '福利费', '50502', '商品和服务支出', 17.45, null, 17.45]);
  // :1122 30211 差旅费 50201 办公经费 5.00 5.00 — 302: 公用经费
  assert.deepEqual(pick(at(rs, 1122)), ['30211', '差旅费', '50201', '办公经费', 5, null, 5]);
  // :1110–:1114 30102 津贴补贴 50199 其他工资福利支/出 330.34 — 301: 人员经费
  assert.deepEqual(pick(at(rs, 1110)), ['30102', '津贴补贴', '50199', '其他工资福利支出', 330.34, 330.34, null]);
  const items = rs.filter((r) => r.row_kind === 'item');
  assert.equal(sum(items.map((r) => r.personnel as number | null)), 8333.98);
  assert.equal(sum(items.map((r) => r.public_use as number | null)), 588.95);
  assert.equal(sum(items.map((r) => r.total as number)), 8922.93);
  assert.ok(items.every((r) => /^30[123]\d\d$/.test(r.dept_econ_code as string)));
  // 303 (对个人和家庭的补助) rows add up to the 1499.79 of the expenditure tables (:695)
  assert.equal(sum(items.filter((r) => /^303/.test(r.dept_econ_code as string)).map((r) => r.total as number)), 1499.79);
});

test('reflowed (洛阳): a row whose columns stay undecided becomes an ambiguous check (our reading, not the document’s error) naming its line', () => {
  const r = readDocument(`${LY}.txt`, readFileSync(`${ROOT}data/raw/${LY}.txt`));
  const checks = ambiguityChecks(LY, r.ctx.repairs);
  // :1553 30.20 24.00 24.00 6.20 — 购置费 or 运行维护费: the only row of Luoyang left to a preference
  assert.deepEqual(checks.map((c) => [c.table_name, c.status, c.source_lines]), [['three_public', 'ambiguous', '1553']]);
  assert.match(checks[0]!.description as string, /第 1553 行/);
  // the rows of the amount tables read here are all decided (income, both expenditure tables, basic)
  for (const t of ['income_by_unit', 'expenditure_by_function']) assert.ok(r.tables[t]!.length > 0 && r.tables[t]!.every((x) => x.ambiguous === false), t);
  assert.deepEqual(r.unread, []); // the performance tables too, since layouts/reflowed/performance.ts
  assert.equal(r.unsupported, null);
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
// Reflow equivalence: each tab-layout budget, reflowed, read by the whole pipeline (readDocument:
// title, narrative, every table) gives the dataset its tab layout gives, source lines aside.

/** A row without its source lines and marks; text compared without spaces (a wrap at a space loses it). */
const key = (r: OutRow) => JSON.stringify(Object.entries(r).filter(([k]) => !/^source_line|^ambiguous$|^pairing$|^raw_cells$/.test(k))
  .map(([k, v]) => [k, typeof v === 'string' ? v.replace(/\s+/g, '') : v]));
const projectOf = (r: OutRow) => JSON.stringify(['project_code', 'project_name', 'unit_code', 'unit_name', 'project_amount']
  .map((k) => (typeof r[k] === 'string' ? (r[k] as string).replace(/\s+/g, '') : r[k])));
/** A project's indicator text in printed order, numbering (指标 1:) and spaces dropped. */
const textOf = (rs: OutRow[], code: string) => rs.filter((r) => r.project_code === code)
  .map((r) => `${r.indicator}${r.target_text}`).join('').replace(/指标\s*\d+\s*[:：]/g, '').replace(/\s+/g, '');

const readTab = (doc: string) => readDocument(`${doc}.txt`, readFileSync(`${ROOT}data/raw/${doc}.txt`));
const readReflow = (doc: string, seed: number) => readDocument(`${doc}.txt`, new TextEncoder().encode(`${reflow(rawLines(doc), { seed }).join('\n')}\n`));

for (const doc of ['zhengzhou-2024-budget', 'jiaozuo-2024-budget', 'zhumadian-2023-budget']) {
  for (const seed of [1, 7]) {
    test(`reflow equivalence: ${doc} (seed ${seed}) reads as the tab layout does`, () => {
      const tab = readTab(doc);
      const rf = readReflow(doc, seed);
      assert.equal(rf.doc.layout, 'reflowed');
      assert.equal(rf.doc.docId, tab.doc.docId); // place, department, year and kind from the reflowed cover title
      // The 一般公共预算基本支出明细表 (only 焦作 prints it, in the tab layout) has no reflowed reader: it is
      // reported unread, never guessed; every other table reads as the tab layout reads it.
      const noReflowedReader = tab.tables.basic_detail ? ['basic_detail'] : [];
      assert.deepEqual(rf.unread, noReflowedReader);
      assert.deepEqual(Object.keys(rf.tables).sort(), Object.keys(tab.tables).filter((t) => !noReflowedReader.includes(t)).sort());
      const ambiguous = (table: string) => new Set(rf.ctx.repairs.filter((n) => n.table === table && /^ambiguous:/.test(n.what)).map((n) => n.line));
      for (const [table, rows] of Object.entries(tab.tables)) {
        if (table === 'project_indicators' || noReflowedReader.includes(table)) continue;
        const got = rf.tables[table]!;
        assert.equal(got.length, rows.length, `${doc} ${table}: row count`);
        // A row the arithmetic could not decide may differ, but it must be marked.
        const marked = ambiguous(table);
        rows.forEach((r, i) => {
          if (key(r) !== key(got[i]!)) assert.ok(marked.has(got[i]!.source_line as number), `${doc} ${table} row ${i}: ${key(r)} ≠ ${key(got[i]!)}`);
        });
      }
      // 项目绩效目标表: the projects, their codes, units and amounts always; every printed cell; and
      // the pairs read with certainty are the tab layout's (which category an uncertain one is in
      // may differ: it is marked, with its printed cells).
      const want = tab.tables.project_indicators!;
      const got = rf.tables.project_indicators!;
      const projects = [...new Set(want.map(projectOf))];
      assert.deepEqual([...new Set(got.map(projectOf))], projects, `${doc}: projects`);
      for (const code of new Set(want.map((r) => r.project_code as string))) assert.equal(textOf(got, code), textOf(want, code), `${doc} ${code}: indicator text`);
      const tabRows = new Set(want.map(key));
      const certain = got.filter((r) => r.pairing === 'certain');
      const wrong = certain.filter((r) => !tabRows.has(key(r)));
      // Certainty is a reading that beats every other by a margin, not a proof: at most 1 in 100 may err.
      assert.ok(wrong.length <= certain.length / 100, `${doc}: certain but not the tab reading:\n${wrong.map(key).join('\n')}`);
      assert.ok(certain.length >= 0.5 * got.length, `${doc}: ${certain.length} of ${got.length} certain`);
      assert.ok(got.filter((r) => r.pairing === 'uncertain').every((r) => typeof r.raw_cells === 'string' && r.raw_cells !== ''));
    });
  }
}

test('reflow equivalence: the damage the tab reader repairs, read back in the reflowed layout', () => {
  const zz = readReflow('zhengzhou-2024-budget', 1).tables.project_indicators!;
  const of = (rs: OutRow[], code: string) => rs.filter((r) => r.project_code === code).map((r) => r.indicator);
  // zhengzhou-2024-budget.txt:701–:704 print 人均工资 … before the code of 410100240000000030842 (:706), after a page break
  assert.equal(of(zz, '410100240000000030842')[0], '人均工资');
  // :783 prints 执行资助补助标准达标率 100% on the row of unit 046017: it is the indicator of the project above (:782)
  assert.ok(of(zz, '41010024000000034914').includes('执行资助补助标准达标率'));
  // jiaozuo-2024-budget.txt:1199 302202 焦作市社会保 险中心 30079.9 0: the unit's projects keep their unit
  const jz = readReflow('jiaozuo-2024-budget', 1).tables.project_indicators!;
  assert.deepEqual([...new Set(jz.filter((r) => r.unit_code === '302202').map((r) => r.unit_name))], ['焦作市社会保险中心']);
});

test('reflow equivalence: 郑州 一般公共预算支出表 — a blank between printed zeros is undecidable, and marked', () => {
  // zhengzhou-2024-budget.txt:361 20899 … 17.6 17.6 17.6 0.0 [blank] 0.0 0.0 0.0 0.0: reflowed, only the eight
  // printed amounts remain, and which of the zero columns was blank cannot be told
  const read = readReflowed(reflow(rawLines('zhengzhou-2024-budget'), { seed: 1 }));
  const gp = read.sections.find((s) => s.standard === 'general_public')!;
  const row = gp.rows.find((r) => r.cells.slice(0, 3).join('') === '20899')!;
  assert.ok(read.ambiguous.some((a) => a.table === 'expenditure_by_function' && a.line === row.n));
  const got = expenditureByFunction.parse(gp, contextFor('zhengzhou-2024-budget')).expenditure_by_function!.find((r) => r.func_code === '20899')!;
  assert.deepEqual([got.total, got.basic_total, got.basic_wages], [17.6, 17.6, 17.6]);
});

test('reflow equivalence: 焦作 projects — only the 财政专户 rows stay undecided, and are marked', () => {
  const read = readReflowed(reflow(rawLines('jiaozuo-2024-budget'), { seed: 7 }));
  const amb = read.ambiguous.filter((a) => a.table === 'projects');
  // jiaozuo-2024-budget.txt:1041–:1043 print 5.00, 83.00, 12.00 under 财政专户管理资金 (100.00 in all, :989);
  // reflowed, any rows adding up to 100.00 would do
  assert.ok(amb.length >= 1);
  assert.ok(amb.every((a) => /special_account/.test(a.what)));
});
