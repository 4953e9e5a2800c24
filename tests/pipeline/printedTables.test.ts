// The printed tables published since issue 12 §3: 财政拨款收支总体情况表 (fiscal_summary), 支出经济分类
// 汇总表 (expenditure_by_economic), 一般公共预算基本支出明细表 (basic_detail), 机构运转经费预算表
// (operating_costs), in every layout that prints them. Every figure is read off the disclosure text
// by hand; the comment gives the file and line (for a PDF, the line of its extracted text,
// public/sources/<doc_id>.txt).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDocument, readFile } from '../../scripts/pipeline/read.ts';
import { assemble } from '../../scripts/pipeline/dataset.ts';
import { sum } from '../../scripts/pipeline/text.ts';
import { ROOT } from '../helpers.ts';
import type { OutRow } from '../../scripts/pipeline/types.ts';

type Tables = Record<string, OutRow[]>;
const tablesOf = (file: string): Tables => {
  const path = join(ROOT, 'data/raw', file);
  return assemble([readDocument(path, readFileSync(path))]).tables;
};
const zz = tablesOf('zhengzhou-2024-budget.txt');
const jz = tablesOf('jiaozuo-2024-budget.txt');
const ly = tablesOf('luoyang-2024-budget.txt');
let court: Tables;
let final: Tables;
before(async () => {
  const pdf = async (file: string) => {
    const path = join(ROOT, 'data/raw', file);
    return assemble([await readFile(path, readFileSync(path))]).tables;
  };
  [court, final] = await Promise.all([pdf('jiangsu-2019-gjrmfy-budget.pdf'), pdf('shanghai-putuo-2024-czj-final.pdf')]);
});

const at = (rows: OutRow[], line: number, side?: string) => {
  const r = rows.find((x) => x.source_line === line && (!side || x.side === side));
  assert.ok(r, `no row at line ${line}${side ? ` (${side})` : ''}`);
  return r;
};
const pick = (r: OutRow, cols: string[]) => cols.map((c) => r[c]);
/** A printed total, as printed_totals keeps it: its figures by column. */
const printedTotal = (t: Tables, table: string, line: number) =>
  Object.fromEntries(t.printed_totals!.filter((r) => r.table_name === table && r.source_line === line).map((r) => [r.column_name, r.amount]));
const check = (t: Tables, id: string) => {
  const c = t.checks!.find((r) => (r.check_id as string).endsWith(`:${id}`));
  assert.ok(c, `no check ${id}`);
  return pick(c, ['expected', 'actual', 'status', 'source_lines']);
};
const presence = (t: Tables, key: string) => t.table_presence!.find((r) => r.standard_key === key)!;

// ---------------------------------------------------------------------------------------------
// 财政拨款收支总体情况表

test('fiscal_summary (郑州): both sides, expenditure split by source, totals kept as in the statement', () => {
  const fs = zz.fiscal_summary!;
  // zhengzhou-2024-budget.txt:291 一、本年收入 81,916.0 | 一、本年支出 81,916.0 | 81,916.0 | 79,485.0
  assert.deepEqual(pick(at(fs, 291, 'income'), ['item', 'row_kind', 'level', 'amount']), ['本年收入', 'item', 1, 81916]);
  assert.deepEqual(pick(at(fs, 291, 'expenditure'), ['item', 'level', 'amount', 'general_budget', 'fiscal_appropriation', 'gov_fund']), ['本年支出', 1, 81916, 81916, 79485, null]);
  // :293 其中：财政拨款 79,485.0 | (二)外交支出 (blank)
  assert.deepEqual(pick(at(fs, 293, 'income'), ['item', 'row_kind', 'amount']), ['财政拨款', 'of_which', 79485]);
  assert.deepEqual(pick(at(fs, 293, 'expenditure'), ['item_label', 'level', 'amount']), ['(二)外交支出', 2, null]);
  // :296 二、上年结转 (blank) | (五)教育支出 35,156.2 | 35,156.2 | 33,840.1
  assert.deepEqual(pick(at(fs, 296, 'income'), ['row_kind', 'amount']), ['carryover', null]);
  assert.deepEqual(pick(at(fs, 296, 'expenditure'), ['amount', 'general_budget', 'fiscal_appropriation']), [35156.2, 35156.2, 33840.1]);
  // :323 收入合计： 81,916.0 | 支出合计 81,916.0 | 81,916.0 | 79,485.0
  assert.deepEqual(pick(at(fs, 323, 'income'), ['item', 'row_kind', 'seq', 'amount']), ['收入合计', 'total', 10, 81916]);
  assert.deepEqual(pick(at(fs, 323, 'expenditure'), ['row_kind', 'seq', 'amount', 'fiscal_appropriation']), ['total', 33, 81916, 79485]);
  // 9 income lines (:291–:299) and the total; 32 expenditure lines (:291–:322) and the total.
  assert.deepEqual([fs.filter((r) => r.side === 'income').length, fs.filter((r) => r.side === 'expenditure').length], [10, 33]);
});

