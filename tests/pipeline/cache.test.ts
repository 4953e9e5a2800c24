// Readings are kept between runs: a second run reads nothing again and publishes the same bytes; a
// changed file, or a new pipeline version, is read again; an added file is the only one read. And
// files read in parallel by worker threads, or partly from the cache, publish the same bytes as files read one after another.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, copyFileSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run, type RunOptions } from '../../scripts/data.ts';
import { ROOT } from '../helpers.ts';

// A text budget, a performance form and a PDF (read by PDF.js: in a worker thread too).
const FILES = ['zhengzhou-2020-performance.txt', 'zhumadian-2023-budget.txt', 'shanghai-putuo-2025-swwyh-budget-unit.pdf', 'sources.json'];
function corpus(files = FILES): string {
  const raw = mkdtempSync(join(tmpdir(), 'bl-cache-raw-'));
  for (const f of files) copyFileSync(join(ROOT, 'data/raw', f), join(raw, f));
  return raw;
}
async function publishOnce(raw: string, opts: RunOptions) {
  const out = join(mkdtempSync(join(tmpdir(), 'bl-cache-')), 'out');
  const summary = await run(raw, out, () => {}, opts);
  // Every published CSV (datapackage.json and the zip carry the time of the run).
  const csv = Object.fromEntries(readdirSync(join(out, 'data')).filter((f) => f.endsWith('.csv')).map((f) => [f, readFileSync(join(out, 'data', f))]));
  return { summary, csv };
}

test('cache: a second run reads nothing again and publishes the same bytes; a changed file or a new pipeline version is read again', async () => {
  const raw = corpus();
  const cache = mkdtempSync(join(tmpdir(), 'bl-cache-dir-'));
  const opts = { cache, workers: 1, pipelineVersion: 'v1' };
  const first = await publishOnce(raw, opts);
  assert.deepEqual([first.summary.read, first.summary.fromCache], [3, 0]);
  // zhumadian-2023-budget.txt:40 lists 支出经济分类汇总表: the documents of a real reading are there.
  assert.match(first.csv['documents.csv']!.toString('utf8'), /zhumadian-2023-rlzyhshbzj-budget,河南,驻马店,/);
  const second = await publishOnce(raw, opts);
  assert.deepEqual([second.summary.read, second.summary.fromCache], [0, 3]);
  assert.deepEqual(Object.keys(second.csv), Object.keys(first.csv));
  for (const f of Object.keys(first.csv)) assert.ok(second.csv[f]!.equals(first.csv[f]!), `${f}: the same bytes from the cache`);

  // One more line at the end of the form: its bytes change, so it alone is read again (and its line_count shows it).
  appendFileSync(join(raw, 'zhengzhou-2020-performance.txt'), '\n附：本表由部门填报。\n');
  const changed = await publishOnce(raw, opts);
  assert.deepEqual([changed.summary.read, changed.summary.fromCache], [1, 2]);
  assert.ok(!changed.csv['documents.csv']!.equals(first.csv['documents.csv']!), 'the changed file is published as it is now');

  const newPipeline = await publishOnce(raw, { ...opts, pipelineVersion: 'v2' });
  assert.deepEqual([newPipeline.summary.read, newPipeline.summary.fromCache], [3, 0]);
});

test('cache: adding one document to a corpus reads that one', async () => {
  const cache = mkdtempSync(join(tmpdir(), 'bl-cache-dir-'));
  const opts = { cache, workers: 1, pipelineVersion: 'v1' };
  // Readings are kept by the path a file is read by, too (it is in their messages): one folder, grown by one file.
  const raw = corpus(FILES.filter((f) => !f.startsWith('zhumadian')));
  await publishOnce(raw, opts);
  copyFileSync(join(ROOT, 'data/raw/zhumadian-2023-budget.txt'), join(raw, 'zhumadian-2023-budget.txt'));
  const one = await publishOnce(raw, opts);
  assert.deepEqual([one.summary.read, one.summary.fromCache], [1, 2]);
});

test('pool: two worker threads publish the same bytes as one thread reading in turn', async () => {
  const raw = corpus();
  const serial = await publishOnce(raw, { cache: false, workers: 1 });
  const parallel = await publishOnce(raw, { cache: false, workers: 2 });
  assert.equal(parallel.summary.read, 3);
  assert.deepEqual(Object.keys(parallel.csv), Object.keys(serial.csv));
  for (const f of Object.keys(serial.csv)) assert.ok(parallel.csv[f]!.equals(serial.csv[f]!), `${f}: the same bytes with 2 workers`);
});

test('a corpus published in two batches (the middle file first, then the rest on two workers beside its cached reading) publishes the same bytes as one run reading every file in turn', async () => {
  const cache = mkdtempSync(join(tmpdir(), 'bl-cache-dir-'));
  // Sorted, the files are the PDF, the form and the budget: the form is read in the first batch, so the
  // second hands on a worker's reading, the cached one, then a worker's again, each in file order.
  const raw = corpus(FILES.filter((f) => f.startsWith('zhengzhou') || f === 'sources.json'));
  await publishOnce(raw, { cache, workers: 1, pipelineVersion: 'v1' });
  for (const f of FILES) copyFileSync(join(ROOT, 'data/raw', f), join(raw, f));
  const batched = await publishOnce(raw, { cache, workers: 2, pipelineVersion: 'v1' });
  assert.deepEqual([batched.summary.read, batched.summary.fromCache], [2, 1]);
  const whole = await publishOnce(raw, { cache: false, workers: 1 });
  assert.deepEqual(Object.keys(batched.csv), Object.keys(whole.csv));
  for (const f of Object.keys(whole.csv)) assert.ok(batched.csv[f]!.equals(whole.csv[f]!), `${f}: the same bytes, batched or not`);
});
