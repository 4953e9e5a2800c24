// Document metadata read from the text: title, place, department, year, kind, scope, doc id.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readMeta, docIdOf, legacyDocIdOf } from '../../scripts/pipeline/metadata.ts';
import { citiesOf, departmentSlugOf, findPlace, placeOf } from '../../scripts/pipeline/places.ts';
import { pageMarker } from '../../scripts/pipeline/layouts/pdf/pageMarker.ts';
import { InputError } from '../../scripts/pipeline/types.ts';
import { manifestOf } from '../../scripts/data.ts';
import { rawLines } from '../helpers.ts';
import { reflow } from '../reflow.ts';

function meta(docId: string) {
  return readMeta(rawLines(docId), `${docId}.txt`);
}

/** A prefecture city of Henan, as every vendored text names it. */
const henan = (city: string, code: string, slug: string) => ({
  province: '河南', city, district: null, adminLevel: 'city', placeCode: code, placeName: `河南省${city}市`,
  placeSlug: slug, citySlug: slug, department: '人力资源和社会保障局', departmentSlug: 'rlzyhshbzj', scope: 'department',
});

/** The text the PDF layout gives: each page's lines after its marker (=== 第 N 页 ===). */
function pdfLines(...pages: string[][]): string[] {
  return pages.flatMap((lines, i) => [pageMarker(i + 1), ...lines]);
}

test('zhengzhou-2024-budget: cover title at :3 “2024 年郑州市人力资源和社会保障局 部门预算公开”', () => {
  const m = meta('zhengzhou-2024-budget');
  assert.deepEqual(m, {
    ...henan('郑州', '410100', 'zhengzhou'), fiscalYear: 2024,
    docKind: 'budget', title: '2024年郑州市人力资源和社会保障局部门预算公开',
  });
  assert.equal(docIdOf(m), 'zhengzhou-2024-rlzyhshbzj-budget');
  assert.equal(legacyDocIdOf(m), 'zhengzhou-2024-budget');
});

test('jiaozuo-2024-budget: title on two lines (:3 焦作市人力资源和社会保障局 / :4 2024年度部门预算), date line :6 skipped', () => {
  const m = meta('jiaozuo-2024-budget');
  assert.deepEqual(m, {
    ...henan('焦作', '410800', 'jiaozuo'), fiscalYear: 2024,
    docKind: 'budget', title: '焦作市人力资源和社会保障局2024年度部门预算',
  });
  assert.equal(docIdOf(m), 'jiaozuo-2024-rlzyhshbzj-budget');
  assert.equal(legacyDocIdOf(m), 'jiaozuo-2024-budget');
});

test('zhumadian-2023-budget: title :3-:4, not the second title at :8', () => {
  const m = meta('zhumadian-2023-budget');
  assert.deepEqual(m, {
    ...henan('驻马店', '411700', 'zhumadian'), fiscalYear: 2023,
    docKind: 'budget', title: '2023年驻马店市人力资源和社会保障局部门预算公开',
  });
  assert.equal(docIdOf(m), 'zhumadian-2023-rlzyhshbzj-budget');
  assert.equal(legacyDocIdOf(m), 'zhumadian-2023-budget');
});

test('reflowed layout: the cover lines one blank apart, up to the date (the budgets reflowed by tests/reflow.ts)', () => {
  // zhumadian-2023-budget.txt:3–:4 `2023 年驻马店市人力资源和社会保障局` / `部门预算公开`, reflowed with a
  // blank after each line, then `2023 年 2 月` and the second title, which is not part of it
  for (const doc of ['zhumadian-2023-budget', 'zhengzhou-2024-budget', 'jiaozuo-2024-budget']) {
    const m = readMeta(reflow(rawLines(doc), { seed: 1 }), `${doc}.txt`);
    assert.deepEqual(m, meta(doc), doc);
  }
});

test('zhengzhou-2020-performance: form title :3, (2020 年度) :5, 部门名称 cell :7', () => {
  const m = meta('zhengzhou-2020-performance');
  assert.deepEqual(m, {
    ...henan('郑州', '410100', 'zhengzhou'), fiscalYear: 2020,
    docKind: 'performance', title: '郑州市人力资源和社会保障局2020年度市级部门整体绩效目标申报表',
  });
  assert.equal(docIdOf(m), 'zhengzhou-2020-rlzyhshbzj-performance');
  assert.equal(legacyDocIdOf(m), 'zhengzhou-2020-performance');
});

