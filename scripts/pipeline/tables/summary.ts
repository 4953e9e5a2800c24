// 部门收支总体情况表 → budget_summary: two side-by-side lists, income left and expenditure right.
import type { OutRow, TableModule } from '../types.ts';
import { isAmount, normText, parseAmount } from '../text.ts';
import { stripNumbering } from '../layout.ts';

function rowKind(label: string, numbered: boolean): string {
  const t = normText(label);
  if (/^其中/.test(t)) return 'of_which';
  // A 决算 carries over both ways: 年初结转和结余 in, 年末结转和结余 out (and 结余分配, 使用…结余).
  if (/(上年|年终|年初|年末)(财政拨款)?结转|结余分配|^使用.*结余/.test(t)) return 'carryover';
  if (/总计/.test(t)) return 'grand_total';
  if (/合计|小计/.test(t)) return 'total';
  // Under 一、财政拨款收入, `1. 一般公共预算资金` is part of it, not another item.
  if (numbered && /^\d+[.．、]/.test(t)) return 'of_which';
  return 'item';
}

type Side = 'income' | 'expenditure' | 'expenditure_by_use';
/** Label cell of each side; Jiangsu prints a third list, expenditure by use (基本支出, 项目支出 …). */
const SIDES: Array<[Side, number]> = [['income', 0], ['expenditure', 2], ['expenditure_by_use', 4]];

export const summary: TableModule = {
  standards: ['summary'],
  schemas: [{
    name: 'budget_summary', zh: '部门收支总体情况表', en: 'Income and expenditure overview of the department',
    columns: [
      { name: 'side', type: 'VARCHAR', zh: '收入或支出（income/expenditure；江苏另印支出用途 expenditure_by_use）', en: 'income or expenditure side of the table (Jiangsu also prints expenditure by use: expenditure_by_use)' },
      { name: 'seq', type: 'INTEGER', zh: '该侧的行序（从 1 起）', en: 'order of the line within its side, from 1' },
      { name: 'item', type: 'VARCHAR', zh: '项目（去掉编号）', en: 'item label without its numbering (一、/（一）)' },
      { name: 'item_label', type: 'VARCHAR', zh: '项目（按原文）', en: 'item label as printed' },
      { name: 'row_kind', type: 'VARCHAR', zh: '行类型：item 项目、of_which 其中、total 合计、carryover 结转结余、grand_total 总计', en: 'item, of_which (其中), total (合计), carryover (结转结余) or grand_total (总计)' },
      { name: 'amount', type: 'DOUBLE', zh: '金额', en: 'amount', unit: '万元' },
    ],
  }],
  parse(section) {
    const out: OutRow[] = [];
    const seq = { income: 0, expenditure: 0, expenditure_by_use: 0 };
    // Does a side number its items 一、二、…? Then 1. 2. under them are parts of an item.
    const numbered = Object.fromEntries(SIDES.map(([side, at]) => [side, section.rows.some((r) => /^[一二三四五六七八九十]+、/.test(normText(r.cells[at] ?? '')))])) as Record<Side, boolean>;
    // The head: every row above the first that prints an amount (收入/支出, 项目/预算数, and in
    // a PDF the 编制部门…单位：元 line).
    const first = section.rows.findIndex((r) => r.cells.some((c) => c.trim() !== '' && isAmount(c)));
    for (const row of section.rows.slice(Math.max(0, first))) {
      const c = row.cells;
      if (/^(收入|项目)$/.test(normText(c[0] ?? '')) ) continue; // header rows repeated on a page
      for (const [side, at] of SIDES) {
        const label = c[at] ?? '';
        if (normText(label) === '') continue;
        out.push({
          source_line: row.n, source_line_end: null, side, seq: ++seq[side],
          item: stripNumbering(label), item_label: normText(label), row_kind: rowKind(label, numbered[side]),
          amount: parseAmount(c[at + 1]),
        });
      }
    }
    return { budget_summary: out };
  },
};
