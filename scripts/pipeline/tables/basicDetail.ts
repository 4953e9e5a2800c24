// 一般公共预算基本支出明细表 → basic_detail: each unit's basic spending item by item (在职人员定额公用经费,
// 年终一次性奖金 …), with the 类型 (人员类 / 公用经费) and the sources of funds of the 项目支出表.
// The unit and the 类型 are printed on a group's first row only: the rows below carry them on.
import type { OutRow, TableModule } from '../types.ts';
import { assignAmounts } from './amounts.ts';
// Its sources of funds are the 项目支出表's.
import { COLUMN_DOCS, SPEC } from './projects.ts';
import { hasAmount } from './rows.ts';
import { normText } from '../text.ts';

export const basicDetail: TableModule = {
  standards: ['basic_detail'],
  schemas: [{
    name: 'basic_detail', zh: '一般公共预算基本支出明细表（各单位逐项基本支出）', en: 'Basic expenditure item by item, per unit',
    columns: [
      { name: 'row_kind', type: 'VARCHAR', zh: '行类型：item 明细（合计行、部门行在 printed_totals）', en: 'item (the 合计 and department rows are in printed_totals)' },
      { name: 'unit_code', type: 'VARCHAR', zh: '部门代码（部门行）', en: 'department code (department row)' },
      { name: 'unit_name', type: 'VARCHAR', zh: '项目单位（部门行为部门名称）', en: 'unit the item belongs to (the department, on its row)' },
      { name: 'expense_type', type: 'VARCHAR', zh: '类型（按原文：人员类、公用经费）', en: 'kind as printed: 人员类 (personnel) or 公用经费 (public-use)' },
      { name: 'item_name', type: 'VARCHAR', zh: '项目名称（明细）', en: 'item name' },
      ...SPEC.columns.map((c) => ({ name: c, type: 'DOUBLE' as const, zh: COLUMN_DOCS[c]![0], en: COLUMN_DOCS[c]![1], unit: '万元' })),
    ],
  }],
  parse(section, ctx) {
    const out: OutRow[] = [];
    let unit: string | null = null;
    let type: string | null = null;
    for (const r of section.rows) {
      const c = r.cells;
      const label = c.slice(0, 3).map(normText);
      if (!hasAmount(c.slice(3))) continue; // the head, printed again on every page
      const a = assignAmounts(c.slice(3, 3 + SPEC.columns.length), SPEC);
      if (a.moved) ctx.repairs.push({ table: 'basic_detail', line: r.n, what: 'amounts moved to the columns their sums require' });
      let row: OutRow;
      if (label[2] === '合计' && !label[0] && !label[1]) {
        row = { row_kind: 'total', unit_code: null, unit_name: null, expense_type: null, item_name: null };
      } else if (!label[0] && /^\d+$/.test(label[1]!)) {
        row = { row_kind: 'department', unit_code: label[1]!, unit_name: label[2] || null, expense_type: null, item_name: null };
      } else {
        unit = label[0] || unit;
        type = label[1] ? label[1] : label[0] ? null : type;
        row = { row_kind: 'item', unit_code: null, unit_name: unit, expense_type: type, item_name: label[2] || null };
      }
      out.push({ source_line: r.n, source_line_end: null, ...row, ...a.values });
    }
    return { basic_detail: out };
  },
};
