// 一般公共预算基本支出表 by 经济分类 as the PDF templates print it (Shanghai's 类/款 codes, Jiangsu's
// one 科目编码 column) → basic_by_economic, columns found by their printed headers.
import type { Line, OutRow, TableModule } from '../types.ts';
import { normText } from '../text.ts';
import { amountsOf, headerLayout, rowLabel } from './byHeader.ts';
import { ECONOMIC_COLUMNS } from '../templates/columns.ts';

export const byEconomic: TableModule = {
  standards: ['basic'],
  formats: ['pdf'],
  schemas: [],
  parse(section): Record<string, OutRow[]> {
    const layout = headerLayout(section.rows, ECONOMIC_COLUMNS, ['total']);
    if (!layout) return {};
    const names = layout.paths.flatMap((p, i) => (/科目名称/.test(p) ? [i] : []));
    if (names.length === 2) return { basic_by_economic: twoBlocks(section.rows, layout.paths, names[0]!) };
    if (names.length > 2) return {};
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
    return { basic_by_economic: markSubtotals(out) };
  },
};

/** A 类 row printed above its 款 rows (301 工资福利支出 over 30101 …) is their subtotal, not an item: the items alone add up to 合计. */
function markSubtotals(out: OutRow[]): OutRow[] {
  const codes = out.map((r) => r.dept_econ_code as string | null).filter((c): c is string => !!c);
  for (const r of out) {
    const c = r.dept_econ_code as string | null;
    if (c && codes.some((o) => o.length > c.length && o.startsWith(c))) r.row_kind = 'subtotal';
  }
  return out;
}

/**
 * A 决算's 基本支出决算表 prints two lists side by side: 人员经费 (301, 303 …) on the left, 公用经费
 * (302, 310 …) on the right, each with its codes, names and 决算数, and ends with 人员经费合计 and
 * 公用经费合计. Each list is read as a table of its own; its figures are 人员经费 or 公用经费.
 */
function twoBlocks(rows: Line[], paths: string[], firstName: number): OutRow[] {
  const second = paths.findIndex((p, i) => i > firstName && /编码|^类$|\/类$/.test(p));
  if (second < 0) return [];
  const out: OutRow[] = [];
  const total: OutRow = { source_line: null, source_line_end: null, row_kind: 'total', dept_econ_code: null, dept_econ_name: null,
    gov_econ_code: null, gov_econ_name: null, total: null, personnel: null, public_use: null };
  for (const [from, to, column] of [[0, second, 'personnel'], [second, undefined, 'public_use']] as const) {
    const block = rows.map((r) => ({ n: r.n, cells: r.cells.slice(from, to) }));
    const layout = headerLayout(block, ECONOMIC_COLUMNS, ['total']);
    if (!layout) return [];
    for (const r of layout.body) {
      const { code, name } = rowLabel(layout, r);
      const { total: amount } = amountsOf(layout, r);
      if (/^(人员|公用)经费合计$/.test(normText(r.cells.slice(0, layout.nameCol + 1).join('')))) {
        total[column] = amount ?? null;
        total.source_line ??= r.n;
        continue;
      }
      if (!code) continue;
      out.push({ source_line: r.n, source_line_end: null, row_kind: 'item', dept_econ_code: code, dept_econ_name: name,
        gov_econ_code: null, gov_econ_name: null, total: amount ?? null, personnel: column === 'personnel' ? amount ?? null : null,
        public_use: column === 'public_use' ? amount ?? null : null });
    }
  }
  if (total.source_line !== null) out.push(total);
  return markSubtotals(out).sort((a, b) => (a.source_line as number) - (b.source_line as number));
}
