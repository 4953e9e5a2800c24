// Findings (issue 12 §2): checks that share one cause are one finding, of a kind — the document
// contradicts itself, rounding, or our reading is uncertain. The causes pinned here are the ones a
// reader finds by hand in the Henan texts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDocument } from '../../scripts/pipeline/read.ts';
import { assemble } from '../../scripts/pipeline/dataset.ts';
import { ROOT } from '../helpers.ts';
import type { OutRow } from '../../scripts/pipeline/types.ts';

function tablesOf(file: string) {
  const path = join(ROOT, 'data/raw', `${file}.txt`);
  const { tables } = assemble([readDocument(path, readFileSync(path))]);
  return { checks: tables.checks!, findings: tables.findings! };
}
const zz = tablesOf('zhengzhou-2024-budget');
const ly = tablesOf('luoyang-2024-budget');
const jz = tablesOf('jiaozuo-2024-budget');
const of = (f: OutRow) => String(f.check_ids).split(';').map((id) => id.replace(/^[^:]+:/, ''));
const kinds = (fs: OutRow[]) => fs.reduce<Record<string, number>>((a, f) => ({ ...a, [f.finding_kind as string]: (a[f.finding_kind as string] ?? 0) + 1 }), {});

test('郑州: the 一般公共预算支出情况表 其他运转类/特定目标类 pair printed the wrong way round is one finding, not seven', () => {
  // :334 prints 其他运转类 17,727.7 and 特定目标类 6,242.8; the 项目支出表 (:496–552) adds up to the reverse.
  const swap = zz.findings.filter((f) => f.cause === 'swap');
  assert.equal(swap.length, 1);
  const ids = of(swap[0]!);
  assert.ok(ids.includes('cross_table:general_public_vs_projects:project_operating'));
  assert.ok(ids.includes('cross_table:general_public_vs_projects:project_specific'));
  // Every other part ≤ whole failure of those two columns (:257 vs :334, and by 类) is the same cause.
  assert.ok(ids.includes('part_whole:general_public_vs_department:total:project_operating'));
  assert.ok(ids.every((id) => /project_(operating|specific)$/.test(id)), ids.join(' '));
  assert.equal(swap[0]!.finding_kind, 'contradiction');
  assert.equal(swap[0]!.difference, 11484.9);
  assert.match(String(swap[0]!.explanation), /17,727\.7 万元.*6,242\.8 万元/);
});

test('郑州: the 整体绩效目标表 预算情况 block 742.0 short (:580–585) is one finding', () => {
  const f = zz.findings.find((x) => x.cause === 'same_difference' && x.difference === 742);
  assert.ok(f, 'no finding for 742.0');
  assert.equal(f.check_count, 4);
  assert.match(String(f.source_lines), /(^|,)580-581,585(,|$)/);
  assert.ok(of(f).every((id) => /overview/.test(id)), of(f).join(' '));
});

test('郑州: 普惠金融 printed twice (:731, :871) explains the count 55 vs 54 and the sum 26,874.5 vs 23,970.5 (2,904.0)', () => {
  const f = zz.findings.find((x) => x.cause === 'duplicate');
  assert.ok(f);
  assert.deepEqual(of(f).sort(), ['duplicate:project_indicators', 'narrative:performance_project_count:project_indicators', 'narrative:performance_project_funds:project_indicators']);
  assert.match(String(f.explanation), /第 731、871 行/);
});

test('郑州: 工资福利 of the 一般公共预算 table above the all-funds table by 429.0 (:334 vs :257) is its own finding', () => {
  const f = zz.findings.find((x) => x.difference === 429);
  assert.ok(f);
  assert.ok(of(f).includes('part_whole:general_public_vs_department:total:basic_wages'));
  assert.ok(!zz.findings.some((x) => x !== f && of(x).includes('part_whole:general_public_vs_department:total:basic_wages')));
});

test('every check that is not ok is in exactly one finding; ok checks in none', () => {
  for (const { checks, findings } of [zz, ly, jz]) {
    const grouped = findings.flatMap(of);
    assert.equal(new Set(grouped).size, grouped.length, 'a check in two findings');
    const notOk = checks.filter((c) => c.status !== 'ok');
    assert.equal(grouped.length, notOk.length);
    for (const c of checks) assert.equal(c.finding_id != null, c.status !== 'ok', String(c.check_id));
  }
});

