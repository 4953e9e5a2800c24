// Bad input gets a clear error naming file, line and table, a non-zero exit, and an untouched output folder.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
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

// ---------------------------------------------------------------------------------------------
// Damaged input and odd paths: a sentence naming file, line and table, exit 1, output untouched
// (issue 12 §5). Each case is what a copy, a download or a hand edit can do.

const zzLines = () => zz().toString('utf8').split('\n');

test('a malformed sources.json is refused in a sentence, whatever its shape', () => {
  for (const [manifest, said] of [
    ['{"sources":[null]}', /sources\.json: expected \{"sources": \[ … \]\} with one object per file/],
    ['{"sources":{}}', /sources\.json: expected \{"sources": \[ … \]\} with one object per file/],
    ['{"sources":[{"file":"zz.txt","fiscal_year":"abc"}]}', /sources\.json: entry 1 of "sources" \(zz\.txt\): "fiscal_year" must be a whole year from 1990 to 2100, not "abc"/],
  ] as const) {
    const r = runOn({ 'zz.txt': zz(), 'sources.json': manifest });
    assert.equal(r.status, 1, manifest);
    assert.match(r.stderr, said);
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
    assert.ok(r.untouched);
  }
});

test('an amount that is not one is reported at its own row, with what is wrong with it', () => {
  // 郑州 2024 :341 (20504 成人教育, 405.0 in the 合计 column) with a NUL inside the amount; the table's title is :325.
  const lines = zzLines();
  lines[340] = lines[340]!.replace('\t405.0\t', '\t40\u00005.0\t');
  const r = runOn({ 'zz.txt': lines.join('\n') });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /zz\.txt:341 \[2024年一般公共预算支出情况表\]: could not read the table: not an amount: "40\\u00005\.0" \(a control character/);
  assert.ok(r.untouched);
});

test('full-width digits are named as such, in one row or in a whole table', () => {
  const fullWidth = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));
  // One row: 郑州 2024 :334, the 合计 row of the 一般公共预算支出情况表 (81,916.0 …).
  const row = zzLines();
  row[333] = fullWidth(row[333]!);
  const one = runOn({ 'zz.txt': row.join('\n') });
  assert.equal(one.status, 1);
  assert.match(one.stderr, /zz\.txt:334 \[2024年一般公共预算支出情况表\]: could not read the table: not an amount: "８１,９１６\.０" \(printed in full-width digits/);
  // The whole table (title :325, rows to :360): not "looks truncated", which would send the reader looking for a cut.
  const table = zzLines().map((l, i) => (i >= 325 && i < 360 ? fullWidth(l) : l));
  const all = runOn({ 'zz.txt': table.join('\n') });
  assert.equal(all.status, 1);
  assert.match(all.stderr, /zz\.txt:\d+ \[2024年一般公共预算支出情况表\]: .*full-width digits/);
  assert.doesNotMatch(all.stderr, /truncated/);
  assert.ok(one.untouched && all.untouched);
});

test('a file cut inside a UTF-8 character is said to be cut short, at its byte', () => {
  // 郑州 2024 cut one byte into its last character (every CJK character is three bytes in UTF-8).
  const bytes = zz();
  const last = bytes.lastIndexOf(Buffer.from('元'));
  const cut = bytes.subarray(0, last + 1);
  const r = runOn({ 'zz.txt': cut });
  assert.equal(r.status, 1);
  assert.match(r.stderr, new RegExp(`zz\\.txt:\\d+: the file ends in the middle of a UTF-8 character \\(byte ${last + 1} of ${last + 1}\\)`));
  assert.doesNotMatch(r.stderr, /neither UTF-8 nor GBK/);
  assert.ok(r.untouched);
});

test('a line far longer than any printed line is refused at its line, at once', () => {
  // A 1 MB line pasted into 郑州 2024 after :341 (it once took the readers a minute and more).
  const lines = zzLines();
  lines.splice(341, 0, '12,345.6\t'.repeat(111_112));
  const r = runOn({ 'zz.txt': lines.join('\n') });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /zz\.txt:342: this line is 1,000,008 characters long, more than any printed line or paragraph holds/);
  assert.ok(r.untouched);
});

