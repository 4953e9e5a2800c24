// The five PDFs through the whole pipeline: what each document is, and each table type it prints,
// as a person reads it off the page (PDF page numbers, 1-based; figures as printed, in 元 or 万元).
// Published amounts are all 万元: a table printed in 元 is converted exactly (371,514,655.00 元 → 37151.4655).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { run } from '../../scripts/data.ts';
import { ROOT } from '../helpers.ts';

const SH = 'shanghai-putuo-2025-swwyh-budget';
const SH_UNIT = 'shanghai-putuo-2025-swwyh-budget-unit';
const STREET = 'shanghai-putuo-2024-rmzfwljdbsc-budget';
const FINAL = 'shanghai-putuo-2024-czj-final';
const COURT = 'jiangsu-2019-gjrmfy-budget';

let conn: DuckDBConnection;
let data: string;
type Row = Record<string, unknown>;
const q = async (sql: string): Promise<Row[]> => (await conn.runAndReadAll(sql)).getRowObjectsJS() as Row[];
const one = async (sql: string): Promise<Row> => {
  const rows = await q(sql);
  assert.equal(rows.length, 1, `one row for: ${sql}`);
  return rows[0]!;
};
const t = (name: string) => `'${join(data, `${name}.parquet`)}'`;
/** A printed 合计 row (kept in printed_totals, not among the items): its figures by column, and its page. */
const totalRow = async (doc: string, table: string, tableKind: string | null = null): Promise<Row> => {
  const rows = await q(`SELECT column_name, amount, source_page FROM ${t('printed_totals')} WHERE doc_id = '${doc}' AND table_name = '${table}'
    AND row_kind = 'total' AND ${tableKind ? `table_kind = '${tableKind}'` : 'table_kind IS NULL'}`);
  assert.ok(rows.length > 0, `a 合计 row of ${table} in ${doc}`);
  return { ...Object.fromEntries(rows.map((r) => [r.column_name, r.amount])), source_page: rows[0]!.source_page };
};

before(async () => {
  const raw = mkdtempSync(join(tmpdir(), 'bl-pdf-raw-'));
  const out = mkdtempSync(join(tmpdir(), 'bl-pdf-out-'));
  mkdirSync(raw, { recursive: true });
  // No manifest: everything below is read from the PDFs themselves.
  [SH, SH_UNIT, STREET, FINAL, COURT].forEach((id, i) => copyFileSync(join(ROOT, "data/raw", `${id}.pdf`), join(raw, `disclosure-${i}.pdf`)));
  await run(raw, out, () => {});
  data = join(out, 'data');
  conn = await (await DuckDBInstance.create(':memory:')).connect();
});

test('what each document is, read from its title lines (cover, p.1)', async () => {
  const docs = await q(`SELECT doc_id, province, city, district, admin_level, department, fiscal_year::INT AS fiscal_year, doc_kind, scope,
    source_format, page_count::INT AS page_count FROM ${t('documents')} ORDER BY doc_id`);
  const by = Object.fromEntries(docs.map((d) => [d.doc_id, d]));
  // p.1: 上海市普陀区2025年区级部门预算 / 预算主管部门：上海市普陀区商务委员会 (26 pages)
  assert.deepEqual(by[SH], { doc_id: SH, province: '上海', city: '上海', district: '普陀区', admin_level: 'district', department: '商务委员会',
    fiscal_year: 2025, doc_kind: 'budget', scope: 'department', source_format: 'pdf', page_count: 26 });
  // p.1: 上海市普陀区2025年区级单位预算 / 预算单位：上海市普陀区商务委员会
  assert.deepEqual([by[SH_UNIT]!.scope, by[SH_UNIT]!.department, by[SH_UNIT]!.page_count], ['unit', '商务委员会', 22]);
  // p.1: 上海市普陀区2024年区级部门预算 / 预算主管部门：上海市普陀区人民政府万里街道办事处
  assert.deepEqual([by[STREET]!.department, by[STREET]!.fiscal_year, by[STREET]!.page_count], ['人民政府万里街道办事处', 2024, 33]);
  // p.1: 上海市普陀区财政局 / 2024年度部门决算
  assert.deepEqual([by[FINAL]!.department, by[FINAL]!.fiscal_year, by[FINAL]!.doc_kind, by[FINAL]!.district], ['财政局', 2024, 'final', '普陀区']);
  // p.1: 江苏省高级人民法院 / 2019 年度部门预算公开: a province-level department, no city.
  assert.deepEqual([by[COURT]!.province, by[COURT]!.city, by[COURT]!.admin_level, by[COURT]!.department, by[COURT]!.fiscal_year],
    ['江苏', null, 'province', '高级人民法院', 2019]);
});

