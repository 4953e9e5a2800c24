// One damaged file among good ones: the good ones are published, the damaged one is listed with its
// error in the quarantine table, and the exit status says the dataset is partial (2). --strict keeps
// all or nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { ROOT } from '../helpers.ts';
import { runOn } from './runOn.ts';

const good = {
  'zhengzhou-2020-performance.txt': readFileSync(join(ROOT, 'data/raw/zhengzhou-2020-performance.txt')),
  'zhumadian-2023-budget.txt': readFileSync(join(ROOT, 'data/raw/zhumadian-2023-budget.txt')),
};
// Bytes that are neither UTF-8 nor GBK: what a damaged download looks like to the pipeline.
const damaged = readFileSync(join(ROOT, 'tests/pipeline/fixtures/neither-utf8-nor-gbk.txt'));

function cli(files: Record<string, Buffer>) {
  const raw = mkdtempSync(join(tmpdir(), 'bl-quarantine-raw-'));
  const out = join(mkdtempSync(join(tmpdir(), 'bl-quarantine-')), 'out');
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(raw, name), bytes);
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/data.ts'), '--raw', raw, '--out', out, '--no-cache'], { encoding: 'utf8' });
  return { ...r, out };
}
const csv = (path: string) => Papa.parse<Record<string, string>>(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;

test('a damaged file is quarantined: the others are published, it is listed with its error and sha256, exit status 2', () => {
  const r = cli({ ...good, 'damaged.txt': damaged });
  assert.equal(r.status, 2, r.stderr);
  assert.match(r.stderr, /quarantined \(cannot be read\): .*damaged\.txt: the text is neither UTF-8 nor GBK/);
  assert.match(r.stderr, /quarantined 1 of 3 files/);
  const data = join(r.out, 'data');
  assert.deepEqual(csv(join(data, 'documents.csv')).map((d) => d.doc_id), ['zhengzhou-2020-rlzyhshbzj-performance', 'zhumadian-2023-rlzyhshbzj-budget']);
  assert.deepEqual(readdirSync(join(r.out, 'sources')).sort(), ['zhengzhou-2020-rlzyhshbzj-performance.txt', 'zhumadian-2023-rlzyhshbzj-budget.txt']);
  assert.deepEqual(csv(join(data, 'quarantine.csv')), [{
    source_file: 'damaged.txt',
    source_sha256: createHash('sha256').update(damaged).digest('hex'),
    error: 'the text is neither UTF-8 nor GBK (UTF-8 until byte 5, line 1, where a byte 0xff is no character); convert it to UTF-8 and try again',
    error_line: '',
    error_table: '',
  }]);
  // It is a table like the others: described in datapackage.json, a sheet of the workbook's dictionary.
  const pkg = JSON.parse(readFileSync(join(data, 'datapackage.json'), 'utf8')) as { resources: Array<{ path: string; rows: number }> };
  assert.equal(pkg.resources.find((x) => x.path === 'quarantine.csv')!.rows, 1);
});

test('a file that fails at a line of a table is quarantined with that line and table', () => {
  // 郑州 2024 cut right after the header of its 项目支出表 (title :486, header :492–493).
  const cut = readFileSync(join(ROOT, 'data/raw/zhengzhou-2024-budget.txt'), 'utf8').split('\n').slice(0, 493).join('\n') + '\n';
  const r = cli({ ...good, 'zz-cut.txt': Buffer.from(cut) });
  assert.equal(r.status, 2, r.stderr);
  const [q] = csv(join(r.out, 'data', 'quarantine.csv'));
  assert.deepEqual([q!.source_file, q!.error_line, q!.error_table], ['zz-cut.txt', '486', '2024年项目支出表']);
  assert.match(q!.error ?? '', /truncated/);
});

test('with --strict the damaged file stops the run: exit 1, nothing written', () => {
  const r = runOn({ ...good, 'damaged.txt': damaged });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /damaged\.txt: the text is neither UTF-8 nor GBK/);
  assert.match(r.stderr, /Nothing was published/);
  assert.ok(r.untouched);
});

test('when no file can be read nothing is published (exit 1), quarantine or not', () => {
  const r = cli({ 'damaged.txt': damaged });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /none of the 1 files could be read/);
  assert.deepEqual(readdirSync(join(r.out, '..')), [], 'no output folder, no store');
});
