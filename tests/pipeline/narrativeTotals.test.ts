// The narrative's own figures that no check read before (issue 12 §5: "every published amount is
// covered by some check"): totals it breaks down, the shares and rates it prints, the 类 it names.
// Values read off the disclosure texts, lines given; then the same figures with one digit changed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDocument } from '../../scripts/pipeline/read.ts';
import { assemble } from '../../scripts/pipeline/dataset.ts';
import { ROOT } from '../helpers.ts';
import type { OutRow } from '../../scripts/pipeline/types.ts';

function read(file: string, edit?: (lines: string[]) => void): Record<string, OutRow[]> {
  const path = join(ROOT, 'data/raw', `${file}.txt`);
  let bytes: Uint8Array = readFileSync(path);
  if (edit) {
    const lines = Buffer.from(bytes).toString('utf8').split('\n');
    edit(lines);
    bytes = new TextEncoder().encode(lines.join('\n'));
  }
  return assemble([readDocument(path, bytes)]).tables;
}
const checkOf = (t: Record<string, OutRow[]>, id: string) => {
  const c = (t.checks ?? []).find((r) => String(r.check_id).endsWith(`:${id}`));
  assert.ok(c, `no check ${id}`);
  return c;
};
/** Line n (1-based) with `from` replaced by `to`, asserting it is printed there. */
const change = (n: number, from: string, to: string) => (lines: string[]) => {
  assert.ok(lines[n - 1]!.includes(from), `line ${n} prints ${from}`);
  lines[n - 1] = lines[n - 1]!.replace(from, to);
};

const zz = read('zhengzhou-2024-budget');
const jz = read('jiaozuo-2024-budget');
const ly = read('luoyang-2024-budget');

test('郑州 :122 支出合计 84669.1 = 基本支出 60698.6 + 项目支出 23970.5, which are 71.69% and 28.31% of it', () => {
  const sum = checkOf(zz, 'narrative_sum:expenditure_sum');
  assert.deepEqual([sum.expected, sum.actual, sum.status, sum.source_lines], [84669.1, 84669.1, 'ok', '122']);
  const share = checkOf(zz, 'narrative_sum:basic_share');
  assert.deepEqual([share.expected, share.actual, share.unit, share.status], [71.69, 71.69, '%', 'ok']);
  // and the 支出合计 is the 部门支出总体情况表's 合计
  const table = checkOf(zz, 'narrative:expenditure_sum');
  assert.deepEqual([table.expected, table.actual, table.status], [84669.1, 84669.1, 'ok']);
});

test('郑州 :126 一般公共预算收支预算 81916, 增加 3895.7, 增长 4.99%: the rate is on last year (78,020.3)', () => {
  const rate = checkOf(zz, 'narrative_sum:fiscal_change_vs_prior_year_pct');
  assert.deepEqual([rate.expected, rate.actual, rate.status, rate.source_lines], [4.99, 4.99, 'ok', '126']);
  const gp = checkOf(zz, 'narrative:fiscal_general_public');
  assert.deepEqual([gp.expected, gp.actual, gp.status], [81916, 81916, 'ok']);
});

test('郑州 :164 政府采购 3113.7 = 货物 737 + 工程 522.2 + 服务 1854.5', () => {
  const c = checkOf(zz, 'narrative_sum:procurement_total');
  assert.deepEqual([c.expected, c.actual, c.status, c.source_lines], [3113.7, 3113.7, 'ok', '164']);
});

test('焦作 :145 固定资产总额 23355.98 = its five listed kinds, 其他 included; :101 教育支出 4648.29 is the 205 类 of the 一般公共预算 table', () => {
  const assets = checkOf(jz, 'narrative_sum:fixed_assets_total');
  assert.deepEqual([assets.expected, assets.actual, assets.status], [23355.98, 23355.98, 'ok']);
  const edu = checkOf(jz, 'narrative:general_public_education');
  assert.deepEqual([edu.expected, edu.actual, edu.status], [4648.29, 4648.29, 'ok']);
  assert.match(String(edu.source_lines), /^101,/);
  // :89 收入合计 53056.22 lists 上年结转结余 3094.12 among its sources: added up from its own list.
  const income = checkOf(jz, 'narrative_sum:income_sum');
  assert.deepEqual([income.expected, income.actual, income.status], [53056.22, 53056.22, 'ok']);
});

test('洛阳 :159, :185 下降 5.96% and :261 增加 1.91%: each rate is the change over this year’s figure, not last year’s — one finding', () => {
  // −3932.15 / 65978.74 = −5.96%; over last year's 69910.89 it is −5.62%. 11.25 / 588.95 = 1.91%; over 577.70, 1.95%.
  const total = checkOf(ly, 'narrative_sum:fiscal_change_vs_prior_year_pct');
  assert.deepEqual([total.expected, total.actual, total.status], [-5.96, -5.62, 'mismatch']);
  const op = checkOf(ly, 'narrative_sum:operating_cost_change_pct');
  assert.deepEqual([op.expected, op.actual, op.status], [1.91, 1.95, 'mismatch']);
  const f = (ly.findings ?? []).find((x) => x.cause === 'rate_base');
  assert.ok(f, 'a rate_base finding');
  assert.equal(f.check_count, 3);
  assert.equal(f.finding_kind, 'contradiction');
  assert.equal(total.finding_id, f.finding_id);
  assert.equal(op.finding_id, f.finding_id);
  assert.match(String(f.title), /按本年数而不是上年数/);
});

test('郑州 2020 整体绩效目标表 :20–32: each task’s 财政资金 is no more than its 合计', () => {
  const form = read('zhengzhou-2020-performance');
  const tasks = (form.checks ?? []).filter((c) => String(c.check_id).includes(':part_whole:tasks:'));
  assert.equal(tasks.length, 12);
  assert.ok(tasks.every((c) => c.status === 'ok'));
  // :23 全市性表彰经费 650 | 650: a 财政资金 printed 950 is more than the whole.
  const bad = read('zhengzhou-2020-performance', change(23, '650\t650', '650\t950'));
  assert.equal(checkOf(bad, 'part_whole:tasks:23').status, 'mismatch');
});

test('one digit changed in a narrative figure no table repeats is caught', () => {
  const cases: Array<[string, number, string, string, string]> = [
    ['zhengzhou-2024-budget', 164, '货物预算 737 万元', '货物预算 787 万元', 'narrative_sum:procurement_total'],
    ['zhengzhou-2024-budget', 126, '增加 3895.7 万元', '增加 3825.7 万元', 'narrative_sum:fiscal_change_vs_prior_year_pct'],
    ['zhengzhou-2024-budget', 126, '收支预算 81916 万元', '收支预算 81946 万元', 'narrative:fiscal_general_public'],
    ['zhengzhou-2024-budget', 122, '支出合计 84669.1', '支出合计 84269.1', 'narrative_sum:expenditure_sum'],
    ['jiaozuo-2024-budget', 145, '办公设备11281.67', '办公设备11381.67', 'narrative_sum:fixed_assets_total'],
    ['jiaozuo-2024-budget', 101, '教育支出4648.29', '教育支出4628.29', 'narrative:general_public_education'],
  ];
  for (const [file, line, from, to, id] of cases) {
    assert.equal(checkOf(read(file, change(line, from, to)), id).status, 'mismatch', `${file}:${line} ${to}`);
  }
});
