// 部门收支总体情况表 → budget_summary: two side-by-side lists, income left and expenditure right.
import type { Line, OutRow, TableModule } from '../types.ts';
import { isAmount, normText, parseAmount } from '../text.ts';
import { stripNumbering } from './rows.ts';

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
/** The lists side by side, left to right; Jiangsu prints a third, expenditure by use (基本支出, 项目支出 …). */
const SIDE_ORDER: Side[] = ['income', 'expenditure', 'expenditure_by_use'];

/**
 * Each list's label column: the columns that print text, not amounts. The amount is the cell right
 * after the label (合计, where a template splits it further: Shanghai's 单位 template prints 合计 |
 * 人员经费 | 公用经费 | 项目支出 on the expenditure side).
 */
function sidesOf(rows: Line[]): Array<[Side, number]> {
  const width = Math.max(0, ...rows.map((r) => r.cells.length));
  const labels: number[] = [];
  for (let i = 0; i < width; i++) {
    const cells = rows.map((r) => normText(r.cells[i] ?? '')).filter((c) => c !== '');
    if (cells.length > 0 && cells.filter((c) => !isAmount(c)).length * 2 > cells.length) labels.push(i);
  }
  return labels.slice(0, SIDE_ORDER.length).map((at, k) => [SIDE_ORDER[k]!, at]);
}

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
    // The head: every row above the first that prints an amount (收入/支出, 项目/预算数, and in
    // a PDF the 编制部门…单位：元 line).
    const first = section.rows.findIndex((r) => r.cells.some((c) => c.trim() !== '' && isAmount(c)));
    const body = section.rows.slice(Math.max(0, first));
    const SIDES = sidesOf(body);
    // Does a side number its items 一、二、…? Then 1. 2. under them are parts of an item.
    const numbered = Object.fromEntries(SIDES.map(([side, at]) => [side, body.some((r) => /^[一二三四五六七八九十]+、/.test(normText(r.cells[at] ?? '')))])) as Record<Side, boolean>;
    for (const row of body) {
      const c = row.cells;
      if (/^(收入|项目)$/.test(normText(c[0] ?? '')) ) continue; // header rows repeated on a page
      SIDES.forEach(([side, at], k) => {
        const label = c[at] ?? '';
        if (normText(label) === '') return;
        let amount = c[at + 1] ?? '';
        // A total printed across the lists to its right (Jiangsu: 支出合计 over the function and use
        // lists, its figure in the last amount column) takes the figure printed on its row there.
        if (amount.trim() === '' && /合计|小计|总计/.test(label) && SIDES.slice(k + 1).every(([, a]) => normText(c[a] ?? '') === '')) {
          amount = c.slice(at + 2).findLast((x) => x.trim() !== '') ?? '';
        }
        out.push({
          source_line: row.n, source_line_end: null, side, seq: ++seq[side],
          item: stripNumbering(label), item_label: normText(label), row_kind: rowKind(label, numbered[side]),
          amount: parseAmount(amount),
        });
      });
    }
    return { budget_summary: out };
  },
};
