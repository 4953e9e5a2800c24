// The published dataset as researchers download it: files, encodings, types, dictionary, hashes.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { run } from '../../scripts/data.ts';
import { dictionary } from '../../scripts/pipeline/dictionary.ts';
import { ROOT } from '../helpers.ts';
import { yuanToWan } from '../../scripts/pipeline/text.ts';

const out = mkdtempSync(join(tmpdir(), 'budget-lens-publish-'));
const data = join(out, 'data');
let conn: DuckDBConnection;
const log: string[] = [];

async function rows<T = Record<string, unknown>>(sql: string): Promise<T[]> {
  return (await conn.runAndReadAll(sql)).getRowObjectsJS() as T[];
}

before(async () => {
  await run(join(ROOT, 'data/raw'), out, (s) => log.push(s));
  conn = await (await DuckDBInstance.create(':memory:')).connect();
});

test('every table of the dictionary is published as Parquet and as CSV with a BOM, holding the same rows', async () => {
  for (const s of dictionary()) {
    const csv = readFileSync(join(data, `${s.name}.csv`));
    assert.deepEqual([...csv.subarray(0, 3)], [0xef, 0xbb, 0xbf], `${s.name}.csv starts with a UTF-8 BOM`);
    const header = csv.subarray(3).toString('utf8').split('\n')[0]!;
    assert.equal(header, s.columns.map((c) => c.name).join(','), `${s.name}.csv header`);
    const [p] = await rows<{ n: number }>(`SELECT count(*)::INT AS n FROM '${join(data, s.name)}.parquet'`);
    const [c] = await rows<{ n: number }>(`SELECT count(*)::INT AS n FROM read_csv('${join(data, s.name)}.csv', header = true, all_varchar = true)`);
    assert.equal(c!.n, p!.n, `${s.name}: CSV and Parquet row counts`);
  }
});

test('a blank cell is NULL, never an empty string (data-contract: blank cell = NULL)', async () => {
  for (const s of dictionary()) {
    for (const c of s.columns.filter((c) => c.type === 'VARCHAR')) {
      const [r] = await rows<{ n: number }>(`SELECT count(*)::INT AS n FROM '${join(data, s.name)}.parquet' WHERE trim("${c.name}") = ''`);
      assert.equal(r!.n, 0, `${s.name}.${c.name} holds empty strings`);
    }
  }
});

test('codes keep their leading zeros and every digit, in Parquet and in CSV', async () => {
  const [unit] = await rows<{ code: string }>(`SELECT DISTINCT code FROM '${data}/printed_totals.parquet' WHERE doc_id = 'zhengzhou-2024-rlzyhshbzj-budget' AND row_kind = 'unit' AND table_kind = 'department'`);
  assert.equal(unit!.code, '046'); // zhengzhou-2024-budget.txt:258
  const csvCodes = await rows<{ func_code: string }>(`SELECT func_code FROM read_csv('${data}/expenditure_by_function.csv', header = true, all_varchar = true) WHERE func_code = '2080101'`);
  assert.ok(csvCodes.length >= 1); // zhengzhou-2024-budget.txt:345
  const types = await rows<{ column_name: string; column_type: string }>(`DESCRIBE SELECT * FROM '${data}/project_indicators.parquet'`);
  assert.equal(types.find((t) => t.column_name === 'project_code')!.column_type, 'VARCHAR');
  const [code] = await rows<{ project_code: string }>(`SELECT project_code FROM '${data}/project_indicators.parquet' WHERE project_code = '410100240000000034462' LIMIT 1`);
  assert.ok(code, 'the 21-digit code of zhengzhou-2024-budget.txt:629 survives');
});

test('every published column has a Chinese and an English description, in the dictionary and in datapackage.json', () => {
  const pkg = JSON.parse(readFileSync(join(data, 'datapackage.json'), 'utf8'));
  for (const s of dictionary()) {
    assert.ok(s.zh && s.en, `${s.name} table description`);
    for (const c of s.columns) assert.ok(c.zh.trim() && c.en.trim(), `${s.name}.${c.name} description`);
    const res = pkg.resources.find((r: { path: string }) => r.path === `${s.name}.parquet`);
    assert.ok(res, `${s.name} in datapackage.json`);
    assert.deepEqual(res.schema.fields.map((f: { name: string }) => f.name), s.columns.map((c) => c.name));
    assert.ok(res.schema.fields.every((f: { title: string; description: string }) => f.title && f.description));
  }
});

