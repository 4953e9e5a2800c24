// The reflowed performance tables (洛阳 2024). Values read off data/raw/luoyang-2024-budget.txt
// (line numbers in the comments).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rawLines } from '../helpers.ts';
import { findReflowedSections } from '../../scripts/pipeline/layouts/reflowed/fragments.ts';
import { readDeptPerformance } from '../../scripts/pipeline/layouts/reflowed/performance.ts';
import { readProjectPerformance } from '../../scripts/pipeline/layouts/reflowed/projectIndicators.ts';
import type { OutRow } from '../../scripts/pipeline/types.ts';

const lines = rawLines('luoyang-2024-budget');
const sectionOf = (ls: string[], key: string) => findReflowedSections(ls).find((s) => s.standard === key)!;
const dept = readDeptPerformance(sectionOf(lines, 'dept_performance')).tables;
const proj = readProjectPerformance(sectionOf(lines, 'project_performance')).tables.project_indicators!;
const at = (rs: OutRow[], line: number) => {
  const r = rs.find((x) => x.source_line === line);
  assert.ok(r, `no row at line ${line}`);
  return r;
};

test('reflowed dept_indicators (洛阳 :4754): levels carried down, wrapped names, values on lines of their own', () => {
  const rs = dept.dept_indicators!;
  // :4809 投入管理/指标, :4813 工作目标/管理, :4816 年度履职目标相关性 相关, its 说明 on :4818–:4822
  const r = at(rs, 4809);
  assert.deepEqual([r.level1, r.level2, r.level3, r.target_text, r.source_line_end], ['投入管理指标', '工作目标管理', '年度履职目标相关性', '相关', 4822]);
  assert.match(r.description as string, /^1\.年度履职目标是否符合.*4\.工作任务和项目预算安排是否合理。$/);
  // :4845 专项资金细化率 ≥95% with its 说明 on the same line
  assert.deepEqual([at(rs, 4845).level2, at(rs, 4845).comparator, at(rs, 4845).target_value, at(rs, 4845).target_unit], ['预算和财务管理', '≥', 95, '%']);
  // :4908 ` 绩效管理` (first line of a page) is a 二级指标, not the end of :4899's 说明
  assert.deepEqual([at(rs, 4908).level2, at(rs, 4908).level3, at(rs, 4908).target_text], ['绩效管理', '绩效目标编制完成率', '100%']);
  assert.doesNotMatch(at(rs, 4899).description as string, /绩效管理$/);
  // :4954 履职效益 年度考核 ≤95% — 二级指标, 三级指标 and value on one line, under :4952 效益指标
  assert.deepEqual([at(rs, 4952).level1, at(rs, 4952).level2, at(rs, 4952).level3, at(rs, 4952).target_text], ['效益指标', '履职效益', '年度考核', '≤95%']);
  // :4959 满意度, :4960–:4962 就业人员、参保人/员, :4963 ≤98% alone
  assert.deepEqual([at(rs, 4959).level1, at(rs, 4959).level2, at(rs, 4959).level3, at(rs, 4959).comparator, at(rs, 4959).target_value],
    ['效益指标', '满意度', '就业人员、参保人员', '≤', 98]);
  assert.equal(rs.length, 24); // 3 + 12 + 5 投入管理, 2 产出, 2 效益
  assert.deepEqual(rs.map((x) => x.level1).filter((x, i, a) => a.indexOf(x) === i), ['投入管理指标', '产出指标', '效益指标']);
});

test('reflowed tasks and dept_budget_overview (洛阳 :4769–:4805)', () => {
  // :4775–:4779 the task name over three lines, :4781–:4783 its content
  assert.equal(dept.tasks!.length, 1);
  assert.deepEqual([dept.tasks![0]!.task_name, dept.tasks![0]!.source_line, dept.tasks![0]!.amount_total],
    ['1、着力抓好就业创业工作，确保就业局势总体稳定。一是大力促进就业。', 4775, null]);
  assert.match(dept.tasks![0]!.description as string, /确保事业单位规范运行。$/);
  // :4787 部门预算总额（万元） 65978.74; :4789–:4791 1、资金来/源：; :4794–:4796 （2）财政专户管理/资金 (no amount); :4805 （2）项目支出 57055.81
  assert.deepEqual(dept.dept_budget_overview!.map((r) => [r.category, r.item, r.amount]), [
    [null, '部门预算总额', 65978.74], ['资金来源', '政府预算资金', 65978.74], ['资金来源', '财政专户管理资金', null],
    ['资金来源', '单位资金', null], ['资金结构', '基本支出', 8922.93], ['资金结构', '项目支出', 57055.81],
  ]);
});

