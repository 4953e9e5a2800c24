// Layout recovery for the reflowed layout (洛阳 2024), continued: 财政拨款收支预算表 (fiscal), 支出经济分类
// 汇总表 (economic) and 机构运转经费预算表 (operating), rebuilt into the cell rows their table modules
// read (tables/fiscalSummary.ts, expenditureByEconomic.ts, operatingCosts.ts), each with one head row
// naming its columns the way the printed head does.
import type { Line } from '../../types.ts';
import { decimalsOf, joinText, normText, parseAmount } from '../../text.ts';
import type { AmountSpec } from '../../tables/amounts.ts';
import { placementsOf, valuesFor, isAmountToken, type DocHints, type Frag, type Note, type Recovered, type ReflowedSection } from './fragments.ts';
import { solveColumns } from './tables.ts';

const SLIM = (s: string) => normText(s).replace(/\s+/g, '');

// ---------------------------------------------------------------------------------------------
// Heads printed again inside a table (after a page break, or where the text repeats its head)

/** The section's fragments from `start` on, without runs of its head's words printed again. */
function withoutRepeatedHeads(frags: Frag[], start: number, table: string, repairs: Note[]): Frag[] {
  const words = new Set(frags.slice(0, start).map((f) => SLIM(f.text)));
  const firstWord = SLIM(frags[0]?.text ?? '');
  const out: Frag[] = [];
  for (let i = start; i < frags.length; i++) {
    let k = i;
    while (k < frags.length && frags[k]!.amounts.length === 0 && words.has(SLIM(frags[k]!.text))) k++;
    // Head words can be a wrapped label too (财政专 / 户管理 / 资金收 / 入): the head printed again starts
    // a page, or starts with the head's first word.
    if (k - i >= 2 && (frags[i]!.pageStart || SLIM(frags[i]!.text) === firstWord)) {
      repairs.push({ table, line: frags[i]!.n, what: 'repeated header skipped' });
      i = k - 1;
      continue;
    }
    out.push(frags[i]!);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// 财政拨款收支预算表: income label and amount, expenditure label and its amounts, labels wrapped over
// lines and a row's cells run together on one (`（一）一般公共预算拨` / `款` / `49,772.10 （一）一般公共服务支出`)

/** The columns a template may print on the expenditure side, with the head word that tells it does. */
const FISCAL_COLUMNS: Array<[string, RegExp, string]> = [
  ['total', /合计/, '合计'], ['general_budget', /一般公共预算/, '一般公共预算'], ['fiscal_appropriation', /其中[:：]?财政拨款/, '其中：财政拨款'],
  ['superior_transfer', /上级专项/, '其中：上级专项转移支付安排支出'], ['gov_fund', /政府性基金/, '政府性基金'],
  ['state_capital', /国有资本/, '国有资本经营预算'], ['special_account', /财政专户/, '财政专户管理资金收入'], ['unit_funds', /单位资金/, '单位资金'],
];
const SOURCE_COLUMN: Record<string, string> = { general_budget: 'general_budget', gov_fund: 'gov_fund', state_capital: 'state_capital', special_account: 'special_account', unit_funds: 'unit_funds' };
const INCOME_LABEL = /本年收入|拨款$|^其中|上年结转|^收入(合计|总计)|财政专户管理资金收入$|单位资金$/;
const ROW_START = /^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|(收入|支出)(合计|总计))/;
/** Where a label starts inside text run together: its numbering, 其中：, or a side's total. */
const LABEL_START = /(?<![一二三四五六七八九十（(])(?=[一二三四五六七八九十]+、)|(?=[（(][一二三四五六七八九十]+[)）])|(?=其中[:：])|(?=(?:收入|支出)(?:合计|总计))/g;
const isAmountText = (t: string) => isAmountToken(t) || /^-?\d+\.\d+$/.test(t);

export function recoverFiscal(section: ReflowedSection, hints: DocHints): Recovered {
  const table = 'fiscal_summary';
  const ambiguous: Note[] = [];
  const repairs: Note[] = [];
  const frags = section.frags;
  const firstAmount = frags.findIndex((f) => f.text.split(/\s+/).some(isAmountText));
  if (firstAmount < 0) return { rows: [], spans: new Map(), ambiguous, repairs };
  let start = frags.findIndex((f, i) => i <= firstAmount && ROW_START.test(SLIM(f.text)));
  if (start < 0) start = firstAmount;
  const headText = SLIM(frags.slice(0, start).map((f) => f.text).join(''));
  // The columns its head names; a row's amounts go only where the department has money (its 收支总表).
  const present = FISCAL_COLUMNS.filter(([c, re]) => c === 'total' || re.test(headText));
  const columns = present.map(([c]) => c);
  const sources = columns.filter((c) => SOURCE_COLUMN[c]);
  const spec: AmountSpec = { columns, sums: [['total', sources]] };
  const allowed = new Set(columns.filter((c) => !SOURCE_COLUMN[c] || hints.sources.size === 0 || hints.sources.has(c as never)));
  // Labels in printed order, each with the amounts printed after it; `at` holds the line of each UTF-16 unit.
  type Label = { text: string; at: number[]; amounts: string[]; first: number; last: number };
  const labels: Label[] = [];
  for (const f of withoutRepeatedHeads(frags, start, table, repairs)) {
    if (/^(注|备注)[:：]/.test(f.text)) break;
    for (const t of f.text.split(/\s+/).filter((x) => x !== '')) {
      const last = labels.at(-1);
      if (isAmountText(t)) {
        if (last) { last.amounts.push(t); last.last = f.n; } else ambiguous.push({ table, line: f.n, what: `amount ${t} before any label` });
      } else if (!last || last.amounts.length > 0) labels.push({ text: t, at: new Array<number>(t.length).fill(f.n), amounts: [], first: f.n, last: f.n });
      else {
        last.text += t;
        for (let k = 0; k < t.length; k++) last.at.push(f.n);
        last.last = f.n;
      }
    }
  }
  // Labels run together (`（三）国防支出（三）国有资本经营预算拨款`) split where the next one starts.
  const split: Label[] = labels.flatMap((l) => {
    const cuts = [...new Set([0, ...[...l.text.matchAll(LABEL_START)].map((m) => m.index), l.text.length])];
    return cuts.slice(0, -1).map((from, k) => {
      const to = cuts[k + 1]!;
      const final = to === l.text.length;
      return { text: l.text.slice(from, to), at: l.at.slice(from, to), amounts: final ? l.amounts : [], first: l.at[from]!, last: final ? l.last : l.at[to - 1]! };
    });
  });
  // Income on the left, expenditure on the right: an expenditure label right after an income label shares its row.
  const rows: Array<{ income?: (typeof split)[number]; expenditure?: (typeof split)[number] }> = [];
  split.forEach((l, i) => {
    const income = INCOME_LABEL.test(l.text) && l.amounts.length <= 1;
    const prev = rows.at(-1);
    if (income) rows.push({ income: l });
    else if (prev && prev.income && !prev.expenditure && split[i - 1] === prev.income) prev.expenditure = l;
    else rows.push({ expenditure: l });
  });
  const out: Line[] = [{ n: frags[0]?.n ?? section.titleLine, cells: ['项目', '金额', '项目', ...present.map(([, , head]) => head)] }];
  const spans = new Map<number, number>();
  const [gb, fa, st] = ['general_budget', 'fiscal_appropriation', 'superior_transfer'].map((c) => columns.indexOf(c)) as [number, number, number];
  for (const { income, expenditure } of rows) {
    let cells = columns.map(() => '');
    if (expenditure && expenditure.amounts.length > 0) {
      // 其中 columns are parts of the 一般公共预算 printed before them: never without it, never more.
      const ok = (v: Array<number | null>) => [fa, st].every((p) => p < 0 || v[p] == null || (gb >= 0 && v[gb] != null && v[p]! <= v[gb]! + 1e-9));
      const fits = placementsOf(expenditure.amounts, spec, allowed).filter((p) => p.violations === 0 && ok(valuesFor(expenditure.amounts, p.slots, columns.length)));
      const chosen = fits[0]?.slots ?? expenditure.amounts.map((_, k) => Math.min(k, columns.length - 1));
      if (fits.length !== 1) {
        ambiguous.push({ table, line: (income ?? expenditure).first, what: `${expenditure.amounts.join(' ')}: ${fits.length ? 'the row\'s sums allow more than one placement' : 'no placement satisfies the row\'s sums'}; placed in printed order` });
      }
      chosen.forEach((s, k) => { cells[s] = expenditure.amounts[k]!; });
    }
    if (income && income.amounts.length > 1) ambiguous.push({ table, line: income.first, what: `income item with ${income.amounts.length} amounts: ${income.amounts.join(' ')}` });
    const first = (income ?? expenditure)!.first;
    const last = Math.max(income?.last ?? 0, expenditure?.last ?? 0);
    out.push({ n: first, cells: [income?.text ?? '', income?.amounts[0] ?? '', expenditure?.text ?? '', ...cells] });
    if (last > first) spans.set(first, last);
  }
  return { rows: out.length > 1 ? out : [], spans, ambiguous, repairs };
}

// ---------------------------------------------------------------------------------------------
// Rows that end with their amounts: the label fragments before, the amounts on the last line

interface AmountRow { frags: Frag[]; amounts: string[]; first: number; last: number }

/** From the first line that prints amounts (the 合计 row) on, each row ends at a line with amounts. */
function amountRows(section: ReflowedSection, table: string, repairs: Note[]): AmountRow[] {
  let start = section.frags.findIndex((f) => f.amounts.length > 0);
  // The 合计 label printed above its amounts, one character per line (合 / 计), is the first row's.
  for (let k = 1; start >= k && section.frags[start]!.head === '' && k <= 2; k++) {
    if (section.frags.slice(start - k, start).map((f) => SLIM(f.head)).join('') === '合计') { start -= k; break; }
  }
  const out: AmountRow[] = [];
  let pending: Frag[] = [];
  for (const f of start < 0 ? [] : withoutRepeatedHeads(section.frags, start, table, repairs)) {
    if (/^(注[:：]|备注)/.test(f.text)) break;
    pending.push(f);
    if (f.amounts.length === 0) continue;
    out.push({ frags: pending, amounts: f.amounts, first: pending[0]!.n, last: f.n });
    pending = [];
  }
  return out;
}

/** Candidate placements (distinct value vectors), the printed-order preference first. */
function candidatesOf(amounts: string[], spec: AmountSpec, allowed: Set<string>): Array<Array<number | null>> {
  let ps = placementsOf(amounts, spec, allowed);
  if (ps.length === 0 || ps[0]!.violations > 0) ps = placementsOf(amounts, spec);
  const seen = new Set<string>();
  return ps.map((p) => valuesFor(amounts, p.slots, spec.columns.length)).filter((v) => {
    const key = v.join(',');
    return !seen.has(key) && !!seen.add(key);
  });
}

// ---------------------------------------------------------------------------------------------
// 支出经济分类汇总表: 类 款 科目名称 (部门) 类 款 科目名称 (政府), names wrapped over lines

export const ECONOMIC_SPEC: AmountSpec = {
  columns: ['total', 'general_budget', 'fiscal_appropriation', 'gov_fund', 'state_capital', 'carryover', 'special_account',
    'business_income', 'superior_subsidy', 'subordinate_remittance', 'business_operating_income', 'other_income'],
  sums: [['total', ['general_budget', 'gov_fund', 'state_capital', 'carryover', 'special_account', 'business_income',
    'superior_subsidy', 'subordinate_remittance', 'business_operating_income', 'other_income']]],
};
const ECONOMIC_HEAD = ['类', '款', '科目名称', '类', '款', '科目名称', '总计', '一般公共预算', '其中：财政拨款', '政府性基金', '国有资本经营预算',
  '上年结转结余', '财政专户管理资金收入', '事业收入', '上级补助收入', '附属单位上缴收入', '事业单位经营收入', '其他收入'];
const SOURCE_OF: Record<string, string[]> = {
  general_budget: ['general_budget', 'fiscal_appropriation'], gov_fund: ['gov_fund'], state_capital: ['state_capital'],
  special_account: ['special_account'],
  unit_funds: ['business_income', 'superior_subsidy', 'subordinate_remittance', 'business_operating_income', 'other_income'],
};

export function recoverEconomic(section: ReflowedSection, hints: DocHints): Recovered {
  const table = 'expenditure_by_economic';
  const ambiguous: Note[] = [];
  const repairs: Note[] = [];
  const rows = amountRows(section, table, repairs);
  // Which sources the department has at all (its 收支总表), so that a row's amounts go only there.
  const allowed = new Set(['total', 'fiscal_appropriation', ...[...hints.sources].flatMap((s) => SOURCE_OF[s] ?? [])]);
  if (hints.carryover !== null && hints.carryover > 0) allowed.add('carryover');
  if (hints.sources.size === 0) ECONOMIC_SPEC.columns.forEach((c) => allowed.add(c));
  const labels = rows.map((r) => {
    const lead = r.frags[0]!.head.split(/\s+/);
    const names = r.frags.slice(1).map((f) => f.head.trim()).filter((h) => h !== '');
    if (lead.length === 4 && lead.every((t) => /^\d{2,3}$/.test(t)) && names.length >= 2) {
      // Both codes on one line, then the two names on lines of their own, wrapped at one width: the
      // department's name ends at its first line shorter than the widest (as in tables.ts recoverBasic).
      const w = names.reduce((m, x) => Math.max(m, [...x].length), 0);
      let k = names.findIndex((x) => [...x].length < w);
      if (k < 0 || k === names.length - 1) k = 0;
      repairs.push({ table, line: r.first, what: 'names printed after both codes: split where the first name stops short of the column width' });
      return [lead[0]!, lead[1]!, joinText(names.slice(0, k + 1)), lead[2]!, lead[3]!, joinText(names.slice(k + 1))];
    }
    const tokens = r.frags.map((f) => f.head).join(' ').split(/\s+/).filter((t) => t !== '');
    if (tokens.length === 1 && SLIM(tokens[0]!) === '合计') return ['', '', '合计', '', '', ''];
    const [c0, c1] = tokens;
    // A row printed with the 政府 class only (513 01 上下级政府间转移性支出).
    if (c0 && /^5\d{2}$/.test(c0) && /^\d{2}$/.test(c1 ?? '')) return ['', '', '', c0, c1!, joinText(tokens.slice(2))];
    if (!c0 || !/^\d{3}$/.test(c0)) return null;
    if (!c1 || !/^\d{2}$/.test(c1)) return [c0, '', joinText(tokens.slice(1)), '', '', '']; // the department: its code, its name
    const gov = tokens.findIndex((t, k) => k >= 2 && /^5\d{2}$/.test(t) && /^\d{2}$/.test(tokens[k + 1] ?? ''));
    if (gov < 0) return null;
    return [c0, c1, joinText(tokens.slice(2, gov)), tokens[gov]!, tokens[gov + 1]!, joinText(tokens.slice(gov + 2))];
  });
  // 其中：财政拨款 is part of the 一般公共预算 printed before it: never without it, never more.
  const [gb, fa] = [ECONOMIC_SPEC.columns.indexOf('general_budget'), ECONOMIC_SPEC.columns.indexOf('fiscal_appropriation')];
  const cands = rows.map((r) => candidatesOf(r.amounts, ECONOMIC_SPEC, allowed)
    .filter((v) => v[fa] == null || (v[gb] != null && v[fa]! <= v[gb]! + 1e-9)));
  // Column sums: 合计 and the department's row are each the sum of the items.
  const items = labels.map((l, i) => (l && (l[1] || l[4]) ? i : -1)).filter((i) => i >= 0);
  const targets = labels.map((l, i) => (l && !l[1] && !l[4] ? i : -1)).filter((i) => i >= 0);
  const d = rows.reduce((m, r) => r.amounts.reduce((k, a) => Math.max(k, decimalsOf(a)), m), 0);
  const sol = solveColumns(cands.map((c) => ({ cands: c })), targets.map((t) => ({ target: t, members: items })), ECONOMIC_SPEC.columns.length, d);
  const out: Line[] = [{ n: section.frags[0]?.n ?? section.titleLine, cells: ECONOMIC_HEAD }];
  const spans = new Map<number, number>();
  rows.forEach((r, i) => {
    const l = labels[i];
    if (!l) {
      ambiguous.push({ table, line: r.first, what: `row not read: no 类 款 codes in "${r.frags.map((f) => f.text).join(' ')}"` });
      return;
    }
    const options = sol.found ? sol.seen[i]! : new Set(cands[i]!.map((_, k) => k));
    if (options.size > 1 || cands[i]!.length === 0) ambiguous.push({ table, line: r.first, what: `${r.amounts.join(' ')}: the row's and the column sums allow more than one placement; placed in printed order` });
    else if (cands[i]!.length > 1) repairs.push({ table, line: r.first, what: `${l[0]}${l[1]} ${l[2]}: columns decided by the column totals` });
    const v = cands[i]![sol.chosen[i]!] ?? [];
    let k = 0;
    out.push({ n: r.first, cells: [...l, ...ECONOMIC_SPEC.columns.map((_, c) => (v[c] != null ? r.amounts[k++]! : ''))] });
    if (r.last > r.first) spans.set(r.first, r.last);
  });
  if (!sol.found && targets.length) ambiguous.push({ table, line: rows[targets[0]!]!.first, what: 'no placement adds up to the 合计 row in every column; each row placed by its own sums' });
  return { rows: out.length > 1 ? out : [], spans, ambiguous, repairs };
}

// ---------------------------------------------------------------------------------------------
// 机构运转经费预算表: 单位代码 / 单位名称 rows over 科目编码 科目名称 项目类别 rows; the 项目类别 printed
// one character per line, its amounts sometimes at a page's foot and the rest of it on the next page

const OPERATING_HEAD = ['单位代码', '科目编码', '科目名称', '项目类别', '合计', '一般公共预算资金'];

/**
 * `names`: 经济分类 code → name as the document's other tables print it, to tell where a wrapped
 * name ends and the 项目类别 begins (`其他商品` `和服务支` `出` `离` `退` `休` …).
 */
export function recoverOperating(section: ReflowedSection, names: Map<string, string>): Recovered {
  const table = 'operating_costs';
  const ambiguous: Note[] = [];
  const repairs: Note[] = [];
  const rows = amountRows(section, table, repairs);
  const head = SLIM(section.frags.filter((f) => f.n < (rows[0]?.first ?? 0)).map((f) => f.text).join(''));
  // 洛阳 prints a 项目类别 per row; 焦作 and the others do not: the text after the code is the name.
  const hasCategory = head.includes('项目类别');
  type Read = { unit: string; code: string; name: string; category: string; carried: boolean };
  const parse = (frags: Frag[]): Read => {
    const first = frags[0]?.head.trim() ?? '';
    const unit = /^(\d{3}|\d{6})$/.exec(first);
    if (unit) return { unit: unit[1]!, code: '', name: joinText(frags.slice(1).map((f) => f.head)), category: '', carried: false };
    const m = /^(\d{5})(?:\s+(.*))?$/.exec(first);
    const text = joinText(m ? [m[2] ?? '', ...frags.slice(1).map((f) => f.head)] : frags.map((f) => f.head));
    return hasCategory ? { unit: '', code: m?.[1] ?? '', name: '', category: SLIM(text), carried: false }
      : { unit: '', code: m?.[1] ?? '', name: text, category: '', carried: false };
  };
  /** Each row read from its fragments after `skip[i]`: a code printed once carried down, the name split from the 项目类别. */
  const readAll = (skip: number[]): Read[] => {
    const out = rows.map((r, i) => parse(r.frags.slice(skip[i])));
    let code = '';
    for (const x of out) {
      if (x.unit) { code = ''; continue; }
      if (x.code) code = x.code;
      else if (code) { x.code = code; x.carried = true; }
      const known = names.get(code);
      // Its name as the document's other tables print it; the rest is the 项目类别. A row without a code
      // whose text is just that name prints its 项目类别 only (the name is the merged cell above).
      if (hasCategory && known && x.category.startsWith(SLIM(known)) && (!x.carried || x.category !== SLIM(known))) {
        x.name = known;
        x.category = x.category.slice(SLIM(known).length);
      } else if (x.carried) x.name = known ?? '';
    }
    return out;
  };
  // Characters at the head of a page (one per line) may finish the 项目类别 of the row above.
  const single = (f: Frag) => [...f.head.trim()].length === 1 && f.amounts.length === 0;
  const leads = rows.map((r) => {
    if (!hasCategory || !r.frags[0]?.pageStart) return 0;
    const k = r.frags.findIndex((f) => !single(f));
    return k < 0 ? r.frags.length : k;
  });
  const first = readAll(leads);
  const whole = new Set(first.filter((x, i) => !x.unit && x.category && !leads[i + 1]).map((x) => x.category));
  const moved = rows.map((r, i) => {
    const prev = first[i - 1];
    for (let k = leads[i]!; k >= 1 && prev && !prev.unit; k--) {
      const piece = r.frags.slice(0, k).map((f) => f.head.trim()).join('');
      if (whole.has(prev.category + piece)) {
        repairs.push({ table, line: r.frags[0]!.n, what: `项目类别 of the row above continued at the head of the page (${piece})` });
        return k;
      }
    }
    if (leads[i]) ambiguous.push({ table, line: r.frags[0]!.n, what: 'characters at the head of a page kept with this row: no 项目类别 printed elsewhere completes the row above with them' });
    return 0;
  });
  const read = readAll(moved);
  moved.forEach((k, i) => { if (k) read[i - 1]!.category += rows[i]!.frags.slice(0, k).map((f) => f.head.trim()).join(''); });
  read.forEach((x, i) => { if (x.carried) repairs.push({ table, line: rows[i]!.first, what: `economic code ${x.code} printed once for this row and the one above` }); });
  const out: Line[] = [{ n: section.frags[0]?.n ?? section.titleLine, cells: OPERATING_HEAD }];
  const spans = new Map<number, number>();
  rows.forEach((r, i) => {
    const x = read[i]!;
    const firstLine = r.frags[moved[i]!]?.n ?? r.first;
    const [total, general] = r.amounts;
    // A third figure, equal to the other two on every row, stands under a head whose third level
    // the conversion scattered one character per line: which column it is cannot be told.
    if (r.amounts.length > 2) repairs.push({ table, line: r.last, what: `third amount ${r.amounts.slice(2).join(' ')} not placed: its column cannot be told from the scattered head` });
    if (r.amounts.length > 1 && parseAmount(total) !== parseAmount(general)) ambiguous.push({ table, line: r.last, what: `合计 ${total} and 一般公共预算资金 ${general} differ` });
    const label = !x.unit && !x.code && SLIM(x.category || x.name) === '合计' ? ['', '', '合计', ''] : [x.unit, x.code, x.name, x.category];
    out.push({ n: firstLine, cells: [...label, total ?? '', general ?? ''] });
    if (r.last > firstLine) spans.set(firstLine, r.last);
  });
  return { rows: out.length > 1 ? out : [], spans, ambiguous, repairs };
}
