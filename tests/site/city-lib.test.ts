// The city pages' helpers (src/lib/city*.ts): the functional tree, plain-Chinese notes and check
// explanations, and the chart layouts. Runs against public/data (after `npm run data`).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { functionTree } from '../../src/lib/cityFunctions.ts';
import { checks, facts, presence, summaryRows } from '../../src/lib/cityData.ts';
import type { CheckRow, Presence } from '../../src/lib/cityData.ts';
import { absentNote, checkDescription, deptName, explainCheck, linesZh, listZh, uniqueSources } from '../../src/lib/cityText.ts';
import { inUnit } from '../../src/lib/format.ts';
import { CHECK_KIND_ZH, CHECK_KIND_WHAT } from '../../src/lib/labels.ts';
import { fitText, labeledBars, stackedShares, textOn, textWidth, treemapChart } from '../../src/lib/cityCharts.ts';
import { readCsv, ROOT } from '../e2e/browser.ts';

const documents = readCsv(join(ROOT, 'public', 'data', 'documents.csv'));
const has = (id: string) => documents.some((d) => d['doc_id'] === id);

test('functionTree: every budget document’s 项 add up to its printed expenditure total (within rounding)', async () => {
  for (const d of documents.filter((x) => x['doc_kind'] === 'budget')) {
    const tree = await functionTree(d['doc_id']!);
    assert.ok(tree, `${d['doc_id']}: a tree`);
    const leaves = tree.classes.flatMap((c) => c.sections.flatMap((s) => s.items));
    assert.ok(leaves.every((l) => /^\d{3}(\d{2}){0,2}$/.test(l.code)), 'codes are 3, 5 or 7 digits');
    for (const c of tree.classes) {
      assert.ok(c.sections.every((s) => s.code.startsWith(c.code)), `${c.code}: sections belong to their class`);
      assert.ok(Math.abs(c.total - c.sections.reduce((a, s) => a + s.total, 0)) < 0.01, `${c.code}: class = sum of sections`);
      assert.ok(!/^科目 /.test(c.name), `${d['doc_id']} ${c.code}: the class has a name (${c.name})`);
    }
    const summary = (await summaryRows(d['doc_id']!)).find((r) => r.side === 'expenditure' && r.row_kind === 'total');
    if (summary?.amount) assert.ok(Math.abs(tree.total - summary.amount) <= 0.05 * tree.classes.length + 0.2, `${d['doc_id']}: ${tree.total} vs ${summary.amount}`);
  }
});

test('functionTree: 郑州 2024 by 类, names as printed (教育支出 › 职业教育 › 技校教育)', { skip: !has('zhengzhou-2024-rlzyhshbzj-budget') }, async () => {
  const tree = (await functionTree('zhengzhou-2024-rlzyhshbzj-budget'))!;
  assert.equal(tree.tableKind, 'department');
  const edu = tree.classes.find((c) => c.code === '205')!;
  assert.equal(edu.short, '教育');
  assert.equal(edu.sections.find((s) => s.code === '20503')?.name, '职业教育');
  assert.equal(edu.sections.find((s) => s.code === '20503')?.items[0]?.name, '技校教育');
  assert.equal(edu.sections.find((s) => s.code === '20503')?.items[0]?.total, 37352.8);
  assert.equal(tree.classes[0]!.code, '205', 'largest class first');
});

test('absentNote: plain words for each status; nothing for tables a document is not expected to print', () => {
  const p = (status: Presence['status']): Presence => ({ standard_key: 'income', standard_zh: '部门收入总体情况表', expected: true, status, title: null, rows: null, source_line: null, source_line_end: null });
  assert.equal(absentNote(undefined), undefined);
  assert.match(absentNote(p('missing'))!, /未公开部门收入总体情况表/);
  assert.match(absentNote(p('empty'))!, /空表/);
  assert.match(absentNote(p('unread'))!, /尚未读取/);
});

