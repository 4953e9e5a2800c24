// 部门收支总体情况表 → budget_summary: two side-by-side lists, income left and expenditure right.
import type { OutRow, TableModule } from '../types.ts';
import { normText, parseAmount } from '../text.ts';
import { stripNumbering } from '../layout.ts';

function rowKind(label: string): string {
  const t = normText(label);
  if (/^其中/.test(t)) return 'of_which';
  if (/(上年|年终)结转/.test(t)) return 'carryover';
  if (/总计/.test(t)) return 'grand_total';
  if (/合计/.test(t)) return 'total';
  return 'item';
}

export const summary: TableModule = {
  standards: ['summary'],
  schemas: [{
    name: 'budget_summary', zh: '部门收支总体情况表', en: 'Income and expenditure overview of the department',
    columns: [
      { name: 'side', type: 'VARCHAR', zh: '收入或支出（income/expenditure）', en: 'income or expenditure side of the table' },
      { name: 'seq', type: 'INTEGER', zh: '该侧的行序（从 1 起）', en: 'order of the line within its side, from 1' },
      { name: 'item', type: 'VARCHAR', zh: '项目（去掉编号）', en: 'item label without its numbering (一、/（一）)' },
      { name: 'item_label', type: 'VARCHAR', zh: '项目（按原文）', en: 'item label as printed' },
      { name: 'row_kind', type: 'VARCHAR', zh: '行类型：item 项目、of_which 其中、total 合计、carryover 结转结余、grand_total 总计', en: 'item, of_which (其中), total (合计), carryover (结转结余) or grand_total (总计)' },
      { name: 'amount', type: 'DOUBLE', zh: '金额', en: 'amount', unit: '万元' },
    ],
  }],
  parse(section) {
    const out: OutRow[] = [];
    const seq = { income: 0, expenditure: 0 };
    for (const row of section.rows) {
      const c = row.cells;
      if (/^(收入|项目)$/.test(normText(c[0] ?? '')) ) continue; // header rows
      for (const [side, at] of [['income', 0], ['expenditure', 2]] as const) {
        const label = c[at] ?? '';
        if (normText(label) === '') continue;
        out.push({
          source_line: row.n, source_line_end: null, side, seq: ++seq[side],
          item: stripNumbering(label), item_label: normText(label), row_kind: rowKind(label),
          amount: parseAmount(c[at + 1]),
        });
      }
    }
    return { budget_summary: out };
  },
};
