// The standard tables of a 部门预算 / 部门决算 and the titles each template prints them under.
// Patterns are matched against a title line with all spaces removed.

export interface StandardTable {
  key: string;
  zh: string;
  en: string;
  titles: RegExp[];
  /** Published tables this standard table feeds (empty when we only record its presence). */
  publishes: string[];
}

/** The standard tables, whatever a template calls them. Their order decides between two that both fit a title. */
const STANDARD: Array<Omit<StandardTable, 'titles'>> = [
  { key: 'summary', zh: '部门收支总体情况表', en: 'Income and expenditure overview', publishes: ['budget_summary'] },
  { key: 'income', zh: '部门收入总体情况表', en: 'Income by unit', publishes: ['income_by_unit', 'income_by_function', 'units'] },
  { key: 'expenditure', zh: '部门支出总体情况表', en: 'Expenditure by function (all funds)', publishes: ['expenditure_by_function'] },
  { key: 'fiscal', zh: '财政拨款收支总体情况表', en: 'Fiscal appropriation overview', publishes: ['fiscal_summary'] },
  { key: 'general_public', zh: '一般公共预算支出情况表', en: 'General public budget expenditure by function', publishes: ['expenditure_by_function'] },
  { key: 'basic', zh: '一般公共预算基本支出表', en: 'General public budget basic expenditure by economic class', publishes: ['basic_by_economic'] },
  { key: 'basic_detail', zh: '一般公共预算基本支出明细表', en: 'Basic expenditure detail', publishes: ['basic_detail'] },
  { key: 'economic', zh: '支出经济分类汇总表', en: 'Expenditure by economic class', publishes: ['expenditure_by_economic'] },
  { key: 'three_public', zh: '一般公共预算“三公”经费支出情况表', en: '“Three public” expenses', publishes: ['three_public'] },
  { key: 'gov_fund', zh: '政府性基金预算支出情况表', en: 'Government fund expenditure', publishes: [] },
  { key: 'state_capital', zh: '国有资本经营预算支出情况表', en: 'State capital operation expenditure', publishes: [] },
  { key: 'operating', zh: '机构运转经费预算表', en: 'Operating costs of units', publishes: ['operating_costs'] },
  { key: 'projects', zh: '项目支出表', en: 'Project expenditure', publishes: ['projects'] },
  { key: 'dept_performance', zh: '部门（单位）整体绩效目标表', en: 'Department performance targets', publishes: ['dept_indicators', 'tasks', 'dept_budget_overview'] },
  { key: 'project_performance', zh: '项目绩效目标表', en: 'Project performance targets', publishes: ['project_indicators'] },
];

/**
 * How each template titles the standard tables (the title line with all spaces removed; a year
 * in front and a trailing （功能科目） are allowed for). A new province's template is one entry here;
 * a table shape not seen before, one reader in tables/ (and its column names in columns.ts).
 */