test('datapackage.json: sha256 and size of each file match, with licence and sources', () => {
  const pkg = JSON.parse(readFileSync(join(data, 'datapackage.json'), 'utf8'));
  assert.equal(pkg.profile, 'tabular-data-package');
  assert.ok(pkg.licenses.length >= 1 && pkg.sources.length === 10);
  for (const r of pkg.resources) {
    const bytes = readFileSync(join(data, r.path));
    assert.equal(r.hash, `sha256:${createHash('sha256').update(bytes).digest('hex')}`, r.path);
    assert.equal(r.bytes, bytes.length, r.path);
  }
});

test('sources are published exactly as vendored, one per document', async () => {
  const docs = await rows<{ doc_id: string; source_sha256: string; line_count: number }>(`SELECT doc_id, source_sha256, line_count FROM '${data}/documents.parquet' ORDER BY doc_id`);
  assert.deepEqual(docs.map((d) => d.doc_id), ['jiangsu-2019-gjrmfy-budget', 'jiaozuo-2024-rlzyhshbzj-budget', 'luoyang-2024-rlzyhshbzj-budget',
    'shanghai-putuo-2024-czj-final', 'shanghai-putuo-2024-rmzfwljdbsc-budget', 'shanghai-putuo-2025-swwyh-budget', 'shanghai-putuo-2025-swwyh-budget-unit',
    'zhengzhou-2020-rlzyhshbzj-performance', 'zhengzhou-2024-rlzyhshbzj-budget', 'zhumadian-2023-rlzyhshbzj-budget']);
  const manifest = JSON.parse(readFileSync(join(ROOT, 'data/raw/sources.json'), 'utf8')) as { sources: Array<{ doc_id: string; file: string }> };
  for (const d of docs) {
    const file = manifest.sources.find((s) => s.doc_id === d.doc_id)!.file;
    const ext = file.endsWith('.pdf') ? 'pdf' : 'txt';
    const published = readFileSync(join(out, 'sources', `${d.doc_id}.${ext}`));
    assert.deepEqual(published, readFileSync(join(ROOT, 'data/raw', file)));
    assert.equal(createHash('sha256').update(published).digest('hex'), d.source_sha256);
    // A PDF's extracted text is published beside it, a line per printed line: source_line points into it.
    if (ext === 'pdf') assert.equal(readFileSync(join(out, 'sources', `${d.doc_id}.txt`), 'utf8').split('\n').length - 1, d.line_count);
  }
  // zhengzhou-2024-budget.txt has 879 lines; the last, :879 `||||||||…|100%||||`, has no newline after it
  assert.equal(docs.find((d) => d.doc_id === 'zhengzhou-2024-rlzyhshbzj-budget')!.line_count, 879);
});

test('the row’s printed amount is found on its source line', async () => {
  const sources = new Map<string, string[]>();
  const lineOf = (doc: string, n: number) => {
    if (!sources.has(doc)) sources.set(doc, readFileSync(join(out, 'sources', `${doc}.txt`), 'utf8').split('\n'));
    return sources.get(doc)![n - 1] ?? '';
  };
  const amountsOn = (text: string) => [...text.matchAll(/-?\d[\d,]*(?:\.\d+)?/g)].map((m) => Number(m[0].replace(/,/g, '')));
  // Tables printed in 元 (Shanghai) are published in 万元: the printed figure, its point moved four places.
  const inYuan = await rows<{ doc_id: string; first: number; last: number }>(`SELECT doc_id, source_line AS first, source_line_end AS last
    FROM '${data}/table_presence.parquet' WHERE amount_unit = '元'`);
  const printedIn = (doc: string, n: number) => (inYuan.some((t) => t.doc_id === doc && t.first <= n && n <= t.last) ? 10000 : 1);
  for (const [table, col] of [['expenditure_by_function', 'total'], ['basic_by_economic', 'total'], ['projects', 'total'], ['budget_summary', 'amount'], ['three_public', 'total'], ['income_by_unit', 'total']] as const) {
    const rs = await rows<{ doc_id: string; source_line: number; source_line_end: number | null; v: number }>(`SELECT doc_id, source_line, source_line_end, "${col}" AS v FROM '${data}/${table}.parquet' WHERE "${col}" IS NOT NULL`);
    assert.ok(rs.length > 0, table);
    for (const r of rs) {
      const text = Array.from({ length: (r.source_line_end ?? r.source_line) - r.source_line + 1 }, (_, k) => lineOf(r.doc_id, r.source_line + k)).join('\t');
      const scale = printedIn(r.doc_id, r.source_line);
      assert.ok(amountsOn(text).some((a) => (scale === 1 ? Math.abs(a - r.v) < 1e-9 : yuanToWan(a) === r.v)), `${table} ${r.doc_id}:${r.source_line} ${r.v}`);
    }
  }
});

