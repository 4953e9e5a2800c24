// 项目绩效目标表 → project_indicators.
// Every expected value below was read off the disclosure text (file:line in the test name or comment).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contextFor, sectionOf } from '../helpers.ts';
import { projectIndicators, schemas } from '../../scripts/pipeline/tables/projectIndicators.ts';
import type { OutRow, Repair } from '../../scripts/pipeline/types.ts';

const ZZ = 'zhengzhou-2024-budget';
const JZ = 'jiaozuo-2024-budget';
const ZMD = 'zhumadian-2023-budget';

interface Parsed { rows: OutRow[]; repairs: Repair[] }
const cache = new Map<string, Parsed>();
function parsed(docId: string): Parsed {
  let p = cache.get(docId);
  if (!p) {
    const ctx = contextFor(docId);
    const out = projectIndicators.parse(sectionOf(docId, 'project_performance'), ctx);
    p = { rows: out.project_indicators!, repairs: ctx.repairs };
    cache.set(docId, p);
  }
  return p;
}
/** The one indicator row of a line whose indicator is `name`. */
function ind(docId: string, line: number, name: string): OutRow {
  const r = parsed(docId).rows.filter((x) => x.source_line === line && x.indicator === name);
  assert.equal(r.length, 1, `${docId}:${line} one indicator "${name}" (have: ${parsed(docId).rows.filter((x) => x.source_line === line).map((x) => x.indicator).join(', ')})`);
  return r[0]!;
}
function onLine(docId: string, line: number): OutRow[] {
  return parsed(docId).rows.filter((x) => x.source_line === line);
}
function ofProject(docId: string, code: string): OutRow[] {
  return parsed(docId).rows.filter((x) => x.project_code === code);
}
/** category, indicator, target_text, comparator, target_value, target_unit */
function shape(r: OutRow): unknown[] {
  return [r.category, r.indicator, r.target_text, r.comparator, r.target_value, r.target_unit];
}
function projects(docId: string): Set<string> {
  return new Set(parsed(docId).rows.map((r) => r.project_code as string));
}

// ---------------------------------------------------------------------------------------------
// Contract

test('schema: every column described in Chinese and English, amounts in 万元, row keys match the schema', () => {
  assert.equal(schemas.length, 1);
  const s = schemas[0]!;
  assert.equal(s.name, 'project_indicators');
  assert.deepEqual(projectIndicators.schemas, schemas);
  assert.deepEqual(projectIndicators.standards, ['project_performance']);
  const names = s.columns.map((c) => c.name);
  for (const c of ['project_code', 'project_name', 'unit_code', 'unit_name', 'project_amount', 'category', 'category_zh',
    'indicator', 'target_text', 'comparator', 'target_value', 'target_unit', 'pairing', 'raw_cells']) {
    assert.ok(names.includes(c), `column ${c}`);
  }
  for (const c of ['doc_id', 'source_line', 'source_line_end']) assert.ok(!names.includes(c), `${c} is added by the pipeline`);
  for (const c of s.columns) assert.ok(c.zh.trim() && c.en.trim(), `${c.name} described`);
  assert.equal(s.columns.find((c) => c.name === 'project_amount')!.unit, '万元');
  assert.equal(s.columns.find((c) => c.name === 'project_code')!.type, 'VARCHAR');
  for (const doc of [ZZ, JZ, ZMD]) {
    for (const r of parsed(doc).rows) {
      assert.deepEqual(Object.keys(r).sort(), ['source_line', 'source_line_end', ...names].sort());
    }
  }
});

test('invariants of every row: codes all digits, a category, raw cells exactly on uncertain rows', () => {
  const zh: Record<string, string> = { cost: '成本指标', output: '产出指标', benefit: '效益指标', satisfaction: '满意度指标' };
  for (const doc of [ZZ, JZ, ZMD]) {
    for (const r of parsed(doc).rows) {
      const where = `${doc}:${r.source_line}`;
      assert.match(r.project_code as string, /^\d{15,}$/, where);
      assert.match(r.unit_code as string, /^\d{3,6}$/, where);
      assert.equal(typeof r.project_amount, 'number', where);
      assert.equal(r.category_zh, zh[r.category as string], where);
      assert.ok((r.indicator as string).length > 0 && (r.target_text as string).length > 0, where);
      assert.ok(!/^指标\s*\d/.test(r.indicator as string), `${where}: numbering removed`);
      assert.ok(r.pairing === 'certain' || r.pairing === 'uncertain', where);
      assert.equal(r.raw_cells !== null, r.pairing === 'uncertain', `${where}: raw_cells only on uncertain rows`);
      assert.equal(r.garbled, false, `${where}: the tab conversion shifts cells, it does not garble them`);
      if (r.source_line_end !== null) assert.ok((r.source_line_end as number) > (r.source_line as number), where);
    }
  }
});

