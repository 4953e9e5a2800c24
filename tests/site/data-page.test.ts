// The /data/ page and the downloads researchers rely on (issue: downloads with dictionary and citation).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { ROOT } from '../helpers.ts';

const DIST = join(ROOT, 'dist');
const html = readFileSync(join(DIST, 'data', 'index.html'), 'utf8');
const pkg = JSON.parse(readFileSync(join(DIST, 'data', 'datapackage.json'), 'utf8'));
const tables: string[] = [...new Set<string>(pkg.resources.map((r: { path: string }) => r.path.replace(/\.(csv|parquet)$/, '')))];

test('datapackage.json has the properties the Frictionless Tabular Data Package spec requires', () => {
  assert.equal(pkg.profile, 'tabular-data-package');
  assert.match(pkg.name, /^[-a-z0-9._/]+$/);
  assert.ok(Array.isArray(pkg.resources) && pkg.resources.length > 0);
  const names = pkg.resources.map((r: { name: string }) => r.name);
  assert.equal(new Set(names).size, names.length, 'resource names are unique');
  for (const r of pkg.resources) {
    assert.match(r.name, /^[-a-z0-9._/]+$/, r.name);
    assert.ok(typeof r.path === 'string' && !r.path.includes('..') && !r.path.startsWith('/'), r.path);
    assert.match(r.hash, /^sha256:[0-9a-f]{64}$/);
    assert.ok(Array.isArray(r.schema.fields) && r.schema.fields.length > 0);
    for (const f of r.schema.fields) {
      assert.ok(typeof f.name === 'string' && f.name.length > 0);
      assert.ok(['string', 'number', 'integer', 'boolean'].includes(f.type), `${r.name}.${f.name}: ${f.type}`);
    }
    assert.ok(r.schema.missingValues.every((v: unknown) => typeof v === 'string'));
  }
  assert.ok(pkg.licenses[0].name && pkg.licenses[0].path);
});

test('/data/ lists every table with CSV and Parquet, their sizes and the sha256 of the files served', () => {
  for (const t of tables) {
    assert.ok(html.includes(`id="table-${t}"`), `${t} section`);
    for (const ext of ['csv', 'parquet']) {
      assert.ok(html.includes(`href="/data/${t}.${ext}"`), `${t}.${ext} link`);
      const digest = createHash('sha256').update(readFileSync(join(DIST, 'data', `${t}.${ext}`))).digest('hex');
      assert.ok(html.includes(digest), `${t}.${ext} sha256 on the page matches the file`);
    }
  }
});

test('/data/ describes every column of every table from the dictionary', () => {
  for (const r of pkg.resources.filter((x: { format: string }) => x.format === 'parquet')) {
    for (const f of r.schema.fields) assert.match(html, new RegExp(`<code[^>]*>${f.name}</code>`), `${r.path}: ${f.name}`);
  }
  // a column description in both languages, e.g. three_public.reception
  assert.ok(html.includes('公务接待费') && html.includes('official reception'));
});

test('/data/ states the dataset version, the licence and citations in GB/T 7714 and APA', () => {
  assert.ok(html.includes(pkg.version));
  assert.match(html, /rel="license"/);
  assert.match(html, /\[DS\/OL\]\. 版本 /);
  assert.match(html, /\(Version [^)]+\) \[Data set\]/);
});

test('the zip holds every CSV and Parquet file, datapackage.json, the workbook, the sources and a README.txt', () => {
  const zip = unzipSync(readFileSync(join(DIST, 'data', 'budget-lens-data.zip')));
  for (const t of tables) {
    for (const ext of ['csv', 'parquet']) {
      assert.ok(zip[`data/${t}.${ext}`], `data/${t}.${ext} in the zip`);
      assert.deepEqual(Buffer.from(zip[`data/${t}.${ext}`]!), readFileSync(join(DIST, 'data', `${t}.${ext}`)), `${t}.${ext} identical`);
    }
  }
  const readme = new TextDecoder().decode(zip['README.txt']!);
  assert.ok(readme.includes(pkg.version) && readme.includes('万元') && readme.includes('projects.csv'));
  assert.ok(zip['data/datapackage.json'] && zip['data/budget-lens.xlsx']);
  // Each disclosure as the site publishes it, so that datapackage.json's ../sources/ paths resolve.
  for (const s of pkg.sources as Array<{ path: string }>) assert.ok(zip[s.path.replace(/^\.\.\//, '')], `${s.path} in the zip`);
});

test('the data page links the workbook, with its size', () => {
  assert.match(html, /href="\/data\/budget-lens\.xlsx"/);
  assert.match(html, /budget-lens\.xlsx<\/a>（\d+ KB/);
});
