// Narrative facts (第二部分 情况说明): figures pinned to the printed text, with line numbers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFacts, factsSchema, FACT_KEYS } from '../../scripts/pipeline/tables/facts.ts';
import type { OutRow } from '../../scripts/pipeline/types.ts';
import { rawLines } from '../helpers.ts';

function factsOf(docId: string): Map<string, OutRow> {
  const rows = readFacts(rawLines(docId));
  const byKey = new Map<string, OutRow>();
  for (const r of rows) {
    assert.ok(!byKey.has(r.fact_key as string), `${docId}: ${String(r.fact_key)} twice`);
    byKey.set(r.fact_key as string, r);
  }
  return byKey;
}

/** The fact's value, line range and unit; its sentence must contain every `says` fragment. */
function expectFact(facts: Map<string, OutRow>, key: string, value: number, line: number, lineEnd: number | null, unit: string, ...says: string[]) {
  const f = facts.get(key);
  assert.ok(f, `no fact ${key}`);
  assert.equal(f.value, value, `${key} value`);
  assert.equal(f.source_line, line, `${key} source_line`);
  assert.equal(f.source_line_end, lineEnd, `${key} source_line_end`);
  assert.equal(f.unit, unit, `${key} unit`);
  for (const s of says) assert.ok(String(f.text).includes(s), `${key} text ${JSON.stringify(f.text)} lacks ${s}`);
}

test('zhengzhou-2024-budget: totals, income, expenditure (:112 :116-118 :122 :126 :130 :134)', () => {
  const f = factsOf('zhengzhou-2024-budget');
  // :112 收入总计 84669.1 万元，支出总计 84669.1 万元 … 收入增加 1331.8 万元，增长 1.6%
  expectFact(f, 'income_total', 84669.1, 112, null, '万元', '收入总计 84669.1 万元');
  expectFact(f, 'expenditure_total', 84669.1, 112, null, '万元');
  expectFact(f, 'change_vs_prior_year', 1331.8, 112, null, '万元');
  expectFact(f, 'change_vs_prior_year_pct', 1.6, 112, null, '%');
  // :116 “…2024 年收入合计” wraps to :118 “84669.1 万元，其中：一般公共预算 81916 万元；…”
  expectFact(f, 'income_sum', 84669.1, 116, 118, '万元', '收入合计84669.1 万元');
  expectFact(f, 'general_public_budget', 81916, 116, 118, '万元');
  expectFact(f, 'fiscal_special_account', 697.8, 116, 118, '万元');
  expectFact(f, 'other_income', 1575.5, 116, 118, '万元');
  expectFact(f, 'carryover', 479.8, 116, 118, '万元');
  expectFact(f, 'government_fund_income', 0, 116, 118, '万元');
  // :122 支出合计 84669.1 万元，其中：基本支出 60698.6 万元，占 71.69%；项目支出 23970.5 万元，占 28.31%
  expectFact(f, 'expenditure_sum', 84669.1, 122, null, '万元');
  expectFact(f, 'basic_expenditure', 60698.6, 122, null, '万元');
  expectFact(f, 'basic_share', 71.69, 122, null, '%');
  expectFact(f, 'project_expenditure', 23970.5, 122, null, '万元');
  expectFact(f, 'project_share', 28.31, 122, null, '%');
  // :126 一般公共预算收支预算 81916 万元 … 增加 3895.7 万元，增长 4.99%
  expectFact(f, 'fiscal_general_public', 81916, 126, null, '万元');
  expectFact(f, 'fiscal_change_vs_prior_year', 3895.7, 126, null, '万元', '与 2023 年预算相比');
  expectFact(f, 'fiscal_change_vs_prior_year_pct', 4.99, 126, null, '%');
  // :130 一般公共预算支出年初预算为 81916 万元。其中：基本支出 57945.5 万元，占 70.74%；项目支出 23970.5 万元
  expectFact(f, 'general_public_expenditure', 81916, 130, null, '万元');
  expectFact(f, 'general_public_project', 23970.5, 130, null, '万元', '。其中：');
  expectFact(f, 'general_public_basic_share', 70.74, 130, null, '%');
  // :134 一般公共预算基本支出年初预算 57945.5 万元，其中：人员经费支出 32503.6 万元，占 56.09%；公用经费 25441.9 万元，占 43.91%
  expectFact(f, 'general_public_basic', 57945.5, 134, null, '万元');
  expectFact(f, 'personnel_expenditure', 32503.6, 134, null, '万元');
  expectFact(f, 'personnel_share', 56.09, 134, null, '%');
  expectFact(f, 'public_expenditure', 25441.9, 134, null, '万元');
  expectFact(f, 'public_share', 43.91, 134, null, '%');
});

