// Document metadata read from the text: title, city, department, year, kind, doc id.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readMeta, docIdOf, CITY_SLUGS } from '../../scripts/pipeline/metadata.ts';
import { InputError } from '../../scripts/pipeline/types.ts';
import { rawLines } from '../helpers.ts';
import { reflow } from '../reflow.ts';

function meta(docId: string) {
  return readMeta(rawLines(docId), `${docId}.txt`);
}

test('zhengzhou-2024-budget: cover title at :3 “2024 年郑州市人力资源和社会保障局 部门预算公开”', () => {
  const m = meta('zhengzhou-2024-budget');
  assert.deepEqual(m, {
    city: '郑州', citySlug: 'zhengzhou', department: '人力资源和社会保障局', fiscalYear: 2024,
    docKind: 'budget', title: '2024年郑州市人力资源和社会保障局部门预算公开',
  });
  assert.equal(docIdOf(m), 'zhengzhou-2024-budget');
});

test('jiaozuo-2024-budget: title on two lines (:3 焦作市人力资源和社会保障局 / :4 2024年度部门预算), date line :6 skipped', () => {
  const m = meta('jiaozuo-2024-budget');
  assert.deepEqual(m, {
    city: '焦作', citySlug: 'jiaozuo', department: '人力资源和社会保障局', fiscalYear: 2024,
    docKind: 'budget', title: '焦作市人力资源和社会保障局2024年度部门预算',
  });
  assert.equal(docIdOf(m), 'jiaozuo-2024-budget');
});

test('zhumadian-2023-budget: title :3-:4, not the second title at :8', () => {
  const m = meta('zhumadian-2023-budget');
  assert.deepEqual(m, {
    city: '驻马店', citySlug: 'zhumadian', department: '人力资源和社会保障局', fiscalYear: 2023,
    docKind: 'budget', title: '2023年驻马店市人力资源和社会保障局部门预算公开',
  });
  assert.equal(docIdOf(m), 'zhumadian-2023-budget');
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
    city: '郑州', citySlug: 'zhengzhou', department: '人力资源和社会保障局', fiscalYear: 2020,
    docKind: 'performance', title: '郑州市人力资源和社会保障局2020年度市级部门整体绩效目标申报表',
  });
  assert.equal(docIdOf(m), 'zhengzhou-2020-performance');
});

test('luoyang-2024-budget: no cover (:1 第一部分), title from :389 附件：2024 年洛阳市…部门预算表', () => {
  const m = meta('luoyang-2024-budget');
  assert.deepEqual(m, {
    city: '洛阳', citySlug: 'luoyang', department: '人力资源和社会保障局', fiscalYear: 2024,
    docKind: 'budget', title: '2024年洛阳市人力资源和社会保障局部门预算',
  });
  assert.equal(docIdOf(m), 'luoyang-2024-budget');
});

test('every Henan prefecture-level city and 济源 has a slug', () => {
  assert.equal(Object.keys(CITY_SLUGS).length, 18);
  assert.equal(CITY_SLUGS['三门峡'], 'sanmenxia');
  assert.equal(CITY_SLUGS['济源'], 'jiyuan');
});

test('another Henan city in the same template needs no code change', () => {
  const lines = rawLines('zhengzhou-2024-budget').map((l) => l.replaceAll('郑州', '开封').replaceAll('2024', '2025'));
  const m = readMeta(lines, 'kaifeng.txt');
  assert.equal(m.city, '开封');
  assert.equal(m.citySlug, 'kaifeng');
  assert.equal(m.fiscalYear, 2025);
  assert.equal(docIdOf(m), 'kaifeng-2025-budget');
  const ly = rawLines('luoyang-2024-budget').map((l) => l.replaceAll('洛阳', '平顶山'));
  assert.equal(docIdOf(readMeta(ly, 'pds.txt')), 'pingdingshan-2024-budget');
});

test('an unknown city is refused, naming the file and sources.json city_slug; the slug can be given', () => {
  const lines = rawLines('zhengzhou-2024-budget').map((l) => l.replaceAll('郑州', '武汉'));
  assert.throws(() => readMeta(lines, 'wuhan.txt'), (e: unknown) => {
    assert.ok(e instanceof InputError);
    assert.equal(e.file, 'wuhan.txt');
    assert.match(e.message, /^wuhan\.txt/);
    assert.match(e.message, /unknown city "武汉"/);
    assert.match(e.message, /city_slug/);
    assert.match(e.message, /data\/raw\/sources\.json/);
    return true;
  });
  const m = readMeta(lines, 'wuhan.txt', { city_slug: 'wuhan' });
  assert.equal(m.city, '武汉');
  assert.equal(docIdOf(m), 'wuhan-2024-budget');
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
  // A 决算 is not a kind we publish.
  const final = ['', '2023 年郑州市人力资源和社会保障局部门决算公开', '', '部门名称：郑州市人力资源和社会保障局'];
  assert.throws(() => readMeta(final, 'final.txt'), /final\.txt.*unknown document/);
});
