// src/lib/data.ts: the build-time SQL access the pages use.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { hasTable, printedRows, query, tables, toPlain } from '../../src/lib/data.ts';
import { readCsv, ROOT } from '../e2e/browser.ts';

test('toPlain turns DuckDB JS values into plain JSON-able values', () => {
  assert.equal(toPlain(42n), 42);
  assert.equal(toPlain(2n ** 60n), '1152921504606846976');
  assert.equal(toPlain(new Date('2024-01-15T00:00:00Z')), '2024-01-15T00:00:00.000Z');
  assert.deepEqual(toPlain({ a: [1n, null, 'x'], b: { c: 3n } }), { a: [1, null, 'x'], b: { c: 3 } });
  assert.equal(toPlain(undefined), null);
});

test('query returns plain rows: BIGINT and DECIMAL as numbers, codes as strings', async () => {
  const [row] = await query<{ n: unknown; d: unknown; big: unknown; code: unknown; nothing: unknown }>(
    `SELECT 7::BIGINT AS n, 1234.56::DECIMAL(18,2) AS d, 12345678901234567890::HUGEINT AS big,
            '046' AS code, NULL AS nothing`);
  assert.deepEqual(row, { n: 7, d: 1234.56, big: '12345678901234567890', code: '046', nothing: null });
});

test('query binds positional and named parameters', async () => {
  assert.deepEqual(await query('SELECT $1::INTEGER + $2::INTEGER AS s', [2, 3]), [{ s: 5 }]);
  assert.deepEqual(await query('SELECT $who AS who', { who: '郑州市' }), [{ who: '郑州市' }]);
});

test('every public/data/*.parquet is a view; documents matches documents.csv', async () => {
  assert.ok(await hasTable('documents'));
  assert.ok((await tables()).includes('documents'));
  const csv = readCsv(join(ROOT, 'public', 'data', 'documents.csv'));
  const rows = await query<{ doc_id: string }>('SELECT doc_id FROM documents ORDER BY doc_id');
  assert.deepEqual(rows.map((r) => r.doc_id), csv.map((r) => r['doc_id']).sort());
});

test('printedRows: each printed total row once, with every figure printed_totals holds for it', async () => {
  const tables = await query<{ table_name: string; columns: string[] }>(
    'SELECT table_name, list(DISTINCT column_name ORDER BY column_name) AS columns FROM printed_totals GROUP BY table_name ORDER BY table_name');
  assert.ok(tables.length > 0);
  for (const { table_name: table, columns } of tables) {
    const cells = columns.map((c) => `(${c} IS NOT NULL)::INTEGER`).join(' + ');
    const [r] = await query<{ figures: number; rows: number; lines: number }>(`
      SELECT sum(${cells})::INTEGER AS figures, count(*)::INTEGER AS rows,
             (SELECT count(DISTINCT (doc_id, source_line, label)) FROM printed_totals WHERE table_name = '${table}')::INTEGER AS lines
      FROM ${printedRows(table, columns)}`);
    const [n] = await query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM printed_totals WHERE table_name = '${table}'`);
    assert.equal(r?.figures, n?.n, `${table}: figures`);
    assert.equal(r?.rows, r?.lines, `${table}: one row per printed row`);
  }
  // zhengzhou-2024-rlzyhshbzj-budget.txt:257 is the 合计 row of the department expenditure table.
  assert.deepEqual(await query(`
    SELECT total, basic_total, project_total, source_line::INTEGER AS source_line
    FROM ${printedRows('expenditure_by_function', ['total', 'basic_total', 'project_total'])}
    WHERE doc_id = 'zhengzhou-2024-rlzyhshbzj-budget' AND table_kind = 'department' AND row_kind = 'total'`),
  [{ total: 84669.1, basic_total: 60698.7, project_total: 23970.5, source_line: 257 }]);
  assert.throws(() => printedRows('projects', ["total') OR (1 = 1"]));
});

test('chart CSVs hold no float noise (0.7170000000000001): at most ten significant digits', () => {
  const dir = join(ROOT, 'dist', 'embed');
  let files = 0;
  for (const id of readdirSync(dir)) {
    const path = join(dir, id, 'data.csv');
    if (!existsSync(path)) continue;
    files++;
    const text = readFileSync(path, 'utf8');
    assert.doesNotMatch(text, /\d\.\d*(0{6,}|9{6,})\d/, `${id}/data.csv`);
    for (const m of text.matchAll(/-?\d+\.\d+/g)) assert.ok(m[0].replace(/[-.]/g, '').replace(/^0+/, '').length <= 10, `${id}/data.csv: ${m[0]}`);
  }
  assert.ok(files > 20, `${files} chart CSVs`);
});