test('zhengzhou-2024-budget: 三公, other matters, assets (:138-:178)', () => {
  const f = factsOf('zhengzhou-2024-budget');
  // :138 “三公”经费支出预算为 190.2 万元。… 比 2023 年减少 4.5 万元。
  expectFact(f, 'three_public_total', 190.2, 138, null, '万元', '“三公”经费支出预算为 190.2 万元');
  expectFact(f, 'three_public_change', -4.5, 138, null, '万元', '减少 4.5 万元');
  // :142 因公出国（境）费 20 万元 … 预算数比 2023 年增加 20 万元
  expectFact(f, 'three_public_overseas', 20, 142, null, '万元');
  expectFact(f, 'three_public_overseas_change', 20, 142, null, '万元', '因公出国（境）费', '增加 20 万元');
  // :144 公务接待费 13.9 万元 … 增加 1.9 万元
  expectFact(f, 'three_public_reception', 13.9, 144, null, '万元');
  expectFact(f, 'three_public_reception_change', 1.9, 144, null, '万元');
  // :146 公务用车购置及运行费 156.4 万元，其中，公务用车购置费 0 万元；公务用车运行维护费 156.4 万元 … 购置费 … 持平 … 运行维护费 … 减少 26.3 万元
  expectFact(f, 'three_public_vehicle', 156.4, 146, null, '万元');
  expectFact(f, 'three_public_vehicle_purchase', 0, 146, null, '万元');
  expectFact(f, 'three_public_vehicle_operation', 156.4, 146, null, '万元');
  expectFact(f, 'three_public_vehicle_purchase_change', 0, 146, null, '万元', '持平');
  expectFact(f, 'three_public_vehicle_operation_change', -26.3, 146, null, '万元', '减少 26.3 万元');
  // :150 / :154 无使用…预算拨款安排的支出
  expectFact(f, 'government_fund_expenditure', 0, 150, null, '万元');
  expectFact(f, 'state_capital_expenditure', 0, 154, null, '万元');
  // :160 机构运行经费支出预算 27720.3 万元
  expectFact(f, 'operating_cost', 27720.3, 160, null, '万元');
  // :164 政府采购预算安排 3113.7 万元，其中：货物 737、工程 522.2、服务 1854.5
  expectFact(f, 'procurement_total', 3113.7, 164, null, '万元');
  expectFact(f, 'procurement_goods', 737, 164, null, '万元');
  expectFact(f, 'procurement_works', 522.2, 164, null, '万元');
  expectFact(f, 'procurement_services', 1854.5, 164, null, '万元');
  // :168 涉及预算拨款 23970.5 万元，共 54 个项目
  expectFact(f, 'performance_project_count', 54, 168, null, '个');
  expectFact(f, 'performance_project_funds', 23970.5, 168, null, '万元');
  // :172 共有车辆 104 辆，其中：一般公务用车 69 辆、特种专业技术用车 2 辆，其他用车 33 辆；… 通用设备 81 台（套），… 专用 / :174 设备17台（套）。
  expectFact(f, 'vehicles_total', 104, 172, 174, '辆', '共有车辆 104 辆', '专用设备17台（套）');
  expectFact(f, 'vehicles_general', 69, 172, 174, '辆');
  expectFact(f, 'vehicles_special', 2, 172, 174, '辆');
  expectFact(f, 'vehicles_other', 33, 172, 174, '辆');
  expectFact(f, 'equipment_general_50', 81, 172, 174, '台（套）');
  expectFact(f, 'equipment_special_100', 17, 172, 174, '台（套）');
  // :178 无负责管理的专项转移支付项目
  expectFact(f, 'special_transfer_count', 0, 178, null, '项');
  assert.equal(f.has('procurement_total') && f.has('three_public_vehicle_change'), false, 'no vehicle-total change is printed');
});

