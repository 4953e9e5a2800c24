// The narrative's own figures that no other check reads, each against what it can be computed from:
// the 支出合计 it splits into 基本支出 and 项目支出, the shares it gives (占 71.69%), the rate beside a
// change (增加 3,895.7 万元，增长 4.99%), the 政府采购 and 固定资产 totals it breaks down, the 类 it
// names in the 一般公共预算 (教育支出 4,648.29 万元) and the 机关运行经费 against its own table.
// A digit changed in any of them now shows (bench/silent.ts measures how often).
import type { OutRow } from '../types.ts';
import { round6 } from '../text.ts';
import { FUNCTIONS } from '../tables/facts.ts';
import { type Ctx, decimalsOfValue, linesOf, narrativeFacts, num } from './core.ts';

/** What a rate's description adds when the document divided by this year's figure: the findings group them by it. */
export const RATE_ON_CURRENT = '所印幅度恰是增减额占本年数';

/** Half a unit of the last digit a figure was printed with (trailing zeros are lost: never less than the truth). */
const halfUnit = (v: number) => 0.5 * 10 ** -decimalsOfValue(v);
const roundTo = (v: number, decimals: number) => Math.round(v * 10 ** decimals) / 10 ** decimals;

export function narrativeTotalChecks({ t, precision, add }: Ctx): void {
  const { fact, value, lines } = narrativeFacts(t);
  const zh = (v: number) => `${v} 万元`;
  // The narrative prints 万元 to at most two decimals (a table in 元 makes `precision` 6).
  const decimals = Math.min(precision, 2);

  /** A total the narrative states against the parts it lists; `exhaustive` false: the parts may leave something out. */
  const sum = (id: string, what: string, totalKey: string, partKeys: Array<[string, string]>, exhaustive: boolean) => {
    const total = value(totalKey);
    const parts = partKeys.filter(([k]) => value(k) !== null);
    if (total === null || parts.length < 2) return;
    const s = round6(parts.reduce((a, [k]) => a + value(k)!, 0));
    add({ id: `narrative_sum:${id}`, kind: 'narrative_sum', table: 'facts', atMost: !exhaustive,
      description: `情况说明：${what}（${zh(total)}）${exhaustive ? '=' : '不小于'}所列各项之和（${parts.map(([k, name]) => `${name} ${value(k)}`).join('，')}）`,
      expected: total, actual: s, terms: parts.length + 1, decimals, lines: lines(totalKey, ...parts.map(([k]) => k)) });
  };
  // The narrative's 收入合计 lists every source, 上年结转结余 included (焦作 :89: 53,056.22 = 49,772.10 + 190 + 3,094.12),
  // so it is the tables' 收入总计, not their 本年收入合计: it is added up from its own list.
  sum('income_sum', '收入合计', 'income_sum', [['general_public_budget', '一般公共预算'], ['government_fund_income', '政府性基金预算'],
    ['state_capital_income', '国有资本经营预算'], ['fiscal_special_account', '财政专户管理资金'], ['business_income', '事业收入'],
    ['operating_income', '事业单位经营收入'], ['superior_subsidy_income', '上级补助收入'], ['subordinate_income', '附属单位上缴收入'],
    ['other_income', '其他收入'], ['carryover', '上年结转结余']], true);
  sum('expenditure_sum', '支出合计', 'expenditure_sum', [['basic_expenditure', '基本支出'], ['project_expenditure', '项目支出']], true);
  sum('general_public_basic', '一般公共预算基本支出', 'general_public_basic', [['personnel_expenditure', '人员经费'], ['public_expenditure', '公用经费']], true);
  // 货物、工程、服务 are every kind of procurement there is; a narrative naming two of them has no third.
  const procurement: Array<[string, string]> = [['procurement_goods', '货物'], ['procurement_works', '工程'], ['procurement_services', '服务']];
  sum('procurement_total', '政府采购预算', 'procurement_total', procurement, true);
  // Fixed assets are listed "其中" and are complete only when the list ends with 其他.
  const assets: Array<[string, string]> = [['fixed_assets_buildings', '房屋建筑物'], ['fixed_assets_vehicles', '车辆'], ['fixed_assets_office_equipment', '办公设备'],
    ['fixed_assets_general_equipment', '通用设备'], ['fixed_assets_special_equipment', '专用设备'], ['fixed_assets_other', '其他']];
  sum('fixed_assets_total', '固定资产总额', 'fixed_assets_total', assets, value('fixed_assets_other') !== null);

  /**
   * A percentage the narrative prints against the one its amounts give. Amounts are rounded, so the
   * percentage they give is known within a range, wide when they are small (0.50 万元 of 0.30 万元);
   * the printed one is rounded too. Both count in the tolerance.
   */
  const rate = (id: string, description: string, pctKey: string, part: number, whole: number, wholeHalf: number, keys: string[], wrongBase?: number) => {
    const printed = value(pctKey);
    if (printed === null || whole - wholeHalf <= 0) return;
    const computed = (100 * part) / whole;
    // 洛阳 prints 下降 5.96% for −3,932.15 of 65,978.74: the change over this year's figure, not last year's.
    const onWrongBase = wrongBase !== undefined && Math.abs(roundTo((100 * part) / wrongBase, decimalsOfValue(printed)) - printed) <= halfUnit(printed) * 2
      && Math.abs(roundTo(computed, decimalsOfValue(printed)) - printed) > halfUnit(printed) * 2;
    const ph = halfUnit(part);
    const corners = [(part - ph) / (whole - wholeHalf), (part + ph) / (whole - wholeHalf), (part - ph) / (whole + wholeHalf), (part + ph) / (whole + wholeHalf)].map((r) => 100 * r);
    const spread = Math.max(...corners.map((c) => Math.abs(c - computed)));
    add({ id: `narrative_sum:${id}`, kind: 'narrative_sum', table: 'facts', unit: '%',
      description: onWrongBase ? `${description}（${RATE_ON_CURRENT} ${zh(wrongBase!)} 的比例，不是占上年数的比例）` : description,
      expected: printed, actual: roundTo(computed, decimalsOfValue(printed)), terms: 2, decimals: decimalsOfValue(printed),
      tolerance: round6(spread + 2 * halfUnit(printed)), lines: lines(pctKey, ...keys) });
  };
  const share = (pctKey: string, partKey: string, wholeKey: string, partZh: string, wholeZh: string) => {
    const part = value(partKey); const whole = value(wholeKey);
    if (part === null || whole === null) return;
    rate(pctKey, `情况说明：${partZh}（${zh(part)}）占${wholeZh}（${zh(whole)}）的比例，与所印的百分比对照`, pctKey, part, whole, halfUnit(whole), [partKey, wholeKey]);
  };
  share('basic_share', 'basic_expenditure', 'expenditure_sum', '基本支出', '支出合计');
  share('project_share', 'project_expenditure', 'expenditure_sum', '项目支出', '支出合计');
  share('general_public_basic_share', 'general_public_basic', 'general_public_expenditure', '一般公共预算基本支出', '一般公共预算支出');
  share('general_public_project_share', 'general_public_project', 'general_public_expenditure', '一般公共预算项目支出', '一般公共预算支出');
  share('personnel_share', 'personnel_expenditure', 'general_public_basic', '人员经费', '一般公共预算基本支出');
  share('public_share', 'public_expenditure', 'general_public_basic', '公用经费', '一般公共预算基本支出');
  for (const [name, f] of Object.entries(FUNCTIONS)) {
    share(`general_public_${f.key}_share`, `general_public_${f.key}`, 'general_public_expenditure', `${name}支出`, '一般公共预算支出');
  }
  /** 增加 3,895.7 万元，增长 4.99%: the change over last year's figure, which is this year's less the change. */
  const growth = (changeKey: string, currentKey: string, what: string) => {
    const change = value(changeKey); const current = value(currentKey);
    if (change === null || current === null || change === 0) return;
    rate(`${changeKey}_pct`, `情况说明：${what}比上年的增减（${change > 0 ? '+' : ''}${zh(change)}）占上年数（${zh(current)}减去增减额）的比例，与所印的增减幅度对照`,
      `${changeKey}_pct`, change, round6(current - change), halfUnit(current) + halfUnit(change), [changeKey, currentKey], current);
  };
  growth('change_vs_prior_year', 'income_total', '收支总计');
  growth('fiscal_change_vs_prior_year', 'fiscal_general_public', '一般公共预算收支预算');
  growth('three_public_change', 'three_public_total', '“三公”经费');
  for (const item of ['overseas', 'vehicle', 'vehicle_purchase', 'vehicle_operation', 'reception']) {
    growth(`three_public_${item}_change`, `three_public_${item}`, { overseas: '因公出国（境）费', vehicle: '公务用车购置及运行费', vehicle_purchase: '公务用车购置费', vehicle_operation: '公务用车运行维护费', reception: '公务接待费' }[item]!);
  }
  growth('operating_cost_change', 'operating_cost', '机关运行经费');

  // Against the tables: the 类 the narrative names in the 一般公共预算, and the 机关运行经费.
  const gp = (t.expenditure_by_function ?? []).filter((r) => r.table_kind === 'general_public' && r.row_kind === 'function' && typeof r.func_code === 'string');
  // A table printing 类 rows is added up by them; one printing only 项 rows (焦作) by its 项 under the 类 code.
  const top = gp.some((r) => r.func_level === 1) ? gp.filter((r) => r.func_level === 1) : gp.filter((r) => r.func_level === 3);
  for (const [name, f] of Object.entries(FUNCTIONS)) {
    const said = fact(`general_public_${f.key}`);
    const rows = top.filter((r) => (r.func_code as string).startsWith(f.code));
    if (!said || num(said.value) === null || rows.length === 0) continue;
    add({ id: `narrative:general_public_${f.key}`, kind: 'narrative', table: 'expenditure_by_function',
      description: `情况说明第 ${said.source_line} 行的一般公共预算${name}支出（${zh(num(said.value)!)}）对照一般公共预算支出情况表 ${f.code} ${name}类`,
      expected: round6(rows.reduce((a, r) => a + (num(r.total) ?? 0), 0)), actual: num(said.value), terms: rows.length + 1,
      decimals: Math.min(precision, decimalsOfValue(num(said.value)!)), lines: [said.source_line as number, ...linesOf(rows)] });
  }
}
