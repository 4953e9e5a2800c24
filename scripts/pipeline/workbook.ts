// The dataset as one Excel/WPS workbook: a sheet per table, and a 说明 sheet with the dictionary.
// A CSV cannot stop a spreadsheet from reading `046001` as 46001 or a 21-digit project code as
// 4.1E+20; in the workbook every code is a text cell (and its column formatted as text), every
// amount a number.
import ExcelJS from 'exceljs';
import type { OutRow, TableSchema } from './types.ts';

export async function writeWorkbook(path: string, schemas: TableSchema[], tables: Record<string, OutRow[]>, about: { title: string; version: string; created: string }): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '预算透视 Budget Lens';
  wb.created = new Date(about.created);
  wb.modified = wb.created;
  const notes = wb.addWorksheet('说明');
  notes.columns = [
    { header: '表', key: 'table', width: 24 }, { header: '列', key: 'column', width: 28 }, { header: '类型', key: 'type', width: 10 },
    { header: '单位', key: 'unit', width: 8 }, { header: '说明', key: 'zh', width: 50 }, { header: 'description', key: 'en', width: 60 },
  ];
  notes.insertRows(1, [[about.title], [`版本 ${about.version}。金额均为万元（原表以元印出者已精确换算）；空单元格为原表空白。编码为文本，保留前导零。`], []]);
  for (const s of schemas) {
    notes.addRow({ table: s.name, column: '', type: '', unit: '', zh: s.zh, en: s.en }).font = { bold: true };
    for (const c of s.columns) notes.addRow({ table: s.name, column: c.name, type: c.type, unit: c.unit ?? '', zh: c.zh, en: c.en });
  }
  for (const s of schemas) {
    const ws = wb.addWorksheet(s.name.slice(0, 31));
    ws.columns = s.columns.map((c) => ({ header: c.name, key: c.name, width: Math.min(40, Math.max(10, c.name.length + 2)), style: c.type === 'VARCHAR' ? { numFmt: '@' } : {} }));
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: 1 }];
    for (const r of tables[s.name] ?? []) {
      ws.addRow(s.columns.map((c) => {
        const v = r[c.name];
        if (v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) return null;
        if (c.type === 'VARCHAR') return String(v);
        if (c.type === 'BOOLEAN') return Boolean(v);
        return Number(v);
      }));
    }
  }
  await wb.xlsx.writeFile(path);
}
