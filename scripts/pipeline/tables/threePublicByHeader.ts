// “三公”经费表 as the PDF templates print it (Shanghai adds 机关运行经费, Jiangsu 会议费 and 培训费,
// a 决算 prints 预算数 and 决算数 under each) → three_public, columns found by their printed headers.
import type { OutRow, TableModule } from '../types.ts';
import { amountsOf, headerLayout } from './byHeader.ts';
import { THREE_PUBLIC_COLUMNS } from '../templates/columns.ts';
import { BUDGET_COLUMNS, threePublic } from './threePublic.ts';

export const threePublicByHeader: TableModule = {
  standards: ['three_public'],
  formats: ['pdf'],
  schemas: [],
  parse(section): Record<string, OutRow[]> {
    const layout = headerLayout(section.rows, THREE_PUBLIC_COLUMNS, ['total']);
    if (!layout) return {};
    const columns = threePublic.schemas[0]!.columns.map((c) => c.name);
    const row = layout.body[0];
    if (!row) return {};
    const values: OutRow = Object.fromEntries(columns.map((c) => [c, null]));
    Object.assign(values, amountsOf(layout, row));
    const budget = headerLayout(section.rows, THREE_PUBLIC_COLUMNS, ['total'], 'budget');
    if (budget) {
      const own = new Set(BUDGET_COLUMNS.map(([c]) => c));
      for (const [column, v] of Object.entries(amountsOf(budget, row))) if (own.has(column)) values[`${column}_budget`] = v;
    }
    return { three_public: [{ source_line: row.n, source_line_end: null, ...values }] };
  },
};
