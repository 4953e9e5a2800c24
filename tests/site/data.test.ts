// src/lib/data.ts: the build-time SQL access the pages use.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { hasTable, query, tables, toPlain } from '../../src/lib/data.ts';
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
