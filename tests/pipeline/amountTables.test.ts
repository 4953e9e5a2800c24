// Amount tables of the tab-layout budgets. Every expected value is read off the disclosure text;
// the comment gives the file and line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contextFor, sectionOf } from '../helpers.ts';
import type { OutRow, TableModule } from '../../scripts/pipeline/types.ts';
import { summary } from '../../scripts/pipeline/tables/summary.ts';
import { expenditureByFunction } from '../../scripts/pipeline/tables/expenditureByFunction.ts';
import { basicByEconomic } from '../../scripts/pipeline/tables/basicByEconomic.ts';
import { threePublic } from '../../scripts/pipeline/tables/threePublic.ts';
import { projects } from '../../scripts/pipeline/tables/projects.ts';
import { incomeByUnit } from '../../scripts/pipeline/tables/incomeByUnit.ts';

const ZZ = 'zhengzhou-2024-budget';
const JZ = 'jiaozuo-2024-budget';
const ZMD = 'zhumadian-2023-budget';

function rows(mod: TableModule, doc: string, standard: string, table: string): OutRow[] {
  return mod.parse(sectionOf(doc, standard), contextFor(doc))[table]!;
}
const at = (rs: OutRow[], line: number) => {
  const r = rs.find((x) => x.source_line === line);
  assert.ok(r, `no row at line ${line}`);
  return r;
};

test('budget_summary: both sides, numbering stripped, totals kept (郑州)', () => {
  const rs = rows(summary, ZZ, 'summary', 'budget_summary');
  // zhengzhou-2024-budget.txt:214 一、一般公共预算 81,916.0 | 一、一般公共服务 9,667.0
  assert.deepEqual(
    rs.filter((r) => r.source_line === 214).map((r) => [r.side, r.item, r.item_label, r.amount]),
    [['income', '一般公共预算', '一、一般公共预算', 81916], ['expenditure', '一般公共服务', '一、一般公共服务', 9667]],
  );
  // :215 其中：财政拨款 79,485.0 is an of-which line, :216 二、政府性基金预算拨款收入 is blank → NULL
  assert.equal(at(rs.filter((r) => r.side === 'income'), 215).row_kind, 'of_which');
  assert.equal(at(rs.filter((r) => r.side === 'income'), 216).amount, null);
  // :244 本年收入合计 84,189.3 | 本年支出合计 84,669.1; :246 收入总计 84,669.1
  const income244 = rs.find((r) => r.source_line === 244 && r.side === 'income')!;
  assert.deepEqual([income244.item, income244.amount, income244.row_kind], ['本年收入合计', 84189.3, 'total']);
  assert.equal(rs.find((r) => r.source_line === 246 && r.side === 'income')!.amount, 84669.1);
  assert.equal(rs.filter((r) => r.side === 'income')[0]!.seq, 1);
});

test('expenditure_by_function (department, split 类|款|项 codes): total, unit and function rows (郑州)', () => {
  const rs = rows(expenditureByFunction, ZZ, 'expenditure', 'expenditure_by_function');
  // zhengzhou-2024-budget.txt:257 ||||合计|84,669.1|60,698.7|29,497.7|2,576.9|27,720.3|903.7|23,970.5|6,242.8|17,727.7
  const total = at(rs, 257);
  assert.equal(total.row_kind, 'total');
  assert.deepEqual([total.total, total.basic_total, total.basic_wages, total.basic_household, total.basic_goods_services, total.basic_capital, total.project_total, total.project_operating, total.project_specific],
    [84669.1, 60698.7, 29497.7, 2576.9, 27720.3, 903.7, 23970.5, 6242.8, 17727.7]);
  // :258 |||046|郑州市人力资源和社会保障局 — a unit row keeps its code with the leading zero
  assert.deepEqual([at(rs, 258).row_kind, at(rs, 258).unit_code], ['unit', '046']);
  // :259 205|03|03||技校教育|37,352.8
  assert.deepEqual([at(rs, 259).func_code, at(rs, 259).func_level, at(rs, 259).func_name, at(rs, 259).total], ['2050303', 3, '技校教育', 37352.8]);
  assert.ok(rs.every((r) => r.table_kind === 'department'));
});