test('explainCheck: numbers in 万元, rounding vs mismatch, swapped columns noticed, technical notes dropped', () => {
  const base: CheckRow = { check_id: 'x', check_kind: 'cross_table', table_name: 'projects', description: 'A 列 = B 之和', expected: 17727.7, actual: 6242.8, difference: -11484.9, tolerance: 1.45, unit: '万元', status: 'mismatch', source_lines: '334', source_line: 334, source_line_end: null, finding_id: null };
  const other: CheckRow = { ...base, check_id: 'y', expected: 6242.8, actual: 17727.7, difference: 11484.9 };
  const text = explainCheck(base, [base, other]);
  assert.match(text, /等号左边为 17,727\.7 万元，右边为 6,242\.8 万元，相差 11,484\.9 万元，不能用四舍五入解释/);
  assert.match(text, /印反/);
  assert.doesNotMatch(explainCheck(base, [base]), /印反/);
  assert.match(explainCheck({ ...base, status: 'rounding', expected: 190.2, actual: 190.3, difference: 0.1, check_kind: 'row_sum' }, []), /原文印的合计为 190\.2 万元，各项相加为 190\.3 万元，相差 0\.1 万元，在四舍五入/);
  const amb: CheckRow = { ...base, check_id: 'd:ambiguous:three_public:1553', expected: null, actual: null, difference: null, description: '“三公”经费表第 1553 行：请核对原文（2 placements fit the sums; vehicle purchase vs operation decided by preference (operation))' };
  assert.equal(checkDescription(amb), '“三公”经费表第 1553 行：请核对原文');
  assert.match(explainCheck(amb, [amb]), /不是原文算错/);
});

test('the real checks of every document can be explained without leftovers', async () => {
  for (const d of documents) {
    const all = await checks(d['doc_id']!);
    for (const c of all.filter((x) => x.status !== 'ok')) {
      const text = explainCheck(c, all);
      assert.doesNotMatch(text, /NaN|undefined|null|[A-Za-z]{4,}/, `${c.check_id}: ${text}`);
    }
  }
});