test('洛阳 :1553 (a 三公 placement the reader could not settle) is a reading note, not a contradiction of the document', () => {
  const c = ly.checks.find((x) => String(x.check_id).endsWith(':ambiguous:three_public:1553'));
  assert.equal(c?.status, 'ambiguous');
  const f = ly.findings.find((x) => x.finding_id === c.finding_id);
  assert.equal(f?.finding_kind, 'reading');
  // 洛阳's one contradiction is elsewhere: its rates of change worked out on this year's figure (narrativeTotals.test.ts).
  assert.deepEqual(ly.findings.filter((x) => x.finding_kind === 'contradiction').map((x) => x.cause), ['rate_base']);
});

test('郑州: the 项目绩效目标表 prints 三支一扶工作经费 at 300.0 (:864) where the 项目支出表 has it at 105.0 (:497)', () => {
  // :677 prints the same name at 105.0 (another code), :864 at 300.0; the 项目支出表 has one, :497, at 105.0.
  const c = zz.checks.find((x) => x.check_id === 'zhengzhou-2024-rlzyhshbzj-budget:cross_table:project_indicators_vs_projects:864');
  assert.deepEqual([c?.expected, c?.actual, c?.status, c?.source_lines], [105, 300, 'mismatch', '497,864']);
  assert.equal(zz.checks.find((x) => x.check_id === 'zhengzhou-2024-rlzyhshbzj-budget:cross_table:project_indicators_vs_projects:677')?.status, 'ok');
});

test('counts of contradictions: 郑州 5 causes; 焦作 2 (:141 3000.00 against 30,000 at :1018; 90.00 of 国有资本经营预算 carry-over at :464 against none at :315)', () => {
  assert.equal(kinds(zz.findings)['contradiction'], 5);
  const jzc = jz.findings.filter((f) => f.finding_kind === 'contradiction');
  assert.equal(jzc.length, 2);
  assert.ok(jzc.some((f) => /^141,1018/.test(String(f.source_lines))));
  assert.ok(jzc.some((f) => /(^|,)315(,|$)/.test(String(f.source_lines)) && f.table_name === 'basic_detail'));
});

test('郑州 pasted twice into one file: every table printed twice is a check, and they are one finding', () => {
  const path = join(ROOT, 'data/raw/zhengzhou-2024-budget.txt');
  const once = readFileSync(path);
  const { tables } = assemble([readDocument(path, Buffer.concat([once, Buffer.from('\n'), once]))]);
  const repeated = tables.checks!.filter((c) => String(c.check_id).includes(':duplicate:table:'));
  // 郑州 prints 11 standard tables (部门收支总体情况表 at :206 … 项目绩效目标表 at :620); each now twice.
  assert.equal(repeated.length, 11);
  const summary = repeated.find((c) => String(c.check_id).endsWith(':summary'))!;
  assert.deepEqual([summary.expected, summary.actual, summary.unit, summary.status], [1, 2, '次', 'mismatch']);
  assert.match(String(summary.source_lines), /^206,/);
  const f = tables.findings!.filter((x) => String(x.check_ids).includes(':duplicate:table:'));
  assert.equal(f.length, 1, 'one cause: the document is in the file twice');
  assert.equal(f[0]!.check_count, 11);
});

test('郑州 cut after :627: its 项目绩效目标表 (title at :620) is printed but yields no row, so it is not called present', () => {
  const path = join(ROOT, 'data/raw/zhengzhou-2024-budget.txt');
  const cut = readFileSync(path, 'utf8').split('\n').slice(0, 627).join('\n');
  const { tables } = assemble([readDocument(path, Buffer.from(cut))]);
  const p = tables.table_presence!.find((r) => r.standard_key === 'project_performance');
  assert.equal(p?.source_line, 620);
  assert.equal(p?.status, 'unread');
  assert.equal((tables.project_indicators ?? []).length, 0);
  // The whole document: present, with its 425 indicators.
  const whole = assemble([readDocument(path, readFileSync(path))]).tables;
  assert.equal(whole.table_presence!.find((r) => r.standard_key === 'project_performance')?.status, 'present');
  assert.equal(whole.project_indicators!.length, 425);
});