test('jiaozuo-2024-budget (:85-:151)', () => {
  const f = factsOf('jiaozuo-2024-budget');
  // :85 收入总计53056.22万元 … 收、支总计各增加36214.19万元，增长215.02%
  expectFact(f, 'income_total', 53056.22, 85, null, '万元', '收入总计53056.22万元');
  expectFact(f, 'expenditure_total', 53056.22, 85, null, '万元');
  expectFact(f, 'change_vs_prior_year', 36214.19, 85, null, '万元');
  expectFact(f, 'change_vs_prior_year_pct', 215.02, 85, null, '%');
  // :89 一般公共预算49772.10万元 … 财政专户管理资金收入190万元 … 上年结转结余3094.12万元
  expectFact(f, 'general_public_budget', 49772.1, 89, null, '万元');
  expectFact(f, 'fiscal_special_account', 190, 89, null, '万元');
  expectFact(f, 'business_income', 0, 89, null, '万元');
  expectFact(f, 'carryover', 3094.12, 89, null, '万元');
  // :93 基本支出11292.80万元，占21.28%；项目支出41763.42万元，占78.72%
  expectFact(f, 'basic_expenditure', 11292.8, 93, null, '万元');
  expectFact(f, 'project_share', 78.72, 93, null, '%');
  // :97 一般公共预算收支预算52866.22万元 … 增加36114.19万元，增长215.58%
  expectFact(f, 'fiscal_general_public', 52866.22, 97, null, '万元');
  expectFact(f, 'fiscal_change_vs_prior_year_pct', 215.58, 97, null, '%');
  // :101 教育支出4648.29万元，占8.79%；社会保障和就业支出47018.07万元，占88.94%
  expectFact(f, 'general_public_expenditure', 52866.22, 101, null, '万元');
  expectFact(f, 'general_public_education', 4648.29, 101, null, '万元');
  expectFact(f, 'general_public_social_security_employment_share', 88.94, 101, null, '%');
  // :105 一般公共预算基本支出为11202.80万元 (as printed; :93 says 11292.80 for all funds)
  expectFact(f, 'general_public_basic', 11202.8, 105, null, '万元');
  expectFact(f, 'personnel_expenditure', 10346.88, 105, null, '万元');
  expectFact(f, 'public_expenditure', 855.92, 105, null, '万元');
  // :117 “三公”经费预算为60.44万元。比上年预算数减少2.90万元，下降4.58%
  expectFact(f, 'three_public_total', 60.44, 117, null, '万元');
  expectFact(f, 'three_public_change', -2.9, 117, null, '万元', '“三公”经费预算为60.44万元。比上年预算数减少2.90万元');
  expectFact(f, 'three_public_change_pct', -4.58, 117, null, '%');
  // :121 因公出国（境）费 0万元 … 持平; :123 **公务用车运行维护费** 41.60万元 … 减少3.30万元，下降7.35%; :125 公务接待费 18.84万元 … 增加0.40万元
  expectFact(f, 'three_public_overseas_change', 0, 121, null, '万元');
  expectFact(f, 'three_public_vehicle_operation', 41.6, 123, null, '万元');
  expectFact(f, 'three_public_vehicle_operation_change', -3.3, 123, null, '万元');
  expectFact(f, 'three_public_vehicle_operation_change_pct', -7.35, 123, null, '%');
  expectFact(f, 'three_public_reception', 18.84, 125, null, '万元');
  expectFact(f, 'three_public_reception_change', 0.4, 125, null, '万元');
  assert.ok(!String(f.get('three_public_vehicle_operation')!.text).includes('**'), 'markdown bold is dropped');
  // :131 机关（机构）运行经费支出预算477.50万元 … 减少24.81万元，下降4.94%
  expectFact(f, 'operating_cost', 477.5, 131, null, '万元');
  expectFact(f, 'operating_cost_change', -24.81, 131, null, '万元');
  expectFact(f, 'operating_cost_change_pct', -4.94, 131, null, '%');
  // :135 政府采购预算安排0.4万元
  expectFact(f, 'procurement_total', 0.4, 135, null, '万元');
  // :139 纳入预算绩效管理的支出总额为53056.22万元 … 涉及项目46个
  expectFact(f, 'performance_total_funds', 53056.22, 139, null, '万元');
  expectFact(f, 'performance_project_count', 46, 139, null, '个');
  // :145 固定资产总额23355.98万元 … 车辆共有40辆 … :147 专用设备4台（套）
  expectFact(f, 'fixed_assets_total', 23355.98, 145, null, '万元');
  expectFact(f, 'fixed_assets_office_equipment', 11281.67, 145, null, '万元');
  expectFact(f, 'fixed_assets_vehicles', 605.68, 145, null, '万元');
  expectFact(f, 'vehicles_total', 40, 145, 147, '辆');
  expectFact(f, 'equipment_special_100', 4, 145, 147, '台（套）');
  // :151 专项转移支付项目共有5项
  expectFact(f, 'special_transfer_count', 5, 151, null, '项');
});

