// What the pipeline derives across tables of one document: units, project codes on projects.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDocument } from '../../scripts/pipeline/read.ts';
import { assemble } from '../../scripts/pipeline/dataset.ts';
import { ROOT } from '../helpers.ts';
import type { OutRow } from '../../scripts/pipeline/types.ts';

function tablesOf(docId: string): Record<string, OutRow[]> {
  const path = join(ROOT, 'data/raw', `${docId}.txt`);
  return assemble([readDocument(path, readFileSync(path))]).tables;
}
const zz = tablesOf('zhengzhou-2024-budget');
const jz = tablesOf('jiaozuo-2024-budget');

test('units: the listed units, with codes where a table prints them (郑州)', () => {
  const units = zz.units!;
  // zhengzhou-2024-budget.txt:89–104 list 15 units (1. 郑州技师学院； … 15. 郑州市社会保险中心。)
  const listed = units.filter((u) => String(u.found_in).includes('预算单位构成'));
  assert.equal(listed.length, 15);
  // :628 046001|郑州市人力资源和社会保障局机关 ; :689 046002|郑州市就业创业服 (truncated) is 郑州市就业创业服务中心 (:93)
  const byName = (n: string) => units.find((u) => u.unit_name === n);
  assert.equal(byName('郑州市人力资源和社会保障局机关')!.unit_code, '046001');
  assert.equal(byName('郑州市就业创业服务中心')!.unit_code, '046002');
  assert.equal(units.filter((u) => String(u.unit_name).startsWith('郑州市就业创业服')).length, 1);
  // :258 |||046|郑州市人力资源和社会保障局 is the department itself
  assert.deepEqual([byName('郑州市人力资源和社会保障局')!.unit_code, byName('郑州市人力资源和社会保障局')!.unit_kind], ['046', 'department']);
});

test('units: codes from the income table (焦作)', () => {
  // jiaozuo-2024-budget.txt:237 302201|焦作市职业技术培训教研室 ; :251 302308|焦作市劳动人事争议仲裁院
  const u = jz.units!;
  assert.equal(u.find((x) => x.unit_name === '焦作市职业技术培训教研室')!.unit_code, '302201');
  assert.equal(u.find((x) => x.unit_name === '焦作市劳动人事争议仲裁院')!.unit_code, '302308');
});

test('project_code joins the project table to the performance table', () => {
  const p = (line: number) => zz.projects!.find((r) => r.source_line === line)!;
  // zhengzhou-2024-budget.txt:516 陇海路办公大楼运转经费 400.0 ↔ :629 410100240000000034462 陇海路办公大楼运转经费 400.0
  assert.deepEqual([p(516).project_code, p(516).project_code_match], ['410100240000000034462', 'name_amount']);
  // :549 and :550 are both 退休人员社会化服务费 (422.0 and 80.0): the amount tells them apart (:875 …36011 422.0)
  assert.equal(p(549).project_code, '410100240000000036011');
  assert.notEqual(p(550).project_code, p(549).project_code);
  // :500 劳动人事争议仲裁业务专项经费 60.0 is printed garbled at :663 (为幼八事以以以叙 业务专项经费, 60.0)
  assert.deepEqual([p(500).project_code, p(500).project_code_match], ['410100240000000034848', 'amount_and_name_ending']);
  // :498 生活补助 300.0 has no project of that name in the performance table: no code is invented
  assert.equal(p(498).project_code, null);
});

test('expenditure_by_function repair: 焦作 department table line with the basic cells missing', () => {
  // jiaozuo-2024-budget.txt:286 208|01|05||劳动保障监察|19.94|||||||19.94|19.94|| — a project-only line
  // (the 一般公共预算支出预算表, :371, prints 19.94 as 项目支出 and 其他运转类).
  const r = jz.expenditure_by_function!.find((x) => x.source_line === 286)!;
  assert.deepEqual([r.total, r.basic_total, r.basic_capital, r.project_total, r.project_operating, r.project_specific], [19.94, null, null, 19.94, 19.94, null]);
});