// ---------------------------------------------------------------------------------------------
// Counts per document

test('zhengzhou-2024-budget: 55 projects (lines 629–875), 425 indicators', () => {
  assert.equal(projects(ZZ).size, 55);
  assert.equal(parsed(ZZ).rows.length, 425);
  // Department total rows are not indicators: zhengzhou-2024-budget.txt:627 `046||23,228.5|…`, :862 `046||3,646.0|…`
  assert.equal(onLine(ZZ, 627).length, 0);
  assert.equal(onLine(ZZ, 862).length, 0);
  assert.equal(onLine(ZZ, 628).length, 0); // unit row 046001
});

test('jiaozuo-2024-budget: 46 projects (lines 1132–1304), 254 indicators', () => {
  assert.equal(projects(JZ).size, 46);
  assert.equal(parsed(JZ).rows.length, 254);
  assert.equal(onLine(JZ, 1130).length, 0); // `302|焦作市人力资源和社会保障局|41763.42|…` department total
});

test('zhumadian-2023-budget: 41 projects with indicators (42 printed), 303 indicators', () => {
  assert.equal(projects(ZMD).size, 41);
  assert.equal(parsed(ZMD).rows.length, 303);
  // zhumadian-2023-budget.txt:672 `411700230000000019678|创业担保贷款调查、回访、回收费用|5.10|5.10||…` prints no indicator
  assert.ok(!projects(ZMD).has('411700230000000019678'));
});

// ---------------------------------------------------------------------------------------------
// 郑州

test('zhengzhou-2024-budget.txt:629 — the first project, shifted one cell left: output, benefit, satisfaction', () => {
  const rows = onLine(ZZ, 629);
  assert.deepEqual(rows.map(shape), [
    ['output', '办公用房', '300间', null, 300, '间'],
    ['benefit', '办公环境改善程度', '明显', null, null, null],
    ['satisfaction', '服务对象满意', '100%', null, 100, '%'],
  ]);
  const r = rows[0]!;
  assert.equal(r.project_code, '410100240000000034462');
  assert.equal(r.project_name, '陇海路办公大楼运转经费');
  assert.equal(r.project_amount, 400);
  assert.equal(r.unit_code, '046001'); // :628
  assert.equal(r.unit_name, '郑州市人力资源和社会保障局机关');
  assert.equal(r.pairing, 'certain');
  assert.equal(r.source_line_end, null);
  // :630 `|||||||办公面积|15000平方米|` continues the output column
  assert.deepEqual(shape(ind(ZZ, 630, '办公面积')), ['output', '办公面积', '15000平方米', null, 15000, '平方米']);
  assert.equal(ofProject(ZZ, '410100240000000034462').length, 6); // :629–632
});

test('zhengzhou-2024-budget.txt:636 — all four categories, cost first', () => {
  assert.deepEqual(onLine(ZZ, 636).map(shape), [
    ['cost', '培训人均成本', '≤450元', '≤', 450, '元'],
    ['output', '参与改革企业户数', '≥30户', '≥', 30, '户'],
    ['benefit', '能力素质提升', '明显', null, null, null],
    ['satisfaction', '服务对象满意', '100%', null, 100, '%'],
  ]);
  assert.deepEqual(shape(ind(ZZ, 637, '培训企业户数')), ['output', '培训企业户数', '≥300户', '≥', 300, '户']);
});