test('zhumadian-2023-budget (:125-:195)', () => {
  const f = factsOf('zhumadian-2023-budget');
  expectFact(f, 'income_total', 17419.04, 125, null, '万元'); // :125
  expectFact(f, 'change_vs_prior_year', 1427.84, 125, null, '万元'); // 收、支总计各增加 1427.84 万元
  expectFact(f, 'change_vs_prior_year_pct', 8.93, 125, null, '%'); // 上升 8.93%
  // :129 收入合计 17419.04 万元。其中：一般公共预算收入 17419.04 万元。
  expectFact(f, 'general_public_budget', 17419.04, 129, null, '万元');
  expectFact(f, 'basic_expenditure', 14537.49, 133, null, '万元'); // :133
  // :141 …年初预算为 17419.04 万元。主要用于以下方面：教育（类）支出 7243.04 万元，占 41.58%
  expectFact(f, 'general_public_education', 7243.04, 141, null, '万元');
  expectFact(f, 'general_public_education_share', 41.58, 141, null, '%');
  expectFact(f, 'general_public_housing', 864.19, 141, null, '万元');
  // :145 人员经费 12938.03 万元 … 公用经费 1599.46 万元 (the paragraph wraps to :147, the sentence ends on :145)
  expectFact(f, 'personnel_expenditure', 12938.03, 145, null, '万元');
  expectFact(f, 'public_expenditure', 1599.46, 145, null, '万元');
  // :155 “三公”经费预算为 46.48 万元 … 增加了 1.48 万元，上升了 3.29%
  expectFact(f, 'three_public_total', 46.48, 155, null, '万元');
  expectFact(f, 'three_public_change', 1.48, 155, null, '万元');
  expectFact(f, 'three_public_change_pct', 3.29, 155, null, '%');
  // :161 公务用车运行维护费预算为 45.68 万元，比 2022 年增加了 0.98 万元; :163 公务接待费 0.80 万元 … 上升了 166.67%
  expectFact(f, 'three_public_vehicle_operation_change', 0.98, 161, null, '万元');
  expectFact(f, 'three_public_reception_change_pct', 166.67, 163, null, '%');
  expectFact(f, 'operating_cost', 1599.46, 169, null, '万元'); // :169 机关运行经费
  expectFact(f, 'procurement_services', 428.6, 173, null, '万元'); // :173
  assert.equal(f.has('procurement_works'), false, ':173 prints no works figure');
  // :179 本年设定绩效目标的项目有 42 个
  expectFact(f, 'performance_project_count', 42, 179, null, '个', '设定绩效目标的项目有 42 个');
  // :191 共有车辆 26 辆 … 一般执法执勤用车 1 辆；单价 50 万元以上通用设备 0 套
  expectFact(f, 'vehicles_total', 26, 191, null, '辆');
  expectFact(f, 'vehicles_law_enforcement', 1, 191, null, '辆');
  expectFact(f, 'equipment_general_50', 0, 191, null, '套');
});