test('luoyang-2024-budget: no cover (:1 第一部分), title from :389 附件：2024 年洛阳市…部门预算表', () => {
  const m = meta('luoyang-2024-budget');
  assert.deepEqual(m, {
    ...henan('洛阳', '410300', 'luoyang'), fiscalYear: 2024,
    docKind: 'budget', title: '2024年洛阳市人力资源和社会保障局部门预算',
  });
  assert.equal(docIdOf(m), 'luoyang-2024-rlzyhshbzj-budget');
  assert.equal(legacyDocIdOf(m), 'luoyang-2024-budget');
});

// The five PDFs (data/raw/*.pdf): page 1 as the PDF layout gives it, copied from the text of page 1
// (and the first lines of page 2, whose 目录 ends the cover).

test('shanghai-putuo-2025-swwyh-budget.pdf p.1: 上海市普陀区2025年区级部门预算 / 预算主管部门：上海市普陀区商务委员会', () => {
  const lines = pdfLines(
    ['上海市普陀区2025年区级部门预算', '   预算主管部门：上海市普陀区商务委员会'],
    ['                        目   录', '一、部门主要职能', '二、部门机构设置'],
  );
  const m = readMeta(lines, 'a.pdf', {}, 'tab');
  assert.deepEqual(m, {
    province: '上海', city: '上海', district: '普陀区', adminLevel: 'district', placeCode: '310107', placeName: '上海市普陀区',
    placeSlug: 'shanghai-putuo', citySlug: 'shanghai-putuo', department: '商务委员会', departmentSlug: 'swwyh',
    fiscalYear: 2025, docKind: 'budget', scope: 'department', title: '上海市普陀区2025年区级部门预算',
  });
  assert.equal(docIdOf(m), 'shanghai-putuo-2025-swwyh-budget');
  assert.equal(legacyDocIdOf(m), null, 'a district never had an id of the old kind');
  // The table heads print the same name (编制部门：…), as a cell before 单位：万元: read the same.
  const withHeads = [...lines, pageMarker(3), '编制部门：上海市普陀区商务委员会\t\t单位：万元', '编制部门：上海市普陀区商务委员会\t\t单位：万元'];
  assert.deepEqual(readMeta(withHeads, 'a.pdf', {}, 'tab'), m);
});

test('shanghai-putuo-2025-swwyh-budget-unit.pdf p.1: 区级单位预算 / 预算单位：… is one unit’s own budget', () => {
  const lines = pdfLines(
    ['上海市普陀区2025年区级单位预算', '   预算单位：上海市普陀区商务委员会'],
    ['                       目   录', '一、单位主要职能'],
  );
  const m = readMeta(lines, 'b.pdf', {}, 'tab');
  assert.equal(m.scope, 'unit');
  assert.equal(m.department, '商务委员会');
  assert.equal(m.district, '普陀区');
  assert.equal(m.fiscalYear, 2025);
  assert.equal(m.docKind, 'budget');
  assert.equal(docIdOf(m), 'shanghai-putuo-2025-swwyh-budget-unit');
  assert.equal(legacyDocIdOf(m), null);
});

test('shanghai-putuo-2024-rmzfwljdbsc-budget.pdf p.1: the department only in 预算主管部门：…; the title kept as printed', () => {
  const lines = pdfLines(
    ['上海市普陀区2024年区级部门预算', ' 预算主管部门：上海市普陀区人民政府万里街道办事处'],
    ['                            目   录', '一、部门主要职能    ……………………………………'],
  );
  const m = readMeta(lines, 'c.pdf', {}, 'tab');
  assert.equal(m.department, '人民政府万里街道办事处');
  assert.equal(m.departmentSlug, 'rmzfwljdbsc');
  assert.equal(m.fiscalYear, 2024);
  assert.equal(m.scope, 'department');
  assert.equal(m.title, '上海市普陀区2024年区级部门预算');
  assert.equal(docIdOf(m), 'shanghai-putuo-2024-rmzfwljdbsc-budget');
});

test('shanghai-putuo-2024-czj-final.pdf p.1: cover over two lines 上海市普陀区财政局 / 2024年度部门决算 is a 决算', () => {
  const lines = pdfLines(
    ['上海市普陀区财政局', '2024年度部门决算'],
    ['                  目 录', '第一部分 上海市普陀区财政局概况', ' 一、主要职能'],
  );
  const m = readMeta(lines, 'd.pdf', {}, 'tab');
  assert.deepEqual([m.province, m.city, m.district, m.department, m.fiscalYear, m.docKind, m.scope],
    ['上海', '上海', '普陀区', '财政局', 2024, 'final', 'department']);
  assert.equal(m.title, '上海市普陀区财政局2024年度部门决算');
  assert.equal(docIdOf(m), 'shanghai-putuo-2024-czj-final');
  assert.equal(legacyDocIdOf(m), null);
});