test('zhengzhou-2024-budget.txt:661 — indicators printed before their project row (:663, after a page break)', () => {
  const rows = onLine(ZZ, 661);
  assert.deepEqual(rows.map(shape), [
    ['cost', '培训人均成本', '≤450元', '≤', 450, '元'],
    ['output', '培训完成及时率', '100%', null, 100, '%'],
    ['benefit', '能力素质提升', '明显', null, null, null],
    ['satisfaction', '服务对象满意', '100%', null, 100, '%'],
  ]);
  for (const r of rows) {
    assert.equal(r.project_code, '410100240000000034848'); // :663
    assert.equal(r.project_name, '为幼八事以以以叙业务专项经费'); // garbled as printed, CJK space removed
    assert.equal(r.project_amount, 60);
  }
  const own = ofProject(ZZ, '410100240000000034848');
  assert.deepEqual(own.map((r) => r.source_line), [661, 661, 661, 661, 663, 664]);
  assert.deepEqual(shape(ind(ZZ, 663, '培训人次')), ['output', '培训人次', '≥150人次', '≥', 150, '人次']);
  // The project above (:658 公益性岗位管理费) keeps only its own rows :658–660.
  assert.deepEqual(ofProject(ZZ, '410100240000000034514').map((r) => r.source_line), [658, 658, 658, 659, 660]);
  assert.ok(parsed(ZZ).repairs.some((x) => x.table === 'project_indicators' && x.line === 661));
});

test('zhengzhou-2024-budget.txt:701–704 — a second block printed before its project row (:706 档案管理经费 978.0)', () => {
  // :702 `总成本|9780000` is the 978.0 万元 of :706 in 元.
  const r = ind(ZZ, 702, '总成本');
  assert.equal(r.project_code, '410100240000000030842');
  assert.equal(r.project_amount, 978);
  assert.deepEqual(shape(r), ['cost', '总成本', '9780000', null, 9780000, null]);
  assert.deepEqual(shape(ind(ZZ, 701, '档案代理服务满意度')), ['satisfaction', '档案代理服务满意度', '≥95%', '≥', 95, '%']);
  // 编外人员经费 (:693, 424.0) keeps :693–700.
  const lines = ofProject(ZZ, '410100240000000030819').map((x) => x.source_line as number);
  assert.equal(Math.max(...lines), 700);
  assert.equal(ofProject(ZZ, '410100240000000030842').length, 18); // :701 ×4, :702 ×3, :703 ×2, :704, :706–713
});

test('zhengzhou-2024-budget.txt:689 — a truncated unit name is kept as printed', () => {
  const r = ind(ZZ, 690, '业务系统软硬件运行维护数');
  assert.equal(r.unit_code, '046002');
  assert.equal(r.unit_name, '郑州市就业创业服');
  assert.deepEqual(shape(r), ['output', '业务系统软硬件运行维护数', '>12次', '>', 12, '次']);
  assert.deepEqual(shape(ind(ZZ, 691, '业务系统稳定运行年度累计故障恢复')), ['benefit', '业务系统稳定运行年度累计故障恢复', '<24小时', '<', 24, '小时']);
});

test('zhengzhou-2024-budget.txt:714 — four pairs fill the four columns in order, whatever the names', () => {
  assert.deepEqual(onLine(ZZ, 714).map((r) => [r.category, r.indicator]), [
    ['cost', '资金使用规范性'], ['output', '总成本'], ['benefit', '外来人员进入导致安全事故发生数'], ['satisfaction', '干部职工满意度'],
  ]);
  assert.deepEqual(shape(ind(ZZ, 714, '总成本')), ['output', '总成本', '≤2280000元', '≤', 2280000, '元']);
});

test('zhengzhou-2024-budget.txt:783 — an indicator printed on a unit row belongs to the project above', () => {
  const r = ind(ZZ, 783, '执行资助补助标准达标率');
  assert.equal(r.project_code, '41010024000000034914'); // :782, 20 digits as printed
  assert.equal(r.project_amount, 804.5);
  assert.equal(r.unit_code, '046016');
  assert.equal(r.category, 'output');
  // The next project (:785) is under the unit row 046017 郑州财经技师学院.
  const n = ind(ZZ, 785, '免学费补助标准');
  assert.equal(n.unit_code, '046017');
  assert.equal(n.unit_name, '郑州财经技师学院');
  assert.deepEqual(shape(n), ['cost', '免学费补助标准', '850元/生·期', null, 850, '元/生·期']);
});

test('zhengzhou-2024-budget.txt:741–747 — placeholder indicators and ranges', () => {
  assert.deepEqual(shape(ind(ZZ, 741, '此指标不适合')), ['cost', '此指标不适合', '0无', null, 0, '无']);
  assert.deepEqual(shape(ind(ZZ, 744, '及时发放助学金')), ['output', '及时发放助学金', '1-12月', null, null, null]);
  assert.equal(ind(ZZ, 744, '无').category, 'cost');
  assert.deepEqual(shape(ind(ZZ, 767, '综合实训基地')), ['cost', '综合实训基地', '≤', null, null, null]);
});