test('checks record the 郑州 finding: 其他运转类 and 特定目标类 swapped in the 一般公共预算支出表', async () => {
  const found = await rows<{ status: string; expected: number; actual: number; source_lines: string }>(
    `SELECT status, expected, actual, source_lines FROM '${data}/checks.parquet' WHERE check_id = 'zhengzhou-2024-rlzyhshbzj-budget:cross_table:general_public_vs_projects:project_operating'`);
  // zhengzhou-2024-budget.txt:334 prints 17,727.7 under 其他运转类; the 其他运转类 projects (:499 …) add up to 6,242.8,
  // which is what the 部门支出总体情况表 prints under 其他运转类 (:257).
  assert.deepEqual([found[0]!.status, found[0]!.expected, found[0]!.actual], ['mismatch', 17727.7, 6242.8]);
  assert.ok(found[0]!.source_lines.startsWith('334'));
  const dept = await rows<{ status: string }>(`SELECT status FROM '${data}/checks.parquet' WHERE check_id = 'zhengzhou-2024-rlzyhshbzj-budget:cross_table:department_vs_projects:project_operating'`);
  assert.equal(dept[0]!.status, 'ok');
});

test('the reflowed 洛阳 file does not break the run; every table it prints is read', async () => {
  const [d] = await rows<{ tables_status: string; layout: string }>(`SELECT tables_status, layout FROM '${data}/documents.parquet' WHERE doc_id = 'luoyang-2024-rlzyhshbzj-budget'`);
  assert.equal(d!.layout, 'reflowed');
  assert.equal(d!.tables_status, 'read'); // the performance tables too, since scripts/pipeline/layouts/reflowed/performance.ts
  assert.ok(!log.some((l) => /luoyang-2024-rlzyhshbzj-budget.*not yet read/.test(l)), 'the summary lists nothing unread');
  assert.ok(log.some((l) => /^project indicators with uncertain pairing: \d+$/.test(l)), 'the summary counts uncertain pairings');
  assert.ok(log.some((l) => /^checks: \d+ ok \/ \d+ rounding \/ \d+ mismatch$/.test(l)), 'the summary counts checks');
});