test('expenditure_by_function (general_public, one code column): 类/款/项 levels and blanks (郑州)', () => {
  const rs = rows(expenditureByFunction, ZZ, 'general_public', 'expenditure_by_function');
  // zhengzhou-2024-budget.txt:343 208|社会保障和就业支出|28,850.6 (类); :344 20801 (款); :345 2080101 行政运行 4,153.4 (项)
  assert.deepEqual([at(rs, 343).func_level, at(rs, 344).func_level, at(rs, 345).func_level], [1, 2, 3]);
  assert.equal(at(rs, 345).total, 4153.4);
  // :361 20899|其他社会保障和就业支出|17.6|17.6|17.6|0.0||0.0|… — blank goods cell is NULL, printed 0.0 is 0
  assert.equal(at(rs, 361).basic_goods_services, null);
  assert.equal(at(rs, 361).basic_household, 0);
  // :334 the 合计 row prints 17,727.7 under 其他运转类 and 6,242.8 under 特定目标类 — recorded as printed
  assert.deepEqual([at(rs, 334).project_operating, at(rs, 334).project_specific], [17727.7, 6242.8]);
});

test('expenditure_by_function: 焦作 prints 人员经费/公用经费 subtotals (11 amount columns)', () => {
  const rs = rows(expenditureByFunction, JZ, 'expenditure', 'expenditure_by_function');
  // jiaozuo-2024-budget.txt:264 合计|53,056.22|11,292.80|10,436.88|9,087.67|1,349.21|855.92|855.52|0.40|41,763.42|917.24|40,846.18
  const t = at(rs, 264);
  assert.deepEqual([t.total, t.basic_total, t.basic_personnel, t.basic_wages, t.basic_household, t.basic_public, t.basic_goods_services, t.basic_capital, t.project_total, t.project_operating, t.project_specific],
    [53056.22, 11292.8, 10436.88, 9087.67, 1349.21, 855.92, 855.52, 0.4, 41763.42, 917.24, 40846.18]);
  // :269 name wrapped with a space: 其他人力资源和社会保障管理 事务支出
  assert.equal(at(rs, 269).func_name, '其他人力资源和社会保障管理事务支出');
  // :283–285 repeat the header on the next page; :286 劳动保障监察 follows
  assert.equal(at(rs, 286).func_code, '2080105');
});

test('expenditure_by_function repair: 焦作 rows printed one cell short go back to their columns', () => {
  const ctx = contextFor(JZ);
  const rs = expenditureByFunction.parse(sectionOf(JZ, 'general_public'), ctx).expenditure_by_function!;
  // jiaozuo-2024-budget.txt:377 208|01|04||综合业务管理|234.95|54.91|51.55||3.36|180.04|180.04||
  // 54.91 = 51.55 + 3.36, so 180.04 is the project total (the department table, :288, agrees), not 资本性支出.
  const r377 = at(rs, 377);
  assert.deepEqual([r377.basic_total, r377.basic_wages, r377.basic_goods_services, r377.basic_capital, r377.project_total, r377.project_operating, r377.project_specific],
    [54.91, 51.55, 3.36, null, 180.04, 180.04, null]);
  // :379 205|03|03||技校教育|3,930.34|3,918.65|3,546.22||372.43|11.69|11.69||
  assert.deepEqual([at(rs, 379).basic_capital, at(rs, 379).project_total, at(rs, 379).project_operating], [null, 11.69, 11.69]);
  assert.ok(ctx.repairs.some((r) => r.line === 377) && ctx.repairs.some((r) => r.line === 379));
  // :376 事业单位医疗 is aligned and is not touched
  assert.ok(!ctx.repairs.some((r) => r.line === 376));
});