test('fiscal_summary checks (郑州): the 类 add up to 本年支出 within rounding; the summary and the 一般公共预算支出表 agree', () => {
  // :292 9,667.0 + :296 35,156.2 + :299 28,850.6 + :301 1,493.5 + :304 2,924.0 + :311 3,824.6 = 81,915.9 against :291 81,916.0
  // (the 类 under 一、本年支出 run :292–:321; :322 is 二、年终结转结余)
  assert.deepEqual(check(zz, 'column_sum:fiscal:expenditure:291:amount'), [81916, 81915.9, 'rounding', '291-321']);
  // :292 (一)一般公共预算拨款 81,916.0 = :214 一、一般公共预算 81,916.0 of the 部门收支总体情况表
  assert.deepEqual(check(zz, 'cross_table:fiscal_vs_summary:general_budget'), [81916, 81916, 'ok', '214,292']);
  // :304 (十三)农林水事务支出 2,924.0 = :367 213 农林水支出 2,924.0 (the two tables name the 类 differently)
  assert.deepEqual(check(zz, 'cross_table:fiscal_vs_general_public:213'), [2924, 2924, 'ok', '304,367']);
  // 210 printed twice by name: (九)医疗卫生与计划生育支出 (:300, blank) and (十)卫生健康支出 1,493.5 (:301) — one check
  assert.equal(zz.checks!.filter((c) => (c.check_id as string).endsWith(':cross_table:fiscal_vs_general_public:210')).length, 1);
  assert.deepEqual(check(zz, 'cross_table:fiscal_vs_general_public:210').slice(0, 3), [1493.5, 1493.5, 'ok']);
});

test('fiscal_summary (焦作): the 其中：上级专项转移支付 and 财政专户 columns, the 合计 printed first', () => {
  const fs = jz.fiscal_summary!;
  // jiaozuo-2024-budget.txt:304 收入合计 53,056.22 | 支出合计 53,056.22 | 52,866.22 | 52,024.87 | 98.10 | | | 190.00 |
  assert.deepEqual(pick(at(fs, 304, 'expenditure'), ['amount', 'general_budget', 'fiscal_appropriation', 'superior_transfer', 'gov_fund', 'state_capital', 'special_account', 'unit_funds']),
    [53056.22, 52866.22, 52024.87, 98.1, null, null, 190, null]);
  // :340 二、年终结转结余 3,094.12 | 3,094.12 | 3,094.12
  assert.deepEqual(pick(at(fs, 340, 'expenditure'), ['row_kind', 'level', 'amount', 'general_budget', 'fiscal_appropriation']), ['carryover', 1, 3094.12, 3094.12, 3094.12]);
  // the page break repeats the head (:319–:321): not rows
  assert.ok(!fs.some((r) => [319, 320, 321].includes(r.source_line as number)));
  // :304 收入合计 53,056.22 = :305 一、本年收入 49,962.10 + :312 二、上年结转 3,094.12
  assert.deepEqual(check(jz, 'column_sum:fiscal:income:304:amount'), [53056.22, 53056.22, 'ok', '304-305,312']);
  // :304 合计 53,056.22 = 一般公共预算 52,866.22 + 财政专户 190.00 (其中 columns aside)
  assert.deepEqual(check(jz, 'row_sum:fiscal:304').slice(0, 3), [53056.22, 53056.22, 'ok']);
  // :304 支出合计's 一般公共预算 52,866.22 = :353 the 一般公共预算支出预算表's 合计 52,866.22 (the carry-over spent included)
  assert.deepEqual(check(jz, 'cross_table:fiscal_vs_general_public:total'), [52866.22, 52866.22, 'ok', '304,353']);
});