test('商务委员会 2025 (元): 财务收支预算总表 p.9, 收入预算总表 p.10, 支出预算总表 p.13', async () => {
  // p.9 收入总计 371,514,655.00; 一、一般公共服务支出 21,601,733.00
  const grand = await one(`SELECT amount, source_page FROM ${t('budget_summary')} WHERE doc_id = '${SH}' AND side = 'income' AND row_kind = 'grand_total'`);
  assert.deepEqual(grand, { amount: 37151.4655, source_page: 9 });
  assert.equal((await one(`SELECT amount FROM ${t('budget_summary')} WHERE doc_id = '${SH}' AND item = '一般公共服务支出'`)).amount, 2160.1733);
  // p.10 201 13 01 行政运行 9,389,913.00 (合计 and 财政拨款收入)
  assert.deepEqual(await one(`SELECT total, fiscal_appropriation, business_income, source_page FROM ${t('income_by_function')} WHERE doc_id = '${SH}' AND func_code = '2011301'`),
    { total: 938.9913, fiscal_appropriation: 938.9913, business_income: null, source_page: 10 });
  // p.13 合计 371,514,655.00 | 19,830,655.00 | 351,684,000.00
  assert.deepEqual(await totalRow(SH, 'expenditure_by_function', 'department'), { total: 37151.4655, basic_total: 1983.0655, project_total: 35168.4, source_page: 13 });
});

test('商务委员会 2025: 一般公共预算 table continued p.15 → p.16, 基本支出 p.19–20, 三公 p.21 in 万元, units per table', async () => {
  // p.16 (after the header printed again) 208 05 99 其他行政事业单位养老支出 13,260.00 | 13,260.00
  assert.deepEqual(await one(`SELECT total, basic_total, project_total, func_level::INT AS lvl, source_page FROM ${t('expenditure_by_function')}
    WHERE doc_id = '${SH}' AND table_kind = 'general_public' AND func_code = '2080599'`), { total: 1.326, basic_total: 1.326, project_total: null, lvl: 3, source_page: 16 });
  // p.19 302 01 办公费 273,900.00 (公用经费); p.20 合计 19,830,655.00 | 18,120,593.00 | 1,710,062.00
  assert.deepEqual(await one(`SELECT total, personnel, public_use FROM ${t('basic_by_economic')} WHERE doc_id = '${SH}' AND dept_econ_code = '30201'`),
    { total: 27.39, personnel: null, public_use: 27.39 });
  assert.deepEqual(await totalRow(SH, 'basic_by_economic'), { total: 1983.0655, personnel: 1812.0593, public_use: 171.0062, source_page: 20 });
  // The items alone add up to it: 类 rows printed above their 款 (p.19 301 工资福利支出 16,671,057.00) are subtotals, kept apart.
  assert.equal((await one(`SELECT round(sum(total), 6) AS s FROM ${t('basic_by_economic')} WHERE doc_id = '${SH}'`)).s, 1983.0655);
  assert.deepEqual(await one(`SELECT amount, label FROM ${t('printed_totals')} WHERE doc_id = '${SH}' AND table_name = 'basic_by_economic' AND row_kind = 'subtotal' AND code = '301' AND column_name = 'total'`),
    { amount: 1667.1057, label: '工资福利支出' });
  // p.21 (单位:万元) 合计 1.00, 公务接待费 1.00, 机关运行经费预算数 171.01; the rest blank.
  assert.deepEqual(await one(`SELECT total, overseas_travel, vehicle_total, reception, operating_cost, source_page FROM ${t('three_public')} WHERE doc_id = '${SH}'`),
    { total: 1, overseas_travel: null, vehicle_total: null, reception: 1, operating_cost: 171.01, source_page: 21 });
  const units = await q(`SELECT standard_key, amount_unit, status FROM ${t('table_presence')} WHERE doc_id = '${SH}' AND standard_key IN ('expenditure', 'three_public', 'gov_fund') ORDER BY standard_key`);
  // p.17: 政府性基金…预算表 注：本部门2025年无政府性基金预算财政拨款安排的预算，故本表为空表。
  assert.deepEqual(units, [{ standard_key: 'expenditure', amount_unit: '元', status: 'present' }, { standard_key: 'gov_fund', amount_unit: '元', status: 'empty' },
    { standard_key: 'three_public', amount_unit: '万元', status: 'present' }]);
});