test('reflowed project_indicators (洛阳 :4970): codes, amounts and units of the 86 projects', () => {
  const codes = [...new Set(proj.map((r) => r.project_code as string))];
  assert.equal(codes.length, 86); // 86 project codes printed from :5057 to :11283, as the 项目支出表 lists 86 projects
  // Codes are digits, but for the letter the document prints in its 4103002100000Y/Z… codes (:5213, :6707)
  for (const c of codes) assert.match(c, /^\d{13}[\dYZ]\d{7}$/);
  assert.ok(codes.includes('4103002100000Z8030003'));
  // :5057 410300200000000014001, :5059–:5063 12333 政/府购买服/务, :5075 16.64 16.64, under :5045 803001 洛阳市人/力资源和/社会保障/局
  const r = at(proj, 5077);
  assert.deepEqual([r.project_code, r.project_name, r.project_amount, r.unit_code, r.unit_name],
    ['410300200000000014001', '12333 政府购买服务', 16.64, '803001', '洛阳市人力资源和社会保障局']);
  // :5213 code and name on one line, 4103002100000Y8030002 差旅费, :5225 15.60
  assert.deepEqual([at(proj, 5227).project_code, at(proj, 5227).project_name, at(proj, 5227).project_amount], ['4103002100000Y8030002', '差旅费', 15.6]);
  // :11283 the last project, 410300230000000010487 监察员培/训经费, 0.50, under :10996 ` 803024`
  const last = proj.filter((x) => x.project_code === '410300230000000010487');
  assert.deepEqual([last[0]!.project_name, last[0]!.project_amount, last[0]!.unit_code], ['监察员培训经费', 0.5, '803024']);
  // :8775 803005 洛阳市人/力资源和, :8779 228.74 228.74, then on the next page :8780 ` 公共就业`/服务中心
  assert.equal(proj.find((x) => x.unit_code === '803005')!.unit_name, '洛阳市人力资源和公共就业服务中心');
  // the seven units (:5045 803001 … :10996 803024)
  assert.deepEqual([...new Set(proj.map((x) => x.unit_code))], ['803001', '803003', '803004', '803005', '803017', '803019', '803024']);
});

test('reflowed project_indicators (洛阳): indicator rows with their categories, wrapped names and values', () => {
  // :5227–:5235 一年/经费/标准 14.2 万/元 (成本), :5236–:5240 完成时效 及时完成工/作差旅任务 (产出),
  // :5242–:5250 促进工/作效率/提升情/况 明显 (效益), :5251–:5254 部门满意/度 100% (满意度)
  const r = (n: number) => [at(proj, n).category, at(proj, n).indicator, at(proj, n).target_text, at(proj, n).pairing];
  assert.deepEqual(r(5227), ['cost', '一年经费标准', '14.2 万元', 'certain']);
  assert.deepEqual(r(5236), ['output', '完成时效', '及时完成工作差旅任务', 'certain']);
  assert.deepEqual(r(5242), ['benefit', '促进工作效率提升情况', '明显', 'certain']);
  assert.deepEqual(r(5251), ['satisfaction', '部门满意度', '100%', 'certain']);
  // :5257–:5260 差旅人员/满意度 100%, a further row: 满意度 by its name
  assert.deepEqual(r(5257), ['satisfaction', '差旅人员满意度', '100%', 'certain']);
  // :5147–:5157 嘉奖/标准/最高/值 ≤5000/元/人 — name and value each wrapped over lines
  assert.deepEqual([...r(5147), at(proj, 5147).comparator, at(proj, 5147).target_value], ['cost', '嘉奖标准最高值', '≤5000元/人', 'certain', '≤', 5000]);
  // :5159–:5162 资金发放覆/盖率 ≥20%
  assert.deepEqual(r(5159), ['output', '资金发放覆盖率', '≥20%', 'certain']);
});

