// The dataset as one Excel/WPS workbook: a sheet per table, and a 说明 sheet with the dictionary.
// A CSV cannot stop a spreadsheet from reading `046001` as 46001 or a 21-digit project code as
// 4.1E+20; in the workbook every code is a text cell (and its column formatted as text), every
// amount a number.
// Written as a stream from the run's database, a chunk of rows at a time, each row committed as it
// is written. exceljs's streaming writer does not wait for its zip to keep up, so it still holds
// more the longer a sheet is (about 0.7 GB for 500,000 rows: bench/README.md).
import ExcelJS from 'exceljs';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { TableSchema } from './types.ts';

/** Excel's (and WPS's) last row: 1,048,576, the header included. */
export const EXCEL_MAX_ROWS = 1_048_576;

/** The sheets a table's rows are written to: `name`, then `name (2)`, `name (3)` … each holding at most `perSheet` rows. */
export function sheetNames(table: string, rows: number, perSheet: number): string[] {
  const n = Math.max(1, Math.ceil(rows / perSheet));
  // A sheet name has at most 31 characters: the table's name is cut, never the part's number.
  return Array.from({ length: n }, (_, i) => (i === 0 ? table.slice(0, 31) : `${table.slice(0, 31 - ` (${i + 1})`.length)} (${i + 1})`));
}

export async function writeWorkbook(
  path: string, schemas: TableSchema[], conn: DuckDBConnection, about: { title: string; version: string; created: string },
  opts: { maxRows?: number } = {},
): Promise<void> {
  const perSheet = (opts.maxRows ?? EXCEL_MAX_ROWS) - 1;
  // Inline strings, not a shared-strings table: that table would hold every distinct text in memory.
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
  wb.creator = '预算透视 Budget Lens';
  wb.created = new Date(about.created);
  wb.modified = wb.created;
  const notes = wb.addWorksheet('说明');
  notes.columns = [24, 28, 10, 8, 50, 60].map((width) => ({ width }));
  // The header row is the 4th: a streamed sheet cannot insert rows above one already written.
  const lead = [[about.title], [`版本 ${about.version}。金额均为万元（原表以元印出者已精确换算）；空单元格为原表空白。编码为文本，保留前导零。`],
    [`一张表超过 Excel 的 ${(perSheet + 1).toLocaleString('en-US')} 行上限时，续于 “表名 (2)”、“表名 (3)” … 工作表，行序不变。`]];
  lead.forEach((r, i) => { notes.getRow(i + 1).values = r; });
  notes.getRow(lead.length + 1).values = ['表', '列', '类型', '单位', '说明', 'description'];
  const counts = new Map<string, number>();
  for (const s of schemas) {
    const [row] = (await conn.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM "${s.name}"`)).getRows();
    counts.set(s.name, Number(row![0]));
  }
  let at = lead.length + 2;
  for (const s of schemas) {
    const sheets = sheetNames(s.name, counts.get(s.name)!, perSheet);
    const title = notes.getRow(at++);
    title.values = [s.name, '', '', '', s.zh, s.en];
    title.font = { bold: true };
    if (sheets.length > 1) notes.getRow(at++).values = [s.name, '', '', '', `工作表：${sheets.join('、')}`, `sheets: ${sheets.join(', ')}`];
    for (const c of s.columns) notes.getRow(at++).values = [s.name, c.name, c.type, c.unit ?? '', c.zh, c.en];
  }
  notes.commit();
  for (const s of schemas) {
    const names = sheetNames(s.name, counts.get(s.name)!, perSheet);
    let ws: ExcelJS.Worksheet | null = null;
    let written = 0;
    const next = () => {
      ws?.commit();
      ws = wb.addWorksheet(names[Math.floor(written / perSheet)]!, { views: [{ state: 'frozen', ySplit: 1 }] });
      ws.columns = s.columns.map((c) => ({ header: c.name, key: c.name, width: Math.min(40, Math.max(10, c.name.length + 2)), style: c.type === 'VARCHAR' ? { numFmt: '@' } : {} }));
      ws.getRow(1).font = { bold: true };
      ws.getRow(1).commit();
      return ws;
    };
    let sheet = next();
    // In insertion order, which is file order: the rows as in the table's CSV.
    const result = await conn.stream(`SELECT * FROM "${s.name}"`);
    for await (const rows of result.yieldRows()) {
      for (const r of rows) {
        if (written > 0 && written % perSheet === 0) sheet = next();
        // NULL stays an empty cell; codes are text (VARCHAR), amounts numbers, flags booleans.
        sheet.addRow(r.map((v) => (v === null ? null : typeof v === 'bigint' ? Number(v) : v as string | number | boolean))).commit();
        written++;
      }
    }
    sheet.commit();
  }
  await wb.commit();
}
