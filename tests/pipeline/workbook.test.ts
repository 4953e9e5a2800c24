// The workbook is written as a stream from the run's database: a table longer than a sheet can hold
// (Excel's 1,048,576 rows; lowered here) goes on in `name (2)`, `name (3)` … with every row, in order.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import ExcelJS from 'exceljs';
import { sheetNames, writeWorkbook } from '../../scripts/pipeline/workbook.ts';
import type { TableSchema } from '../../scripts/pipeline/types.ts';

// Seven projects, one with a code whose leading zero a spreadsheet would drop, one with no amount.
const projects: TableSchema = {
  name: 'projects', zh: '项目', en: 'projects',
  columns: [
    { name: 'project_code', type: 'VARCHAR', zh: '项目编码', en: 'code' },
    { name: 'total', type: 'DOUBLE', zh: '合计', en: 'total', unit: '万元' },
  ],
};
const ROWS: Array<[string, number | null]> = [['046001', 12.5], ['410100240000000034462', 3], ['2080101', null], ['a', 1], ['b', 2], ['c', 3], ['d', 4]];

async function workbookOf(maxRows?: number): Promise<ExcelJS.Workbook> {
  const conn = await (await DuckDBInstance.create(':memory:')).connect();
  await conn.run('CREATE TABLE projects (project_code VARCHAR, total DOUBLE)');
  await conn.run(`INSERT INTO projects VALUES ${ROWS.map(([c, t]) => `('${c}', ${t ?? 'NULL'})`).join(', ')}`);
  const path = join(mkdtempSync(join(tmpdir(), 'bl-workbook-')), 'w.xlsx');
  await writeWorkbook(path, [projects], conn, { title: 'T', version: 'v', created: '2026-01-01T00:00:00Z' }, maxRows ? { maxRows } : {});
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

const dataRows = (ws: ExcelJS.Worksheet) => (ws.getSheetValues().slice(2) as unknown[][]).map((r) => [r[1], r[2] ?? null]);

test('a table past the sheet limit goes on in "projects (2)", "projects (3)": every row once, in order, codes as text', async () => {
  // 4 rows a sheet (the header and 3 rows): 7 rows need 3 sheets.
  const wb = await workbookOf(4);
  assert.deepEqual(wb.worksheets.map((w) => w.name), ['说明', 'projects', 'projects (2)', 'projects (3)']);
  const sheets = wb.worksheets.slice(1);
  for (const ws of sheets) assert.deepEqual((ws.getRow(1).values as unknown[]).slice(1), ['project_code', 'total'], `${ws.name}: its own header`);
  assert.deepEqual(sheets.map((ws) => dataRows(ws).length), [3, 3, 1]);
  assert.deepEqual(sheets.flatMap(dataRows), ROWS);
  // The 说明 sheet says where the table goes on.
  const notes = JSON.stringify(wb.getWorksheet('说明')!.getSheetValues());
  assert.ok(notes.includes('projects、projects (2)、projects (3)'), notes);
});

test('a table within the limit is one sheet named as the table', async () => {
  const wb = await workbookOf();
  assert.deepEqual(wb.worksheets.map((w) => w.name), ['说明', 'projects']);
  assert.deepEqual(dataRows(wb.getWorksheet('projects')!), ROWS);
});

test('a continued sheet keeps Excel\'s 31-character limit by cutting the table\'s name, not its number', () => {
  const long = 'a_table_name_of_thirty_one_char';
  assert.equal(long.length, 31);
  const names = sheetNames(long, 25, 10);
  assert.deepEqual(names, [long, `${long.slice(0, 27)} (2)`, `${long.slice(0, 27)} (3)`]);
  assert.ok(names.every((n) => n.length <= 31));
  assert.deepEqual(sheetNames('projects', 0, 10), ['projects'], 'an empty table still has its sheet');
});