test('zhengzhou-2024-budget.txt:854–861 — a page shifted one cell left: output, flagged uncertain', () => {
  const rows = parsed(ZZ).rows.filter((r) => (r.source_line as number) >= 854 && (r.source_line as number) <= 861);
  assert.equal(rows.length, 8);
  for (const r of rows) {
    assert.equal(r.project_code, '410100240000000035625'); // :847 代发补贴专项资金 7,857.0
    assert.equal(r.project_amount, 7857);
    assert.equal(r.category, 'output');
    assert.equal(r.pairing, 'uncertain');
  }
  assert.equal(ind(ZZ, 854, '中小学退休教师健康休养费补贴人数').raw_cells, '中小学退休教师健康休养费补贴人数 | ≥5844人');
  // :847–852, in the header's columns, are certain.
  assert.equal(ind(ZZ, 848, '中小学退休教师物业和住房补贴人数').pairing, 'certain');
});

// ---------------------------------------------------------------------------------------------
// 焦作

test('jiaozuo-2024-budget.txt:1132 — a code split by a space, cost printed one cell left', () => {
  const rows = onLine(JZ, 1132);
  assert.deepEqual(rows.map(shape), [
    ['cost', '项目总成本', '≤2 万元', '≤', 2, '万元'],
    ['output', '大厦维修维护次数', '≥2 次', '≥', 2, '次'],
    ['benefit', '保障工作正常开展', '良好', null, null, null],
    ['satisfaction', '人社大厦职工满意度', '≥98%', '≥', 98, '%'],
  ]);
  assert.equal(rows[0]!.project_code, '410800240000000005247'); // `4108002400000000052 47`
  assert.equal(rows[0]!.project_name, '运维经费');
  assert.equal(rows[0]!.project_amount, 1.93);
  assert.equal(rows[0]!.unit_code, '302101'); // :1131
  assert.deepEqual(shape(ind(JZ, 1133, '维修维护合格率')), ['output', '维修维护合格率', '100%', null, 100, '%']);
});

test('jiaozuo-2024-budget.txt:1137 — after a page break, output and satisfaction on one continuation row', () => {
  assert.deepEqual(onLine(JZ, 1137).map(shape), [
    ['output', '公开招聘工作完成合格率', '100%', null, 100, '%'],
    ['satisfaction', '就业服务满意度', '≥90%', '≥', 90, '%'],
  ]);
  assert.equal(onLine(JZ, 1137)[0]!.project_code, '410800240000000005266');
});

test('jiaozuo-2024-budget.txt:1175/1177 — indicator names continued after a page break (`量`, `度`)', () => {
  const a = ind(JZ, 1175, '享受公益性岗位补贴人员数量');
  assert.deepEqual(shape(a), ['output', '享受公益性岗位补贴人员数量', '≥400人', '≥', 400, '人']);
  assert.equal(a.source_line_end, 1177);
  const b = ind(JZ, 1175, '就业扶持政策经办服务满意度');
  assert.equal(b.category, 'satisfaction');
  assert.equal(b.source_line_end, 1177);
  assert.equal(ind(JZ, 1175, '多渠道支持灵活就业').source_line_end, null);
  assert.equal(onLine(JZ, 1177).length, 0);
  assert.equal(a.project_code, '410800240000000047771');
  assert.equal(a.project_amount, 3714);
});

test('jiaozuo-2024-budget.txt:1199/1210 — amounts split by a space (`30079.9 0`, `30000.0 0`)', () => {
  const r = ind(JZ, 1210, '发放离退休人员数量');
  assert.equal(r.project_amount, 30000);
  assert.equal(r.project_code, '410800240000000028005');
  assert.equal(r.unit_code, '302202');
  assert.equal(r.unit_name, '焦作市社会保险中心'); // `焦作市社会保 险中心`
});

test('jiaozuo-2024-budget.txt:1248/1250 — a benefit indicator alone on a continuation row', () => {
  assert.deepEqual(shape(ind(JZ, 1248, '发生公务事项总成')), ['cost', '发生公务事项总成', '≤31.58', '≤', 31.58, null]);
  assert.deepEqual(shape(ind(JZ, 1250, '社会知晓度')), ['benefit', '社会知晓度', '≥90%', '≥', 90, '%']);
});