test('fiscal_summary (洛阳, reflowed): one printed line, both sides; 其中：财政拨款 placed by the row\'s sums', () => {
  const fs = ly.fiscal_summary!;
  // luoyang-2024-budget.txt:774 一、本年收入 65297.46 一、本年支出 65297.46 65297.46 53011.21
  assert.deepEqual(pick(at(fs, 774, 'income'), ['item', 'amount']), ['本年收入', 65297.46]);
  assert.deepEqual(pick(at(fs, 774, 'expenditure'), ['item', 'amount', 'general_budget', 'fiscal_appropriation']), ['本年支出', 65297.46, 65297.46, 53011.21]);
  // :790 （三）国有资本经营预算拨款 （八）社会保障和就业支出 62770.30 62770.30 50509.65
  assert.deepEqual(pick(at(fs, 790, 'income'), ['item', 'level', 'amount']), ['国有资本经营预算拨款', 2, null]);
  assert.deepEqual(pick(at(fs, 790, 'expenditure'), ['item', 'amount', 'general_budget', 'fiscal_appropriation']), ['社会保障和就业支出', 62770.3, 62770.3, 50509.65]);
  // :837 收入合计 65978.74 支出合计 65978.74 65978.74 53663.46
  assert.deepEqual(pick(at(fs, 837, 'expenditure'), ['row_kind', 'amount', 'general_budget', 'fiscal_appropriation']), ['total', 65978.74, 65978.74, 53663.46]);
  assert.deepEqual([fs.filter((r) => r.side === 'income').length, fs.filter((r) => r.side === 'expenditure').length], [10, 33]);
  // :774 本年支出 = the 类 (:784 50.85 + :790 62770.30 + :794 526.11 + :800 1377.00 + :813 573.20), every column
  for (const col of ['amount', 'general_budget', 'fiscal_appropriation']) assert.equal(check(ly, `column_sum:fiscal:expenditure:774:${col}`)[2], 'ok', col);
  // :835 二、年终结转结余 681.28 = :786 上年结转 （一）一般公共预算拨款 681.28; :837 收入合计 = 支出合计
  assert.deepEqual(check(ly, 'column_sum:fiscal:balance'), [65978.74, 65978.74, 'ok', '837']);
});