test('completeness: tables printed as empty are present-and-empty; absent ones listed in the 目录 are listed, others missing', async () => {
  const p = await rows<{ doc_id: string; standard_key: string; status: string; source_line: number | null; rows: number | null }>(`SELECT doc_id, standard_key, status, source_line, rows FROM '${data}/table_presence.parquet'`);
  const of = (doc: string, key: string) => p.find((r) => r.doc_id === doc && r.standard_key === key);
  // zhengzhou-2024-budget.txt:460 政府性基金预算支出情况表 … :471 注：本部门无政府性基金预算支出，故本表无数据。
  assert.deepEqual([of('zhengzhou-2024-rlzyhshbzj-budget', 'gov_fund')!.status, of('zhengzhou-2024-rlzyhshbzj-budget', 'gov_fund')!.source_line], ['empty', 460]);
  // 郑州 2024 lists 二、部门收入总体情况表 in its contents (:29) but never prints it
  // zhengzhou-2024-budget.txt:21 and :31 list 部门收入总体情况表 and 支出经济分类汇总表 in the 目录; neither is printed.
  assert.deepEqual([of('zhengzhou-2024-rlzyhshbzj-budget', 'income')!.status, of('zhengzhou-2024-rlzyhshbzj-budget', 'income')!.source_line], ['listed', 21]);
  assert.deepEqual([of('zhengzhou-2024-rlzyhshbzj-budget', 'economic')!.status, of('zhengzhou-2024-rlzyhshbzj-budget', 'economic')!.source_line], ['listed', 31]);
  // zhumadian-2023-budget.txt:40 lists 支出经济分类汇总表; its 国有资本经营预算支出表 is neither listed nor printed.
  assert.equal(of('zhumadian-2023-rlzyhshbzj-budget', 'economic')!.status, 'listed');
  assert.equal(of('zhumadian-2023-rlzyhshbzj-budget', 'state_capital')!.status, 'missing');
  // 洛阳's reflowed performance tables are read straight into published rows: rows counts them (:4754 整体绩效目标表).
  assert.ok((of('luoyang-2024-rlzyhshbzj-budget', 'dept_performance')!.rows as number) > 0);
  assert.equal(of('jiaozuo-2024-rlzyhshbzj-budget', 'income')!.status, 'present'); // jiaozuo-2024-budget.txt:225
  // luoyang-2024-budget.txt:4970 prints the 项目绩效目标汇总表, :466 部门收入预算表 and :2906 项目支出预算表, all read from the reflowed layout
  assert.equal(of('luoyang-2024-rlzyhshbzj-budget', 'project_performance')!.status, 'present');
  assert.equal(of('luoyang-2024-rlzyhshbzj-budget', 'income')!.status, 'present');
  assert.equal(of('luoyang-2024-rlzyhshbzj-budget', 'projects')!.status, 'present');
});

test('existsSync sanity: the CLI published into OUT/data and OUT/sources', () => {
  assert.ok(existsSync(join(out, 'data', 'datapackage.json')) && existsSync(join(out, 'sources', 'zhengzhou-2024-rlzyhshbzj-budget.txt')));
});

test('item tables hold items only: each sums to its printed 合计 with no filter (as the checks compare them)', async () => {
  for (const [table, check] of [['projects', 'projects'], ['income_by_unit', 'income'], ['basic_by_economic', 'basic']] as const) {
    const totals = await rows<{ doc_id: string; amount: number }>(`SELECT doc_id, amount FROM '${data}/printed_totals.parquet'
      WHERE table_name = '${table}' AND row_kind = 'total' AND column_name = 'total'`);
    assert.ok(totals.length >= 2, `${table}: printed 合计 rows`);
    for (const tot of totals) {
      const [sum] = await rows<{ s: number; kinds: string }>(`SELECT round(sum(total), 6) AS s, string_agg(DISTINCT row_kind, ',') AS kinds
        FROM '${data}/${table}.parquet' WHERE doc_id = '${tot.doc_id}'`);
      const [c] = await rows<{ expected: number; actual: number }>(`SELECT expected, actual FROM '${data}/checks.parquet'
        WHERE check_id = '${tot.doc_id}:column_sum:${check}:total'`);
      assert.equal(c!.expected, tot.amount, `${tot.doc_id} ${table}: the check compares the printed 合计`);
      assert.equal(sum!.s, c!.actual, `${tot.doc_id} ${table}: the items' plain sum is what the check adds up`);
      assert.ok(!/total|department|subtotal/.test(sum!.kinds), `${tot.doc_id} ${table}: no total rows among the items (${sum!.kinds})`);
    }
  }
});

test('the workbook: a sheet per table plus 说明, every code a text cell (046, 2080101, a 21-digit project code)', async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(data, 'budget-lens.xlsx'));
  assert.deepEqual(wb.worksheets.map((w) => w.name), ['说明', ...dictionary().map((s) => s.name)]);
  const cellsOf = (sheet: string, column: string) => {
    const ws = wb.getWorksheet(sheet)!;
    const col = (ws.getRow(1).values as unknown[]).indexOf(column);
    return ws.getColumn(col).values.slice(2);
  };
  // zhengzhou-2024-budget.txt:629 prints the 21-digit code 410100240000000034462; :258 the unit code 046.
  assert.ok(cellsOf('project_indicators', 'project_code').includes('410100240000000034462'));
  assert.ok(cellsOf('printed_totals', 'code').includes('046'));
  for (const [sheet, column] of [['project_indicators', 'project_code'], ['expenditure_by_function', 'func_code'], ['printed_totals', 'code'], ['income_by_unit', 'unit_code']] as const) {
    const values = cellsOf(sheet, column).filter((v) => v != null);
    assert.ok(values.length > 0 && values.every((v) => typeof v === 'string'), `${sheet}.${column}: text cells only`);
  }
  // Amounts are numbers: 郑州 2024's 合计 of 项目支出 is a number cell, not text.
  assert.ok(cellsOf('projects', 'total').filter((v) => v != null).every((v) => typeof v === 'number'));
});