test('explainCheck: each kind in its own words, each figure in its own unit', () => {
  const base: CheckRow = { check_id: 'd:x', check_kind: 'narrative', table_name: 'project_indicators', description: '情况说明第 168 行所说设定绩效目标的项目数（54 个）对照项目绩效目标表中列有绩效指标的项目数',
    expected: 55, actual: 54, difference: -1, tolerance: 0, unit: '个', status: 'mismatch', source_lines: '168,629,875', source_line: 168, source_line_end: null, finding_id: null };
  // A count: 个, no 万元, no rounding.
  const count = explainCheck(base, [base]);
  assert.match(count, /表中为 55 个项目，文字说明为 54 个，相差 1 个。项目数是逐个数出来的，没有四舍五入/);
  assert.doesNotMatch(count, /万元|四舍五入解释/);
  // A part larger than its whole: actual is the part, expected the whole.
  const part: CheckRow = { ...base, check_id: 'd:p', check_kind: 'part_whole', table_name: 'expenditure_by_function', unit: '万元', tolerance: 0.1,
    description: '一般公共预算支出情况表合计行的“工资福利支出”（29,926.7）不大于部门支出总体情况表合计行的“工资福利支出”（29,497.7）', expected: 29497.7, actual: 29926.7, difference: 429, source_lines: '257,334' };
  const pw = explainCheck(part, [part]);
  assert.match(pw, /部分为 29,926\.7 万元，整体为 29,497\.7 万元，部分大于整体，多出 429 万元，不能用四舍五入解释/);
  assert.match(pw, /（29,497\.7）：/, 'the whole as printed stays in the description');
  assert.match(explainCheck({ ...part, status: 'rounding', actual: 29497.8, difference: 0.1 }, []), /部分比整体多 0\.1 万元，在四舍五入/);
  assert.match(explainCheck({ ...part, expected: null, difference: 29926.7 }, []), /整体为空白（原文此处未印数字），部分大于整体/);
  // A row printed twice: which lines, what it does to the totals, and the count it explains.
  const dup: CheckRow = { ...base, check_id: 'd:dup', check_kind: 'duplicate', unit: '项', description: '项目绩效目标表：同一单位下名称与资金总额都相同的项目重复印出——甲项目（2,904.0 万元）',
    expected: 54, actual: 55, difference: 1, source_lines: '731,871' };
  const twice = explainCheck(dup, [dup, base]);
  assert.match(twice, /重复印出的项目在原文第 731 行和第 871 行：表中印出 55 项，其中不同的只有 54 项，多出 1 项/);
  assert.match(twice, /会被算两次/);
  assert.match(twice, /文字说明所说的项目数（54 个）比表中（55 个）少的，正是这 1 项/);
  assert.match(explainCheck(base, [base, dup]), /表中有项目重复印出（第 731 行和第 871 行），去掉重复后是 54 个，与文字说明相同/);
  // The same two numbers the other way round in a count and a duplicate (or a narrative and a table) are no swapped columns.
  assert.doesNotMatch(twice + explainCheck(base, [base, dup]), /印反/);
  const table: CheckRow = { ...base, check_id: 'd:t', check_kind: 'cross_table', table_name: 'dept_budget_overview', unit: '万元', expected: 23970.5, actual: 23228.5, difference: -742, description: '甲 = 乙' };
  const said: CheckRow = { ...table, check_id: 'd:n', check_kind: 'narrative', expected: 23228.5, actual: 23970.5, difference: 742 };
  assert.doesNotMatch(explainCheck(table, [table, said]), /印反/);
  // The narrative against itself: the stated change against its items, as 增加 / 减少.
  const change: CheckRow = { ...base, check_id: 'd:narrative_sum:three_public_change', check_kind: 'narrative_sum', table_name: 'facts', unit: '万元', status: 'rounding', tolerance: 0.2,
    description: '情况说明：“三公”经费比上年的增减（-4.5 万元）= 各项增减之和', expected: -4.5, actual: -4.4, difference: 0.1, source_lines: '138,142,144,146' };
  assert.match(explainCheck(change, [change]), /所述总变化为减少 4\.5 万元，文字说明所列各项变化之和为减少 4\.4 万元，相差 0\.1 万元，在四舍五入造成的误差范围内/);
  // A total it breaks down is a total, not a change; a rate it prints is set against the one its amounts give (洛阳 :185).
  const procurement: CheckRow = { ...change, check_id: 'd:narrative_sum:procurement_total', status: 'mismatch', description: '情况说明：政府采购预算（3113.7 万元）=所列各项之和',
    expected: 3113.7, actual: 3163.7, difference: 50 };
  assert.match(explainCheck(procurement, [procurement]), /所述合计为 3,113\.7 万元，所列各项之和为 3,163\.7 万元，相差 50(\.0)? 万元，不能用四舍五入解释/);
  const rate: CheckRow = { ...change, check_id: 'd:narrative_sum:fiscal_change_vs_prior_year_pct', unit: '%', status: 'mismatch', description: '情况说明：增减幅度',
    expected: -5.96, actual: -5.62, difference: 0.34 };
  assert.match(explainCheck(rate, [rate]), /文字说明所印为 -5\.96%，由它所述的金额算得为 -5\.62%，相差 0\.34%/);
});

test('figures in their unit: counts whole, amounts to the digit the data holds', () => {
  assert.equal(inUnit(55, '个'), '55 个');
  assert.equal(inUnit(1, '项'), '1 项');
  assert.equal(inUnit(29926.7, '万元'), '29,926.7 万元');
  assert.equal(inUnit(0.0045, '万元'), '0.0045 万元', 'a difference of 45 元 is not rounded to 0');
  assert.equal(inUnit(12.5, '%'), '12.5%');
  assert.equal(inUnit(3, null), '3 万元', 'a row without a unit is an amount');
  assert.equal(inUnit(null, '个'), '—');
  assert.equal(linesZh('731,871'), '第 731 行和第 871 行');
  assert.equal(linesZh('100-101,3'), '第 100–101 行和第 3 行');
});