test('商务委员会 2025 单位预算: the same tables, as a 单位 (p.21: 三公 1.00, 机关运行经费 171.01)', async () => {
  assert.deepEqual(await one(`SELECT total, reception, operating_cost FROM ${t('three_public')} WHERE doc_id = '${SH_UNIT}'`), { total: 1, reception: 1, operating_cost: 171.01 });
  // p.9 收入总计 371,514,655.00
  assert.equal((await one(`SELECT amount FROM ${t('budget_summary')} WHERE doc_id = '${SH_UNIT}' AND side = 'income' AND row_kind = 'grand_total'`)).amount, 37151.4655);
});

test('万里街道 2024: amounts printed without decimals (合计 156,211,123 on p.20 and p.26), a 三公 table that says it is empty and is not (p.31)', async () => {
  // p.20 支出预算总表 and p.26 一般公共预算支出功能分类预算表 each end: 合计 156,211,123 | 99,706,020 | 56,505,103
  assert.deepEqual(await totalRow(STREET, 'expenditure_by_function', 'department'), { total: 15621.1123, basic_total: 9970.602, project_total: 5650.5103, source_page: 20 });
  assert.deepEqual(await totalRow(STREET, 'expenditure_by_function', 'general_public'), { total: 15621.1123, basic_total: 9970.602, project_total: 5650.5103, source_page: 26 });
  // p.31 prints 47.91 | 0 | 1.35 | 46.56 | 25 | 21.56 | 443.18 above 注:本部门2024年无“三公”经费和机关运行经费预算，故本表为空表。
  assert.deepEqual(await one(`SELECT total, overseas_travel, reception, vehicle_total, vehicle_purchase, vehicle_operation, operating_cost FROM ${t('three_public')} WHERE doc_id = '${STREET}'`),
    { total: 47.91, overseas_travel: 0, reception: 1.35, vehicle_total: 46.56, vehicle_purchase: 25, vehicle_operation: 21.56, operating_cost: 443.18 });
  assert.equal((await one(`SELECT status FROM ${t('table_presence')} WHERE doc_id = '${STREET}' AND standard_key = 'three_public'`)).status, 'present');
});

