// Checks where a disclosure disagrees with itself beyond its tables' own sums (issue 12 §1): the
// narrative against the performance tables, the 预算情况 block against the summary, projects the
// narrative names with an amount, itemised changes against the stated change, parts larger than
// their whole, rows printed twice. Each finding pinned to the lines of the disclosure text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readDocument, readFile } from '../../scripts/pipeline/read.ts';
import { assemble } from '../../scripts/pipeline/dataset.ts';
import { buildChecks, check, checksSchema } from '../../scripts/pipeline/checks.ts';
import { ROOT } from '../helpers.ts';
import type { OutRow } from '../../scripts/pipeline/types.ts';

function checksOf(file: string): OutRow[] {
  const path = join(ROOT, 'data/raw', `${file}.txt`);
  return assemble([readDocument(path, readFileSync(path))]).tables.checks!;
}
const zz = checksOf('zhengzhou-2024-budget');
const jz = checksOf('jiaozuo-2024-budget');
const ZZ = 'zhengzhou-2024-rlzyhshbzj-budget';
const JZ = 'jiaozuo-2024-rlzyhshbzj-budget';

/** The check with this id (after the doc id), its comparison, status and lines. */
function expectCheck(rows: OutRow[], doc: string, id: string, want: { expected: number | null; actual: number | null; status: string; unit: string; lines?: string; kind: string }) {
  const c = rows.find((r) => r.check_id === `${doc}:${id}`);
  assert.ok(c, `no check ${id}`);
  assert.deepEqual(
    { expected: c.expected, actual: c.actual, status: c.status, unit: c.unit, kind: c.check_kind, ...(want.lines ? { lines: c.source_lines } : {}) },
    want, id);
  return c;
}

test('郑州 :168 says 54 projects / 23,970.5 万元; the 项目绩效目标表 lists 55 totalling 26,874.5', () => {
  // :168 “项目支出全面实施绩效管理，涉及预算拨款 23970.5 万元，共 54 个项目”; the table's projects run :629–:875.
  expectCheck(zz, ZZ, 'narrative:performance_project_count:project_indicators',
    { expected: 55, actual: 54, status: 'mismatch', unit: '个', lines: '168,629,875', kind: 'narrative' });
  const funds = expectCheck(zz, ZZ, 'narrative:performance_project_funds:project_indicators',
    { expected: 26874.5, actual: 23970.5, status: 'mismatch', unit: '万元', kind: 'narrative' });
  assert.equal(funds.difference, -2904);
  assert.match(String(funds.source_lines), /^168,629,.*,731,.*,871,875$/);
  // The 项目支出表 (:494 合计, :496–:552) agrees with the narrative: the extra project is the table's own.
  expectCheck(zz, ZZ, 'narrative:performance_project_count:projects',
    { expected: 54, actual: 54, status: 'ok', unit: '个', lines: '168,496,552', kind: 'narrative' });
  expectCheck(zz, ZZ, 'narrative:performance_project_funds:projects',
    { expected: 23970.5, actual: 23970.5, status: 'ok', unit: '万元', lines: '168,494', kind: 'narrative' });
});

test('郑州 项目绩效目标表 prints 2024普惠金融发展专项资金（市级）, 2,904.0, twice (:731, :871)', () => {
  const c = expectCheck(zz, ZZ, 'duplicate:project_indicators',
    { expected: 54, actual: 55, status: 'mismatch', unit: '项', lines: '731,871', kind: 'duplicate' });
  assert.match(String(c.description), /2024普惠金融发展专项资金\(市级\)（2,904\.0 万元）（第 731、871 行，编码 410100240000000066808、410100240000000041201）/);
  // :868 is the same name with 20.0: another project, not a duplicate. The 项目支出表 prints no row twice.
  assert.ok(!String(c.description).includes('868'));
  expectCheck(zz, ZZ, 'duplicate:projects', { expected: 54, actual: 54, status: 'ok', unit: '项', lines: '496,552', kind: 'duplicate' });
});