test('reflowed project_indicators (洛阳): a page break inside a project marks its indicators uncertain, with the printed cells', () => {
  // :5335 4103002100000Y8030004 水电暖气费: :5363 ` 运` starts a new page in the middle of its first row
  const rs = proj.filter((x) => x.project_code === '4103002100000Y8030004');
  assert.ok(rs.length > 0 && rs.every((x) => x.pairing === 'uncertain' && typeof x.raw_cells === 'string' && x.raw_cells !== ''));
  // the rest of its 项目分类 label (:5363–:5367 运/转/类) is not read as an indicator
  assert.ok(rs.every((x) => !/^(运|转|类)$/.test(x.indicator as string)));
  assert.equal(rs[0]!.project_amount, 78.55); // :5343 78.55 78.55
  // certain rows carry no raw cells
  assert.ok(proj.filter((x) => x.pairing === 'certain').every((x) => x.raw_cells === null));
});

test('reflowed project_indicators (洛阳): the ends of cells a page break cut are joined back to their cells, the project stays uncertain', () => {
  const of = (code: string) => proj.filter((x) => x.project_code === code).map((x) => [x.source_line, x.source_line_end, x.category, x.indicator, x.target_text, x.pairing]);
  // :5345–:5362 一年/成本 84.9 万/元 水用量 ≥300 吨 对工作/正常开 较好保障 日常办公/人员满意 100%; the page
  // break; :5363–:5367 运/转/类 (the 项目分类 label's end), :5369–:5371 经费/标准, :5373–:5375 展的保/障情况, :5377 度
  assert.deepEqual(of('4103002100000Y8030004').slice(0, 4), [
    [5345, 5371, 'cost', '一年成本经费标准', '84.9 万元', 'uncertain'],
    [5352, null, 'output', '水用量', '≥300 吨', 'uncertain'],
    [5354, 5375, 'benefit', '对工作正常开展的保障情况', '较好保障', 'uncertain'],
    [5359, 5377, 'satisfaction', '日常办公人员满意度', '100%', 'uncertain'],
  ]);
  // :9978–:9991 创业担保贷/款发放目标 100% 金融机/构网点 ≥60% 申报创业/担保贷款 ≥80%, then
  // :9992 ` 完成率 覆盖率 贴息小微` and :9994–:9996 企业满意/度: three ends side by side, the last going on
  assert.deepEqual(of('410300240000000050008').slice(3, 6).map((x) => x.slice(3, 5)), [
    ['创业担保贷款发放目标完成率', '100%'], ['金融机构网点覆盖率', '≥60%'], ['申报创业担保贷款贴息小微企业满意度', '≥80%'],
  ]);
  // :10199 ` 金 数 满意度`: 金 ends the project's name (:10125–:10139 普惠金融/…/息奖补资), 数 and 满意度 two indicators
  const q = proj.filter((x) => x.project_code === '410300240000000051262');
  assert.equal(q[0]!.project_name, '普惠金融发展中央专项 2024年提前下达创业担保贷款贴息奖补资金');
  assert.deepEqual(q.slice(4, 6).map((x) => x.indicator), ['创业担保基金放大倍数', '申报创业担保贷款贴息个人满意度']);
  // :7977 ` 间落实 定情况 作人员满` / `意` end the three names of :7976 `鉴定工作时 12 月 完成鉴 100% 鉴定办工 100%`
  assert.deepEqual(proj.filter((x) => x.source_line === 7976).map((x) => [x.indicator, x.target_text]),
    [['鉴定工作时间落实', '12 月'], ['完成鉴定情况', '100%'], ['鉴定办工作人员满意', '100%']]);
});