test('财政局 2024 决算 (万元): 收入支出决算总表 p.6–7, 收入决算表 p.8, 支出决算表 p.10, 基本支出决算表 p.16–17, and a finding between p.6 and p.10', async () => {
  // p.6 一、一般公共预算财政拨款收入 2,940.05; p.7 总计 2,995.39 (on both sides)
  assert.equal((await one(`SELECT amount FROM ${t('budget_summary')} WHERE doc_id = '${FINAL}' AND item = '一般公共预算财政拨款收入'`)).amount, 2940.05);
  assert.deepEqual((await q(`SELECT side, amount, source_page FROM ${t('budget_summary')} WHERE doc_id = '${FINAL}' AND row_kind = 'grand_total' ORDER BY side`)),
    [{ side: 'expenditure', amount: 2995.39, source_page: 7 }, { side: 'income', amount: 2995.39, source_page: 7 }]);
  // p.8 合计 2,946.25 | 2,940.05 | … | 6.20 (本年收入合计, 财政拨款收入, 其他收入)
  assert.deepEqual(await totalRow(FINAL, 'income_by_function'), { total: 2946.25, fiscal_appropriation: 2940.05, other_income: 6.2, source_page: 8 });
  // p.10 合计 2,940.05 | 2,336.91 | 603.14 (本年支出合计, 基本支出, 项目支出)
  assert.deepEqual(await totalRow(FINAL, 'expenditure_by_function', 'department'), { total: 2940.05, basic_total: 2336.91, project_total: 603.14, source_page: 10 });
  // p.6 says 八、社会保障和就业支出 326.71; p.10 prints 208 社会保障和就业支出 326.72. The document disagrees with itself.
  const c = await one(`SELECT expected, actual, status FROM ${t('checks')} WHERE doc_id = '${FINAL}' AND check_id LIKE '%summary_vs_department:208'`);
  assert.deepEqual(c, { expected: 326.71, actual: 326.72, status: 'mismatch' });
  // p.16–17 print 基本支出 as two lists side by side, 人员经费 (301 01 基本工资 262.33) | 公用经费
  // (302 01 办公费 21.21), ending 人员经费合计 2,152.26 | 公用经费合计 184.65 (no 合计 of both).
  assert.deepEqual(await one(`SELECT total, personnel, public_use, source_page FROM ${t('basic_by_economic')} WHERE doc_id = '${FINAL}' AND dept_econ_code = '30101'`),
    { total: 262.33, personnel: 262.33, public_use: null, source_page: 16 });
  assert.deepEqual(await one(`SELECT total, personnel, public_use FROM ${t('basic_by_economic')} WHERE doc_id = '${FINAL}' AND dept_econ_code = '30201'`),
    { total: 21.21, personnel: null, public_use: 21.21 });
  assert.deepEqual(await totalRow(FINAL, 'basic_by_economic'), { personnel: 2152.26, public_use: 184.65, source_page: 17 });
  assert.equal((await one(`SELECT status FROM ${t('table_presence')} WHERE doc_id = '${FINAL}' AND standard_key = 'basic'`)).status, 'present');
  // p.18 三公: 预算数 0.95 under 合计 and 公务接待费, every 决算数 blank: nothing was spent, and nothing is invented.
  assert.deepEqual(await one(`SELECT total, reception FROM ${t('three_public')} WHERE doc_id = '${FINAL}'`), { total: null, reception: null });
  // The 预算数 are published beside them, and add up (合计 0.95 = 公务接待费 0.95).
  assert.deepEqual(await one(`SELECT total_budget, overseas_travel_budget, vehicle_total_budget, reception_budget, source_page FROM ${t('three_public')} WHERE doc_id = '${FINAL}'`),
    { total_budget: 0.95, overseas_travel_budget: null, vehicle_total_budget: null, reception_budget: 0.95, source_page: 18 });
  assert.equal((await one(`SELECT status FROM ${t('checks')} WHERE check_id = '${FINAL}:row_sum:three_public:total_budget'`)).status, 'ok');
  // A budget prints no 预算数 column: the budget's own figures are its 三公 (商务委员会 p.21).
  assert.equal((await one(`SELECT total_budget FROM ${t('three_public')} WHERE doc_id = '${SH}'`)).total_budget, null);
});

test('江苏省高级人民法院 2019 (万元): 收支预算总表 p.8 with three lists, 一般公共预算支出预算表 p.12, 基本支出 p.13, 三公 with 会议费 and 培训费 p.14', async () => {
  // p.8 一、财政拨款 37,188.34 | … | 一、基本支出 21,968.00
  assert.equal((await one(`SELECT amount FROM ${t('budget_summary')} WHERE doc_id = '${COURT}' AND side = 'income' AND item = '财政拨款'`)).amount, 37188.34);
  assert.equal((await one(`SELECT amount FROM ${t('budget_summary')} WHERE doc_id = '${COURT}' AND side = 'expenditure_by_use' AND item = '基本支出'`)).amount, 21968);
  // p.8 支出合计 is printed across the function and use lists, its 37,188.34 in the last column; the
  // functions (27,488.23 + 2,355.65 + 7,344.46) add up to it.
  assert.equal((await one(`SELECT amount FROM ${t('budget_summary')} WHERE doc_id = '${COURT}' AND side = 'expenditure' AND item = '支出合计'`)).amount, 37188.34);
  assert.equal((await one(`SELECT status FROM ${t('checks')} WHERE check_id = '${COURT}:column_sum:summary:expenditure'`)).status, 'ok');
  // p.12 合计 37,188.34; 204 公共安全支出 27,488.23
  assert.deepEqual(await totalRow(COURT, 'expenditure_by_function', 'general_public'), { total: 37188.34, source_page: 12 });
  assert.equal((await one(`SELECT total FROM ${t('expenditure_by_function')} WHERE doc_id = '${COURT}' AND table_kind = 'general_public' AND func_code = '204'`)).total, 27488.23);
  // p.13 一般公共预算基本支出预算表（经济科目）: one amount column, headed 基本支出: 合计 21,968.00; 30101 基本工资 2,827.41
  assert.deepEqual(await one(`SELECT total, personnel, source_page FROM ${t('basic_by_economic')} WHERE doc_id = '${COURT}' AND dept_econ_code = '30101'`),
    { total: 2827.41, personnel: null, source_page: 13 });
  assert.equal((await totalRow(COURT, 'basic_by_economic')).total, 21968);
  // p.14 合计 2,382.02 (三公 + 会议费 + 培训费) | 小计 513.75 | 160.00 | 266.80 | (blank) | 266.80 | 86.95 | 271.02 | 1,597.25
  assert.deepEqual(await one(`SELECT total, overseas_travel, vehicle_total, vehicle_purchase, vehicle_operation, reception, meeting, training FROM ${t('three_public')} WHERE doc_id = '${COURT}'`),
    { total: 513.75, overseas_travel: 160, vehicle_total: 266.8, vehicle_purchase: null, vehicle_operation: 266.8, reception: 86.95, meeting: 271.02, training: 1597.25 });
  // The 三公 adds up: 160.00 + 266.80 + 86.95 = 513.75.
  assert.equal((await one(`SELECT status FROM ${t('checks')} WHERE doc_id = '${COURT}' AND check_id LIKE '%row_sum:three_public:total'`)).status, 'ok');
});