test('basic_by_economic: total and items with both classifications (郑州, 焦作, 驻马店)', () => {
  const zz = rows(basicByEconomic, ZZ, 'basic', 'basic_by_economic');
  // zhengzhou-2024-budget.txt:384 合计||||57,945.5|32,503.6|25,441.9
  assert.deepEqual([at(zz, 384).row_kind, at(zz, 384).total, at(zz, 384).personnel, at(zz, 384).public_use], ['total', 57945.5, 32503.6, 25441.9]);
  // :385 30239|其他交通费用|50201|办公经费|151.6|150.6|1.0
  assert.deepEqual([at(zz, 385).dept_econ_code, at(zz, 385).dept_econ_name, at(zz, 385).gov_econ_code, at(zz, 385).gov_econ_name, at(zz, 385).total],
    ['30239', '其他交通费用', '50201', '办公经费', 151.6]);
  const jz = rows(basicByEconomic, JZ, 'basic', 'basic_by_economic');
  // jiaozuo-2024-budget.txt:393 |||合计|11,202.80|10,346.88|855.92 ; :418–419 repeat the header; :452 39909|经常性赠与 0.40
  assert.equal(at(jz, 393).total, 11202.8);
  assert.equal(at(jz, 452).public_use, 0.4);
  assert.equal(jz.filter((r) => r.row_kind === 'item').length, (416 - 394 + 1) + (448 - 420 + 1) + 1);
  const zmd = rows(basicByEconomic, ZMD, 'basic', 'basic_by_economic');
  // zhumadian-2023-budget.txt:375 合计||||14,537.49|12,938.03|1,599.46
  assert.deepEqual([at(zmd, 375).total, at(zmd, 375).personnel], [14537.49, 12938.03]);
});

test('three_public: blank cells are NULL, printed figures kept (郑州, 焦作, 驻马店)', () => {
  // zhengzhou-2024-budget.txt:456 190.2|20.0|156.4||156.4|13.9
  assert.deepEqual(rows(threePublic, ZZ, 'three_public', 'three_public').map((r) => [r.total, r.overseas_travel, r.vehicle_total, r.vehicle_purchase, r.vehicle_operation, r.reception]),
    [[190.2, 20, 156.4, null, 156.4, 13.9]]);
  // jiaozuo-2024-budget.txt:947 60.44||41.60||41.60|18.84
  assert.deepEqual(rows(threePublic, JZ, 'three_public', 'three_public').map((r) => [r.total, r.overseas_travel, r.vehicle_operation, r.reception]), [[60.44, null, 41.6, 18.84]]);
  // zhumadian-2023-budget.txt:448 46.48||45.68||45.68|0.80
  assert.deepEqual(rows(threePublic, ZMD, 'three_public', 'three_public').map((r) => [r.total, r.reception, r.source_line]), [[46.48, 0.8, 448]]);
});

test('projects: every project row in order, with type and unit (郑州)', () => {
  const rs = rows(projects, ZZ, 'projects', 'projects');
  const ps = rs.filter((r) => r.row_kind === 'project');
  // zhengzhou-2024-budget.txt:496–505, 507–521, 523–538, 540–552 are project lines
  assert.equal(ps.length, 10 + 15 + 16 + 13);
  // :496 特定目标类|技工院校助学金免学费配套资金|郑州市人力资源和社会保障局机关|320.0|320.0
  assert.deepEqual([ps[0]!.project_seq, ps[0]!.project_type, ps[0]!.project_name, ps[0]!.unit_name, ps[0]!.total, ps[0]!.current_general_budget, ps[0]!.source_line],
    [1, '特定目标类', '技工院校助学金免学费配套资金', '郑州市人力资源和社会保障局机关', 320, 320, 496]);
  // :548 代发补贴专项资金 7,857.0 at 郑州市社会保险中心
  assert.deepEqual([at(rs, 548).project_name, at(rs, 548).unit_name, at(rs, 548).total], ['代发补贴专项资金', '郑州市社会保险中心', 7857]);
  // :494 |||23,970.5|23,970.5 is the total row; :495 |046|郑州市人力资源和社会保障局 the department row
  assert.deepEqual([at(rs, 494).row_kind, at(rs, 494).total, at(rs, 495).row_kind, at(rs, 495).unit_code], ['total', 23970.5, 'department', '046']);
});