test('luoyang-2024-budget: reflowed prose is joined into sentences, keeping the line range', () => {
  const f = factsOf('luoyang-2024-budget');
  // :155 “收入总计 65978.74” / :157 “万元，支出总计 65978.74 万元，与 2023 年预算相比，收” / :159 “支总计各减少 3932.15 万元，下降 5.96%，…” / :161
  expectFact(f, 'income_total', 65978.74, 155, 161, '万元', '收入总计 65978.74万元，支出总计 65978.74 万元');
  expectFact(f, 'change_vs_prior_year', -3932.15, 155, 161, '万元', '收支总计各减少 3932.15 万元');
  expectFact(f, 'change_vs_prior_year_pct', -5.96, 155, 161, '%');
  // :165-:169 收入合计 65978.74 万元，其中：一般公共预算 65297.46 万元；上年结转结余 / 681.28 万元
  expectFact(f, 'general_public_budget', 65297.46, 165, 169, '万元');
  expectFact(f, 'carryover', 681.28, 165, 169, '万元');
  // :173-:177 基本支出 8922.93 万元，占 13.52%；项目支 / 出 57055.81 万元，占 86.48%
  expectFact(f, 'basic_expenditure', 8922.93, 173, 177, '万元');
  expectFact(f, 'project_expenditure', 57055.81, 173, 177, '万元', '项目支出 57055.81 万元');
  // :183-:188 一般公共预算收支预算减少 3932.15 万元，下降 5.96%
  expectFact(f, 'fiscal_change_vs_prior_year', -3932.15, 183, 188, '万元');
  // :202-:206 人员经费支出 8333.98 万元，占 93.40%；公用经费支出 588.95 万元，占 6.60%
  expectFact(f, 'general_public_basic', 8922.93, 202, 206, '万元');
  expectFact(f, 'personnel_expenditure', 8333.98, 202, 206, '万元');
  expectFact(f, 'public_share', 6.6, 202, 206, '%');
  // :210 “三公”经费预算为 / :212 30.20 万元。2024 年“三公”经费支出预算数比 2023 年增 / :214 加 0.40 万元。
  expectFact(f, 'three_public_total', 30.2, 210, 212, '万元', '“三公”经费预算为30.20 万元');
  expectFact(f, 'three_public_change', 0.4, 212, 214, '万元', '比 2023 年增加 0.40 万元');
  // :224 公务接待费 6.20 万元 … :226-:227 增加 0.40 万元; :229-:237 公务用车购置及运行费 24.00 万元 … 保持一致
  expectFact(f, 'three_public_reception', 6.2, 224, 226, '万元');
  expectFact(f, 'three_public_vehicle', 24, 229, 237, '万元');
  expectFact(f, 'three_public_vehicle_purchase_change', 0, 229, 237, '万元', '保持一致');
  // :255-:263 机构运转经费支出预算 588.95 万元 … 增加 11.25 万元，增长 1.91%
  expectFact(f, 'operating_cost', 588.95, 255, 261, '万元', '行政（事业）单位机构运转经费支出预算 588.95 万元');
  expectFact(f, 'operating_cost_change', 11.25, 255, 263, '万元');
  expectFact(f, 'operating_cost_change_pct', 1.91, 255, 263, '%');
  // :267 政府采购预算安排 0.00 万元，其中：政府采购 / :271 page number “10” / :273 货物预算 0.00 万元
  expectFact(f, 'procurement_goods', 0, 267, 275, '万元', '政府采购货物预算 0.00 万元');
  assert.ok(!String(f.get('procurement_goods')!.text).includes('10'), 'the page number is not part of the sentence');
  // :281 涉及预算拨款 57055.81 万元,共 86 个项目
  expectFact(f, 'performance_project_count', 86, 279, 283, '个');
  // :289-:295 共有车辆 52 辆 … 一般公务用车 52 辆
  expectFact(f, 'vehicles_total', 52, 289, 295, '辆');
  expectFact(f, 'vehicles_general', 52, 289, 295, '辆');
  // :299-:311 专项转移支付项目共有 3 项
  expectFact(f, 'special_transfer_count', 3, 299, 305, '项');
});