test('jiangsu-2019-gjrmfy-budget.pdf p.1: a province-level department, its page number “1” not part of the title', () => {
  const lines = pdfLines(
    [' 江苏省高级人民法院', '2019 年度部门预算公开', '      1'],
    ['               目        录', '第一部分 部门概况', '一、主要职能'],
  );
  const m = readMeta(lines, 'e.pdf', {}, 'tab');
  assert.deepEqual(m, {
    province: '江苏', city: null, district: null, adminLevel: 'province', placeCode: '320000', placeName: '江苏省',
    placeSlug: 'jiangsu', citySlug: 'jiangsu', department: '高级人民法院', departmentSlug: 'gjrmfy',
    fiscalYear: 2019, docKind: 'budget', scope: 'department', title: '江苏省高级人民法院2019年度部门预算公开',
  });
  assert.equal(docIdOf(m), 'jiangsu-2019-gjrmfy-budget');
  assert.equal(legacyDocIdOf(m), null);
  // Its table heads say 部门名称：江苏省高级人民法院: the same reading.
  assert.deepEqual(readMeta([...lines, pageMarker(3), '部门名称：江苏省高级人民法院\t单位：万元'], 'e.pdf', {}, 'tab'), m);
});

test('places: the longest place a name starts with, per GB/T 2260, the province optional', () => {
  const at = (s: string) => {
    const p = findPlace(s);
    return p && [p.province, p.city, p.district, p.adminLevel, p.code, p.name, p.slug, p.rest];
  };
  assert.deepEqual(at('上海市普陀区商务委员会'), ['上海', '上海', '普陀区', 'district', '310107', '上海市普陀区', 'shanghai-putuo', '商务委员会']);
  assert.deepEqual(at('江苏省高级人民法院'), ['江苏', null, null, 'province', '320000', '江苏省', 'jiangsu', '高级人民法院']);
  assert.deepEqual(at('郑州市人力资源和社会保障局'), ['河南', '郑州', null, 'city', '410100', '河南省郑州市', 'zhengzhou', '人力资源和社会保障局']);
  assert.deepEqual(at('河南省郑州市财政局'), ['河南', '郑州', null, 'city', '410100', '河南省郑州市', 'zhengzhou', '财政局']);
  assert.deepEqual(at('上海市财政局'), ['上海', '上海', null, 'province', '310000', '上海市', 'shanghai', '财政局']);
  // 重庆's counties sit under the code list's 县 grouping, which no one names.
  assert.deepEqual(at('重庆市城口县财政局'), ['重庆', '重庆', '城口县', 'district', '500229', '重庆市城口县', 'chongqing-chengkou', '财政局']);
  // A county-level city under its prefecture; 济源 (省直辖) where a prefecture city would be.
  assert.deepEqual(at('郑州市巩义市教育局'), ['河南', '郑州', '巩义市', 'district', '410181', '河南省郑州市巩义市', 'zhengzhou-gongyi', '教育局']);
  assert.deepEqual(at('济源市财政局'), ['河南', '济源', null, 'city', '419001', '河南省济源市', 'jiyuan', '财政局']);
  // Autonomous regions and prefectures go by their name without the nationalities.
  assert.deepEqual(at('广西壮族自治区财政厅')?.slice(0, 4), ['广西', null, null, 'province']);
  assert.deepEqual(at('黔西南布依族苗族自治州财政局')?.slice(0, 2), ['贵州', '黔西南']);
  // 普陀区 is both 上海's and 舟山's: without its city it names no one place.
  assert.equal(findPlace('普陀区财政局'), null);
  assert.equal(findPlace('郑州人力资源和社会保障局'), null, 'names are matched with their suffix');
  assert.equal(findPlace('火星市财政局'), null);
});