test('jiaozuo-2024-budget.txt:1268 — amounts in 资金总额 and 财政专户 only', () => {
  const r = ind(JZ, 1268, '保障全体党员教育经费');
  assert.equal(r.project_amount, 5);
  assert.deepEqual(shape(r), ['cost', '保障全体党员教育经费', '≤ 50000 元', '≤', 50000, '元']);
  assert.equal(r.unit_code, '302302');
});

test('jiaozuo-2024-budget.txt:1275–1277 — continuation rows in the column the first row used for cost: output, uncertain', () => {
  assert.equal(ind(JZ, 1275, '补助标准').category, 'cost');
  for (const [line, name] of [[1276, '发放补助人数'], [1277, '补助发放正确率']] as const) {
    const r = ind(JZ, line, name);
    assert.equal(r.category, 'output');
    assert.equal(r.pairing, 'uncertain');
  }
});

test('jiaozuo-2024-budget.txt:1288/1290, 1299/1301 — project names and indicators continued after a page break', () => {
  assert.equal(ind(JZ, 1290, '资金在规定范围内使用覆盖率').project_name, '提前下达2024年中等职业教育学生资助资金(中央免学费)');
  const b = ind(JZ, 1299, '内控制度健全,措施完善');
  assert.equal(b.category, 'benefit');
  assert.equal(b.target_text, '严格执行');
  assert.equal(b.source_line_end, 1301);
  const s = ind(JZ, 1299, '经办人员对网络安全稳定性满意程度');
  assert.deepEqual(shape(s), ['satisfaction', '经办人员对网络安全稳定性满意程度', '≥98%', '≥', 98, '%']);
  assert.equal(s.project_name, '2024年社会保障卡系统运行维护费');
  assert.equal(s.project_amount, 3.52);
  assert.equal(ind(JZ, 1299, '维护系统数量').source_line_end, null);
});

test('jiaozuo-2024-budget.txt:1160 — a date is no target value', () => {
  assert.deepEqual(shape(ind(JZ, 1160, '培训完成时间')), ['output', '培训完成时间', '2024年12月31日前', null, null, null]);
});

// ---------------------------------------------------------------------------------------------
// 驻马店

test('zhumadian-2023-budget.txt:582/584 — a project name split over two lines with a pair on the continuation', () => {
  const name = '“互联网 +人社”四级服务平台维护费'; // `“互联网 +人社” 四级服务` + `平台维护费`
  assert.deepEqual(onLine(ZMD, 582).map(shape), [
    ['cost', '支付运维费用', '≤500000 元', '≤', 500000, '元'],
    ['output', '保障月份', '12 月', null, 12, '月'],
    ['benefit', '提高业务办理便捷度', '有效提高', null, null, null],
    ['satisfaction', '满意度', '≥90%', '≥', 90, '%'],
  ]);
  const r = ind(ZMD, 584, '保障平台有效运转');
  assert.deepEqual(shape(r), ['output', '保障平台有效运转', '正常运转', null, null, null]);
  for (const x of ofProject(ZMD, '411700230000000018931')) {
    assert.equal(x.project_name, name);
    assert.equal(x.project_amount, 50);
    assert.equal(x.unit_code, '028001');
    assert.equal(x.unit_name, '驻马店市人力资源和社会保障局'); // :581 `驻马店市 人力资源 和社会保 障局`
  }
  assert.equal(ofProject(ZMD, '411700230000000018931').length, 5);
});

test('zhumadian-2023-budget.txt:596/598 — an indicator name continued on the next line (`保障网络运行业务` + `种类`)', () => {
  const r = ind(ZMD, 596, '保障网络运行业务种类');
  assert.deepEqual(shape(r), ['output', '保障网络运行业务种类', '≥3个', '≥', 3, '个']);
  assert.equal(r.source_line_end, 598);
  assert.equal(r.project_name, '网络运行服务等工作经费'); // `网络运行服务等工` + :598 `作经费`
  assert.equal(r.project_amount, 20.43);
  assert.equal(onLine(ZMD, 598).length, 0);
  assert.equal(ofProject(ZMD, '411700230000000019051').length, 5); // :596 ×3, :599, :600
});