test('the zip is a valid data package offline: every file datapackage.json names is in it, with its size and sha256', () => {
  const zip = unzipSync(readFileSync(join(data, 'budget-lens-data.zip')));
  const pkg = JSON.parse(new TextDecoder().decode(zip['data/datapackage.json']!)) as {
    resources: Array<{ path: string; bytes: number; hash: string }>; sources: Array<{ path: string; sha256: string }>;
  };
  assert.ok(pkg.resources.some((r) => r.path.endsWith('.parquet')) && pkg.resources.some((r) => r.path.endsWith('.csv')));
  for (const r of pkg.resources) {
    const file = zip[`data/${r.path}`];
    assert.ok(file, `data/${r.path} in the zip`);
    assert.equal(file.length, r.bytes, r.path);
    assert.equal(`sha256:${createHash('sha256').update(file).digest('hex')}`, r.hash, r.path);
  }
  // Sources are named relative to datapackage.json (../sources/…): in the zip too, PDFs and texts.
  assert.equal(pkg.sources.length, 10);
  for (const s of pkg.sources) {
    const file = zip[join('data', s.path).replace(/\\/g, '/')];
    assert.ok(file, `${s.path} in the zip`);
    assert.equal(createHash('sha256').update(file).digest('hex'), s.sha256, s.path);
  }
  assert.ok(zip['data/budget-lens.xlsx'] && zip['README.txt']);
});

test('every table split by fiscal year (data/by-year/<table>/fiscal_year=Y/) holds exactly the rows of the whole table, each in its document\'s year', async () => {
  const years = await rows<{ y: number }>(`SELECT DISTINCT fiscal_year AS y FROM '${data}/documents.parquet' ORDER BY y`);
  // The ten disclosures are of 2019, 2020, 2023, 2024 and 2025 (e.g. zhumadian-2023-budget.txt:3 “2023 年驻马店市人力资源和社会保障局”).
  assert.deepEqual(years.map((r) => r.y), [2019, 2020, 2023, 2024, 2025]);
  for (const s of dictionary().filter((t) => t.name !== 'quarantine')) {
    const flat = s.name === 'documents' ? `SELECT * FROM '${data}/documents.parquet'`
      : `SELECT t.*, d.fiscal_year FROM '${data}/${s.name}.parquet' t LEFT JOIN '${data}/documents.parquet' d USING (doc_id)`;
    const [n] = await rows<{ n: number }>(`SELECT count(*)::INT AS n FROM (${flat})`);
    const dir = join(data, 'by-year', s.name);
    if (n!.n === 0) {
      assert.ok(!existsSync(dir) || readdirSync(dir).length === 0, `${s.name}: no rows, no partitions`);
      continue;
    }
    const parts = `SELECT * EXCLUDE (filename) FROM read_parquet('${dir}/*/*.parquet', hive_partitioning = false, filename = true)`;
    const [diff] = await rows<{ n: number }>(`SELECT count(*)::INT AS n FROM ((${flat} EXCEPT ALL ${parts}) UNION ALL (${parts} EXCEPT ALL ${flat}))`);
    assert.equal(diff!.n, 0, `${s.name}: the same rows, split or not`);
    const misplaced = await rows(`SELECT filename, fiscal_year FROM read_parquet('${dir}/*/*.parquet', hive_partitioning = false, filename = true)
      WHERE NOT contains(filename, 'fiscal_year=' || fiscal_year || '/')`);
    assert.deepEqual(misplaced, [], `${s.name}: every row in its year's folder`);
  }
});