test('reflowed project_indicators (洛阳): a passage the conversion garbled is never certain, marked garbled, its pieces published as printed', () => {
  // 410300220000000046799 社保基金工作经费 (:6935): :6952 `2 >910 10 家医院 >22`, :6972 `100100`, :6980
  // `≥12 1 年 <84`, :6984 `≥200200` — figures glued, targets where names belong
  const rs = proj.filter((x) => x.project_code === '410300220000000046799');
  assert.ok(rs.length >= 6 && rs.every((x) => x.pairing === 'uncertain' && x.garbled === true), 'every pair of :6952–:6984');
  assert.ok(rs.some((x) => x.raw_cells === '给有需 | 要帮助 | 的人 | 100100' || (x.raw_cells as string).includes('100100')));
  // :7508 `1000 ≥98%`: two targets whose names are not printed
  assert.ok(proj.filter((x) => x.source_line === 7508).every((x) => x.garbled === true && x.pairing === 'uncertain'));
  // :11027–:11035 一/年经/费 9.5 万/元: a name no width wraps so, read whole but garbled; the rest of the
  // project (:11037–:11074) read, uncertain
  const c = at(proj, 11027);
  assert.deepEqual([c.category, c.indicator, c.target_text, c.pairing, c.garbled, c.raw_cells], ['cost', '一年经费', '9.5 万元', 'uncertain', true, '一 | 年经 | 费 | 9.5 万 | 元']);
  assert.ok(proj.filter((x) => x.project_code === '410300230000000010479').every((x) => x.pairing === 'uncertain'));
  // nowhere a certain row in a garbled passage
  assert.ok(proj.every((x) => !(x.garbled === true && x.pairing === 'certain')));
});

test('reflowed project_indicators: a project code split over two lines is rejoined', () => {
  // :5057 410300200000000014001 printed as `4103002000000` / `00014001`
  const split = [...lines];
  split.splice(5056, 1, '4103002000000', '', '00014001');
  const rs = readProjectPerformance(sectionOf(split, 'project_performance')).tables.project_indicators!;
  assert.equal(new Set(rs.map((x) => x.project_code)).size, 86);
  assert.ok(rs.some((x) => x.project_code === '410300200000000014001' && x.project_amount === 16.64));
  assert.ok(rs.every((x) => /^\d{13}[\dYZ]\d{7}$/.test(x.project_code as string)));
});

test('reflowed project_indicators (洛阳): a 满意-named indicator in the 效益 column, told by the width it is wrapped at', () => {
  // :5396 4103002100000Y8030006 社会保障专项工作经费: :5416–:5422 工作/经费 ≤3.76/万元 (成本, wrapped at 2),
  // :5423 及时有效 及时 (产出), :5425–:5429 群众社/保工作/满意 — wrapped at 3, the 效益 column's width —
  // then :5431 `满意 群众满意 100%`: its value 满意 and the 满意度 pair; :5433–:5438 two further 产出 rows
  const rs = proj.filter((x) => x.project_code === '4103002100000Y8030006');
  assert.deepEqual(rs.map((x) => [x.source_line, x.category, x.indicator, x.target_text, x.pairing]), [
    [5416, 'cost', '工作经费', '≤3.76万元', 'certain'],
    [5423, 'output', '及时有效', '及时', 'certain'],
    [5425, 'benefit', '群众社保工作满意', '满意', 'certain'],
    [5431, 'satisfaction', '群众满意', '100%', 'certain'],
    [5433, 'output', '社保工作业务', '100%', 'certain'],
    [5438, 'output', '工作质量', '100%', 'certain'],
  ]);
});

test('reflowed project_indicators: the header printed again after a page break is no indicator', () => {
  // the header as printed at :4973–:5031, again after a page break inside 410300200000000034106 (:5125),
  // between its :5176 明显 and :5178 事业单位/工作人员/满意度
  const header = lines.slice(4972, 5031).map((l, i) => (i === 0 ? ` ${l}` : l));
  const withHeader = [...lines.slice(0, 5176), '', '', '23', '', ...header, ...lines.slice(5176)];
  const read = readProjectPerformance(sectionOf(withHeader, 'project_performance'));
  const rs = read.tables.project_indicators!;
  assert.equal(new Set(rs.map((x) => x.project_code)).size, 86);
  const of = (xs: OutRow[]) => xs.filter((x) => x.project_code === '410300200000000034106').map((x) => `${x.indicator}|${x.target_text}`);
  assert.deepEqual(of(rs), of(proj));
  assert.ok(rs.filter((x) => x.project_code === '410300200000000034106').every((x) => x.pairing === 'uncertain'), 'a page break inside the project');
  assert.ok(rs.every((x) => !/三级指标|指标值|单位编码/.test(`${x.indicator}${x.target_text}`)));
  assert.ok(read.repairs.some((n) => /header printed again/.test(n.what)));
});
