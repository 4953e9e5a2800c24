// How the templates name a table's columns: the printed header (its deepest cell, the "leaf",
// and optionally the path of merged cells above it) → the published column. Read top to bottom:
// the first name that fits a column wins, and each published column is taken once, so the more
// specific names come first. A new province's wording is a new line here.
//   Henan (tab texts, read by position) does not need them; Shanghai 部门/单位预算, Jiangsu 部门预算
//   and 部门决算 (PDF) do.

export interface ColumnName {
  column: string;
  leaf: RegExp;
  path?: RegExp;
}

/** Tables by 功能分类 (支出预算总表, 一般公共预算支出功能分类预算表, 支出决算表, 收入预算总表 …). */
export const FUNCTION_COLUMNS: ColumnName[] = [
  { column: 'total', leaf: /^(合计|总计|本年支出合计|本年收入合计|支出合计|收入合计|金额)$/ },
  { column: 'basic_total', leaf: /^基本支出(小计|合计)?$/ },
  { column: 'project_total', leaf: /^项目支出(小计|合计)?$/ },
  { column: 'basic_personnel', leaf: /^人员经费(小计)?$/ },
  { column: 'basic_public', leaf: /^公用经费(小计)?$/ },
  { column: 'basic_wages', leaf: /工资福利/ },
  { column: 'basic_household', leaf: /对个人和家庭/ },
  { column: 'basic_goods_services', leaf: /商品和服务/ },
  { column: 'basic_capital', leaf: /资本性支出/ },
  { column: 'project_operating', leaf: /其他运转/ },
  { column: 'project_specific', leaf: /特定目标/ },
  // Jiangsu's 支出预算总表 sets part of the budget aside beside 基本支出 and 项目支出.
  { column: 'reserve', leaf: /^单位预留机动经费$/ },
  { column: 'paid_to_superior', leaf: /上缴上级支出/ },
  { column: 'operating_expenditure', leaf: /^经营支出$/ },
  { column: 'subsidy_to_subordinate', leaf: /对附属单位补助支出/ },
  // Income by 功能分类 (Shanghai's 收入预算总表, 决算's 收入决算表).
  { column: 'fiscal_appropriation', leaf: /^财政拨款(收入)?$/ },
  { column: 'business_operating_income', leaf: /^(事业单位)?经营收入$/ },
  { column: 'business_income', leaf: /^事业收入$/ },
  { column: 'superior_subsidy', leaf: /^上级补助收入$/ },
  { column: 'subordinate_remittance', leaf: /^附属单位上缴收入$/ },
  { column: 'other_income', leaf: /^其他收入$/ },
];

/** 一般公共预算基本支出表 by 经济分类 (人员经费 / 公用经费). */
export const ECONOMIC_COLUMNS: ColumnName[] = [
  // Jiangsu heads its one amount column 基本支出 (the table is all 基本支出).
  { column: 'total', leaf: /^(合计|总计|金额|决算数|预算数|基本支出)$/ },
  { column: 'personnel', leaf: /^人员经费$/ },
  { column: 'public_use', leaf: /^公用经费$/ },
];

/** “三公”经费表; Jiangsu adds 会议费 and 培训费 under a 合计 of its own, so its “三公” total is the 小计. */
export const THREE_PUBLIC_COLUMNS: ColumnName[] = [
  { column: 'vehicle_total', leaf: /公务用车.*(小计|合计)$|^公务用车购置及运行(维护)?费$/ },
  { column: 'vehicle_total', leaf: /^小计$/, path: /公务用车/ },
  { column: 'vehicle_purchase', leaf: /购置费$/ },
  { column: 'vehicle_operation', leaf: /运行(维护)?费$/ },
  { column: 'overseas_travel', leaf: /出国/ },
  { column: 'reception', leaf: /接待/ },
  { column: 'total', leaf: /^小计$/, path: /三公/ },
  { column: 'total', leaf: /^合计$/ },
  { column: 'operating_cost', leaf: /机关运行经费/ },
  { column: 'meeting', leaf: /^会议费$/ },
  { column: 'training', leaf: /^培训费$/ },
];

/** 财政拨款收支总体情况表, its expenditure side: 合计, then by source (一般公共预算 小计 and its 其中 …). */
export const FISCAL_COLUMNS: ColumnName[] = [
  { column: 'total', leaf: /^(合计|金额|总计)$/ },
  { column: 'general_budget', leaf: /^小计$/, path: /一般公共预算/ },
  { column: 'general_budget', leaf: /^一般公共预算(财政拨款)?$/ },
  { column: 'fiscal_appropriation', leaf: /^其中[:：]?财政拨款$/ },
  { column: 'superior_transfer', leaf: /上级专项转移支付/ },
  { column: 'gov_fund', leaf: /^政府性基金/ },
  { column: 'state_capital', leaf: /^国有资本经营/ },
  { column: 'special_account', leaf: /财政专户/ },
  { column: 'unit_funds', leaf: /^单位资金$/ },
];

/** 支出经济分类汇总表: 总计, then by source of funds as the 部门收入表 names them. */
export const ECONOMIC_SUMMARY_COLUMNS: ColumnName[] = [
  { column: 'total', leaf: /^(总计|合计)$/ },
  { column: 'general_budget', leaf: /^小计$/, path: /一般公共预算/ },
  { column: 'general_budget', leaf: /^一般公共预算$/ },
  { column: 'fiscal_appropriation', leaf: /^其中[:：]?财政拨款$/ },
  { column: 'gov_fund', leaf: /^政府性基金/ },
  { column: 'state_capital', leaf: /^国有资本经营/ },
  { column: 'carryover', leaf: /^上年结转(结余)?$/ },
  { column: 'special_account', leaf: /财政专户/ },
  { column: 'business_income', leaf: /^事业收入$/ },
  { column: 'superior_subsidy', leaf: /^上级补助收入$/ },
  { column: 'subordinate_remittance', leaf: /^附属单位上缴收入$/ },
  { column: 'business_operating_income', leaf: /^事业单位经营收入$/ },
  { column: 'other_income', leaf: /^其他收入$/ },
];

/** 机构运转经费预算表 / 机关运行经费支出预算表: one amount (合计), and where printed, the 一般公共预算资金 it comes from. */
export const OPERATING_COLUMNS: ColumnName[] = [
  { column: 'total', leaf: /^(合计|机关运行经费支出|金额)$/ },
  { column: 'general_budget', leaf: /^一般公共预算资金$/ },
];
