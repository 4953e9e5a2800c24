// 一般公共预算基本支出表 by 经济分类 as the PDF templates print it (Shanghai's 类/款 codes, Jiangsu's
// one 科目编码 column) → basic_by_economic, columns found by their printed headers.
import type { OutRow, TableModule } from '../types.ts';
import { amountsOf, headerLayout, rowLabel } from './byHeader.ts';
import { ECONOMIC_COLUMNS } from '../templates/columns.ts';

export const byEconomic: TableModule = {
  standards: ['basic'],
  formats: ['pdf'],
  schemas: [],
  parse(section): Record<string, OutRow[]> {
    const layout = headerLayout(section.rows, ECONOMIC_COLUMNS, ['total']);
    // Two blocks side by side (决算's 基本支出决算表 prints 人员经费 and 公用经费 next to each other)
    // name their amount column twice: not a shape this reader knows.
    if (!layout || layout.paths.filter((p) => /科目名称/.test(p)).length > 1) return {};
    const out: OutRow[] = [];
    for (const r of layout.body) {
      const { code, name, total } = rowLabel(layout, r);
      if (!total && !code) continue;
      const values = amountsOf(layout, r);
      out.push({
        source_line: r.n, source_line_end: null, row_kind: total ? 'total' : 'item',
        dept_econ_code: total ? null : code, dept_econ_name: total ? null : name, gov_econ_code: null, gov_econ_name: null,
        total: null, personnel: null, public_use: null, ...values,
      });
    }
    // A 类 row printed above its 款 rows (301 工资福利支出 over 30101 …) is their subtotal, not an
    // item: the items alone add up to 合计.
    const codes = out.map((r) => r.dept_econ_code as string | null).filter((c): c is string => !!c);
    for (const r of out) {
      const c = r.dept_econ_code as string | null;
      if (c && codes.some((o) => o.length > c.length && o.startsWith(c))) r.row_kind = 'subtotal';
    }
    return { basic_by_economic: out };
  },
};