test('slugs: pinyin without suffixes; a pinyin two places share is told apart', () => {
  assert.deepEqual(citiesOf('河南').map((c) => c.slug), ['zhengzhou', 'kaifeng', 'luoyang', 'pingdingshan', 'anyang', 'hebi', 'xinxiang',
    'jiaozuo', 'puyang', 'xuchang', 'luohe', 'sanmenxia', 'nanyang', 'shangqiu', 'xinyang', 'zhoukou', 'zhumadian', 'jiyuan']);
  assert.equal(citiesOf('河南').find((c) => c.city === '三门峡')?.code, '411200');
  // 泰州 and 台州 are both taizhou, 吉林市 and 吉林省 both jilin, 山西 and 陕西 both shanxi.
  assert.equal(findPlace('泰州市财政局')?.slug, 'jiangsu-taizhou');
  assert.equal(findPlace('台州市财政局')?.slug, 'zhejiang-taizhou');
  assert.equal(findPlace('吉林市财政局')?.slug, 'jilin-jilin');
  assert.equal(findPlace('吉林省财政厅')?.slug, 'jilin');
  assert.notEqual(findPlace('山西省财政厅')?.slug, findPlace('陕西省财政厅')?.slug);
  assert.equal(departmentSlugOf('人力资源和社会保障局'), 'rlzyhshbzj');
  assert.equal(departmentSlugOf('商务委员会'), 'swwyh');
  assert.equal(departmentSlugOf('财政局'), 'czj');
  assert.equal(departmentSlugOf('高级人民法院'), 'gjrmfy');
  assert.equal(departmentSlugOf('人民政府万里街道办事处'), 'rmzfwljdbsc');
  assert.equal(departmentSlugOf('第2中学ABC（本级）'), 'd2zxabcbj', 'digits and Latin kept, lower-case');
});

test('another city in the same template needs no code change, in Henan or not', () => {
  const lines = rawLines('zhengzhou-2024-budget').map((l) => l.replaceAll('郑州', '开封').replaceAll('2024', '2025'));
  const m = readMeta(lines, 'kaifeng.txt');
  assert.equal(m.city, '开封');
  assert.equal(m.citySlug, 'kaifeng');
  assert.equal(m.fiscalYear, 2025);
  assert.equal(docIdOf(m), 'kaifeng-2025-rlzyhshbzj-budget');
  const ly = rawLines('luoyang-2024-budget').map((l) => l.replaceAll('洛阳', '平顶山'));
  assert.equal(docIdOf(readMeta(ly, 'pds.txt')), 'pingdingshan-2024-rlzyhshbzj-budget');
  const wh = readMeta(rawLines('zhengzhou-2024-budget').map((l) => l.replaceAll('郑州', '武汉')), 'wuhan.txt');
  assert.deepEqual([wh.province, wh.city, wh.placeCode], ['湖北', '武汉', '420100']);
  assert.equal(docIdOf(wh), 'wuhan-2024-rlzyhshbzj-budget');
});

test('a place outside the national list is refused, saying what was found and that sources.json can give it', () => {
  const lines = rawLines('zhengzhou-2024-budget').map((l) => l.replaceAll('郑州', '火星'));
  assert.throws(() => readMeta(lines, 'mars.txt'), (e: unknown) => {
    assert.ok(e instanceof InputError);
    assert.equal(e.file, 'mars.txt');
    assert.match(e.message, /^mars\.txt:\d+: unknown place/);
    assert.match(e.message, /火星市人力资源和社会保障局/);
    assert.match(e.message, /"province", "city" and\/or "district"/);
    assert.match(e.message, /data\/raw\/sources\.json/);
    return true;
  });
  // Given there, the place is taken as given (no code), and its name is taken off the department's.
  const m = readMeta(lines, 'mars.txt', { province: '河南', city: '火星' });
  assert.deepEqual([m.province, m.city, m.placeCode, m.placeName, m.department], ['河南', '火星', null, '河南省火星', '人力资源和社会保障局']);
  assert.equal(docIdOf(m), 'henan-huoxing-2024-rlzyhshbzj-budget');
  // A place in the list, given by short or full names, wins over the text's; the department stays its own.
  const kf = readMeta(rawLines('zhengzhou-2024-budget'), 'z.txt', { city: '开封市' });
  assert.deepEqual([kf.placeSlug, kf.department], ['kaifeng', '人力资源和社会保障局']);
  // A district the list lacks, printed in the name: given, it comes off the department's name too.
  const lg = readMeta(['2025年上海市临港新区管理委员会部门预算'], 'lg.txt', { province: '上海', district: '临港新区' });
  assert.deepEqual([lg.district, lg.placeCode, lg.placeSlug, lg.department], ['临港新区', null, 'shanghai-lingang', '管理委员会']);
  assert.equal(placeOf({ city: '上海', district: '普陀区' })?.slug, 'shanghai-putuo');
  assert.equal(placeOf({ province: '火星' }), null);
});