test('郑州 整体绩效目标表 预算情况 (:580–585) is 742.0 short of every other table', () => {
  // :580 部门预算总额 83,927.1 vs :246 收入总计 84,669.1
  expectCheck(zz, ZZ, 'cross_table:summary_vs_overview:total',
    { expected: 84669.1, actual: 83927.1, status: 'mismatch', unit: '万元', lines: '246,580', kind: 'cross_table' });
  // :581 政府预算资金 81,174.0 vs :334 一般公共预算支出情况表 合计 81,916.0
  expectCheck(zz, ZZ, 'cross_table:general_public_vs_overview:government_funds',
    { expected: 81916, actual: 81174, status: 'mismatch', unit: '万元', lines: '334,581', kind: 'cross_table' });
  // :585 项目支出 23,228.5 vs :257 部门支出总体情况表 合计 项目支出 23,970.5, and vs the narrative (:168)
  expectCheck(zz, ZZ, 'cross_table:department_vs_overview:project_total',
    { expected: 23970.5, actual: 23228.5, status: 'mismatch', unit: '万元', lines: '257,585', kind: 'cross_table' });
  expectCheck(zz, ZZ, 'narrative:performance_project_funds:dept_budget_overview',
    { expected: 23228.5, actual: 23970.5, status: 'mismatch', unit: '万元', lines: '168,585', kind: 'narrative' });
  // What agrees: :584 基本支出 60,698.7 (= :257), :582 财政专户管理资金 697.8 (= :218), and the block's own sums
  // (:581–583 add up to :580; :584 + :585 = 83,927.2, within rounding of :580).
  expectCheck(zz, ZZ, 'cross_table:department_vs_overview:basic_total',
    { expected: 60698.7, actual: 60698.7, status: 'ok', unit: '万元', lines: '257,584', kind: 'cross_table' });
  expectCheck(zz, ZZ, 'cross_table:summary_vs_overview:special_account',
    { expected: 697.8, actual: 697.8, status: 'ok', unit: '万元', lines: '218,582', kind: 'cross_table' });
  expectCheck(zz, ZZ, 'column_sum:dept_budget_overview:sources',
    { expected: 83927.1, actual: 83927.1, status: 'ok', unit: '万元', lines: '580-583', kind: 'column_sum' });
  expectCheck(zz, ZZ, 'column_sum:dept_budget_overview:structure',
    { expected: 83927.1, actual: 83927.2, status: 'rounding', unit: '万元', lines: '580,584-585', kind: 'column_sum' });
});

test('焦作 预算情况 agrees with the summary, 政府预算资金 counting the 上年结转 (:1091–1096)', () => {
  // :1092 政府预算资金 52,866.22 = :353 一般公共预算支出 合计 (49,772.10 + 上年结转 3,094.12)
  expectCheck(jz, JZ, 'cross_table:general_public_vs_overview:government_funds',
    { expected: 52866.22, actual: 52866.22, status: 'ok', unit: '万元', lines: '353,1092', kind: 'cross_table' });
  expectCheck(jz, JZ, 'cross_table:summary_vs_overview:total',
    { expected: 53056.22, actual: 53056.22, status: 'ok', unit: '万元', lines: '221,1091', kind: 'cross_table' });
  // :139 纳入预算绩效管理的支出总额为53056.22万元 … 项目支出41763.42万元，涉及项目46个
  expectCheck(jz, JZ, 'narrative:performance_total_funds:dept_budget_overview',
    { expected: 53056.22, actual: 53056.22, status: 'ok', unit: '万元', lines: '139,1091', kind: 'narrative' });
  expectCheck(jz, JZ, 'narrative:performance_project_count:project_indicators',
    { expected: 46, actual: 46, status: 'ok', unit: '个', lines: '139,1132,1304', kind: 'narrative' });
});