test('fiscal_summary (PDFs): Jiangsu lists expenditure by use and stops where the next, unnamed table starts; a 决算 carries over', () => {
  const fs = court.fiscal_summary!;
  // jiangsu-2019-gjrmfy-budget.txt:226 一、一般公共预算 37,188.34 | 一、基本支出 21,968.00; :228 三、单位预留机动经费 5,011.40; :229 收入合计 | 支出合计 37,188.34
  assert.deepEqual(pick(at(fs, 226, 'income'), ['item', 'amount']), ['一般公共预算', 37188.34]);
  assert.deepEqual(pick(at(fs, 226, 'expenditure_by_use'), ['item', 'amount']), ['基本支出', 21968]);
  assert.deepEqual(pick(at(fs, 228, 'expenditure_by_use'), ['item', 'amount']), ['单位预留机动经费', 5011.4]);
  // :231 财政拨款支出预算表（功能科目）is another table, though no template names it: nothing of it here
  assert.ok(fs.every((r) => (r.source_line as number) <= 229));
  assert.deepEqual(check(court, 'column_sum:fiscal:expenditure:229:amount').slice(0, 3), [37188.34, 37188.34, 'ok']);
  // shanghai-putuo-2024-czj-final.txt:207 年初财政拨款结转和结余 21.63, its parts :208–:210 (一、一般公共预算财政拨款 21.63);
  // :211 总计 2,961.68 = :206 本年收入合计 2,940.05 + :207 21.63
  const f = final.fiscal_summary!;
  assert.deepEqual(pick(at(f, 207, 'income'), ['row_kind', 'level', 'amount']), ['carryover', null, 21.63]);
  assert.deepEqual(check(final, 'column_sum:fiscal:income:207:amount').slice(0, 3), [21.63, 21.63, 'ok']);
  assert.deepEqual(check(final, 'column_sum:fiscal:income:211:amount'), [2961.68, 2961.68, 'ok', '206-207,211']);
  // the 决算 spent 本年支出合计 (:206, 2,940.05); the 年末结转 is not spent: that is the 一般公共预算支出决算表's 合计
  assert.deepEqual(check(final, 'cross_table:fiscal_vs_general_public:total').slice(0, 3), [2940.05, 2940.05, 'ok']);
});

// ---------------------------------------------------------------------------------------------
// 支出经济分类汇总表

test('expenditure_by_economic (焦作): items only, both classifications, by source; 合计 and department in printed_totals', () => {
  const ec = jz.expenditure_by_economic!;
  assert.ok(ec.every((r) => r.row_kind === 'item'));
  assert.equal(ec.length, 62); // :858–:935 print 74 lines with cells: 5 heads of 2 lines, 合计, the department and 62 items
  // jiaozuo-2024-budget.txt:868 301|12|其他社会保障缴费|501|02|社会保障缴费|66.46|3.46|3.46|||||63.00 — 63.00 under 财政专户管理资金收入
  assert.deepEqual(pick(at(ec, 868), ['dept_econ_code', 'dept_econ_name', 'gov_econ_code', 'gov_econ_name', 'total', 'general_budget', 'fiscal_appropriation', 'carryover', 'special_account']),
    ['30112', '其他社会保障缴费', '50102', '社会保障缴费', 66.46, 3.46, 3.46, null, 63]);
  // :900 313|02|对社会保险基金补助|510|02|…|30,000.00|26,958.00|26,958.00|||3,042.00 — 3,042.00 under 上年结转结余
  assert.deepEqual(pick(at(ec, 900), ['dept_econ_code', 'total', 'general_budget', 'carryover']), ['31302', 30000, 26958, 3042]);
  // :860 合计 53,056.22 | 49,772.10 | 48,930.75 | | | 3,094.12 | 190.00
  assert.deepEqual(printedTotal(jz, 'expenditure_by_economic', 860),
    { total: 53056.22, general_budget: 49772.1, fiscal_appropriation: 48930.75, carryover: 3094.12, special_account: 190 });
  assert.equal(sum(ec.map((r) => r.total as number)), 53056.22);
  assert.equal(sum(ec.map((r) => r.carryover as number | null)), 3094.12);
  // :861 302 | | 焦作市人力资源和社会保障局: the department's row (its code where the 类 goes)
  assert.equal(jz.printed_totals!.find((r) => r.source_line === 861)!.row_kind, 'department');
  assert.deepEqual(check(jz, 'column_sum:economic:total:total').slice(0, 3), [53056.22, 53056.22, 'ok']);
  // = :265 the 部门支出预算表's 合计; = :304 上年结转 3,094.12 of the 财政拨款收支预算表 (:312)
  assert.deepEqual(check(jz, 'cross_table:economic_vs_department').slice(0, 3), [53056.22, 53056.22, 'ok']);
  assert.deepEqual(check(jz, 'cross_table:economic_vs_fiscal:carryover').slice(0, 3), [3094.12, 3094.12, 'ok']);
  // 30226 劳务费: the 基本支出表's :411 20.00 + :448 5.00 is part of the 一般公共预算 spent on it, :883 135.80 + :921 216.40
  assert.deepEqual(check(jz, 'part_whole:basic_vs_economic:30226'), [352.2, 25, 'ok', '411,448,883,921']);
});