test('zhumadian-2023-budget.txt:621–635 — indicators numbered `指标 1:`', () => {
  assert.deepEqual(onLine(ZMD, 621).map(shape), [
    ['cost', '全市各类人事档案人均整理归类成本', '150 元', null, 150, '元'],
    ['output', '每年整理全市各类人事档案总数', '7741 份', null, 7741, '份'],
    ['benefit', '全市企事业单位人员档案存放安全、真实、完整率', '100%', null, 100, '%'],
    ['satisfaction', '接受新入库档案人员满意度', '>100%', '>', 100, '%'],
  ]);
  const r = onLine(ZMD, 621)[0]!;
  assert.equal(r.project_code, '411700230000000001610');
  assert.equal(r.project_amount, 20.52);
  assert.equal(r.unit_code, '028002');
  assert.deepEqual(shape(ind(ZMD, 623, '人均专业技术资格评成本')), ['cost', '人均专业技术资格评成本', '免费', null, null, null]);
  // :624 `指标 4: 接受档案材料入档人员满意` + :626 `度`
  const s = ind(ZMD, 624, '接受档案材料入档人员满意度');
  assert.equal(s.category, 'satisfaction');
  assert.equal(s.source_line_end, 626);
  // :627–631 print output and benefit two columns left of the header (the page after :625): uncertain.
  const q = ind(ZMD, 627, '全市各类人事档案整理归类完成率');
  assert.equal(q.category, 'output');
  assert.equal(q.pairing, 'uncertain');
  assert.equal(q.raw_cells, '指标 1: 全市各类人事档案整理归类完成率 | 100% | 指标 3: 接受档案入库 | 直接和间接带来效益');
  assert.equal(ind(ZMD, 627, '接受档案入库').category, 'benefit');
  assert.deepEqual(shape(ind(ZMD, 628, '专业技术资格评定通过率')), ['output', '专业技术资格评定通过率', '约 79%', null, null, null]);
  assert.deepEqual(shape(ind(ZMD, 634, '专业技术资格评定时间')), ['output', '专业技术资格评定时间', '初级每年 1-12 月和中、高级每年 10-12 月', null, null, null]);
  assert.equal(ofProject(ZMD, '411700230000000001610').length, 28); // :621–624 ×4, :627–630 ×2, :631, :633–635
});

test('zhumadian-2023-budget.txt:644 — a 22-digit code kept whole', () => {
  const r = ind(ZMD, 644, '参考人数');
  assert.equal(r.project_code, '4117002300000000020011');
  assert.deepEqual(shape(r), ['output', '参考人数', '≥10000人', '≥', 10000, '人']);
});

test('zhumadian-2023-budget.txt:660/662 — a name continued after a page break, with three pairs on the same line', () => {
  assert.deepEqual(onLine(ZMD, 662).map((r) => [r.category, r.indicator]), [
    ['cost', '提高执法效能'], ['output', '提高办案效率'], ['benefit', '促进社会和谐,保障劳动者权益'],
  ]);
  assert.equal(onLine(ZMD, 662)[0]!.project_name, '执法车辆然修、协管员工资等专项工作经费');
});

test('zhumadian-2023-budget.txt:712/713 — a row shifted two cells right and its continuation', () => {
  assert.deepEqual(onLine(ZMD, 712).map((r) => [r.category, r.indicator, r.target_text]), [
    ['cost', '稽核审计费用', '≤30000元'], ['output', '稽核审计数量', '≥10家'], ['benefit', '实地稽核', '≥90%'], ['satisfaction', '满意度', '≥90%'],
  ]);
  assert.deepEqual(shape(ind(ZMD, 713, '完成比')), ['output', '完成比', '100%', null, 100, '%']);
});

test('zhumadian-2023-budget.txt:741/743 — indicator and value continued on the next page', () => {
  const o = ind(ZMD, 741, '满足理论及实训教学的及时性');
  assert.equal(o.category, 'output');
  assert.equal(o.source_line_end, 743);
  const b = ind(ZMD, 741, '是否对周边环境产生影响');
  assert.equal(b.category, 'benefit');
  assert.equal(b.target_text, '教育机构,不会对周边环境产生影响');
  assert.equal(onLine(ZMD, 743).length, 0);
  assert.equal(ofProject(ZMD, '411700230000000005602').length, 10); // :739 ×4, :740 ×3, :741 ×3
});
