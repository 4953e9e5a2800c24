// 第二部分 情况说明 (the narrative) → facts: the figures the prose states, each with its sentence.
//
// The narrative is first rebuilt into paragraphs and sentences: the conversion wraps prose
// (every ~25 characters in the reflowed layout, now and then in the tab layout), puts blank
// lines between the pieces and leaves page numbers in between. Facts are then read by pattern
// — never by line number — so another disclosure in the same template needs no code change.
import type { OutRow, TableSchema } from '../types.ts';
import { normText } from '../text.ts';
import { detectLayout } from '../layouts/tab/sections.ts';
import { PAGE_MARKER } from '../layouts/pdf/pageMarker.ts';

export const factsSchema: TableSchema = {
  name: 'facts',
  zh: '情况说明中的数字',
  en: 'Figures stated in the narrative (第二部分 情况说明), one per fact, with the sentence that states it',
  columns: [
    { name: 'fact_key', type: 'VARCHAR', zh: '事项（见事项说明）', en: 'what the figure is (see FACT_KEYS)' },
    { name: 'value', type: 'DOUBLE', zh: '数值（减少、下降为负）', en: 'the figure as printed (negative for 减少/下降)' },
    { name: 'unit', type: 'VARCHAR', zh: '单位（万元、%、辆、台（套）、个、项）', en: 'unit as printed (万元, %, 辆, 台（套）, 个, 项)' },
    { name: 'text', type: 'VARCHAR', zh: '原文句子（已规范空格）', en: 'the sentence that states it, wrapped lines joined and spacing normalised' },
  ],
};

/** Functional classes (类) the narrative breaks general public budget expenditure into, with their 类 code (政府收支分类科目). */
export const FUNCTIONS: Record<string, { key: string; code: string; en: string }> = {
  一般公共服务: { key: 'general_services', code: '201', en: 'general public services' },
  教育: { key: 'education', code: '205', en: 'education' },
  科学技术: { key: 'science_technology', code: '206', en: 'science and technology' },
  文化旅游体育与传媒: { key: 'culture_tourism_sports_media', code: '207', en: 'culture, tourism, sports and media' },
  社会保障和就业: { key: 'social_security_employment', code: '208', en: 'social security and employment' },
  卫生健康: { key: 'health', code: '210', en: 'health' },
  节能环保: { key: 'energy_environment', code: '211', en: 'energy saving and environmental protection' },
  城乡社区: { key: 'urban_rural_community', code: '212', en: 'urban and rural community affairs' },
  农林水: { key: 'agriculture_forestry_water', code: '213', en: 'agriculture, forestry and water' },
  交通运输: { key: 'transport', code: '214', en: 'transport' },
  住房保障: { key: 'housing', code: '221', en: 'housing' },
  灾害防治及应急管理: { key: 'disaster_emergency', code: '224', en: 'disaster prevention and emergency management' },
};