test('expenditure_by_economic (洛阳, reflowed): names wrapped over lines, the carry-over column decided by the column sums', () => {
  const ec = ly.expenditure_by_economic!;
  // luoyang-2024-budget.txt:1206–:1218 303 99 其他对个人/和家庭的补/助 509 99 其他对个人和/家庭的补助 12071.64 11504.20 41.20 567.44
  assert.deepEqual(pick(at(ec, 1206), ['dept_econ_code', 'dept_econ_name', 'gov_econ_code', 'gov_econ_name', 'total', 'general_budget', 'fiscal_appropriation', 'carryover']),
    ['30399', '其他对个人和家庭的补助', '50999', '其他对个人和家庭的补助', 12071.64, 11504.2, 41.2, 567.44]);
  // :1306–:1310 513 01 上下级政府间/转移性支出 360.00 360.00 360.00 — printed with the 政府 class only
  assert.deepEqual(pick(at(ec, 1306), ['dept_econ_code', 'gov_econ_code', 'gov_econ_name', 'total']), [null, '51301', '上下级政府间转移性支出', 360]);
  // :1467 302 15 会议费 … 0.50 0.50 — no 其中：财政拨款
  assert.deepEqual(pick(at(ec, 1467), ['total', 'general_budget', 'fiscal_appropriation']), [0.5, 0.5, null]);
  assert.equal(ec.length, 62);
  // :1194 合计 65978.74 65297.46 53011.21 681.28: every column the sum of the items
  assert.deepEqual(printedTotal(ly, 'expenditure_by_economic', 1194), { total: 65978.74, general_budget: 65297.46, fiscal_appropriation: 53011.21, carryover: 681.28 });
  for (const col of ['total', 'general_budget', 'fiscal_appropriation', 'carryover']) assert.equal(check(ly, `column_sum:economic:total:${col}`)[2], 'ok', col);
});

// ---------------------------------------------------------------------------------------------
// 一般公共预算基本支出明细表

test('basic_detail (焦作): 335 items, the unit and 类型 carried down, the total in printed_totals', () => {
  const bd = jz.basic_detail!;
  assert.equal(bd.length, 335); // 371 printed lines with cells (:462–:848) less 17 heads of 2 lines, 合计 and the department
  // jiaozuo-2024-budget.txt:466 焦作市人力资源和社会保障局|公用经费|在职人员公用经费培训费（行政）|3.91|3.91
  assert.deepEqual(pick(at(bd, 466), ['unit_name', 'expense_type', 'item_name', 'total', 'current_general_budget']),
    ['焦作市人力资源和社会保障局', '公用经费', '在职人员公用经费培训费（行政）', 3.91, 3.91]);
  // :467 ||在职人员定额公用经费（行政）|106.74 — unit and 类型 from :466; :473 |人员类|… a new 类型 for the same unit
  assert.deepEqual(pick(at(bd, 467), ['unit_name', 'expense_type', 'total']), ['焦作市人力资源和社会保障局', '公用经费', 106.74]);
  assert.deepEqual(pick(at(bd, 473), ['unit_name', 'expense_type', 'item_name', 'total']), ['焦作市人力资源和社会保障局', '人员类', '行政人员及机关技术工人年基本工资', 257.3]);
  // :623 焦作市人才 交流中心 — the space the conversion put inside the name dropped
  assert.equal(at(bd, 623).unit_name, '焦作市人才交流中心');
  // :464 ||合计|11,292.80|11,202.80|||||90.00
  assert.deepEqual(printedTotal(jz, 'basic_detail', 464), { total: 11292.8, current_general_budget: 11202.8, carryover_state_capital: 90 });
  assert.equal(sum(bd.map((r) => r.total as number)), 11292.8);
  assert.equal(new Set(bd.map((r) => r.unit_name)).size, 12);
  assert.deepEqual(check(jz, 'column_sum:basic_detail:total:current_general_budget').slice(0, 3), [11202.8, 11202.8, 'ok']);
  // its 本年拨款·一般公共预算 11,202.80 = :393 the 一般公共预算基本支出预算表's 合计 11,202.80
  assert.deepEqual(check(jz, 'cross_table:basic_detail_vs_basic'), [11202.8, 11202.8, 'ok', '393,464']);
});