test('every check kind and unit in the data has words on the pages', () => {
  const rows = readCsv(join(ROOT, 'public', 'data', 'checks.csv'));
  for (const kind of new Set(rows.map((r) => r['check_kind']!))) {
    assert.ok(CHECK_KIND_ZH[kind], `${kind}: a label`);
    assert.ok(CHECK_KIND_WHAT[kind], `${kind}: an explanation for the about page`);
    assert.doesNotMatch(CHECK_KIND_ZH[kind]!, /[A-Za-z]/);
  }
  for (const unit of new Set(rows.map((r) => r['unit']))) assert.ok(['万元', '个', '项', '%'].includes(unit ?? ''), `unit ${unit}`);
});

test('presence and facts load for every document', async () => {
  for (const d of documents) {
    const p = await presence(d['doc_id']!);
    assert.ok(p.length > 0, `${d['doc_id']}: table_presence rows`);
    assert.ok(p.every((x) => ['present', 'empty', 'missing', 'listed', 'unread'].includes(x.status)));
    const f = await facts(d['doc_id']!);
    for (const fact of f.values()) assert.ok(Number.isFinite(fact.value) && fact.source_line > 0);
  }
});

test('words: lists, department names, unique sources', () => {
  assert.equal(listZh(['甲']), '甲');
  assert.equal(listZh(['甲', '乙', '丙']), '甲、乙和丙');
  assert.equal(deptName('郑州', '人力资源和社会保障局', ['2024年郑州市人力资源和社会保障局部门预算公开']), '郑州市人力资源和社会保障局');
  assert.equal(deptName('某县', '人力资源和社会保障局', ['某县人力资源和社会保障局预算']), '某县人力资源和社会保障局');
  assert.deepEqual(uniqueSources('d', [{ line: 9 }, { line: 3, lineEnd: 5 }, { line: 9, lineEnd: 9 }]), [{ docId: 'd', line: 3, lineEnd: 5 }, { docId: 'd', line: 9, lineEnd: null }]);
});

test('chart layouts: labels fit, text contrasts with its fill, SVGs carry their accessible name and no ARIA on <g>', () => {
  assert.ok(textWidth('社会保障') > textWidth('abcd'));
  const cut = fitText('对机关事业单位基本养老保险基金的补助', 100);
  assert.ok(cut.endsWith('…') && textWidth(cut) <= 100);
  assert.equal(textOn('#1f5f8b'), '#ffffff');
  assert.equal(textOn('#d9822b'), '#1a1a1a');
  const bars = labeledBars([{ label: '教育', value: 3, valueText: '3 万元' }, { label: '社保', value: 1, valueText: '1 万元' }], '两类支出');
  const split = stackedShares([{ label: '合计', segments: [{ label: '基本', value: 1, share: 0.5, fill: '#1f5f8b' }, { label: '项目', value: 1, share: 0.5, fill: '#d9822b' }] }], '基本与项目');
  const tree = treemapChart([{ name: '技校教育', value: 5, group: '教育', fill: '#1f5f8b', valueText: '5 万元' }, { name: '行政运行', value: 2, group: '社保', fill: '#d9822b', valueText: '2 万元' }], '层级', [{ label: '教育', fill: '#1f5f8b' }, { label: '社保', fill: '#d9822b' }]);
  for (const [svg, name] of [[bars, '两类支出'], [split, '基本与项目'], [tree, '层级']] as const) {
    assert.match(svg, new RegExp(`^<svg role="img" aria-label="${name}"`));
    assert.doesNotMatch(svg, /<g\b[^>]*aria-label=/);
    assert.doesNotMatch(svg, /NaN/);
  }
  assert.match(tree, /技校教育/);
});