test('zhengzhou-2020-performance has no narrative, hence no facts', () => {
  assert.deepEqual(readFacts(rawLines('zhengzhou-2020-performance')), []);
});

test('patterns tolerate spacing, thousands separators and full-width forms (another template)', () => {
  const lines = [
    '目录', '第二部分 说明', '第三部分 名词解释', '',
    '第二部分', '',
    '一、收入支出预算总体情况说明', '',
    '某某市某某局2025年收入总计１,２３４．５万元，支出总计 1234.5 万元，与上年相比，收、支总计各减少 10 万元，下降 0.8％。',
    '',
    '二、“三公”经费支出预算情况说明', '',
    '2025年"三公"经费预算为 12 万元,比上年减少了 3 万元。',
    '',
    '第三部分 名词解释',
  ];
  const rows = readFacts(lines);
  const get = (k: string) => rows.find((r) => r.fact_key === k)?.value;
  assert.equal(get('income_total'), 1234.5);
  assert.equal(get('expenditure_total'), 1234.5);
  assert.equal(get('change_vs_prior_year'), -10);
  assert.equal(get('change_vs_prior_year_pct'), -0.8);
  assert.equal(get('three_public_total'), 12);
  assert.equal(get('three_public_change'), -3);
  assert.equal(rows.find((r) => r.fact_key === 'income_total')!.source_line, 9);
});

test('every fact key is described; the schema lists the contract columns', () => {
  for (const doc of ['zhengzhou-2024-budget', 'jiaozuo-2024-budget', 'zhumadian-2023-budget', 'luoyang-2024-budget']) {
    for (const r of readFacts(rawLines(doc))) {
      assert.ok(FACT_KEYS[r.fact_key as string], `${doc}: ${String(r.fact_key)} not in FACT_KEYS`);
      assert.deepEqual(Object.keys(r), ['source_line', 'source_line_end', 'fact_key', 'value', 'unit', 'text']);
      assert.equal(typeof r.value, 'number');
      assert.doesNotMatch(String(r.text), /[\u4e00-\u9fff] +[\u4e00-\u9fff]/, 'no spaces between CJK characters');
    }
  }
  for (const [k, d] of Object.entries(FACT_KEYS)) {
    assert.match(k, /^[a-z][a-z0-9_]*$/);
    assert.ok(d.zh && d.en, k);
  }
  assert.equal(factsSchema.name, 'facts');
  assert.deepEqual(factsSchema.columns.map((c) => c.name), ['fact_key', 'value', 'unit', 'text']);
  for (const c of factsSchema.columns) assert.ok(c.zh && c.en, c.name);
});