test('projects: funding columns and wrapped names (焦作, 驻马店)', () => {
  const jz = rows(projects, JZ, 'projects', 'projects');
  // jiaozuo-2024-budget.txt:1000 其他运转类|结转2023年劳动鉴定等经费|…|4.77||||4.77|||| → carried over, not this year's money
  assert.deepEqual([at(jz, 1000).total, at(jz, 1000).current_general_budget, at(jz, 1000).carryover_general_budget], [4.77, null, 4.77]);
  // :1041 党委党建工作经费 5.00 from 财政专户管理资金
  assert.deepEqual([at(jz, 1041).total, at(jz, 1041).special_account], [5, 5]);
  // :989 ||合计|41,763.42|38,569.30|||3,094.12|||100.00|
  assert.deepEqual([at(jz, 989).row_kind, at(jz, 989).carryover_general_budget, at(jz, 989).special_account], ['total', 3094.12, 100]);
  const zmd = rows(projects, ZMD, 'projects', 'projects');
  // zhumadian-2023-budget.txt:479 市机关事业单位工人技术等级考核 … 87.50, its name continues at :481 |考务经费|
  const r = at(zmd, 479);
  assert.deepEqual([r.project_name, r.source_line_end, r.total], ['市机关事业单位工人技术等级考核考务经费', 481, 87.5]);
  // :505 工伤保险参保单位缴费基数稽核配备专用设备 等 — the space the conversion put in is removed
  assert.equal(at(zmd, 505).project_name, '工伤保险参保单位缴费基数稽核配备专用设备等');
  assert.equal(zmd.filter((x) => x.row_kind === 'project').length, (479 - 475 + 1) + (488 - 482 + 1) + (496 - 490 + 1) + (503 - 498 + 1) + (509 - 505 + 1) + (518 - 511 + 1) + (523 - 520 + 1));
});

test('income_by_unit: the page whose rows lost a cell is read into the right columns (焦作)', () => {
  const rs = rows(incomeByUnit, JZ, 'income', 'income_by_unit');
  // jiaozuo-2024-budget.txt:234 |合计|53,056.22|52,866.22||190.00|49,962.10|… — 190.00 is 财政专户管理资金
  // (the narrative, :89, says 财政专户管理资金收入190万元), not 国有资本经营预算.
  const t = at(rs, 234);
  assert.deepEqual([t.row_kind, t.total, t.total_general_budget, t.total_state_capital, t.total_special_account, t.current_total, t.general_budget, t.fiscal_appropriation, t.special_account, t.carryover_total, t.carryover_general_budget],
    ['total', 53056.22, 52866.22, null, 190, 49962.1, 49772.1, 48930.75, 190, 3094.12, 3094.12]);
  // :238 302202|焦作市社会保险中心|31,939.22|…|28,897.22|…|3,042.00
  assert.deepEqual([at(rs, 238).unit_code, at(rs, 238).total, at(rs, 238).current_total, at(rs, 238).carryover_total], ['302202', 31939.22, 28897.22, 3042]);
  // :246 302206 焦作市人事考务中心 (second page, its own header at :241–243): 312.12 this year + 0.04 carried over
  assert.deepEqual([at(rs, 246).current_total, at(rs, 246).fiscal_appropriation, at(rs, 246).carryover_total], [312.12, 62.12, 0.04]);
  assert.equal(rs.filter((r) => r.row_kind === 'unit').length, (239 - 236 + 1) + (251 - 244 + 1));
});
