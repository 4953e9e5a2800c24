// 机构运转经费预算表 (机关（机构）运行经费, 机关运行经费支出预算表) → operating_costs: the running costs of
// the department's offices by 经济分类 (办公费, 差旅费 …); 洛阳 prints them per unit and 项目类别.
// Columns are found by their printed headers (科目编码, 科目名称, 单位代码, 项目类别, 合计 …).
import type { OutRow, TableModule } from '../types.ts';
import { normCode, normText } from '../text.ts';
import { OPERATING_COLUMNS } from '../templates/columns.ts';
import { amountsOf, headerLayout } from './byHeader.ts';
import { ownRows } from './ownRows.ts';

export const operatingCosts: TableModule = {
  standards: ['operating'],
  schemas: [{
    name: 'operating_costs', zh: '机构运转经费预算表（机关运行经费，按经济分类）', en: 'Operating costs of the offices, by economic classification',
    columns: [
      { name: 'row_kind', type: 'VARCHAR', zh: '行类型：item 科目（合计、类级小计、部门行、单位行在 printed_totals）', en: 'item (the 合计, class subtotal, department and unit rows are in printed_totals)' },
      { name: 'unit_code', type: 'VARCHAR', zh: '单位代码（洛阳按单位列出时）', en: 'unit code (where the table lists units: 洛阳)' },
      { name: 'unit_name', type: 'VARCHAR', zh: '单位名称（洛阳按单位列出时）', en: 'unit name (where the table lists units: 洛阳)' },
      { name: 'dept_econ_code', type: 'VARCHAR', zh: '部门预算支出经济分类科目编码', en: 'department budget economic classification code' },
      { name: 'dept_econ_name', type: 'VARCHAR', zh: '部门预算支出经济分类科目名称', en: 'department budget economic classification name' },
      { name: 'cost_category', type: 'VARCHAR', zh: '项目类别（洛阳所印：公用经费综合定额、工会经费、职工福利费 …）', en: 'cost category as 洛阳 prints it (公用经费综合定额, 工会经费, 职工福利费 …)' },
      { name: 'total', type: 'DOUBLE', zh: '合计（机关运行经费）', en: 'operating costs, total', unit: '万元' },
      { name: 'general_budget', type: 'DOUBLE', zh: '其中一般公共预算资金（洛阳所印）', en: 'of which general public budget funds (as 洛阳 prints it)', unit: '万元' },
    ],
  }],
  parse(section): Record<string, OutRow[]> {
    const layout = headerLayout(ownRows(section), OPERATING_COLUMNS, ['total']);
    if (!layout) return {};
    const labels = Array.from({ length: Math.min(...layout.fields.keys()) }, (_, i) => i);
    const col = (re: RegExp) => labels.find((i) => re.test((layout.paths[i] ?? '').split('/').at(-1) ?? ''));
    const unitCol = col(/单位代码/);
    const codeCol = col(/科目编码|^编码$/);
    const nameCol = col(/科目名称|^名称$/);
    const categoryCol = col(/项目类别/);
    if (codeCol === undefined || nameCol === undefined) return {};
    const cell = (cells: string[], i: number | undefined) => (i === undefined ? '' : normText(cells[i] ?? ''));
    const out: OutRow[] = [];
    let unit: { code: string; name: string } | null = null;
    for (const r of layout.body) {
      const unitCode = cell(r.cells, unitCol);
      const code = normCode(cell(r.cells, codeCol));
      const name = cell(r.cells, nameCol);
      const values = { total: null, general_budget: null, ...amountsOf(layout, r) };
      const base = { source_line: r.n, source_line_end: null, unit_code: null, unit_name: null, dept_econ_code: null, dept_econ_name: null, cost_category: null };
      if ([code, name, unitCode].includes('合计') || labels.every((i) => ['', '合计'].includes(cell(r.cells, i))) && labels.some((i) => cell(r.cells, i) === '合计')) {
        out.push({ ...base, row_kind: 'total', ...values });
      } else if (/^\d+$/.test(unitCode)) {
        // 803 is the department, 803001 … its units.
        const kind = out.some((o) => o.row_kind === 'department') ? 'unit' : 'department';
        unit = { code: unitCode, name };
        out.push({ ...base, row_kind: kind, unit_code: unitCode, unit_name: name || null, ...values });
      } else if (/^\d+$/.test(code)) {
        out.push({ ...base, row_kind: 'item', unit_code: unit?.code ?? null, unit_name: unit?.name || null, dept_econ_code: code,
          dept_econ_name: name || null, cost_category: cell(r.cells, categoryCol) || null, ...values });
      }
    }
    // A 类 printed above its 款 (Jiangsu: 302 商品和服务支出 over 30201 …) is their subtotal.
    const codes = out.filter((r) => r.row_kind === 'item').map((r) => r.dept_econ_code as string);
    for (const r of out) {
      const c = r.dept_econ_code as string | null;
      if (r.row_kind === 'item' && c && codes.some((o) => o.length > c.length && o.startsWith(c))) r.row_kind = 'subtotal';
    }
    return { operating_costs: out };
  },
};
