// 支出经济分类汇总表 → expenditure_by_economic: all of the department's spending (基本 and 项目) by
// 部门 and 政府预算经济分类, split by source of funds. Labels are six cells (类 | 款 | 科目名称 for
// each classification); the amount columns are read by their printed headers.
import type { OutRow, TableModule } from '../types.ts';
import { normCode, normText } from '../text.ts';
import { ECONOMIC_SUMMARY_COLUMNS } from '../templates/columns.ts';
import { amountsOf, headerLayout } from './byHeader.ts';
import { ownRows } from './ownRows.ts';

export const ECONOMIC_SOURCES = ['general_budget', 'fiscal_appropriation', 'gov_fund', 'state_capital', 'carryover', 'special_account',
  'business_income', 'superior_subsidy', 'subordinate_remittance', 'business_operating_income', 'other_income'] as const;

const DOCS: Record<string, [string, string]> = {
  total: ['总计', 'total'],
  general_budget: ['一般公共预算（小计）', 'general public budget (subtotal)'],
  fiscal_appropriation: ['一般公共预算·其中：财政拨款', 'general public budget, of which fiscal appropriation'],
  gov_fund: ['政府性基金', 'government funds'],
  state_capital: ['国有资本经营预算', 'state capital operation budget'],
  carryover: ['上年结转结余', 'carry-over from the previous year'],
  special_account: ['财政专户管理资金收入', 'fiscal special account funds'],
  business_income: ['事业收入', 'public institution business income'],
  superior_subsidy: ['上级补助收入', 'subsidy from higher-level units'],
  subordinate_remittance: ['附属单位上缴收入', 'remittances from subordinate units'],
  business_operating_income: ['事业单位经营收入', 'public institution operating income'],
  other_income: ['其他收入', 'other income'],
};

export const expenditureByEconomic: TableModule = {
  standards: ['economic'],
  schemas: [{
    name: 'expenditure_by_economic', zh: '支出经济分类汇总表（全部支出，按经济分类和资金来源）', en: 'All expenditure by economic classification and source of funds',
    columns: [
      { name: 'row_kind', type: 'VARCHAR', zh: '行类型：item 科目（合计行、部门行在 printed_totals）', en: 'item (the 合计 and department rows are in printed_totals)' },
      { name: 'unit_code', type: 'VARCHAR', zh: '部门代码（部门行）', en: 'department code (department row)' },
      { name: 'unit_name', type: 'VARCHAR', zh: '部门名称（部门行）', en: 'department name (department row)' },
      { name: 'dept_econ_code', type: 'VARCHAR', zh: '部门预算支出经济分类科目编码（类+款，如 30101）', en: 'department budget economic classification code (类 + 款, e.g. 30101)' },
      { name: 'dept_econ_name', type: 'VARCHAR', zh: '部门预算支出经济分类科目名称', en: 'department budget economic classification name' },
      { name: 'gov_econ_code', type: 'VARCHAR', zh: '政府预算支出经济分类科目编码（类+款，如 50101）', en: 'government budget economic classification code (类 + 款, e.g. 50101)' },
      { name: 'gov_econ_name', type: 'VARCHAR', zh: '政府预算支出经济分类科目名称', en: 'government budget economic classification name' },
      ...['total', ...ECONOMIC_SOURCES].map((c) => ({ name: c, type: 'DOUBLE' as const, zh: DOCS[c]![0], en: DOCS[c]![1], unit: '万元' })),
    ],
  }],
  parse(section): Record<string, OutRow[]> {
    const layout = headerLayout(ownRows(section), ECONOMIC_SUMMARY_COLUMNS, ['total']);
    // Six label cells before the amounts, or the header is not this template's: unread, never guessed.
    if (!layout || Math.min(...layout.fields.keys()) !== 6) return {};
    const out: OutRow[] = [];
    for (const r of layout.body) {
      const c = r.cells.slice(0, 6).map(normText);
      const deptCode = normCode(c[0]! + c[1]!);
      const govCode = normCode(c[3]! + c[4]!);
      const values = { total: null, ...Object.fromEntries(ECONOMIC_SOURCES.map((s) => [s, null])), ...amountsOf(layout, r) };
      const row = (kind: string, labels: Record<string, string | null>): OutRow => ({
        source_line: r.n, source_line_end: null, row_kind: kind, unit_code: null, unit_name: null,
        dept_econ_code: null, dept_econ_name: null, gov_econ_code: null, gov_econ_name: null, ...labels, ...values,
      });
      if (c.some((x) => x === '合计') && !deptCode) out.push(row('total', {}));
      // The department's row prints its code where the 类 goes (`302 | | 焦作市人力资源和社会保障局`): no 款, no 政府 code.
      else if (/^\d+$/.test(c[0]!) && !c[1] && !govCode) out.push(row('department', { unit_code: c[0]!, unit_name: c[2] || null }));
      else if (/^\d+$/.test(deptCode) || /^\d+$/.test(govCode)) {
        // 洛阳 prints one row with the 政府 class only (513 01 上下级政府间转移性支出).
        out.push(row('item', { dept_econ_code: deptCode || null, dept_econ_name: c[2] || null, gov_econ_code: govCode || null, gov_econ_name: c[5] || null }));
      }
    }
    return { expenditure_by_economic: out };
  },
};