export const TEMPLATES: Array<{ template: string; titles: Partial<Record<string, RegExp[]>> }> = [
  { template: '河南 部门预算 (text conversions)', titles: {
    summary: [/部门收支(总体情况|总体预算|预算)表$/], income: [/部门收入(总体情况|总体预算|预算)表$/],
    expenditure: [/部门支出(总体情况|总体预算|预算)表$/], fiscal: [/财政拨款收支(总体情况|总体预算|预算)表$/],
    general_public: [/一般公共预算支出(情况|预算)表$/], basic: [/一般公共预算基本支出(预算)?表$/],
    basic_detail: [/一般公共预算基本支出明细表$/], economic: [/支出经济分类汇总表$/],
    three_public: [/“三公”经费(支出情况|支出预算|预算)表$/], gov_fund: [/政府性基金(预算)?支出(情况|预算)表$/],
    state_capital: [/国有资本经营(预算)?支出(情况|预算)表$/], operating: [/(机关|机构|单位).*(运行|运转)经费(预算)?表?$/],
    projects: [/项目支出(预算)?表$/], dept_performance: [/整体绩效目标(申报)?表$/], project_performance: [/项目绩效目标(汇总)?表$/],
  } },
  { template: '上海 部门预算 / 单位预算 (区级)', titles: {
    summary: [/^(\d{4}年度?)?(部门|单位|预算单位)?财务收支预算总表$/], income: [/^(\d{4}年度?)?(部门|单位|预算单位)?收入预算总表$/],
    expenditure: [/^(\d{4}年度?)?(部门|单位|预算单位)?支出预算总表$/], fiscal: [/财政拨款收支预算总表$/],
    general_public: [/一般公共预算支出功能分类预算表$/], basic: [/一般公共预算基本支出部门预算经济分类预算表$/],
    three_public: [/“三公”经费和机关运行经费预算表$/], gov_fund: [/政府性基金预算支出功能分类预算表$/],
    state_capital: [/国有资本经营预算支出功能分类预算表$/],
  } },
  { template: '江苏 部门预算 (省级)', titles: {
    summary: [/^(\d{4}年度?)?收支预算总表$/], income: [/^(\d{4}年度?)?收入预算总表$/], expenditure: [/^(\d{4}年度?)?支出预算总表$/],
    fiscal: [/财政拨款收支预算总表$/], general_public: [/一般公共预算支出预算表$/], basic: [/一般公共预算基本支出预算表$/],
    three_public: [/“三公”经费、会议费、培训费支出预算表$/], gov_fund: [/政府性基金预算财政拨款支出预算表$/],
    operating: [/机关运行经费支出预算表$/],
  } },
  // The Ministry of Finance's model tables (部门预算公开 统一样表), which most provinces follow.
  { template: '财政部 统一样表 (部门预算)', titles: {
    summary: [/^(部门)?收支总表$/], income: [/^(部门)?收入总表$/], expenditure: [/^(部门)?支出总表$/],
    fiscal: [/^财政拨款收支总表$/], general_public: [/^一般公共预算(财政拨款)?支出表$/],
    basic: [/^一般公共预算(财政拨款)?基本支出表$/], three_public: [/“三公”经费支出表$/],
    gov_fund: [/^政府性基金预算(财政拨款)?支出表$/], state_capital: [/^国有资本经营预算(财政拨款)?支出表$/],
    projects: [/^(部门)?项目支出(预算)?表$/],
  } },
  { template: '部门决算', titles: {
    summary: [/^(\d{4}年度?)?(部门)?收入支出决算总表$/], income: [/^(\d{4}年度?)?(部门)?收入决算表$/],
    expenditure: [/^(\d{4}年度?)?(部门)?支出决算表$/], fiscal: [/财政拨款收入支出决算总表$/],
    general_public: [/一般公共预算财政拨款支出决算表$/], basic: [/一般公共预算财政拨款基本支出决算表$/],
    three_public: [/“三公”经费支出决算表$/], gov_fund: [/政府性基金预算财政拨款收入支出决算表$/],
    state_capital: [/国有资本经营预算财政拨款(收入)?支出决算表$/],
  } },
];

export const STANDARD_TABLES: StandardTable[] = STANDARD.map((st) => ({ ...st, titles: TEMPLATES.flatMap((t) => t.titles[st.key] ?? []) }));

/** Which standard tables a document of each kind is expected to print (for the completeness scorecard). */
export const EXPECTED: Record<'budget' | 'performance' | 'final', string[]> = {
  budget: ['summary', 'income', 'expenditure', 'fiscal', 'general_public', 'basic', 'three_public',
    'gov_fund', 'state_capital', 'projects', 'dept_performance', 'project_performance'],
  performance: ['dept_performance'],
  // A 部门决算 reports what was spent: no project or performance tables in the standard set.
  final: ['summary', 'income', 'expenditure', 'fiscal', 'general_public', 'basic', 'three_public', 'gov_fund', 'state_capital'],
};

/**
 * The standard table a title names. Titles may start with the department and the year
 * (`上海市普陀区商务委员会2025年部门收支总表`): the templates' patterns see the title without them too.
 */
export function standardOf(titleNoSpace: string): StandardTable | undefined {
  const bare = titleNoSpace.replace(/^.{0,40}?\d{4}年度?/, '');
  return STANDARD_TABLES.find((t) => t.titles.some((re) => re.test(titleNoSpace) || re.test(bare)));
}
