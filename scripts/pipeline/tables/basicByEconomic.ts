// 一般公共预算基本支出表 → basic_by_economic: rows by 部门/政府预算支出经济分类, 人员经费 vs 公用经费.
import type { OutRow, TableModule } from '../types.ts';
import { assignAmounts, type AmountSpec } from './amounts.ts';
import { hasAmount } from './rows.ts';
import { normCode, normText } from '../text.ts';

const SPEC: AmountSpec = { columns: ['total', 'personnel', 'public_use'], sums: [['total', ['personnel', 'public_use']]] };

export const basicByEconomic: TableModule = {
  standards: ['basic'],
  schemas: [{
    name: 'basic_by_economic', zh: '一般公共预算基本支出表（按经济分类）', en: 'General public budget basic expenditure by economic classification',
    columns: [
      { name: 'row_kind', type: 'VARCHAR', zh: '行类型：total 合计、subtotal 类级小计（其下另印款级科目时）、item 科目', en: 'total, subtotal (a 类 row printed above its 款 rows) or item row' },
      { name: 'dept_econ_code', type: 'VARCHAR', zh: '部门预算支出经济分类科目编码', en: 'department budget economic classification code' },
      { name: 'dept_econ_name', type: 'VARCHAR', zh: '部门预算支出经济分类科目名称', en: 'department budget economic classification name' },
      { name: 'gov_econ_code', type: 'VARCHAR', zh: '政府预算支出经济分类科目编码', en: 'government budget economic classification code' },
      { name: 'gov_econ_name', type: 'VARCHAR', zh: '政府预算支出经济分类科目名称', en: 'government budget economic classification name' },
      { name: 'total', type: 'DOUBLE', zh: '合计', en: 'total', unit: '万元' },
      { name: 'personnel', type: 'DOUBLE', zh: '人员经费', en: 'personnel expenditure', unit: '万元' },
      { name: 'public_use', type: 'DOUBLE', zh: '公用经费', en: 'public-use (office) expenditure', unit: '万元' },
    ],
  }],
  parse(section, ctx) {
    const out: OutRow[] = [];
    for (const r of section.rows) {
      const c = r.cells.map(normText);
      if (!hasAmount(c.slice(4))) continue; // headers, repeated on each page
      const isTotal = c.slice(0, 4).some((x) => x === '合计');
      const a = assignAmounts(r.cells.slice(4, 8), SPEC);
      if (a.moved) ctx.repairs.push({ table: 'basic_by_economic', line: r.n, what: 'amounts moved to the columns their sums require' });
      out.push({
        source_line: r.n, source_line_end: null, row_kind: isTotal ? 'total' : 'item',
        dept_econ_code: isTotal ? null : normCode(c[0]!) || null, dept_econ_name: isTotal ? null : c[1] || null,
        gov_econ_code: isTotal ? null : normCode(c[2]!) || null, gov_econ_name: isTotal ? null : c[3] || null,
        ...a.values,
      });
    }
    return { basic_by_economic: out };
  },
};
