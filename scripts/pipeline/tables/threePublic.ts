// 一般公共预算“三公”经费支出情况表 → three_public: one row of six amounts.
import type { OutRow, TableModule } from '../types.ts';
import { assignAmounts, type AmountSpec } from './amounts.ts';
import { hasAmount } from './rows.ts';

const SPEC: AmountSpec = {
  columns: ['total', 'overseas_travel', 'vehicle_total', 'vehicle_purchase', 'vehicle_operation', 'reception'],
  sums: [['total', ['overseas_travel', 'vehicle_total', 'reception']], ['vehicle_total', ['vehicle_purchase', 'vehicle_operation']]],
};

/** The 三公 columns a 决算 prints a 预算数 for. */
export const BUDGET_COLUMNS: Array<[string, string, string]> = [
  ['total', '“三公”经费合计', 'total'], ['overseas_travel', '因公出国（境）费', 'overseas travel'], ['vehicle_total', '公务用车购置及运行费', 'official vehicles'],
  ['vehicle_purchase', '公务用车购置费', 'vehicle purchase'], ['vehicle_operation', '公务用车运行费', 'vehicle operation'], ['reception', '公务接待费', 'official reception'],
];

export const threePublic: TableModule = {
  standards: ['three_public'],
  schemas: [{
    name: 'three_public', zh: '一般公共预算“三公”经费支出表', en: '“Three public” expenses (overseas travel, official vehicles, official reception)',
    columns: [
      { name: 'total', type: 'DOUBLE', zh: '“三公”经费合计', en: 'total of the three public expenses', unit: '万元' },
      { name: 'overseas_travel', type: 'DOUBLE', zh: '因公出国（境）费', en: 'official overseas travel', unit: '万元' },
      { name: 'vehicle_total', type: 'DOUBLE', zh: '公务用车购置及运行费（小计）', en: 'official vehicles: purchase and operation, subtotal', unit: '万元' },
      { name: 'vehicle_purchase', type: 'DOUBLE', zh: '公务用车购置费', en: 'official vehicle purchase', unit: '万元' },
      { name: 'vehicle_operation', type: 'DOUBLE', zh: '公务用车运行费', en: 'official vehicle operation and maintenance', unit: '万元' },
      { name: 'reception', type: 'DOUBLE', zh: '公务接待费', en: 'official reception', unit: '万元' },
      { name: 'operating_cost', type: 'DOUBLE', zh: '机关运行经费（与“三公”同表印出时，如上海）', en: 'operating costs of the offices, where printed in the same table (Shanghai)', unit: '万元' },
      { name: 'meeting', type: 'DOUBLE', zh: '会议费（同表印出时，如江苏）', en: 'meeting expenses, where printed in the same table (Jiangsu)', unit: '万元' },
      { name: 'training', type: 'DOUBLE', zh: '培训费（同表印出时，如江苏）', en: 'training expenses, where printed in the same table (Jiangsu)', unit: '万元' },
      // A 决算 prints the year's budget (预算数) beside what was spent (决算数, the columns above).
      ...BUDGET_COLUMNS.map(([name, zh, en]) => ({ name: `${name}_budget`, type: 'DOUBLE' as const, zh: `${zh}：预算数（决算表同时印出时）`, en: `${en}: the budget printed beside the final account (决算 only)`, unit: '万元' })),
    ],
  }],
  parse(section, ctx) {
    const out: OutRow[] = [];
    for (const row of section.rows.filter((r) => hasAmount(r.cells))) {
      const a = assignAmounts(row.cells.slice(0, SPEC.columns.length + 1), SPEC);
      if (a.moved) ctx.repairs.push({ table: 'three_public', line: row.n, what: 'amounts moved to the columns their sums require' });
      out.push({ source_line: row.n, source_line_end: null, ...a.values });
    }
    return { three_public: out };
  },
};