test('basic_detail (焦作): the 90.00 printed under 结转结余·国有资本经营预算 (:464, :741) is carry-over the 财政拨款收支表 does not have (:315)', () => {
  // :741 ||在职人员文明奖（事业）|90.00||||||90.00 — in the column of 财政拨款结转结余·国有资本经营预算 (:462–:463);
  // :315 （三）国有资本经营预算拨款, under 二、上年结转, prints nothing. A finding, never a correction.
  assert.deepEqual(pick(at(jz.basic_detail!, 741), ['total', 'current_general_budget', 'carryover_state_capital']), [90, null, 90]);
  assert.deepEqual(check(jz, 'part_whole:basic_detail_vs_fiscal:carryover_state_capital'), [0, 90, 'mismatch', '315,464']);
});

// ---------------------------------------------------------------------------------------------
// 机构运转经费预算表

test('operating_costs (焦作, Jiangsu): by 经济分类; a 类 over its 款 is a subtotal; the narrative agrees', () => {
  const jzOc = jz.operating_costs!;
  // jiaozuo-2024-budget.txt:1061 30201|办公费|85.71 … :1077 39909|经常性赠与|0.40; :1060 |合计|477.50
  assert.equal(jzOc.length, 17);
  assert.deepEqual(pick(at(jzOc, 1075), ['dept_econ_code', 'dept_econ_name', 'total']), ['30231', '公务用车运行维护费', 41.6]);
  assert.deepEqual(printedTotal(jz, 'operating_costs', 1060), { total: 477.5 });
  assert.equal(sum(jzOc.map((r) => r.total as number)), 477.5);
  // :131 机关（机构）运行经费支出预算477.50万元
  assert.deepEqual(check(jz, 'narrative:operating_costs').slice(0, 3), [477.5, 477.5, 'ok']);
  // 30231: 41.60 of running costs within the 41.60 spent on it in all (:887 24.10 + :927 17.50)
  assert.deepEqual(check(jz, 'part_whole:operating_vs_economic:30231').slice(0, 3), [41.6, 41.6, 'ok']);
  const js = court.operating_costs!;
  // jiangsu-2019-gjrmfy-budget.txt:382 合计 3,580.05; :383 302 商品和服务支出 3,580.05 (a subtotal); :384 30201 办公费 315.00 … :398 30299 162.38
  assert.equal(js.length, 15);
  assert.equal(court.printed_totals!.find((r) => r.table_name === 'operating_costs' && r.source_line === 383)!.row_kind, 'subtotal');
  assert.equal(sum(js.map((r) => r.total as number)), 3580.05);
  // :405 公开12表, :406 政府采购支出预算表: another table
  assert.ok(js.every((r) => (r.source_line as number) < 399));
  assert.deepEqual(check(court, 'column_sum:operating:subtotal:302:total').slice(0, 3), [3580.05, 3580.05, 'ok']);
});