const BASE_KEYS: Record<string, { zh: string; en: string }> = {
  income_total: { zh: '收入总计', en: 'total income (incl. carry-over)' },
  expenditure_total: { zh: '支出总计', en: 'total expenditure (incl. carry-over)' },
  change_vs_prior_year: { zh: '收支总计比上年增减', en: 'change of total income/expenditure vs prior year budget (negative = decrease)' },
  change_vs_prior_year_pct: { zh: '收支总计比上年增减幅度', en: 'change of total income/expenditure vs prior year, percent' },
  income_sum: { zh: '收入合计', en: 'income of the year (sum)' },
  general_public_budget: { zh: '一般公共预算收入', en: 'general public budget income' },
  government_fund_income: { zh: '政府性基金预算拨款收入', en: 'government fund appropriation income' },
  state_capital_income: { zh: '国有资本经营预算拨款收入', en: 'state capital operation appropriation income' },
  fiscal_special_account: { zh: '财政专户管理资金收入', en: 'income from funds managed in fiscal special accounts' },
  business_income: { zh: '事业收入', en: 'public institution business income' },
  operating_income: { zh: '事业单位经营收入', en: 'public institution operating income' },
  superior_subsidy_income: { zh: '上级补助收入', en: 'subsidies from higher-level units' },
  subordinate_income: { zh: '附属单位上缴收入', en: 'income turned over by subordinate units' },
  other_income: { zh: '其他收入', en: 'other income' },
  carryover: { zh: '上年结转结余', en: 'carry-over and balance from the prior year' },
  expenditure_sum: { zh: '支出合计', en: 'expenditure of the year (sum)' },
  basic_expenditure: { zh: '基本支出', en: 'basic expenditure' },
  basic_share: { zh: '基本支出占支出合计比例', en: 'basic expenditure as share of expenditure, percent' },
  project_expenditure: { zh: '项目支出', en: 'project expenditure' },
  project_share: { zh: '项目支出占支出合计比例', en: 'project expenditure as share of expenditure, percent' },
  fiscal_general_public: { zh: '一般公共预算收支预算', en: 'general public budget (income = expenditure) in the fiscal appropriation overview' },
  fiscal_government_fund: { zh: '政府性基金收支预算', en: 'government fund budget (income = expenditure)' },
  fiscal_state_capital: { zh: '国有资本经营收支预算', en: 'state capital operation budget (income = expenditure)' },
  fiscal_change_vs_prior_year: { zh: '一般公共预算收支预算比上年增减', en: 'change of the general public budget vs prior year (negative = decrease)' },
  fiscal_change_vs_prior_year_pct: { zh: '一般公共预算收支预算比上年增减幅度', en: 'change of the general public budget vs prior year, percent' },
  general_public_expenditure: { zh: '一般公共预算支出', en: 'general public budget expenditure' },
  general_public_basic: { zh: '一般公共预算基本支出', en: 'general public budget basic expenditure' },
  general_public_basic_share: { zh: '一般公共预算基本支出占比', en: 'basic expenditure as share of general public budget expenditure, percent' },
  general_public_project: { zh: '一般公共预算项目支出', en: 'general public budget project expenditure' },
  general_public_project_share: { zh: '一般公共预算项目支出占比', en: 'project expenditure as share of general public budget expenditure, percent' },
  personnel_expenditure: { zh: '人员经费', en: 'personnel expenditure (within basic expenditure)' },
  personnel_share: { zh: '人员经费占基本支出比例', en: 'personnel expenditure as share of basic expenditure, percent' },
  public_expenditure: { zh: '公用经费', en: 'public (office) expenditure (within basic expenditure)' },
  public_share: { zh: '公用经费占基本支出比例', en: 'public expenditure as share of basic expenditure, percent' },
  government_fund_expenditure: { zh: '政府性基金预算拨款安排的支出', en: 'expenditure from government fund appropriations' },
  state_capital_expenditure: { zh: '国有资本经营预算拨款安排的支出', en: 'expenditure from state capital operation appropriations' },
  three_public_total: { zh: '“三公”经费预算', en: '“three public” expenses budget' },
  three_public_change: { zh: '“三公”经费比上年增减', en: 'change of “three public” expenses vs prior year (negative = decrease)' },
  three_public_change_pct: { zh: '“三公”经费比上年增减幅度', en: 'change of “three public” expenses vs prior year, percent' },
  three_public_overseas: { zh: '因公出国（境）费', en: 'official overseas travel' },
  three_public_overseas_change: { zh: '因公出国（境）费比上年增减', en: 'change of overseas travel vs prior year (0 = 持平)' },
  three_public_overseas_change_pct: { zh: '因公出国（境）费比上年增减幅度', en: 'change of overseas travel vs prior year, percent' },
  three_public_vehicle: { zh: '公务用车购置及运行费', en: 'official vehicles: purchase and operation' },
  three_public_vehicle_change: { zh: '公务用车购置及运行费比上年增减', en: 'change of official vehicle costs vs prior year' },
  three_public_vehicle_change_pct: { zh: '公务用车购置及运行费比上年增减幅度', en: 'change of official vehicle costs vs prior year, percent' },
  three_public_vehicle_purchase: { zh: '公务用车购置费', en: 'official vehicle purchase' },
  three_public_vehicle_purchase_change: { zh: '公务用车购置费比上年增减', en: 'change of vehicle purchase vs prior year (0 = 持平)' },
  three_public_vehicle_purchase_change_pct: { zh: '公务用车购置费比上年增减幅度', en: 'change of vehicle purchase vs prior year, percent' },
  three_public_vehicle_operation: { zh: '公务用车运行维护费', en: 'official vehicle operation and maintenance' },
  three_public_vehicle_operation_change: { zh: '公务用车运行维护费比上年增减', en: 'change of vehicle operation vs prior year (0 = 持平)' },
  three_public_vehicle_operation_change_pct: { zh: '公务用车运行维护费比上年增减幅度', en: 'change of vehicle operation vs prior year, percent' },
  three_public_reception: { zh: '公务接待费', en: 'official reception' },
  three_public_reception_change: { zh: '公务接待费比上年增减', en: 'change of official reception vs prior year (0 = 持平)' },
  three_public_reception_change_pct: { zh: '公务接待费比上年增减幅度', en: 'change of official reception vs prior year, percent' },
  operating_cost: { zh: '机关（机构）运行经费', en: 'operating costs of the administration (机关/机构运行经费)' },
  operating_cost_change: { zh: '机关（机构）运行经费比上年增减', en: 'change of operating costs vs prior year (negative = decrease)' },
  operating_cost_change_pct: { zh: '机关（机构）运行经费比上年增减幅度', en: 'change of operating costs vs prior year, percent' },
  procurement_total: { zh: '政府采购预算', en: 'government procurement budget' },
  procurement_goods: { zh: '政府采购货物预算', en: 'government procurement: goods' },
  procurement_works: { zh: '政府采购工程预算', en: 'government procurement: works' },
  procurement_services: { zh: '政府采购服务预算', en: 'government procurement: services' },
  performance_project_count: { zh: '设定绩效目标的项目数', en: 'number of projects with performance targets' },
  performance_project_funds: { zh: '实施绩效目标管理的项目资金', en: 'project funds under performance-target management' },
  performance_total_funds: { zh: '纳入预算绩效管理的支出总额', en: 'total expenditure under budget performance management' },
  special_transfer_count: { zh: '负责管理的专项转移支付项目数', en: 'number of special transfer payment programmes managed (0 = 无)' },
  vehicles_total: { zh: '车辆总数', en: 'vehicles held at the end of the prior year' },
  vehicles_general: { zh: '一般公务用车', en: 'general official vehicles' },
  vehicles_law_enforcement: { zh: '执法执勤用车', en: 'law-enforcement vehicles' },
  vehicles_special: { zh: '特种专业技术用车', en: 'special technical vehicles' },
  vehicles_other: { zh: '其他用车', en: 'other vehicles' },
  equipment_general_50: { zh: '单位价值50万元以上通用设备', en: 'general equipment of unit value ≥ 500,000 yuan' },
  equipment_special_100: { zh: '单位价值100万元以上专用设备', en: 'special equipment of unit value ≥ 1,000,000 yuan' },
  fixed_assets_total: { zh: '固定资产总额', en: 'fixed assets, total' },
  fixed_assets_buildings: { zh: '固定资产：房屋建筑物', en: 'fixed assets: buildings' },
  fixed_assets_vehicles: { zh: '固定资产：车辆', en: 'fixed assets: vehicles' },
  fixed_assets_office_equipment: { zh: '固定资产：办公设备', en: 'fixed assets: office equipment' },
  fixed_assets_general_equipment: { zh: '固定资产：通用设备', en: 'fixed assets: general equipment' },
  fixed_assets_special_equipment: { zh: '固定资产：专用设备', en: 'fixed assets: special equipment' },
  fixed_assets_other: { zh: '固定资产：其他资产', en: 'fixed assets: other' },
};

