// What the pipeline's own sentences (check descriptions, findings, reading notes) call each published
// table, in Chinese: the generic name, since templates title their tables differently (checks.ts
// then swaps in the title a document prints, where table_presence has it).
export const TABLE_ZH: Record<string, string> = {
  budget_summary: '部门收支总体情况表', income_by_unit: '部门收入总体情况表', income_by_function: '收入表（按功能分类）',
  expenditure_by_function: '支出表（按功能分类）', basic_by_economic: '一般公共预算基本支出表', three_public: '“三公”经费表',
  projects: '项目支出表', project_indicators: '项目绩效目标表', dept_indicators: '整体绩效目标表', dept_budget_overview: '整体绩效目标表的预算情况', facts: '情况说明',
};