test('焦作 :141 says 重点项目二 is 3000.00 万元; :85, :1018 and :1210 say 30,000', () => {
  // :141 “重点项目二：机关事业单位养老保险基金缺口项目，年初预算安排3000.00万元” against the 项目支出表 :1018
  // (30,000.00), which the 项目绩效目标表 prints again at :1210 (30000.0 0).
  const c = expectCheck(jz, JZ, 'narrative:project:141:1018',
    { expected: 30000, actual: 3000, status: 'mismatch', unit: '万元', lines: '141,1018,1210', kind: 'narrative' });
  assert.equal(c.difference, -27000);
  assert.match(String(c.description), /机关事业单位养老保险基金缺口/);
  // :85 “2、机关事业单位养老保险基金缺口30000万元” (and the same sentence again at :97) agree.
  expectCheck(jz, JZ, 'narrative:project:85:1018',
    { expected: 30000, actual: 30000, status: 'ok', unit: '万元', lines: '85,1018,1210', kind: 'narrative' });
  expectCheck(jz, JZ, 'narrative:project:97:1018',
    { expected: 30000, actual: 30000, status: 'ok', unit: '万元', lines: '97,1018,1210', kind: 'narrative' });
  // :141 重点项目一 3714.00 = :1007; :151 the special transfers, brackets printed either way: （中央） :991, (中央免学费) :1039
  expectCheck(jz, JZ, 'narrative:project:141:1007',
    { expected: 3714, actual: 3714, status: 'ok', unit: '万元', lines: '141,1007,1175', kind: 'narrative' });
  expectCheck(jz, JZ, 'narrative:project:151:991',
    { expected: 89.2, actual: 89.2, status: 'ok', unit: '万元', lines: '151,991,1184', kind: 'narrative' });
  expectCheck(jz, JZ, 'narrative:project:151:1039',
    { expected: 464.2, actual: 464.2, status: 'ok', unit: '万元', lines: '151,1039,1288', kind: 'narrative' });
  // :85 and :97 name 3 projects each, :141 two, :151 five.
  assert.equal(jz.filter((r) => String(r.check_id).includes(':narrative:project:')).length, 13);
});

test('a 三公 item named like a project is not read as the project (洛阳 :235–237 公务用车运行维护费 24.00)', () => {
  const ly = checksOf('luoyang-2024-budget');
  assert.equal(ly.filter((r) => String(r.check_id).includes(':narrative:project:')).length, 0);
});

test('郑州 :138: 三公 fell by 4.5 万元, its items add up to −4.4: within rounding of four printed changes', () => {
  // :142 因公出国（境）费 +20, :144 公务接待费 +1.9, :146 公务用车购置费 持平, 运行维护费 −26.3 → −4.4;
  // four figures printed to 0.1 may be off by 4 × 0.05 = 0.2 in their sum.
  const c = expectCheck(zz, ZZ, 'narrative_sum:three_public_change',
    { expected: -4.5, actual: -4.4, status: 'rounding', unit: '万元', lines: '138,142,144,146', kind: 'narrative_sum' });
  assert.equal(c.difference, 0.1);
  assert.equal(c.tolerance, 0.2);
  // 焦作 :117 −2.90 = 0 + 0 − 3.30 + 0.40 exactly.
  expectCheck(jz, JZ, 'narrative_sum:three_public_change',
    { expected: -2.9, actual: -2.9, status: 'ok', unit: '万元', lines: '117,121,123,125', kind: 'narrative_sum' });
});