/** Every fact key, with what it means in Chinese and English. */
export const FACT_KEYS: Record<string, { zh: string; en: string }> = { ...BASE_KEYS };
for (const [zh, f] of Object.entries(FUNCTIONS)) {
  FACT_KEYS[`general_public_${f.key}`] = { zh: `一般公共预算${zh}支出`, en: `general public budget expenditure: ${f.en}` };
  FACT_KEYS[`general_public_${f.key}_share`] = { zh: `一般公共预算${zh}支出占比`, en: `${f.en} as share of general public budget expenditure, percent` };
}

// ---------------------------------------------------------------------------------------------
// Narrative → paragraphs → sentences

interface Para {
  text: string;
  /** Start offsets of the pieces the text was joined from, and each piece's line. */
  starts: number[];
  lineOf: number[];
  /** The top-level heading (一、…) the paragraph sits under. */
  section: string;
}

const HEADING_START = /^(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\d{1,2}[.．、](?!\d))/;
const TOP_HEADING = /^[一二三四五六七八九十]+、/;
export const PAGE_NUMBER = /^[-—]?\s*\d{1,3}\s*[-—]?$/;

/** A line normalised for reading: contract spacing, no markdown bold, ASCII digits and %. */
export function normLine(raw: string): string {
  return normText(raw.replace(/\*\*/g, ''))
    .replace(/[\uff10-\uff19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/％/g, '%')
    .replace(/．/g, '.');
}

/** A 第N部分 heading, and the headings other templates give their narratives (Shanghai's 部门预算编制说明, 其他相关情况说明). */
const PART = /^第[一二三四五六七八九十]+部分/;
const EXPLANATION = /^([一二三四五六七八九十]+、)?(\d{4}年度?)?.{0,16}(预算编制说明|决算情况说明|预算情况说明|其他相关情况说明)$/;

/**
 * The narrative's line ranges (first line, last line exclusive). Henan's is 第二部分, the part
 * with the most figures (another template's may be 第三部分); where no part states any, the
 * narratives under explanation headings (上海: 部门预算编制说明 before the tables, 其他相关情况说明
 * after them). A range ends at a table row (a line with tabs) or at the next part.
 */
export function narrativeRanges(lines: string[]): Array<[number, number]> {
  const rangeFrom = (i: number): [number, number] => {
    let end = i + 1;
    while (end < lines.length && !PART.test(lines[end]!.trim()) && !/^附件/.test(lines[end]!.trim()) && !lines[end]!.includes('\t')) end++;
    return [i + 1, end];
  };
  const score = ([a, b]: [number, number]) => (lines.slice(a, b).join('').match(/\d+(\.\d+)?\s*万元/g) ?? []).length;
  let best: [number, number] | null = null;
  let bestScore = 0;
  lines.forEach((raw, i) => {
    if (!PART.test(raw.trim()) || !/^第[二三四]部分/.test(raw.trim())) return;
    const r = rangeFrom(i);
    if (score(r) > bestScore) { best = r; bestScore = score(r); }
  });
  if (best) return [best];
  // A heading in the table of contents starts a range that ends where the heading's own does:
  // of ranges ending at the same line, the one from the nearest heading.
  const ranges = new Map<number, [number, number]>();
  lines.forEach((raw, i) => {
    if (!EXPLANATION.test(normLine(raw).replace(/\s+/g, ''))) return;
    const r = rangeFrom(i);
    if (score(r) > 0) ranges.set(r[1], r);
  });
  return [...ranges.values()];
}

function paragraphs(lines: string[], layout: 'tab' | 'reflowed'): Para[] {
  return narrativeRanges(lines).flatMap((range) => paragraphsIn(lines, range, layout));
}

function paragraphsIn(lines: string[], range: [number, number], layout: 'tab' | 'reflowed'): Para[] {
  const out: Para[] = [];
  let cur: Para | null = null;
  let section = '';
  // The reflowed layout wraps prose, headings too (`六、…支出预算经济` / `分类情况说明`).
  const wrapped = layout === 'reflowed';
  let headingLine = '';
  for (let i = range[0]; i < range[1]; i++) {
    const t = normLine(lines[i]!);
    if (t === '' || PAGE_NUMBER.test(t) || PAGE_MARKER.test(t)) continue;
    if (headingLine && !HEADING_START.test(t) && t.length < headingLine.length && !/[，。；,;：:\d]/.test(t) && out.at(-1)!.text.length + t.length <= 60) {
      // The rest of a wrapped heading: shorter than the line it continues, no figures, no clause.
      const last = out.at(-1)!;
      last.starts.push(last.text.length);
      last.lineOf.push(i + 1);
      last.text += t;
      if (TOP_HEADING.test(last.text)) section = last.text;
      headingLine = '';
      continue;
    }
    headingLine = '';
    const heading = HEADING_START.test(t);
    const standalone = heading && t.length <= 60 && !/[，。；,;]/.test(t) && !/\d\s*万元/.test(t);
    if (standalone && wrapped) headingLine = t;
    if (standalone && TOP_HEADING.test(t)) section = t;
    if (!cur || heading) {
      cur = { text: '', starts: [], lineOf: [], section };
      out.push(cur);
    }
    const gap = cur.text && /[A-Za-z0-9]$/.test(cur.text) && /^[A-Za-z0-9]/.test(t) ? ' ' : '';
    cur.text += gap;
    cur.starts.push(cur.text.length);
    cur.lineOf.push(i + 1);
    cur.text += t;
    if (standalone || /[。！？]$/.test(t) || /如下[：:]$/.test(t)) cur = null;
  }
  return out;
}

function lineAt(p: Para, offset: number): number {
  let k = 0;
  while (k + 1 < p.starts.length && p.starts[k + 1]! <= offset) k++;
  return p.lineOf[k]!;
}

/**
 * Sentence spans of a paragraph: split after 。 except before 其中 / 主要用于, whose figures
 * need the sentence before (“一般公共预算支出年初预算为 81916 万元。其中：基本支出 …”).
 */
function sentences(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  const re = /[。！？]/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const end = m.index + 1;
    if (/^\s*(其中|主要用于)/.test(text.slice(end))) continue;
    if (text.slice(start, end).trim()) out.push([start, end]);
    start = end;
  }
  if (text.slice(start).trim()) out.push([start, text.length]);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Patterns

const NUM = '(\\d+(?:,\\d{3})*(?:\\.\\d+)?)';
const DIR = '(增加|增长|上升|提高|减少|下降|降低)了?';

/** A pattern with placeholders: {n} amount, {c} count, {d} direction, {p} percent after a comma. */
function rx(src: string): RegExp {
  return new RegExp(src
    .replace(/\{n\}/g, `\\s*(?<v>${NUM.slice(1, -1)})\\s*`)
    .replace(/\{c\}/g, '\\s*(?<v>\\d+)\\s*')
    .replace(/\{d\}/g, `(?<dir>${DIR.slice(1, -3)})了?\\s*`)
    .replace(/\{p\}/g, `[，,]\\s*(?<dir2>${DIR.slice(1, -3)})了?\\s*(?<p>${NUM.slice(1, -1)})\\s*[%％]`), 'g');
}

interface Rule {
  key: string;
  re: RegExp;
  unit: string;
  /** The sentence must also say this. */
  when?: RegExp;
  /** Take the percent group `p` (and its direction) instead of `v`. */
  pct?: boolean;
  /** A statement of none (无…) gives this value. */
  fixed?: number;
  /** Lower wins when several rules give the same key. */
  priority?: number;
}

const GP_SENTENCE = /一般公共预算支出(年初预算)?(为)?\s*\d/;

const RULES: Rule[] = [
  // 一、收入支出预算总体情况
  { key: 'income_total', re: rx('收入总计{n}万元'), unit: '万元' },
  { key: 'expenditure_total', re: rx('支出总计{n}万元'), unit: '万元' },
  // Shanghai: “…收入预算37,151.47万元，其中：财政拨款收入…” (not the 财政拨款 or 基金 parts of it).
  { key: 'income_total', re: rx('(?<![拨款金算])收入预算(?:为)?{n}万元'), unit: '万元', priority: 1 },
  { key: 'expenditure_total', re: rx('(?<![拨款金算])支出预算(?:为)?{n}万元'), unit: '万元', priority: 1 },
  // Jiangsu: “…年度收入、支出预算总计37188.34万元”; a 决算: “…年度收入支出总计2995.39万元”.
  { key: 'income_total', re: rx('收入、?支出(?:预算)?总计(?:为)?{n}万元'), unit: '万元' },
  { key: 'expenditure_total', re: rx('收入、?支出(?:预算)?总计(?:为)?{n}万元'), unit: '万元' },
  { key: 'change_vs_prior_year', re: rx('(?:收入|收、?支总计各?|总计各?)\\s*{d}{n}万元'), unit: '万元', when: /总计/ },
  { key: 'change_vs_prior_year_pct', re: rx('(?:收入|收、?支总计各?|总计各?)\\s*{d}{n}万元{p}'), unit: '%', when: /总计/, pct: true },
  // 二、收入预算总体情况
  { key: 'income_sum', re: rx('收入合计{n}万元'), unit: '万元' },
  { key: 'general_public_budget', re: rx('一般公共预算(?:收入|拨款收入|拨款)?{n}万元'), unit: '万元', when: /收入合计/ },
  { key: 'government_fund_income', re: rx('政府性基金预算(?:拨款)?收入{n}万元'), unit: '万元', when: /收入合计/ },
  { key: 'state_capital_income', re: rx('国有资本经营预算(?:拨款)?收入{n}万元'), unit: '万元', when: /收入合计/ },
  { key: 'fiscal_special_account', re: rx('财政专户管理资金(?:收入)?{n}万元'), unit: '万元', when: /收入合计/ },
  { key: 'business_income', re: rx('(?<!单位)事业收入{n}万元'), unit: '万元', when: /收入合计/ },
  { key: 'operating_income', re: rx('事业单位经营收入{n}万元'), unit: '万元', when: /收入合计/ },
  { key: 'superior_subsidy_income', re: rx('上级补助收入{n}万元'), unit: '万元', when: /收入合计/ },
  { key: 'subordinate_income', re: rx('附属单位上缴收入{n}万元'), unit: '万元', when: /收入合计/ },
  { key: 'other_income', re: rx('其他收入{n}万元'), unit: '万元', when: /收入合计/ },
  { key: 'carryover', re: rx('上年结转(?:结余)?{n}万元'), unit: '万元', when: /收入合计/ },
  // 三、支出预算总体情况
  { key: 'expenditure_sum', re: rx('支出合计{n}万元'), unit: '万元' },
  { key: 'basic_expenditure', re: rx('基本支出{n}万元'), unit: '万元', when: /支出合计/ },
  { key: 'basic_share', re: rx('基本支出{n}万元[，,]\\s*占(?:比)?\\s*(?<p>[\\d.]+)\\s*%'), unit: '%', when: /支出合计/, pct: true },
  { key: 'project_expenditure', re: rx('项目支出{n}万元'), unit: '万元', when: /支出合计/ },
  { key: 'project_share', re: rx('项目支出{n}万元[，,]\\s*占(?:比)?\\s*(?<p>[\\d.]+)\\s*%'), unit: '%', when: /支出合计/, pct: true },
  // 四、财政拨款收入支出总体情况
  { key: 'fiscal_general_public', re: rx('一般公共预算收支(?:总)?预算(?:为)?{n}万元'), unit: '万元' },
  { key: 'fiscal_government_fund', re: rx('政府性基金(?:预算)?收支(?:总)?预算(?:为)?{n}万元'), unit: '万元' },
  { key: 'fiscal_state_capital', re: rx('国有资本经营(?:预算)?收支(?:总)?预算(?:为)?{n}万元'), unit: '万元' },
  { key: 'fiscal_change_vs_prior_year', re: rx('一般公共预算收支(?:总)?预算\\s*{d}{n}万元'), unit: '万元' },
  { key: 'fiscal_change_vs_prior_year_pct', re: rx('一般公共预算收支(?:总)?预算\\s*{d}{n}万元{p}'), unit: '%', pct: true },
  // 五、一般公共预算支出情况
  { key: 'general_public_expenditure', re: rx('一般公共预算支出(?:年初预算)?(?:为)?{n}万元'), unit: '万元' },
  { key: 'general_public_basic', re: rx('(?<!一般公共预算)基本支出{n}万元'), unit: '万元', when: GP_SENTENCE, priority: 2 },
  { key: 'general_public_basic_share', re: rx('基本支出{n}万元[，,]\\s*占(?:比)?\\s*(?<p>[\\d.]+)\\s*%'), unit: '%', when: GP_SENTENCE, pct: true },
  { key: 'general_public_project', re: rx('项目支出{n}万元'), unit: '万元', when: GP_SENTENCE },
  { key: 'general_public_project_share', re: rx('项目支出{n}万元[，,]\\s*占(?:比)?\\s*(?<p>[\\d.]+)\\s*%'), unit: '%', when: GP_SENTENCE, pct: true },
  ...Object.entries(FUNCTIONS).flatMap(([zh, f]): Rule[] => [
    { key: `general_public_${f.key}`, re: rx(`(?<![\\u4e00-\\u9fff])${zh}(?:（类）|\\(类\\))?支出{n}万元`), unit: '万元', when: GP_SENTENCE },
    { key: `general_public_${f.key}_share`, re: rx(`(?<![\\u4e00-\\u9fff])${zh}(?:（类）|\\(类\\))?支出{n}万元[，,]\\s*占(?:比)?\\s*(?<p>[\\d.]+)\\s*%`), unit: '%', when: GP_SENTENCE, pct: true },
  ]),
  // 六、一般公共预算基本支出情况
  { key: 'general_public_basic', re: rx('一般公共预算基本支出(?:年初预算)?(?:为)?{n}万元'), unit: '万元', priority: 1 },
  { key: 'personnel_expenditure', re: rx('人员经费(?:支出)?(?:预算)?(?:为)?{n}万元'), unit: '万元' },
  { key: 'personnel_share', re: rx('人员经费(?:支出)?(?:预算)?(?:为)?{n}万元[，,]\\s*占(?:比)?\\s*(?<p>[\\d.]+)\\s*%'), unit: '%', pct: true },
  { key: 'public_expenditure', re: rx('公用经费(?:支出)?(?:预算)?(?:为)?{n}万元'), unit: '万元' },
  { key: 'public_share', re: rx('公用经费(?:支出)?(?:预算)?(?:为)?{n}万元[，,]\\s*占(?:比)?\\s*(?<p>[\\d.]+)\\s*%'), unit: '%', pct: true },
  // 政府性基金 / 国有资本经营预算支出
  { key: 'government_fund_expenditure', re: /无(?:使用)?政府性基金预算(?:拨款)?安排的支出/g, unit: '万元', fixed: 0 },
  { key: 'government_fund_expenditure', re: rx('政府性基金预算(?:拨款)?安排的支出(?:预算)?(?:为)?{n}万元'), unit: '万元' },
  { key: 'state_capital_expenditure', re: /无(?:使用)?国有资本经营预算(?:拨款)?安排的支出/g, unit: '万元', fixed: 0 },
  { key: 'state_capital_expenditure', re: rx('国有资本经营预算(?:拨款)?安排的支出(?:预算)?(?:为)?{n}万元'), unit: '万元' },
  // 其他重要事项：政府采购、绩效、专项转移支付、国有资产
  { key: 'procurement_total', re: rx('政府采购(?:支出)?预算(?:安排|总额)?(?:为)?{n}万元'), unit: '万元' },
  { key: 'procurement_goods', re: rx('政府采购货物(?:预算)?(?:为)?{n}万元'), unit: '万元' },
  { key: 'procurement_works', re: rx('政府采购工程(?:预算)?(?:为)?{n}万元'), unit: '万元' },
  { key: 'procurement_services', re: rx('政府采购服务(?:预算)?(?:为)?{n}万元'), unit: '万元' },
  { key: 'performance_project_count', re: rx('共{c}个项目'), unit: '个', when: /绩效/ },
  { key: 'performance_project_count', re: rx('涉及项目{c}个'), unit: '个', when: /绩效/ },
  { key: 'performance_project_count', re: rx('(?:设定|编报|设置)(?:了)?绩效目标的项目(?:有|共)?{c}个'), unit: '个' },
  { key: 'performance_project_funds', re: rx('涉及项目预算资金{n}万元'), unit: '万元', when: /绩效/ },
  { key: 'performance_project_funds', re: rx('涉及预算拨款{n}万元'), unit: '万元', when: /绩效/, priority: 1 },
  { key: 'performance_project_funds', re: rx('项目支出{n}万元[，,]\\s*涉及项目'), unit: '万元', when: /绩效/, priority: 2 },
  { key: 'performance_total_funds', re: rx('纳入预算绩效管理的(?:支出|资金)总额(?:为)?{n}万元'), unit: '万元' },
  { key: 'special_transfer_count', re: rx('专项转移支付项目(?:共有|共)?{c}项'), unit: '项' },
  { key: 'special_transfer_count', re: /无[^，。；]{0,12}专项转移支付项目/g, unit: '项', fixed: 0 },
  { key: 'vehicles_total', re: rx('车辆(?:共有|共计|共)?{c}辆'), unit: '辆' },
  { key: 'vehicles_general', re: rx('一般公务用车{c}辆'), unit: '辆' },
  { key: 'vehicles_law_enforcement', re: rx('执法执勤用车{c}辆'), unit: '辆' },
  { key: 'vehicles_special', re: rx('特种专业技术用车{c}辆'), unit: '辆' },
  { key: 'vehicles_other', re: rx('其他用车{c}辆'), unit: '辆' },
  { key: 'equipment_general_50', re: rx('(?:单位价值|单价)\\s*50\\s*万元(?:以上|及以上)的?通用设备{c}(?<u>台[（(]套[)）]|套|台)'), unit: '台（套）' },
  { key: 'equipment_special_100', re: rx('(?:单位价值|单价)\\s*100\\s*万元(?:以上|及以上)的?专用设备{c}(?<u>台[（(]套[)）]|套|台)'), unit: '台（套）' },
  { key: 'fixed_assets_total', re: rx('固定资产(?:总额|总值|原值)(?:为)?{n}万元'), unit: '万元' },
  { key: 'fixed_assets_buildings', re: rx('房屋(?:及)?建筑物{n}万元'), unit: '万元', when: /固定资产/ },
  { key: 'fixed_assets_vehicles', re: rx('车辆{n}万元'), unit: '万元', when: /固定资产/ },
  { key: 'fixed_assets_office_equipment', re: rx('办公设备{n}万元'), unit: '万元', when: /固定资产/ },
  { key: 'fixed_assets_general_equipment', re: rx('通用设备{n}万元'), unit: '万元', when: /固定资产/ },
  { key: 'fixed_assets_special_equipment', re: rx('专用设备{n}万元'), unit: '万元', when: /固定资产/ },
  { key: 'fixed_assets_other', re: rx('其他(?:资产|固定资产){n}万元'), unit: '万元', when: /固定资产/ },
];

/**
 * Items whose changes vs the prior year are stated in later clauses or sentences of the same
 * paragraph (“……费 20 万元，主要用于……。预算数比 2023 年增加 20 万元”): a change belongs to the
 * item named last before it. `value` reads the item's own amount right after its name.
 */
interface Subject {
  key: string;
  name: RegExp;
  /** Only in paragraphs under a heading that says this (when the document has such a heading). */
  section?: RegExp;
}

// “…经费预算数为1.00万元”: the name's match may stop before 数.
const AMOUNT_AFTER = new RegExp(`^(?:支出)?(?:预算数?|数)?(?:为|安排)?\\s*(?<v>${NUM.slice(1, -1)})\\s*万元`);

const SUBJECTS: Subject[] = [
  { key: 'three_public_total', name: /[“"‘']?三公[”"’']?经费(?:支出)?(?:预算)?(?=数?\s*(?:为|比|较|与|同|\d))/g, section: /三公/ },
  { key: 'three_public_overseas', name: /因公出国[（(]境[)）]费(?:用)?/g, section: /三公/ },
  { key: 'three_public_vehicle', name: /公务用车购置及运行(?:维护)?费/g, section: /三公/ },
  { key: 'three_public_vehicle_purchase', name: /公务用车购置费/g, section: /三公/ },
  { key: 'three_public_vehicle_operation', name: /公务用车运行(?:维护)?费/g, section: /三公/ },
  { key: 'three_public_reception', name: /公务接待费/g, section: /三公/ },
  { key: 'operating_cost', name: /(?:机关|机构|单位)(?:[（(]机构[)）])?运[行转]经费/g },
];

const CHANGE = new RegExp(`(?:比|较|与|同)[^，。；]{0,24}?(?<dir>${DIR.slice(1, -3)})了?\\s*(?<v>${NUM.slice(1, -1)})\\s*万元`
  + `(?:[，,]\\s*(?<dir2>${DIR.slice(1, -3)})了?\\s*(?<p>${NUM.slice(1, -1)})\\s*[%％])?`, 'g');
const SAME = /(?:与|同|较|比)[^，。；]{0,24}?(?:持平|保持一致|无增减)/g;

function changeKey(key: string): string {
  return key === 'three_public_total' ? 'three_public_change' : `${key}_change`;
}

// ---------------------------------------------------------------------------------------------

interface Candidate {
  key: string;
  value: number;
  unit: string;
  para: number;
  from: number;
  to: number;
  priority: number;
}

function signed(v: string, dir: string | undefined): number {
  const n = Number(v.replace(/,/g, ''));
  return dir && /减|降/.test(dir) && n !== 0 ? -n : n;
}

function expand(spans: Array<[number, number]>, from: number, to: number): [number, number] {
  const a = spans.find(([s, e]) => from >= s && from < e) ?? [from, to];
  const b = spans.find(([s, e]) => to - 1 >= s && to - 1 < e) ?? a;
  return [a[0], b[1]];
}

/** The figures stated in the narrative (第二部分 情况说明); empty when the document has none. */
export function readFacts(lines: string[], layout = detectLayout(lines)): OutRow[] {
  const paras = paragraphs(lines, layout);
  const found: Candidate[] = [];

  paras.forEach((p, pi) => {
    const spans = sentences(p.text);
    // Sentence rules.
    for (const [s, e] of spans) {
      const sentence = p.text.slice(s, e);
      RULES.forEach((rule) => {
        if (rule.when && !rule.when.test(sentence)) return;
        rule.re.lastIndex = 0;
        const m = rule.re.exec(sentence);
        if (!m) return;
        const g = m.groups ?? {};
        let value: number;
        if (rule.fixed !== undefined) value = rule.fixed;
        else if (rule.pct) value = signed(g.p!, g.dir2 ?? g.dir);
        else value = signed(g.v!, g.dir);
        const unit = g.u ? g.u.replace(/[(（]/, '（').replace(/[)）]/, '）') : rule.unit;
        found.push({ key: rule.key, value, unit, para: pi, from: s, to: e, priority: rule.priority ?? 0 });
      });
    }
    // Items and their changes, paragraph by paragraph.
    const events: Array<{ at: number; end: number; subject?: string; value?: number; change?: number; pct?: number }> = [];
    for (const subj of SUBJECTS) {
      if (subj.section && paras.some((q) => subj.section!.test(q.section)) && !subj.section.test(p.section)) continue;
      subj.name.lastIndex = 0;
      for (let m = subj.name.exec(p.text); m; m = subj.name.exec(p.text)) {
        const end = m.index + m[0].length;
        const a = AMOUNT_AFTER.exec(p.text.slice(end));
        events.push({ at: m.index, end: end + (a ? a[0].length : 0), subject: subj.key, value: a ? Number(a.groups!.v!.replace(/,/g, '')) : undefined });
      }
    }
    if (events.length === 0) return;
    CHANGE.lastIndex = 0;
    for (let m = CHANGE.exec(p.text); m; m = CHANGE.exec(p.text)) {
      const g = m.groups!;
      events.push({ at: m.index, end: m.index + m[0].length, change: signed(g.v!, g.dir), pct: g.p ? signed(g.p, g.dir2 ?? g.dir) : undefined });
    }
    SAME.lastIndex = 0;
    for (let m = SAME.exec(p.text); m; m = SAME.exec(p.text)) events.push({ at: m.index, end: m.index + m[0].length, change: 0 });
    events.sort((a, b) => a.at - b.at);
    let last: { key: string; at: number } | null = null;
    for (const ev of events) {
      if (ev.subject) {
        last = { key: ev.subject, at: ev.at };
        if (ev.value !== undefined) {
          const [from, to] = expand(spans, ev.at, ev.end);
          found.push({ key: ev.subject, value: ev.value, unit: '万元', para: pi, from, to, priority: 0 });
        }
        continue;
      }
      if (!last || ev.change === undefined) continue;
      const [from, to] = expand(spans, last.at, ev.end);
      const key = changeKey(last.key);
      found.push({ key, value: ev.change, unit: '万元', para: pi, from, to, priority: 0 });
      if (ev.pct !== undefined) found.push({ key: `${key}_pct`, value: ev.pct, unit: '%', para: pi, from, to, priority: 0 });
    }
  });

  // One figure per key: the most specific rule, then the first stated.
  const best = new Map<string, Candidate>();
  for (const c of found) {
    const b = best.get(c.key);
    if (!b || c.priority < b.priority) best.set(c.key, c);
  }
  return [...best.values()]
    .sort((a, b) => a.para - b.para || a.from - b.from || found.indexOf(a) - found.indexOf(b))
    .map((c) => {
      const p = paras[c.para]!;
      const first = lineAt(p, c.from);
      const last = lineAt(p, c.to - 1);
      return {
        source_line: first,
        source_line_end: last !== first ? last : null,
        fact_key: c.key,
        value: c.value,
        unit: c.unit,
        text: p.text.slice(c.from, c.to).trim(),
      };
    });
}
