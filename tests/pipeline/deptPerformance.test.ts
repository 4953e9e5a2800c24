// 整体绩效目标表 → dept_indicators, tasks, dept_budget_overview.
// Every expected value below was read off the disclosure text (file:line in the test name or comment).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contextFor, sectionOf } from '../helpers.ts';
import { deptPerformance, schemas } from '../../scripts/pipeline/tables/deptPerformance.ts';
import type { OutRow, Repair } from '../../scripts/pipeline/types.ts';

const ZZ = 'zhengzhou-2024-budget';
const JZ = 'jiaozuo-2024-budget';
const ZMD = 'zhumadian-2023-budget';
const ZZ20 = 'zhengzhou-2020-performance';

interface Parsed { ind: OutRow[]; tasks: OutRow[]; overview: OutRow[]; repairs: Repair[] }
const cache = new Map<string, Parsed>();
function parsed(docId: string): Parsed {
  let p = cache.get(docId);
  if (!p) {
    const ctx = contextFor(docId);
    const out = deptPerformance.parse(sectionOf(docId, 'dept_performance'), ctx);
    p = { ind: out.dept_indicators!, tasks: out.tasks!, overview: out.dept_budget_overview!, repairs: ctx.repairs };
    cache.set(docId, p);
  }
  return p;
}
function at(rows: OutRow[], line: number): OutRow {
  const r = rows.filter((x) => x.source_line === line);
  assert.equal(r.length, 1, `one row from line ${line}`);
  return r[0]!;
}
function levels(r: OutRow): unknown[] {
  return [r.level1, r.level2, r.level3, r.target_text];
}
function repairedAt(docId: string, table: string, line: number): boolean {
  return parsed(docId).repairs.some((x) => x.table === table && x.line === line);
}
function range(a: number, b: number, skip: number[] = []): number[] {
  const out: number[] = [];
  for (let n = a; n <= b; n++) if (!skip.includes(n)) out.push(n);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Row counts: every printed indicator and task row, none dropped.

test('zhengzhou-2024: 32 indicators (lines 587–618), 18 tasks (561–578), 6 budget lines (580–585)', () => {
  const p = parsed(ZZ);
  assert.deepEqual(p.ind.map((r) => r.source_line), range(587, 618));
  assert.deepEqual(p.tasks.map((r) => r.source_line), range(561, 578));
  assert.deepEqual(p.overview.map((r) => r.source_line), range(580, 585));
});

test('jiaozuo-2024: 23 indicators (1099–1122, blank 1121; rule line 1123 skipped), 3 tasks (1088–1090), 6 budget lines', () => {
  const p = parsed(JZ);
  assert.deepEqual(p.ind.map((r) => r.source_line), range(1099, 1122, [1121]));
  assert.deepEqual(p.tasks.map((r) => r.source_line), [1088, 1089, 1090]);
  assert.deepEqual(p.overview.map((r) => r.source_line), range(1091, 1096));
});

test('zhumadian-2023: 29 indicators (540–571, blanks 541/550/557), 1 task (532), 6 budget lines', () => {
  const p = parsed(ZMD);
  assert.deepEqual(p.ind.map((r) => r.source_line), range(540, 571, [541, 550, 557]));
  assert.deepEqual(p.tasks.map((r) => r.source_line), [532]);
  assert.deepEqual(p.overview.map((r) => r.source_line), range(533, 538));
});

test('zhengzhou-2020: 44 indicators (34–80, blanks 41/55/66; line 80 is the unterminated last line), 12 tasks, no budget block', () => {
  const p = parsed(ZZ20);
  assert.deepEqual(p.ind.map((r) => r.source_line), range(34, 80, [41, 55, 66]));
  assert.deepEqual(p.tasks.map((r) => r.source_line), range(20, 32, [25]));
  assert.equal(p.overview.length, 0);
  // zhengzhou-2020-performance.txt:80 `||硕士和博士人才数量|||`
  assert.deepEqual(levels(at(p.ind, 80)), ['可持续性', '人才支撑', '硕士和博士人才数量', null]);
});

test('rows carry every contract column, source_line_end null (no row spans lines in these forms)', () => {
  for (const d of [ZZ, JZ, ZMD, ZZ20]) {
    const p = parsed(d);
    for (const r of p.ind) {
      assert.deepEqual(Object.keys(r), ['source_line', 'source_line_end', 'level1', 'level2', 'level3', 'target_text', 'comparator', 'target_value', 'target_unit', 'description', 'note']);
      assert.equal(r.source_line_end, null);
      assert.ok(r.level1 && r.level2 && r.level3, `${d}:${r.source_line} has all three levels`);
    }
    for (const r of p.tasks) {
      assert.deepEqual(Object.keys(r), ['source_line', 'source_line_end', 'task_no', 'task_name', 'description', 'amount_total', 'amount_fiscal']);
      assert.equal(r.source_line_end, null);
    }
  }
});

// ---------------------------------------------------------------------------------------------
// zhengzhou-2024-budget.txt

test('zhengzhou-2024:587 first indicator row with all three levels', () => {
  const r = at(parsed(ZZ).ind, 587);
  assert.deepEqual(levels(r), ['投入管理指标', '工作目标管理', '年度履职目标相关性', '相关']);
  assert.equal(r.comparator, null);
  assert.equal(r.target_value, null);
  assert.match(String(r.description), /^1\.年度履职目标是否符合国家、省委省政府战略部署/);
  assert.equal(r.note, null);
});

test('zhengzhou-2024:591 专项资金细化率 ≥90%, level1/level2 carried down from 587/590', () => {
  const r = at(parsed(ZZ).ind, 591);
  assert.deepEqual(levels(r), ['投入管理指标', '预算和财务管理', '专项资金细化率', '≥90%']);
  assert.equal(r.comparator, '≥');
  assert.equal(r.target_value, 90);
  assert.equal(r.target_unit, '%');
  assert.match(String(r.description), /^专项资金细化率=（已细化到具体市县和承担单位的资金数/);
});

test('zhengzhou-2024:593 预算调整率 ≤15%; 611 人员培训人均成本 ≤450元', () => {
  const p = parsed(ZZ);
  const a = at(p.ind, 593);
  assert.deepEqual([a.level3, a.comparator, a.target_value, a.target_unit], ['预算调整率', '≤', 15, '%']);
  const b = at(p.ind, 611);
  assert.deepEqual([b.level3, b.target_text, b.comparator, b.target_value, b.target_unit], ['人员培训人均成本', '≤450元', '≤', 450, '元']);
});

test('zhengzhou-2024:595 “三公经费”控制率 keeps its quotes', () => {
  assert.deepEqual(levels(at(parsed(ZZ).ind, 595)), ['投入管理指标', '预算和财务管理', '“三公经费”控制率', '≤100%']);
});

test('zhengzhou-2024:601 repair: `|资产管理规范性|规范|…||` printed one column left → level3 / value / description', () => {
  const r = at(parsed(ZZ).ind, 601);
  assert.deepEqual(levels(r), ['投入管理指标', '预算和财务管理', '资产管理规范性', '规范']);
  assert.match(String(r.description), /^部门（单位）的资产配置、使用是否合规/);
  assert.ok(repairedAt(ZZ, 'dept_indicators', 601));
});

test('zhengzhou-2024:602 绩效管理 starts a new level2 under 投入管理指标', () => {
  assert.deepEqual(levels(at(parsed(ZZ).ind, 602)), ['投入管理指标', '绩效管理', '绩效目标编制完成率', '100%']);
});

test('zhengzhou-2024:607–609 repair: rows printed one column right (`|产出指标|重点工作任务完成|生活补贴发放及时率|100%|`)', () => {
  const p = parsed(ZZ);
  // 607 carries all three levels, each one column right
  assert.deepEqual(levels(at(p.ind, 607)), ['产出指标', '重点工作任务完成', '生活补贴发放及时率', '100%']);
  // 608 `|||表彰奖金足额发放率|100%|`, 609 `|||表彰奖金发放及时率|100%|`
  assert.deepEqual(levels(at(p.ind, 608)), ['产出指标', '重点工作任务完成', '表彰奖金足额发放率', '100%']);
  assert.deepEqual(levels(at(p.ind, 609)), ['产出指标', '重点工作任务完成', '表彰奖金发放及时率', '100%']);
  for (const n of [607, 608, 609]) {
    assert.equal(at(p.ind, n).target_value, 100);
    assert.equal(at(p.ind, n).description, null);
    assert.ok(repairedAt(ZZ, 'dept_indicators', n), `repair recorded for ${n}`);
  }
});

test('zhengzhou-2024:610 repair: `履职目标实现||人员培训完成及时率|100%||` — 履职目标实现 is the level2, level1 产出指标 carried', () => {
  const p = parsed(ZZ);
  assert.deepEqual(levels(at(p.ind, 610)), ['产出指标', '履职目标实现', '人员培训完成及时率', '100%']);
  assert.ok(repairedAt(ZZ, 'dept_indicators', 610));
  // 611, 612 carry 履职目标实现 down
  assert.deepEqual(levels(at(p.ind, 612)), ['产出指标', '履职目标实现', '公开招聘及时率', '100%']);
});

test('zhengzhou-2024:613 repair: `|设备维修及时率|100%|||` printed one column left', () => {
  assert.deepEqual(levels(at(parsed(ZZ).ind, 613)), ['产出指标', '履职目标实现', '设备维修及时率', '100%']);
  assert.ok(repairedAt(ZZ, 'dept_indicators', 613));
});

test('zhengzhou-2024:614–618 效益指标: qualitative targets, and 满意度 is a level2 under 效益指标', () => {
  const p = parsed(ZZ);
  assert.deepEqual(levels(at(p.ind, 614)), ['效益指标', '履职效益', '全市就业形势', '总体稳定']);
  assert.deepEqual(levels(at(p.ind, 617)), ['效益指标', '履职效益', '人社公共服务', '增效明显']);
  const r = at(p.ind, 618);
  assert.deepEqual(levels(r), ['效益指标', '满意度', '服务对象满意度', '≥95%']);
  assert.equal(r.target_value, 95);
});

test('zhengzhou-2024: rows that were not shifted are not reported as repaired', () => {
  for (const n of [587, 591, 600, 602, 611, 612, 614, 618]) assert.ok(!repairedAt(ZZ, 'dept_indicators', n), `no repair at ${n}`);
});

test('zhengzhou-2024:561 first task; 575 last task in the right columns', () => {
  const p = parsed(ZZ);
  const a = at(p.tasks, 561);
  assert.equal(a.task_name, '事业单位公开招聘专项经费');
  assert.equal(a.description, '事业单位公开招聘组织报名、资格审查、租赁场地、试题命制、专家命题评卷、聘请面试考官及专家评委、材料印刷等费用。');
  assert.deepEqual([a.task_no, a.amount_total, a.amount_fiscal], [null, null, null]);
  assert.equal(at(p.tasks, 575).task_name, '技能人才项目评价工作经费');
  assert.ok(!repairedAt(ZZ, 'tasks', 575));
});

test('zhengzhou-2024:576–578 repair: task rows printed one column left, with an extra empty cell', () => {
  const p = parsed(ZZ);
  const a = at(p.tasks, 576);
  assert.equal(a.task_name, '信息系统等级保护及网络安全专项经费');
  assert.equal(a.description, '保障信息系统网络安全，维护系统正常运行。');
  const b = at(p.tasks, 577);
  assert.equal(b.task_name, '招才引智创新发展大会经费');
  assert.match(String(b.description), /^开展招才引智活动是落实人才政策和发展规划/);
  assert.match(String(b.description), /推动郑州国家中心城市建设提供人才支撑和智力保障。$/);
  const c = at(p.tasks, 578);
  assert.equal(c.task_name, '技能大赛获奖选手奖励资金');
  assert.match(String(c.description), /^根据国家、省市有关文件精神，对我市推荐产生的世界技能竞赛/);
  for (const n of [576, 577, 578]) {
    assert.equal(at(p.tasks, n).amount_total, null);
    assert.ok(repairedAt(ZZ, 'tasks', n), `repair recorded for ${n}`);
  }
});

test('zhengzhou-2024:580–585 预算情况: total 83,927.1 = sources; structure 60,698.7 + 23,228.5', () => {
  const o = parsed(ZZ).overview;
  assert.deepEqual(o.map((r) => [r.category, r.item, r.amount]), [
    [null, '部门预算总额', 83927.1],
    ['资金来源', '政府预算资金', 81174.0],
    ['资金来源', '财政专户管理资金', 697.8],
    ['资金来源', '单位资金', 2055.3],
    ['资金结构', '基本支出', 60698.7],
    ['资金结构', '项目支出', 23228.5],
  ]);
});

// ---------------------------------------------------------------------------------------------
// jiaozuo-2024-budget.txt

test('jiaozuo-2024:1099 / 1105 / 1120 / 1122 regular rows', () => {
  const p = parsed(JZ);
  const a = at(p.ind, 1099);
  assert.deepEqual(levels(a), ['投入管理指标', '工作目标管理', '年度履职目标相关性', '相关']);
  assert.equal(a.description, null);
  const b = at(p.ind, 1105); // ||预算调整率|≤10%|
  assert.deepEqual([b.level2, b.level3, b.comparator, b.target_value, b.target_unit], ['预算和财务管理', '预算调整率', '≤', 10, '%']);
  const c = at(p.ind, 1120);
  assert.deepEqual(levels(c), ['效益指标', '履职效益', '实现就业稳定技能提升等社会效益', '良好']);
  assert.equal(c.description, '反映部门履职对经济社会发展所带来的直接或间接影响');
  const d = at(p.ind, 1122); // after the blank line 1121
  assert.deepEqual(levels(d), ['效益指标', '满意度', '服务对象满意度', '≥95%']);
  assert.equal(d.description, '反映社会公众或服务对象在部门履职效果、解决民众关心的热点问题等方面的满意程度');
});

test('jiaozuo-2024:1112–1113 repair: `|预决算信息公开性|公开||` and `|资产管理规范性|规范||` printed one column left', () => {
  const p = parsed(JZ);
  assert.deepEqual(levels(at(p.ind, 1112)), ['投入管理指标', '预算和财务管理', '预决算信息公开性', '公开']);
  assert.deepEqual(levels(at(p.ind, 1113)), ['投入管理指标', '预算和财务管理', '资产管理规范性', '规范']);
  assert.ok(repairedAt(JZ, 'dept_indicators', 1112));
  assert.ok(repairedAt(JZ, 'dept_indicators', 1113));
});

test('jiaozuo-2024:1114–1117 绩效管理; 1115–1117 repair: level3 in the 一级指标 column (`绩效自评完成率||100%||`)', () => {
  const p = parsed(JZ);
  assert.deepEqual(levels(at(p.ind, 1114)), ['投入管理指标', '绩效管理', '绩效监控完成率', '100%']);
  assert.deepEqual(levels(at(p.ind, 1115)), ['投入管理指标', '绩效管理', '绩效自评完成率', '100%']);
  assert.deepEqual(levels(at(p.ind, 1116)), ['投入管理指标', '绩效管理', '部门绩效评价完成率', '100%']);
  assert.deepEqual(levels(at(p.ind, 1117)), ['投入管理指标', '绩效管理', '评价结果应用率', '100%']);
  for (const n of [1115, 1116, 1117]) assert.ok(repairedAt(JZ, 'dept_indicators', n));
  assert.ok(!repairedAt(JZ, 'dept_indicators', 1114));
  // 1118 starts 产出指标 again in the first column
  assert.deepEqual(levels(at(p.ind, 1118)), ['产出指标', '重点工作任务完成', '重点工作计划完成率', '≥95%']);
});

test('jiaozuo-2024:1088–1090 tasks', () => {
  const p = parsed(JZ);
  assert.deepEqual(p.tasks.map((r) => r.task_name), ['深入开展全市就业再就业工作', '深入开展全市技能培训工作', '深入开展全市社会保障工作']);
  assert.equal(at(p.tasks, 1089).description, '新增技能人才 7 万人; 开展各类职业技能培训 11 万人');
  assert.equal(at(p.tasks, 1088).amount_total, null);
});

test('jiaozuo-2024:1091–1096 预算情况: 53056.22 = 52866.22 + 190.00; 单位资金 blank', () => {
  const o = parsed(JZ).overview;
  assert.deepEqual(o.map((r) => [r.category, r.item, r.amount]), [
    [null, '部门预算总额', 53056.22],
    ['资金来源', '政府预算资金', 52866.22],
    ['资金来源', '财政专户管理资金', 190],
    ['资金来源', '单位资金', null],
    ['资金结构', '基本支出', 11292.8],
    ['资金结构', '项目支出', 41763.42],
  ]);
});

// ---------------------------------------------------------------------------------------------
// zhumadian-2023-budget.txt

test('zhumadian-2023:540 / 547 / 563 / 570 indicator rows', () => {
  const p = parsed(ZMD);
  const a = at(p.ind, 540);
  assert.deepEqual(levels(a), ['投入管理指标', '工作目标管理', '年度履职目标相关性', '100.00%']);
  assert.deepEqual([a.comparator, a.target_value, a.target_unit], [null, 100, '%']);
  assert.equal(a.description, '年度履职目标的依据是否充分; 内容是否合法、合规。');
  const b = at(p.ind, 547);
  assert.deepEqual([b.level3, b.comparator, b.target_value], ['预算调整率', '≤', 20]);
  // 563: the text prints `重点工作 1 计划完成率` (spaces around the digit are not CJK gaps)
  assert.deepEqual(levels(at(p.ind, 563)), ['产出指标', '重点工作任务完成', '重点工作 1 计划完成率', '100.00%']);
  assert.equal(at(p.ind, 566).description, '确保劳动关系和谐稳定。');
  assert.deepEqual(levels(at(p.ind, 570)), ['效益指标', '满意度', '社会公众满意度', '100.00%']);
  assert.equal(at(p.ind, 568).description, '是否产出经济效益');
});

test('zhumadian-2023:551 / 558 after blank lines 550 / 557 keep their levels', () => {
  const p = parsed(ZMD);
  assert.deepEqual(levels(at(p.ind, 551)), ['投入管理指标', '预算和财务管理', '政府采购执行率', '100.00%']);
  assert.deepEqual(levels(at(p.ind, 558)), ['投入管理指标', '绩效管理', '绩效目标编制完成率', '100.00%']);
  assert.equal(parsed(ZMD).repairs.length, 0, 'zhumadian prints its grid without shifts');
});

test('zhumadian-2023:532 one task; 533–538 预算情况', () => {
  const p = parsed(ZMD);
  const t = at(p.tasks, 532);
  assert.equal(t.task_name, '加强就业创业工作, 加强人才队伍建设, 提高社会保障水平, 确保劳动关系和谐稳定');
  assert.match(String(t.description), /^做好全市城镇就业工作, 控制城镇调查失业率。/);
  assert.deepEqual(p.overview.map((r) => [r.category, r.item, r.amount]), [
    [null, '部门预算总额', 17419.04],
    ['资金来源', '政府预算资金', 17419.04],
    ['资金来源', '财政专户管理资金', null],
    ['资金来源', '单位资金', null],
    ['资金结构', '基本支出', 14537.49],
    ['资金结构', '项目支出', 2881.55],
  ]);
});

// ---------------------------------------------------------------------------------------------
// zhengzhou-2020-performance.txt (申报表: 指标解释 → description, 指标说明 → note; tasks with amounts)

test('zhengzhou-2020:20–23 tasks with number, name, 合计 and 财政资金', () => {
  const p = parsed(ZZ20);
  const a = at(p.tasks, 20);
  assert.deepEqual([a.task_no, a.task_name, a.amount_total, a.amount_fiscal], ['任务1', '深入国有企业负责人薪酬制度改革专项经费', 50, 50]);
  assert.match(String(a.description), /^市政府成立郑州市深化国有企业负责人薪酬制度改革工作领导小组/);
  const b = at(p.tasks, 21);
  assert.deepEqual([b.task_no, b.task_name, b.amount_total, b.amount_fiscal], ['任务2', '年度考核优秀等次人员奖励经费', 536, 536]);
  const c = at(p.tasks, 32);
  assert.deepEqual([c.task_no, c.task_name, c.amount_total, c.amount_fiscal], ['任务12', '突出贡献高技能人才奖励津贴资金', 32, 32]);
  assert.deepEqual(at(p.tasks, 28).task_name, '2020年技工院校助学金免学费配套资金');
});

test('zhengzhou-2020:24 repair: `任务5|劳动人事争议仲裁业务专项经费|107|107|…|` printed one column left', () => {
  const r = at(parsed(ZZ20).tasks, 24);
  assert.deepEqual([r.task_no, r.task_name, r.amount_total, r.amount_fiscal], ['任务5', '劳动人事争议仲裁业务专项经费', 107, 107]);
  assert.equal(r.description, '不断加强我市仲裁办案机构建设, 保障劳动人事争议仲裁工作开展。');
  assert.ok(repairedAt(ZZ20, 'tasks', 24));
});

test('zhengzhou-2020:26 repair: `任务|任务6|公益性岗位管理费|90|90|…` — the stray 任务 label is dropped', () => {
  const r = at(parsed(ZZ20).tasks, 26);
  assert.deepEqual([r.task_no, r.task_name, r.amount_total, r.amount_fiscal], ['任务6', '公益性岗位管理费', 90, 90]);
  assert.equal(r.description, '设立公益性岗位是政府对就业困难人员实施就业援助，确保困难群体获得一定经济收入，');
  assert.ok(repairedAt(ZZ20, 'tasks', 26));
});

test('zhengzhou-2020: the 12 task 合计 amounts as printed on lines 20–32 sum to 2924 (50+536+270+650+107+90+300+300+80+30+479+32)', () => {
  const total = parsed(ZZ20).tasks.reduce((a, r) => a + (r.amount_total as number), 0);
  assert.equal(total, 2924);
});

test('zhengzhou-2020:34 / 37 indicators with description (指标解释) and note (指标说明)', () => {
  const p = parsed(ZZ20);
  const a = at(p.ind, 34);
  assert.deepEqual(levels(a), ['履职效能', '工作目标管理情况', '目标依据充分性', '充分']);
  assert.equal(a.description, '部门设立的工作目标的依据是否充分；内容是否合法');
  assert.equal(a.note, null);
  const b = at(p.ind, 37);
  assert.deepEqual(levels(b), ['履职效能', '整体工作完成', '总体工作完成率', '100%']);
  assert.equal(b.description, '反映部门年度总体工作完成情况');
  assert.equal(b.note, '总体工作完成率=部门年度工作要点已完成的数量/部门年度工作要点工作总数量。');
});

test('zhengzhou-2020:43 专项资金细化率 ≥95% with empty 指标解释 and a note', () => {
  const r = at(parsed(ZZ20).ind, 43);
  assert.deepEqual(levels(r), ['管理效率', '预算管理', '专项资金细化率', '≥95%']);
  assert.equal(r.description, null);
  assert.match(String(r.note), /^专项资金细化率=\(部门已细化分配的专项资金/);
});

test('zhengzhou-2020:44 预算执行率: no target printed; 反映… is its 指标解释, the formula its 指标说明', () => {
  const r = at(parsed(ZZ20).ind, 44);
  assert.deepEqual(levels(r), ['管理效率', '预算管理', '预算执行率', null]);
  assert.deepEqual([r.comparator, r.target_value, r.target_unit], [null, null, null]);
  assert.equal(r.description, '反映部门年度预算执行情况、调整程度和控制结转结余资金的努力程度。');
  assert.match(String(r.note), /^预算执行率=\(预算执行数\/预算数\)×100%。/);
});

test('zhengzhou-2020:45 repair: `||预算调整率||≤5%|…` — the target sits in the 指标解释 column', () => {
  const r = at(parsed(ZZ20).ind, 45);
  assert.deepEqual(levels(r), ['管理效率', '预算管理', '预算调整率', '≤5%']);
  assert.deepEqual([r.comparator, r.target_value, r.target_unit], ['≤', 5, '%']);
  assert.equal(r.description, null);
  assert.match(String(r.note), /^预算调整率=\(预算调整数\/预算数\)×100%。/);
  assert.ok(repairedAt(ZZ20, 'dept_indicators', 45));
});

test('zhengzhou-2020:46 repair: the formula printed in the 指标解释 column (row ends with an extra empty cell) is the 指标说明', () => {
  const r = at(parsed(ZZ20).ind, 46);
  assert.deepEqual(levels(r), ['管理效率', '预算管理', '结转结余变动率', '≤5%']);
  assert.equal(r.description, null);
  assert.match(String(r.note), /^结转结余变动率=\[\(本年度累计结转结余资金总额/);
  assert.ok(repairedAt(ZZ20, 'dept_indicators', 46));
});

test('zhengzhou-2020:47 管理效率 printed again; 56 note without <p> tags', () => {
  const p = parsed(ZZ20);
  assert.deepEqual(levels(at(p.ind, 47)), ['管理效率', '预算管理', '部门决算编报质量', '符合要求']);
  const r = at(p.ind, 56);
  assert.deepEqual(levels(r), ['管理效率', '财务管理', '内控制度有效性', '有效']);
  assert.equal(r.description, '有效性的情况。');
  assert.doesNotMatch(String(r.note), /<\/?p>/);
  assert.match(String(r.note), /^①预算业务控制：单位是否建立健全预算编制、审批、执行、决算与评价等预算内部管理制度；/);
  assert.match(String(r.note), /⑦上述内部控制管理制度是否执行到位有效。$/);
});

test('zhengzhou-2020:60 repair: `管理制度建设成效||明显|||` — a level3 in the 一级指标 column', () => {
  const p = parsed(ZZ20);
  const r = at(p.ind, 60);
  assert.deepEqual(levels(r), ['管理效率', '基础管理', '管理制度建设成效', '明显']);
  assert.deepEqual([r.description, r.note], [null, null]);
  assert.ok(repairedAt(ZZ20, 'dept_indicators', 60));
  // 61 starts 运行成本 again in the right columns
  const n = at(p.ind, 61);
  assert.deepEqual(levels(n), ['运行成本', '成本控制成效', '在职人员经费变动率', '20.30%']);
  assert.equal(n.target_value, 20.3);
});

test('zhengzhou-2020:62 target 0; 65 and 67 no target (still indicators); 67 note', () => {
  const p = parsed(ZZ20);
  const a = at(p.ind, 62);
  assert.deepEqual([a.level3, a.target_text, a.comparator, a.target_value, a.target_unit], ['离退休人员经费变动率', '0', null, 0, null]);
  assert.deepEqual(levels(at(p.ind, 65)), ['运行成本', '成本控制成效', '厉行节约支出变动率', null]);
  const c = at(p.ind, 67);
  assert.deepEqual(levels(c), ['运行成本', '成本控制成效', '总体成本节约率', null]);
  assert.equal(c.description, null);
  assert.match(String(c.note), /^成本节约率= 成本节约额 \/ 总预算支出额×100%。/);
});

test('zhengzhou-2020:68–80 服务满意 / 可持续性 groups', () => {
  const p = parsed(ZZ20);
  assert.deepEqual(levels(at(p.ind, 69)), ['服务满意', '服务对象满意', '对口部门满意度', '≥95%']);
  assert.deepEqual(levels(at(p.ind, 72)), ['服务满意', '监督部门满意', '外部监督部门满意度', '≥95%']);
  const r = at(p.ind, 73);
  assert.deepEqual(levels(r), ['可持续性', '体制机制改革情况', '重要改革事项1', null]);
  assert.equal(r.description, '反映本部门体制机制改革对部门可持续发展的支撑情况');
  assert.equal(r.note, '分项具体列示本部门体制机制改革情况。');
  assert.deepEqual(levels(at(p.ind, 76)), ['可持续性', '创新能力', '重点创新事项2', null]);
  assert.deepEqual(levels(at(p.ind, 78)), ['可持续性', '人才支撑', '培训计划执行率', '≥95%']);
});

test('zhengzhou-2020: rows that were not shifted are not reported as repaired', () => {
  for (const n of [34, 37, 43, 44, 47, 53, 59, 61, 67, 73]) assert.ok(!repairedAt(ZZ20, 'dept_indicators', n), `no repair at ${n}`);
  assert.ok(!repairedAt(ZZ20, 'tasks', 20));
});

// ---------------------------------------------------------------------------------------------
// Schemas

test('schemas: both contract tables (and the budget overview) with every column described, 万元 on amounts', () => {
  assert.deepEqual(schemas.map((s) => s.name), ['dept_indicators', 'tasks', 'dept_budget_overview']);
  assert.equal(deptPerformance.schemas, schemas);
  assert.deepEqual(deptPerformance.standards, ['dept_performance']);
  const cols = (name: string) => schemas.find((s) => s.name === name)!.columns;
  assert.deepEqual(cols('dept_indicators').map((c) => c.name), ['level1', 'level2', 'level3', 'target_text', 'comparator', 'target_value', 'target_unit', 'description', 'note']);
  assert.deepEqual(cols('tasks').map((c) => c.name), ['task_no', 'task_name', 'description', 'amount_total', 'amount_fiscal']);
  for (const s of schemas) {
    assert.ok(s.zh && s.en);
    for (const c of s.columns) {
      assert.ok(c.zh && c.en, `${s.name}.${c.name} described`);
      assert.ok(!['doc_id', 'source_line', 'source_line_end'].includes(c.name));
      if (/^amount/.test(c.name)) assert.equal(c.unit, '万元');
    }
  }
  assert.equal(cols('dept_indicators').find((c) => c.name === 'target_value')!.type, 'DOUBLE');
});