test('an output folder whose name has a quote in it is written like any other', () => {
  const r = runOn({ 'zz.txt': zz() }, { outName: "o'brien's data" });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.out, /o'brien's data$/);
  assert.match(readFileSync(join(r.out, 'data', 'documents.csv'), 'utf8'), /zhengzhou-2024-rlzyhshbzj-budget/);
  assert.ok(readFileSync(join(r.out, 'data', 'projects.parquet')).subarray(0, 4).equals(Buffer.from('PAR1')));
});

test('a folder, a link to nothing or a named pipe named like a disclosure is refused without reading it', () => {
  const cases: Array<[string, (raw: string) => void, RegExp]> = [
    ['a folder', (raw) => mkdirSync(join(raw, 'x.txt')), /x\.txt: is a folder, not a disclosure file/],
    ['a dangling link', (raw) => symlinkSync(join(raw, 'gone.txt'), join(raw, 'x.txt')), /x\.txt: is a link to a file that does not exist/],
    // Reading a FIFO blocks until someone writes to it: the run must not even open it.
    ['a named pipe', (raw) => execFileSync('mkfifo', [join(raw, 'x.txt')]), /x\.txt: is a named pipe \(FIFO\), not a disclosure file/],
  ];
  for (const [what, prepare, said] of cases) {
    const r = runOn({ 'zz.txt': zz() }, { prepare, timeout: 60_000 });
    assert.equal(r.status, 1, `${what}: ${r.stderr}`);
    assert.match(r.stderr, said, what);
    assert.doesNotMatch(r.stderr, /\n\s+at /, `${what}: no stack trace`);
    assert.ok(r.untouched, what);
  }
});

test('no file is written outside the output folder, whatever ids the input asks for', () => {
  // A doc_id that is a path is refused before anything is read …
  const escaped = runOn({ 'zz.txt': zz(), 'sources.json': JSON.stringify({ sources: [{ file: 'zz.txt', doc_id: '../../escaped' }] }) });
  assert.equal(escaped.status, 1);
  assert.match(escaped.stderr, /"doc_id" "\.\.\/\.\.\/escaped" must be lower-case letters, digits and "-"/);
  assert.ok(escaped.untouched);
  for (const dir of [escaped.out, dirname(escaped.out), escaped.raw]) assert.ok(!readdirSync(dir).some((f) => f.startsWith('escaped')), dir);
  // … and an id the pipeline makes from the text (here from a department given as a path) is a slug:
  // every file lands in sources/ under that slug.
  const made = runOn({ 'zz.txt': zz(), 'sources.json': JSON.stringify({ sources: [{ file: 'zz.txt', department: '../../escaped' }] }) });
  assert.equal(made.status, 0, made.stderr);
  assert.deepEqual(readdirSync(join(made.out, 'sources')), ['zhengzhou-2024-escaped-budget.txt']);
  assert.deepEqual(readdirSync(made.out).sort(), ['data', 'sources']);
  assert.ok(!readdirSync(dirname(made.out)).some((f) => f.startsWith('escaped')));
});

test('an --out that is a file, or a --raw that is one, is refused in a sentence', () => {
  const raw = mkdtempSync(join(tmpdir(), 'bl-raw-'));
  const file = join(raw, 'zz.txt');
  copyFileSync(join(ROOT, 'data/raw/zhengzhou-2024-budget.txt'), file);
  const asOut = spawnSync(process.execPath, [join(ROOT, 'scripts/data.ts'), '--raw', raw, '--out', file], { encoding: 'utf8' });
  assert.equal(asOut.status, 1);
  assert.match(asOut.stderr, /zz\.txt: --out must be a folder, but this is a file/);
  assert.ok(readFileSync(file).equals(zz()), 'the file given as --out is unchanged');
  const asRaw = spawnSync(process.execPath, [join(ROOT, 'scripts/data.ts'), '--raw', file, '--out', mkdtempSync(join(tmpdir(), 'bl-out-'))], { encoding: 'utf8' });
  assert.equal(asRaw.status, 1);
  assert.match(asRaw.stderr, /zz\.txt: --raw must be a folder of disclosures, but this is a file/);
});