test('郑州: the 一般公共预算 工资福利 (29,926.7, :334) exceeds the all-funds 工资福利 (29,497.7, :257)', () => {
  const c = expectCheck(zz, ZZ, 'part_whole:general_public_vs_department:total:basic_wages',
    { expected: 29497.7, actual: 29926.7, status: 'mismatch', unit: '万元', lines: '257,334', kind: 'part_whole' });
  assert.equal(c.difference, 429);
  // … all of it in 类 208 (:343 14,797.7 against the department's 208 rows, 14,368.7).
  expectCheck(zz, ZZ, 'part_whole:general_public_vs_department:208:basic_wages',
    { expected: 14368.7, actual: 14797.7, status: 'mismatch', unit: '万元', lines: '261-266,269-271,274-278,280,343', kind: 'part_whole' });
  // A part smaller than its whole is no finding: 合计 81,916.0 of 84,669.1; 其中：财政拨款 79,485.0 (:215) of 81,916.0 (:214).
  expectCheck(zz, ZZ, 'part_whole:general_public_vs_department:total:total',
    { expected: 84669.1, actual: 81916, status: 'ok', unit: '万元', lines: '257,334', kind: 'part_whole' });
  expectCheck(zz, ZZ, 'part_whole:summary:215', { expected: 81916, actual: 79485, status: 'ok', unit: '万元', lines: '214-215', kind: 'part_whole' });
});

test('every check states its unit; the checks that were there keep 万元', () => {
  for (const rows of [zz, jz]) {
    for (const r of rows) {
      assert.ok(['万元', '个', '项', '%'].includes(r.unit as string), `${String(r.check_id)} unit ${String(r.unit)}`);
      // A percentage is one the narrative prints, set against the one its amounts give.
      if (r.unit === '%') assert.match(String(r.check_id), /:narrative_sum:.*(_share|_pct)$/);
      if (['row_sum', 'column_sum', 'cross_table'].includes(r.check_kind as string)) assert.equal(r.unit, '万元', String(r.check_id));
    }
  }
  assert.ok(checksSchema.columns.some((c) => c.name === 'unit'));
  for (const kind of ['narrative_sum', 'part_whole', 'duplicate']) {
    const col = checksSchema.columns.find((c) => c.name === 'check_kind')!;
    assert.ok(col.zh.includes(kind) && col.en.includes(kind), `${kind} documented`);
  }
});

test('check(): counts compare exactly, a part may be smaller than its whole', () => {
  const base = { id: 'x', kind: 'part_whole' as const, table: 't', description: '', terms: 2, decimals: 1, lines: [3, 1] };
  assert.equal(check('d', { ...base, expected: 10, actual: 9, atMost: true }).status, 'ok');
  assert.equal(check('d', { ...base, expected: 10, actual: 10.1, atMost: true }).status, 'rounding');
  assert.equal(check('d', { ...base, expected: 10, actual: 10.2, atMost: true }).status, 'mismatch');
  assert.equal(check('d', { ...base, expected: 10, actual: 9, atMost: false }).status, 'mismatch');
  const count = check('d', { ...base, kind: 'duplicate', expected: 54, actual: 55, unit: '项' });
  assert.deepEqual([count.status, count.tolerance, count.unit, count.source_line, count.source_lines], ['mismatch', 0, '项', 1, '1,3']);
  assert.equal(check('d', { ...base, expected: 1, actual: 1 }).unit, '万元');
});

test('documents without those tables: nothing to check, nothing thrown', () => {
  assert.deepEqual(buildChecks('empty', {}, 2, []), []);
  assert.deepEqual(buildChecks('empty', { facts: [{ fact_key: 'performance_project_count', value: 3, source_line: 1, text: '全面实施' }] }, 2, ['第二部分', '项目甲乙丙丁戊己 5 万元']), []);
});

test('the PDF documents: the new checks run, and find nothing there', async () => {
  const dir = join(ROOT, 'data/raw');
  const reads = await Promise.all(readdirSync(dir).filter((f) => f.endsWith('.pdf')).map((f) => readFile(join(dir, f), readFileSync(join(dir, f)))));
  const checks = assemble(reads).tables.checks!;
  const fresh = checks.filter((c) => /:(narrative_sum|part_whole|duplicate|narrative:project|narrative:performance|cross_table:\w+_vs_overview)/.test(String(c.check_id)));
  assert.ok(fresh.length > 0);
  assert.deepEqual(fresh.filter((c) => c.status !== 'ok').map((c) => c.check_id), []);
});