test('a file that is not a disclosure is an unknown document, saying what is missing', () => {
  const lines = ['', '会议纪要', '', '一、会议时间', '二、参会人员', ''];
  assert.throws(() => readMeta(lines, 'minutes.txt'), (e: unknown) => {
    assert.ok(e instanceof InputError);
    assert.equal(e.file, 'minutes.txt');
    assert.match(e.message, /unknown document/);
    assert.match(e.message, /title/);
    assert.match(e.message, /department/);
    assert.match(e.message, /fiscal year/);
    return true;
  });
  // A title but no year anywhere.
  const noYear = ['', '郑州市人力资源和社会保障局部门预算公开', '', '部门名称：郑州市人力资源和社会保障局'];
  assert.throws(() => readMeta(noYear, 'noyear.txt'), /noyear\.txt: unknown document: found no fiscal year/);
  // A 决算 is read as one; a title that is both is not guessed at.
  const final = ['', '2023 年郑州市人力资源和社会保障局部门决算公开', '', '部门名称：郑州市人力资源和社会保障局'];
  assert.equal(docIdOf(readMeta(final, 'final.txt')), 'zhengzhou-2023-rlzyhshbzj-final');
  assert.equal(legacyDocIdOf(readMeta(final, 'final.txt')), null);
  const both = ['', '2023 年郑州市人力资源和社会保障局部门预决算公开', '', '部门名称：郑州市人力资源和社会保障局'];
  assert.throws(() => readMeta(both, 'both.txt'), /both\.txt:2: unknown document: the title .* is neither/);
});

test('sources.json: a bad doc_id, fiscal_year or "sources" is refused, naming the file and the entry', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bl-manifest-'));
  const refused = (json: unknown, pattern: RegExp) => {
    writeFileSync(join(dir, 'sources.json'), JSON.stringify(json));
    assert.throws(() => manifestOf(dir), (e: unknown) => {
      assert.ok(e instanceof InputError, 'an input error, reported without a stack trace');
      assert.match(e.message, /sources\.json: /);
      assert.match(e.message, pattern);
      return true;
    });
  };
  try {
    refused({ sources: [{ file: 'a.pdf', doc_id: 'Shanghai Putuo' }], }, /entry 1 of "sources" \(a\.pdf\): "doc_id" "Shanghai Putuo" must be lower-case/);
    refused({ sources: [{ file: 'a.pdf' }, { file: 'b.pdf', doc_id: `a${'-'.repeat(100)}` }] }, /entry 2 .*\(b\.pdf\).*"doc_id"/);
    refused({ sources: [{ file: 'a.pdf', doc_id: '-a' }] }, /"doc_id"/);
    refused({ sources: [{ file: 'a.pdf', fiscal_year: 2024.5 }] }, /\(a\.pdf\): "fiscal_year" must be a whole year from 1990 to 2100, not 2024\.5/);
    refused({ sources: [{ file: 'a.pdf', fiscal_year: '2024' }] }, /"fiscal_year" .* not "2024"/);
    refused({ sources: [{ file: 'a.pdf', fiscal_year: 1989 }] }, /"fiscal_year"/);
    refused({ sources: [{ file: 'a.pdf', fiscal_year: 2101 }] }, /"fiscal_year"/);
    refused({ sources: { file: 'a.pdf' } }, /"sources"/);
    refused({ sources: ['a.pdf'] }, /one object per file/);
    refused([{ file: 'a.pdf' }], /"sources"/);
    refused({ sources: [{ file: 'a.pdf', scope: 'office' }] }, /"scope" must be "department" or "unit"/);
    refused({ sources: [{ file: 'a.pdf', doc_kind: 'report' }] }, /"doc_kind"/);
    refused({ sources: [{ file: 'a.pdf', city: 7 }] }, /"city" must be a non-empty string/);
    // What passes: the place, department, year, kind and scope of a file, by its name.
    writeFileSync(join(dir, 'sources.json'), JSON.stringify({ sources: [
      { file: 'a.pdf', doc_id: 'shanghai-putuo-2025-swwyh-budget', province: '上海', district: '普陀区', fiscal_year: 2025, scope: 'unit', sha256: 'x' },
    ] }));
    assert.deepEqual({ ...manifestOf(dir).get('a.pdf') }, {
      doc_id: 'shanghai-putuo-2025-swwyh-budget', province: '上海', city: undefined, district: '普陀区', department: undefined,
      fiscal_year: 2025, doc_kind: undefined, scope: 'unit', official_url: undefined, published: undefined,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
