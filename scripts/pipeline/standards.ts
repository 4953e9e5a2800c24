// The standard tables of a 部门预算公开 and the title patterns that name them in each template.
// Patterns are matched against a title line with all spaces removed.

export interface StandardTable {
  key: string;
  zh: string;
  en: string;
  titles: RegExp[];
  /** Published tables this standard table feeds (empty when we only record its presence). */
  publishes: string[];
}

export const STANDARD_TABLES: StandardTable[] = [
  { key: 'summary', zh: '部门收支总体情况表', en: 'Income and expenditure overview',
    titles: [/部门收支(总体情况|总体预算|预算)表$/, /^(\d{4}年度?)?(部门|单位|预算单位)?(财务)?收支预算总表$/, /^(\d{4}年度?)?(部门)?收入支出决算总表$/],
    publishes: ['budget_summary'] },
  { key: 'income', zh: '部门收入总体情况表', en: 'Income by unit',
    titles: [/部门收入(总体情况|总体预算|预算)表$/, /^(\d{4}年度?)?(部门|单位|预算单位)?收入预算总表$/, /^(\d{4}年度?)?(部门)?收入决算表$/],
    publishes: ['income_by_unit', 'income_by_function', 'units'] },
  { key: 'expenditure', zh: '部门支出总体情况表', en: 'Expenditure by function (all funds)',
    titles: [/部门支出(总体情况|总体预算|预算)表$/, /^(\d{4}年度?)?(部门|单位|预算单位)?支出预算总表$/, /^(\d{4}年度?)?(部门)?支出决算表$/],
    publishes: ['expenditure_by_function'] },
  { key: 'fiscal', zh: '财政拨款收支总体情况表', en: 'Fiscal appropriation overview',
    titles: [/财政拨款收支(总体情况|总体预算|预算)总?表$/, /财政拨款收入支出决算总表$/], publishes: [] },
  { key: 'general_public', zh: '一般公共预算支出情况表', en: 'General public budget expenditure by function',
    titles: [/一般公共预算支出(情况|预算|功能分类预算)表$/, /一般公共预算财政拨款支出决算表$/], publishes: ['expenditure_by_function'] },
  { key: 'basic', zh: '一般公共预算基本支出表', en: 'General public budget basic expenditure by economic class',
    titles: [/一般公共预算基本支出(预算)?表$/, /一般公共预算基本支出部门预算经济分类预算表$/, /一般公共预算财政拨款基本支出决算表$/],
    publishes: ['basic_by_economic'] },
  { key: 'basic_detail', zh: '一般公共预算基本支出明细表', en: 'Basic expenditure detail',
    titles: [/一般公共预算基本支出明细表$/], publishes: [] },
  { key: 'economic', zh: '支出经济分类汇总表', en: 'Expenditure by economic class',
    titles: [/支出经济分类汇总表$/], publishes: [] },
  { key: 'three_public', zh: '一般公共预算“三公”经费支出情况表', en: '“Three public” expenses',
    titles: [/“三公”经费(支出情况|支出预算|预算|支出决算)表$/, /“三公”经费和机关运行经费预算表$/, /“三公”经费、会议费、培训费支出预算表$/],
    publishes: ['three_public'] },
  { key: 'gov_fund', zh: '政府性基金预算支出情况表', en: 'Government fund expenditure',
    titles: [/政府性基金(预算)?支出(情况|预算|功能分类预算)表$/, /政府性基金预算财政拨款(收入)?支出(决算|预算)表$/], publishes: [] },
  { key: 'state_capital', zh: '国有资本经营预算支出情况表', en: 'State capital operation expenditure',
    titles: [/国有资本经营(预算)?支出(情况|预算|功能分类预算)表$/, /国有资本经营预算财政拨款(收入)?支出(决算|预算)表$/], publishes: [] },
  { key: 'operating', zh: '机构运转经费预算表', en: 'Operating costs of units',
    titles: [/(机关|机构|单位).*(运行|运转)经费(支出)?(预算)?表?$/], publishes: [] },
  { key: 'projects', zh: '项目支出表', en: 'Project expenditure',
    titles: [/项目支出(预算)?表$/], publishes: ['projects'] },
  { key: 'dept_performance', zh: '部门（单位）整体绩效目标表', en: 'Department performance targets',
    titles: [/整体绩效目标(申报)?表$/], publishes: ['dept_indicators', 'tasks', 'dept_budget_overview'] },
  { key: 'project_performance', zh: '项目绩效目标表', en: 'Project performance targets',
    titles: [/项目绩效目标(汇总)?表$/], publishes: ['project_indicators'] },
];

/** Which standard tables a document of each kind is expected to print (for the completeness scorecard). */
export const EXPECTED: Record<'budget' | 'performance' | 'final', string[]> = {
  budget: ['summary', 'income', 'expenditure', 'fiscal', 'general_public', 'basic', 'three_public',
    'gov_fund', 'state_capital', 'projects', 'dept_performance', 'project_performance'],
  performance: ['dept_performance'],
  // A 部门决算 reports what was spent: no project or performance tables in the standard set.
  final: ['summary', 'income', 'expenditure', 'fiscal', 'general_public', 'basic', 'three_public', 'gov_fund', 'state_capital'],
};

export function standardOf(titleNoSpace: string): StandardTable | undefined {
  return STANDARD_TABLES.find((t) => t.titles.some((re) => re.test(titleNoSpace)));
}