test('江苏 p.9 支出预算总表: one unlabelled row by use — 合计 37,188.34 = 基本支出 21,968.00 + 项目支出 10,208.94 + 单位预留机动经费 5,011.40', async () => {
  // Header 合计 | 基本支出 | 项目支出 | 单位预留机动经费 | 结转下年资金; no 功能分类 rows, so nothing but the 合计 is published.
  assert.deepEqual(await totalRow(COURT, 'expenditure_by_function', 'department'),
    { total: 37188.34, basic_total: 21968, project_total: 10208.94, reserve: 5011.4, source_page: 9 });
  assert.equal((await one(`SELECT count(*)::INTEGER AS n FROM ${t('expenditure_by_function')} WHERE doc_id = '${COURT}' AND table_kind = 'department'`)).n, 0);
  assert.equal((await one(`SELECT status FROM ${t('table_presence')} WHERE doc_id = '${COURT}' AND standard_key = 'expenditure'`)).status, 'present');
  // The reserve is part of the 合计; a table of no 类 is no whole for the 一般公共预算's 类 (no part ≤ whole by 类).
  assert.equal((await one(`SELECT status FROM ${t('checks')} WHERE check_id = '${COURT}:row_sum:department:216:total'`)).status, 'ok');
  assert.equal((await q(`SELECT * FROM ${t('checks')} WHERE doc_id = '${COURT}' AND status <> 'ok'`)).length, 0);
  // The summary's 支出合计 (p.8) against this 合计 (p.9).
  assert.equal((await one(`SELECT status FROM ${t('checks')} WHERE check_id = '${COURT}:cross_table:summary_vs_department'`)).status, 'ok');
});

test('the narrative of each template is read and checked against its tables', async () => {
  const fact = async (doc: string, key: string) => (await one(`SELECT value, source_page FROM ${t('facts')} WHERE doc_id = '${doc}' AND fact_key = '${key}'`));
  // 商务委员会 2025 p.7: “收入预算37,151.47万元” against p.9's 收入总计 371,514,655.00 元 = 37,151.4655 万元: within rounding.
  assert.deepEqual(await fact(SH, 'income_total'), { value: 37151.47, source_page: 7 });
  assert.deepEqual(await one(`SELECT expected, actual, status FROM ${t('checks')} WHERE doc_id = '${SH}' AND check_id LIKE '%narrative:income_total'`),
    { expected: 37151.4655, actual: 37151.47, status: 'rounding' });
  // 万里街道 2024 p.32: “2024年“三公”经费预算数为47.91万元，比2023年预算增加25万元”, as the table on p.31 prints.
  assert.deepEqual(await fact(STREET, 'three_public_total'), { value: 47.91, source_page: 32 });
  assert.equal((await fact(STREET, 'three_public_change')).value, 25);
  assert.equal((await one(`SELECT status FROM ${t('checks')} WHERE doc_id = '${STREET}' AND check_id LIKE '%narrative:three_public_total'`)).status, 'ok');
  // 财政局 2024 决算 p.21: “…2024年度收入支出总计2995.39万元。与2023年度相比，收入支出总计减少56.95万元”.
  assert.deepEqual(await fact(FINAL, 'income_total'), { value: 2995.39, source_page: 21 });
  assert.equal((await fact(FINAL, 'change_vs_prior_year')).value, -56.95);
});
