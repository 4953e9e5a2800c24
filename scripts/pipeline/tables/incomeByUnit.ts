// 部门收入总体情况表 → income_by_unit (and the units it names): income by source, per unit.
import type { OutRow, TableModule } from '../types.ts';
import { assignAmounts, type AmountSpec } from './amounts.ts';
import { hasAmount, headerText } from './rows.ts';
import { normCode, normText } from '../text.ts';

const CURRENT = ['general_budget', 'gov_fund', 'state_capital', 'special_account', 'business_income',
  'business_operating_income', 'superior_subsidy', 'subordinate_remittance', 'other_income'];
const CARRYOVER = ['carryover_general_budget', 'carryover_gov_fund', 'carryover_state_capital',
  'carryover_special_account', 'carryover_unit_funds'];

// The widest header printed (焦作 2024 page 2); narrower pages leave columns blank, and the
// sums decide where their amounts go.
export const INCOME_SPEC: AmountSpec = {
  columns: ['total', 'total_general_budget', 'total_gov_fund', 'total_state_capital', 'total_special_account',
    'current_total', 'general_budget', 'fiscal_appropriation', 'gov_fund', 'state_capital', 'special_account',
    'business_income', 'business_operating_income', 'superior_subsidy', 'subordinate_remittance', 'other_income',
    'carryover_total', ...CARRYOVER],
  sums: [
    ['total', ['current_total', 'carryover_total']],
    ['total', ['total_general_budget', 'total_gov_fund', 'total_state_capital', 'total_special_account']],
    ['current_total', CURRENT],
    ['carryover_total', CARRYOVER],
    ['total_general_budget', ['general_budget', 'carryover_general_budget']],
    ['total_gov_fund', ['gov_fund', 'carryover_gov_fund']],
    ['total_state_capital', ['state_capital', 'carryover_state_capital']],
    ['total_special_account', ['special_account', 'carryover_special_account']],
  ],
};

const SPEC = INCOME_SPEC;

// The narrower template (洛阳 2024): no 合计-by-source block between 总计 and 本年收入.
export const INCOME_SPEC_NARROW: AmountSpec = {
  columns: SPEC.columns.filter((c) => !c.startsWith('total_')),
  sums: SPEC.sums.filter(([t, ps]) => !t.startsWith('total_') && !ps[0]!.startsWith('total_')),
};

/** Does the header print 本年收入 before any 合计 (no 合计-by-source block)? */
export function isNarrowIncomeHeader(header: string): boolean {
  const h = header.replace(/\s+/g, '');
  const current = h.indexOf('本年收入');
  return current >= 0 && h.indexOf('合计') > current;
}

const AMOUNT_DOCS: Record<string, [string, string]> = {
  total: ['总计', 'grand total'],
  total_general_budget: ['合计·一般公共预算', 'all years: general public budget'],
  total_gov_fund: ['合计·政府性基金', 'all years: government funds'],
  total_state_capital: ['合计·国有资本经营预算', 'all years: state capital operation budget'],
  total_special_account: ['合计·财政专户管理资金', 'all years: fiscal special account funds'],
  current_total: ['本年收入合计', 'income of the year, total'],
  general_budget: ['本年收入·一般公共预算（小计）', 'income of the year: general public budget'],
  fiscal_appropriation: ['本年收入·一般公共预算·其中：财政拨款', 'of which fiscal appropriation'],
  gov_fund: ['本年收入·政府性基金', 'income of the year: government funds'],
  state_capital: ['本年收入·国有资本经营预算', 'income of the year: state capital operation budget'],
  special_account: ['本年收入·财政专户管理资金收入', 'income of the year: fiscal special account funds'],
  business_income: ['事业收入', 'public institution business income'],
  business_operating_income: ['事业单位经营收入', 'public institution operating income'],
  superior_subsidy: ['上级补助收入', 'subsidy from higher-level units'],
  subordinate_remittance: ['附属单位上缴收入', 'remittance from subordinate units'],
  other_income: ['其他收入', 'other income'],
  carryover_total: ['上年结转结余合计', 'carry-over from prior years, total'],
  carryover_general_budget: ['上年结转结余·一般公共预算', 'carry-over: general public budget'],
  carryover_gov_fund: ['上年结转结余·政府性基金', 'carry-over: government funds'],
  carryover_state_capital: ['上年结转结余·国有资本经营预算', 'carry-over: state capital operation budget'],
  carryover_special_account: ['上年结转结余·财政专户管理资金', 'carry-over: fiscal special account funds'],
  carryover_unit_funds: ['上年结转结余·单位资金', 'carry-over: unit funds'],
};

export const incomeByUnit: TableModule = {
  standards: ['income'],
  schemas: [{
    name: 'income_by_unit', zh: '部门收入总体情况表（按单位）', en: 'Income by source, per budget unit',
    columns: [
      { name: 'row_kind', type: 'VARCHAR', zh: '行类型：total 合计、department 部门、unit 单位', en: 'total, department or unit row' },
      { name: 'unit_code', type: 'VARCHAR', zh: '单位代码', en: 'unit code' },
      { name: 'unit_name', type: 'VARCHAR', zh: '单位名称', en: 'unit name' },
      ...SPEC.columns.map((c) => ({ name: c, type: 'DOUBLE' as const, zh: AMOUNT_DOCS[c]![0], en: AMOUNT_DOCS[c]![1], unit: '万元' })),
      { name: 'ambiguous', type: 'BOOLEAN', zh: '金额所属列无法由表内算术唯一确定', en: 'true when the table’s arithmetic could not decide which columns the amounts belong to' },
    ],
  }],
  parse(section, ctx) {
    const out: OutRow[] = [];
    const spec = isNarrowIncomeHeader(headerText(section.rows)) ? INCOME_SPEC_NARROW : SPEC;
    for (const r of section.rows) {
      if (!hasAmount(r.cells.slice(2))) continue; // page headers
      const code = normCode(r.cells[0] ?? '');
      const name = normText(r.cells[1] ?? '');
      const a = assignAmounts(r.cells.slice(2, 2 + spec.columns.length + 1), spec);
      if (a.moved) ctx.repairs.push({ table: 'income_by_unit', line: r.n, what: 'amounts moved to the columns their sums require' });
      const rowKind = name === '合计' ? 'total' : code.length <= 3 ? 'department' : 'unit';
      out.push({ source_line: r.n, source_line_end: null, row_kind: rowKind, unit_code: code || null, unit_name: name, ...Object.fromEntries(SPEC.columns.map((c) => [c, a.values[c] ?? null])), ambiguous: a.ambiguous });
    }
    return { income_by_unit: out };
  },
};