test('operating_costs (洛阳, reflowed): per unit and 项目类别, a 类别 cut by a page break rejoined', () => {
  const oc = ly.operating_costs!;
  // luoyang-2024-budget.txt:1912–:1930 30201 办公费, 公/用/经/费/综/合/定/额 (one character a line), 55.70 55.70 55.70
  assert.deepEqual(pick(at(oc, 1912), ['unit_code', 'unit_name', 'dept_econ_code', 'dept_econ_name', 'cost_category', 'total', 'general_budget']),
    ['803001', '洛阳市人力资源和社会保障局', '30201', '办公费', '公用经费综合定额', 55.7, 55.7]);
  // :2289–:2309 30299 其他商品/和服务支/出 离/退/休/人/员/公 1.03 …, the page turns, :2310 用 :2312 经 :2314 费 end it;
  // :2316–:2334 其/他/商/品/和/服/务/支/出 3.00: the next row, its 科目 the merged cell above
  assert.deepEqual(pick(at(oc, 2289), ['dept_econ_code', 'cost_category', 'total']), ['30299', '离退休人员公用经费', 1.03]);
  assert.deepEqual(pick(at(oc, 2316), ['dept_econ_code', 'dept_econ_name', 'cost_category', 'total']), ['30299', '其他商品和服务支出', '其他商品和服务支出', 3]);
  // :1883–:1886 合/计 588.95; :1888 803 the department; seven units (803001 … 803024)
  assert.deepEqual(printedTotal(ly, 'operating_costs', 1883), { total: 588.95, general_budget: 588.95 });
  assert.equal(ly.printed_totals!.filter((r) => r.table_name === 'operating_costs' && r.row_kind === 'unit' && r.column_name === 'total').length, 7);
  assert.equal(sum(oc.map((r) => r.total as number)), 588.95);
  for (const c of ly.checks!.filter((x) => x.table_name === 'operating_costs')) assert.equal(c.status, 'ok', c.description as string);
  // :255 机构运转经费 588.95 万元 in the narrative
  assert.deepEqual(check(ly, 'narrative:operating_costs').slice(0, 3), [588.95, 588.95, 'ok']);
});

// ---------------------------------------------------------------------------------------------
// table_presence

test('table_presence: the new tables present where printed, with rows for the reflowed layout too; 目录-listed but unprinted told apart', () => {
  for (const [t, key, table] of [[jz, 'fiscal', 'fiscal_summary'], [jz, 'economic', 'expenditure_by_economic'], [jz, 'basic_detail', 'basic_detail'],
    [jz, 'operating', 'operating_costs'], [ly, 'fiscal', 'fiscal_summary'], [ly, 'economic', 'expenditure_by_economic'], [ly, 'operating', 'operating_costs']] as const) {
    const p = presence(t, key);
    assert.equal(p.status, 'present', `${key}`);
    // every published row (items and printed totals) lies within the table's printed lines
    const rows = [...t[table]!, ...t.printed_totals!.filter((r) => r.table_name === table)];
    assert.ok(rows.length > 0 && rows.every((r) => (r.source_line as number) > (p.source_line as number) && (r.source_line as number) <= (p.source_line_end as number)), key);
    assert.ok((p.rows as number) > 0, `${key}: rows`);
  }
  // 洛阳 (reflowed): rows = the published rows' lines, and the head
  for (const [key, table] of [['fiscal', 'fiscal_summary'], ['economic', 'expenditure_by_economic'], ['operating', 'operating_costs']] as const) {
    const lines = new Set([...ly[table]!, ...ly.printed_totals!.filter((r) => r.table_name === table)].map((r) => r.source_line));
    assert.equal(presence(ly, key).rows, lines.size + 1, key);
  }
  // jiaozuo-2024-budget.txt:456–:851 print 371 lines with cells
  assert.equal(presence(jz, 'basic_detail').rows, 371);
  // 郑州 lists 支出经济分类汇总表 in its 目录 (:31) and does not print it; the 一般公共预算基本支出明细表 it neither lists nor prints
  assert.deepEqual(pick(presence(zz, 'economic'), ['status', 'source_line']), ['listed', 31]);
  assert.equal(zz.table_presence!.find((r) => r.standard_key === 'basic_detail'), undefined);
});
