// Bad input gets a clear error naming file, line and table, a non-zero exit, and an untouched output folder.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, rawLines } from '../helpers.ts';
import { runOn } from './runOn.ts';

const FIXTURES = join(ROOT, 'tests/pipeline/fixtures');

const zz = () => readFileSync(join(ROOT, 'data/raw/zhengzhou-2024-budget.txt'));

test('an empty file is refused by name', () => {
  const r = runOn({ 'zz.txt': zz(), 'empty.txt': '' });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /empty\.txt: the file is empty/);
  assert.ok(r.untouched);
});

test('a truncated table is refused with file, line and table', () => {
  // Cut 郑州 2024 right after the header of its 项目支出表 (title :486, header :492–493).
  const cut = rawLines('zhengzhou-2024-budget').slice(0, 493).join('\n') + '\n';
  const r = runOn({ 'zz-cut.txt': cut });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /zz-cut\.txt:486 \[2024年项目支出表\]: .*truncated/);
  assert.ok(r.untouched);
});

test('a GBK-encoded disclosure is detected and decoded', () => {
  const r = runOn({ 'form.txt': readFileSync(join(FIXTURES, 'gbk-encoded-performance-form.txt')) });
  assert.equal(r.status, 0, r.stderr);
  const docs = readFileSync(join(r.out, 'data', 'documents.csv'), 'utf8');
  assert.match(docs, /zhengzhou-2020-rlzyhshbzj-performance,河南,郑州,.*,gbk,/);
  // The decoded text yields the same indicators as the UTF-8 original (zhengzhou-2020-performance.txt:37 总体工作完成率 100%).
  assert.match(readFileSync(join(r.out, 'data', 'dept_indicators.csv'), 'utf8'), /总体工作完成率,100%/);
});

test('text that is neither UTF-8 nor GBK is refused in words', () => {
  const r = runOn({ 'zz.txt': zz(), 'garbled.txt': readFileSync(join(FIXTURES, 'neither-utf8-nor-gbk.txt')) });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /garbled\.txt: the text is neither UTF-8 nor GBK/);
  assert.ok(r.untouched);
});

test('an unknown document is refused by name', () => {
  const r = runOn({ 'zz.txt': zz(), 'minutes.txt': readFileSync(join(FIXTURES, 'unknown-document.txt')) });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /minutes\.txt.*unknown document/i);
  assert.ok(r.untouched);
});

test('two files that are the same document (duplicate doc_id) are refused', () => {
  const r = runOn({ 'a.txt': zz(), 'b.txt': zz() });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /b\.txt: duplicate doc_id zhengzhou-2024-rlzyhshbzj-budget: .*a\.txt/);
  assert.ok(r.untouched);
});

test('a folder without disclosures is refused', () => {
  const r = runOn({ 'readme.md': 'nothing here' });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /no disclosures \(\.pdf or \.txt\)/);
  assert.ok(r.untouched);
});

test('copyFileSync keeps the vendored name-by-doc_id convention working with the default manifest', () => {
  // The manifest in data/raw names files by doc_id; a copy under another name is still read from its text.
  const raw = mkdtempSync(join(tmpdir(), 'bl-raw-'));
  copyFileSync(join(ROOT, 'data/raw/zhumadian-2023-budget.txt'), join(raw, 'whatever.txt'));
  const out = mkdtempSync(join(tmpdir(), 'bl-out-'));
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/data.ts'), '--raw', raw, '--out', out], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.match(readFileSync(join(out, 'data', 'documents.csv'), 'utf8'), /zhumadian-2023-rlzyhshbzj-budget,河南,驻马店,/);
});

test('a budget in which no standard table is found is an error naming the tables looked for, not an empty dataset', () => {
  const text = '2024年郑州市人力资源和社会保障局部门预算\n部门名称：郑州市人力资源和社会保障局\n\n第一部分 部门概况\n一、主要职能\n负责全市人力资源和社会保障工作。\n';
  const r = runOn({ 'no-tables.txt': text });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /no-tables\.txt: found none of the standard tables in this 部门预算; looked for titles such as 部门收支总体情况表、部门收入总体情况表/);
  assert.ok(r.untouched);
});

test('a sentence that ends with a table’s name is not a table cut short', () => {
  // 郑州 2024 as vendored, with one more sentence at its end that names a table.
  const text = `${zz().toString('utf8')}\n绩效目标详见项目绩效目标表\n`;
  const r = runOn({ 'zz.txt': text });
  assert.equal(r.status, 0, r.stderr);
});

test('the official address and date come from sources.json when known, and stay empty when not', () => {
  const manifest = (entry: Record<string, unknown>) => JSON.stringify({ sources: [{ file: 'zz.txt', ...entry }] });
  const known = runOn({ 'zz.txt': zz(), 'sources.json': manifest({ official_url: 'https://rsj.zhengzhou.gov.cn/yjsgk/2024.html', published: '2024-02-06' }) });
  assert.equal(known.status, 0, known.stderr);
  const docs = readFileSync(join(known.out, 'data', 'documents.csv'), 'utf8');
  assert.match(docs, /,https:\/\/rsj\.zhengzhou\.gov\.cn\/yjsgk\/2024\.html,2024-02-06,/);
  const unknown = runOn({ 'zz.txt': zz(), 'sources.json': manifest({ official_url: null, published: null }) });
  assert.equal(unknown.status, 0, unknown.stderr);
  assert.doesNotMatch(readFileSync(join(unknown.out, 'data', 'documents.csv'), 'utf8'), /https?:\/\//);
  const bad = runOn({ 'zz.txt': zz(), 'sources.json': manifest({ official_url: 'zhengzhou.gov.cn', published: '2024/2/6' }) });
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /sources\.json: entry 1 of "sources" \(zz\.txt\): "official_url" must be the http\(s\) address/);
  assert.ok(bad.untouched);
});
