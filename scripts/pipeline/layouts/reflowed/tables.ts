// Layout recovery for the reflowed layout (洛阳 2024), continued: the amount tables read by code
// rows — 部门收入表 (income), 部门支出表 / 一般公共预算支出表 (expenditure, general_public) and
// 一般公共预算基本支出表 (basic). Each row prints only its non-blank amounts; which columns they
// belong to is decided by the row's own sums and then by the column sums the table states (every
// column of the total row, and of each unit or department subtotal row, is the sum of its rows).
// Rows the arithmetic leaves open are kept, placed by the printed-order preference, and noted.
import type { Line } from '../../types.ts';
import { decimalsOf, joinText, maxOf, minOf, normText, parseAmount } from '../../text.ts';
import type { AmountSpec } from '../../tables/amounts.ts';
import { checkWidth, placementsOf, type DocHints, type Frag, type Note, type Recovered, type ReflowedSection } from './fragments.ts';
import { INCOME_SPEC, INCOME_SPEC_NARROW, isNarrowIncomeHeader } from '../../tables/incomeByUnit.ts';

const SLIM = (s: string) => normText(s).replace(/\s+/g, '');

// ---------------------------------------------------------------------------------------------
// Column sums: choose one placement per row so that every group's members add up to its target

export interface SolveRow {
  /** Candidate value vectors (one per placement), most preferred first. */
  cands: Array<Array<number | null>>;
}
export interface SumGroup { target: number; members: number[] }
export interface Solved {
  /** Candidate chosen per row (the first solution found, in preference order). */
  chosen: number[];
  /** Candidates of each row that appear in some solution found. */
  seen: Array<Set<number>>;
  /** A solution was found at all. */
  found: boolean;
  /** Every solution was enumerated (no search limit hit). */
  complete: boolean;
  /** The solution needed the rounding tolerance (no exact one). */
  rounded: boolean;
}

/**
 * Enumerate the choices of one candidate per row with, for every group and column, Σ members =
 * target (exactly in printed units, else within rounding). Depth-first in preference order with
 * bounds on what the rows not yet placed can still add.
 */
export function solveColumns(rows: SolveRow[], groups: SumGroup[], width: number, decimals: number): Solved {
  const scale = 10 ** decimals;
  const val = rows.map((r) => r.cands.map((c) => c.map((x) => (x === null ? 0 : Math.round(x * scale)))));
  const inGroup = new Set(groups.flatMap((g) => [g.target, ...g.members]));
  const targets = [...new Set(groups.map((g) => g.target))];
  const members = [...inGroup].filter((i) => !targets.includes(i))
    .sort((a, b) => maxOf(val[b]!.flat()) - maxOf(val[a]!.flat()));
  const order = [...targets, ...members];
  const pos = new Map(order.map((i, k) => [i, k]));
  // Per group: suffix bounds (max and min each remaining member can add per column).
  const bounds = groups.map((g) => {
    const hi: number[][] = []; const lo: number[][] = [];
    const byPos = g.members.map((m) => pos.get(m)!).sort((a, b) => a - b);
    for (let k = order.length; k >= 0; k--) {
      const h = new Array<number>(width).fill(0); const l = new Array<number>(width).fill(0);
      for (const p of byPos) if (p >= k) {
        const cs = val[order[p]!]!;
        for (let c = 0; c < width; c++) { h[c]! += maxOf(cs.map((v) => v[c]!)); l[c]! += minOf(cs.map((v) => v[c]!)); }
      }
      hi[k] = h; lo[k] = l;
    }
    return { hi, lo };
  });
  const groupsOf = new Map<number, number[]>();
  groups.forEach((g, gi) => { for (const i of [g.target, ...g.members]) groupsOf.set(i, [...(groupsOf.get(i) ?? []), gi]); });
  const run = (tolerant: boolean) => {
    const tol = groups.map((g) => (tolerant ? Math.floor(g.members.length * 0.5) : 0));
    const partial = groups.map(() => new Array<number>(width).fill(0));
    const choice = new Array<number>(rows.length).fill(0);
    const seen = rows.map(() => new Set<number>());
    let first: number[] | null = null;
    let solutions = 0; let nodes = 0; let complete = true;
    const ok = (gi: number, k: number): boolean => {
      const g = groups[gi]!;
      if (pos.get(g.target)! >= k) return true;
      const t = val[g.target]![choice[g.target]!]!;
      const { hi, lo } = bounds[gi]!;
      for (let c = 0; c < width; c++) {
        if (partial[gi]![c]! + lo[k]![c]! > t[c]! + tol[gi]!) return false;
        if (partial[gi]![c]! + hi[k]![c]! < t[c]! - tol[gi]!) return false;
      }
      return true;
    };
    const visit = (k: number) => {
      if (solutions >= 500 || nodes > 2_000_000) { complete = false; return; }
      nodes++;
      if (k === order.length) {
        solutions++;
        if (!first) first = [...choice];
        order.forEach((i) => seen[i]!.add(choice[i]!));
        return;
      }
      const i = order[k]!;
      const gs = groupsOf.get(i) ?? [];
      for (let ci = 0; ci < val[i]!.length; ci++) {
        choice[i] = ci;
        const v = val[i]![ci]!;
        for (const gi of gs) if (groups[gi]!.target !== i) for (let c = 0; c < width; c++) partial[gi]![c]! += v[c]!;
        if (gs.every((gi) => ok(gi, k + 1))) visit(k + 1);
        for (const gi of gs) if (groups[gi]!.target !== i) for (let c = 0; c < width; c++) partial[gi]![c]! -= v[c]!;
      }
    };
    visit(0);
    return { first: first as number[] | null, seen, complete };
  };
  let r = run(false);
  let rounded = false;
  if (!r.first) { r = run(true); rounded = true; }
  const chosen = r.first ?? rows.map(() => 0);
  // Rows outside every group: any candidate would do.
  rows.forEach((row, i) => { if (!inGroup.has(i)) { r.seen[i] = new Set(row.cands.map((_, k) => k)); } });
  return { chosen, seen: r.seen, found: r.first !== null, complete: r.complete, rounded };
}

// ---------------------------------------------------------------------------------------------
// Rows of a code table: label fragments up to the fragment that carries the row's amounts

interface CodeRow {
  /** Label fragments (without the repeated headers between rows). */
  texts: Frag[];
  amounts: string[];
  first: number;
  last: number;
}

interface Split {
  header: Frag[];
  rows: CodeRow[];
  repairs: Note[];
}

/**
 * Header (every fragment before the first amounts, but a 合计 label of the total row), then rows.
 * Fragments between two rows that repeat header text (a header printed again after a page
 * break) are dropped; so is, when `startsRow` says where a row starts, any text before that.
 */
function splitRows(section: ReflowedSection, table: string, startsRow?: (f: Frag) => boolean): Split {
  const frags = section.frags;
  const repairs: Note[] = [];
  const firstAmount = frags.findIndex((f) => f.amounts.length > 0);
  if (firstAmount < 0) return { header: [], rows: [], repairs };
  let headerEnd = firstAmount;
  if (frags[firstAmount]!.head === '' && headerEnd > 0 && SLIM(frags[headerEnd - 1]!.head) === '合计') headerEnd--;
  const header = frags.slice(0, headerEnd);
  const headerWords = new Set(header.map((f) => SLIM(f.text)));
  const rows: CodeRow[] = [];
  let pending: Frag[] = [];
  for (let i = headerEnd; i < frags.length; i++) {
    const f = frags[i]!;
    if (/^(注[:：]|备注)/.test(f.text)) break;
    pending.push(f);
    if (f.amounts.length === 0) continue;
    // Drop a header printed again: a run of two or more header fragments.
    let texts = pending.filter((p) => p.head !== '' || p.amounts.length > 0);
    let k = 0;
    while (k < texts.length - 1 && headerWords.has(SLIM(texts[k]!.text)) && texts[k]!.amounts.length === 0) k++;
    if (k >= 2) {
      repairs.push({ table, line: texts[0]!.n, what: 'repeated header skipped' });
      texts = texts.slice(k);
    }
    if (startsRow && rows.length > 0) {
      let s = -1;
      texts.forEach((t, j) => { if (startsRow(t)) s = j; });
      if (s > 0) {
        const dropped = texts.slice(0, s);
        // Text before the row's code: a header printed again (rows end with their amounts).
        repairs.push({ table, line: dropped[0]!.n, what: `header text skipped (${dropped.map((d) => SLIM(d.text)).join('')})` });
        texts = texts.slice(s);
      }
    }
    rows.push({ texts, amounts: f.amounts, first: texts[0]!.n, last: f.n });
    pending = [];
  }
  return { header, rows, repairs };
}

/** Label text of a row: every fragment's text part, rejoined. */
const heads = (r: CodeRow) => r.texts.map((t) => t.head).filter((h) => h !== '');

/** Candidate placements of a row within `allowed` (falling back to all columns), best sums first. */
function candidates(amounts: string[], spec: AmountSpec, allowed?: Set<string>): { cands: Array<Array<number | null>>; fits: boolean } {
  let ps = allowed ? placementsOf(amounts, spec, allowed) : [];
  if (ps.length === 0 || ps[0]!.violations > 0) {
    const all = placementsOf(amounts, spec);
    if (ps.length === 0 || (all[0] && all[0].violations < ps[0]!.violations)) ps = all;
  }
  const values = ps.map((p) => {
    const v = new Array<number | null>(spec.columns.length).fill(null);
    p.slots.forEach((s, k) => { v[s] = parseAmount(amounts[k])!; });
    return v;
  });
  // Distinct value vectors only (two placements giving the same cells are one choice).
  const seen = new Set<string>();
  const cands = values.filter((v) => { const key = v.join(','); if (seen.has(key)) return false; seen.add(key); return true; });
  return { cands, fits: (ps[0]?.violations ?? 1) === 0 };
}

const cellsOf = (v: Array<number | null>, amounts: string[]): string[] => {
  // The printed text of each amount, in the column its value was placed in.
  const out = v.map(() => '');
  let k = 0;
  v.forEach((x, c) => { if (x !== null) out[c] = amounts[k++]!; });
  return out;
};

interface Decided { cand: number; ambiguous: boolean }

/** Solve the column sums and note rows left undecided. */
function decide(table: string, rows: CodeRow[], cands: Array<Array<Array<number | null>>>, groups: SumGroup[], width: number,
  columns: string[], ambiguous: Note[], repairs: Note[], what: (r: CodeRow) => string): Decided[] {
  const d = Math.max(0, maxOf(rows.flatMap((r) => r.amounts.map(decimalsOf))));
  const sol = solveColumns(cands.map((c) => ({ cands: c })), groups, width, d);
  if (!sol.found) {
    const lines = groups.map((g) => rows[g.target]!.first);
    ambiguous.push({ table, line: lines[0] ?? rows[0]?.first ?? 0, what: 'no placement of the rows adds up to the total and subtotal rows in every column; each row placed by its own sums' });
  } else if (sol.rounded) {
    repairs.push({ table, line: rows[groups[0]?.target ?? 0]?.first ?? 0, what: 'columns add up to the total row within rounding' });
  }
  return rows.map((r, i) => {
    const options = sol.found ? sol.seen[i]! : new Set(cands[i]!.map((_, k) => k));
    const cand = sol.chosen[i]!;
    const undecided = options.size > 1 || (!sol.complete && cands[i]!.length > 1);
    if (undecided) {
      const alt = [...options].filter((k) => k !== cand).map((k) => columns.filter((_, c) => cands[i]![k]![c] !== null).slice(1).join('+'));
      ambiguous.push({ table, line: r.first, what: `${what(r)}: ${r.amounts.join(' ')} placed under ${columns.filter((_, c) => cands[i]![cand]![c] !== null).slice(1).join('+')}; the column sums also allow ${alt.join(' or ') || 'other columns'}` });
    } else if (cands[i]!.length > 1) {
      repairs.push({ table, line: r.first, what: `${what(r)}: columns decided by the column totals` });
    }
    return { cand, ambiguous: undecided };
  });
}

// ---------------------------------------------------------------------------------------------
// 部门收入表 → income_by_unit

const SOURCE_COLUMNS: Record<string, string[]> = {
  general_budget: ['general_budget', 'fiscal_appropriation', 'total_general_budget'],
  gov_fund: ['gov_fund', 'total_gov_fund'],
  state_capital: ['state_capital', 'total_state_capital'],
  special_account: ['special_account', 'total_special_account'],
  unit_funds: ['business_income', 'business_operating_income', 'superior_subsidy', 'subordinate_remittance', 'other_income'],
};
const CARRY_COLUMNS: Record<string, string> = {
  general_budget: 'carryover_general_budget', gov_fund: 'carryover_gov_fund', state_capital: 'carryover_state_capital',
  special_account: 'carryover_special_account', unit_funds: 'carryover_unit_funds',
};

const CODE_START = /^\d{3,}(\s|$)/;

export function recoverIncome(section: ReflowedSection, hints: DocHints): Recovered {
  const table = 'income_by_unit';
  const { header, rows, repairs } = splitRows(section, table, (f) => CODE_START.test(f.head) && !/^\d{4}\s*年/.test(f.head));
  const ambiguous: Note[] = [];
  const headerLine = SLIM(header.map((f) => f.text).join(''));
  const spec = isNarrowIncomeHeader(headerLine) ? INCOME_SPEC_NARROW : INCOME_SPEC;
  const cols = spec.columns;
  const allowed = new Set<string>(['total', 'current_total']);
  if (hints.sources.size === 0) cols.forEach((c) => allowed.add(c));
  for (const s of hints.sources) for (const c of SOURCE_COLUMNS[s] ?? []) allowed.add(c);
  if (hints.carryover !== null && hints.carryover > 0) {
    allowed.add('carryover_total');
    for (const s of hints.sources) allowed.add(CARRY_COLUMNS[s]!);
    if (hints.sources.size === 0 || ![...hints.sources].some((s) => s !== 'unit_funds')) allowed.add('carryover_general_budget');
  }
  // Labels: code (3 digits: the department; longer: a unit), name.
  const labels = rows.map((r) => {
    const text = joinText(heads(r));
    const m = /^(\d{3,})\s*(.*)$/.exec(heads(r)[0] ?? '');
    if (!m) return { code: '', name: SLIM(text) === '合计' ? '合计' : text };
    return { code: m[1]!, name: joinText([m[2]!, ...heads(r).slice(1)]) };
  });
  const cands = rows.map((r, i) => {
    checkWidth(section, r.first, r.amounts, cols.length);
    const c = candidates(r.amounts, spec, allowed);
    let cs = c.cands;
    // The total row's carry-over is the summary's 上年结转结余.
    const ci = cols.indexOf('carryover_total');
    if (labels[i]!.name === '合计' && hints.carryover !== null) {
      const withCarry = cs.filter((v) => Math.abs((v[ci] ?? 0) - hints.carryover!) < 0.005);
      if (withCarry.length > 0) cs = withCarry;
    }
    if (!c.fits) ambiguous.push({ table, line: r.first, what: `${r.amounts.join(' ')}: no placement satisfies the row's sums` });
    return cs;
  });
  // Groups: 合计 = Σ units (or Σ departments when no unit rows); each department = Σ its units.
  const totalIdx = labels.findIndex((l) => l.name === '合计');
  const isDept = (i: number) => labels[i]!.code.length > 0 && labels[i]!.code.length <= 3;
  const unitIdx = labels.map((_, i) => i).filter((i) => labels[i]!.code.length > 3);
  const deptIdx = labels.map((_, i) => i).filter(isDept);
  const groups: SumGroup[] = [];
  if (totalIdx >= 0) groups.push({ target: totalIdx, members: unitIdx.length ? unitIdx : deptIdx });
  for (const d of deptIdx) {
    const code = labels[d]!.code;
    const own = unitIdx.filter((u) => labels[u]!.code.startsWith(code));
    if (own.length) groups.push({ target: d, members: own });
  }
  const decided = decide(table, rows, cands, groups, cols.length, cols, ambiguous, repairs, (r) => `row at ${r.first}`);
  const out: Line[] = [{ n: header[0]?.n ?? section.titleLine, cells: [headerLine] }];
  const spans = new Map<number, number>();
  rows.forEach((r, i) => {
    const l = labels[i]!;
    out.push({ n: r.first, cells: [l.code, l.name, ...cellsOf(cands[i]![decided[i]!.cand]!, r.amounts)] });
    if (r.last > r.first) spans.set(r.first, r.last);
    if (heads(r).length > 2 || (heads(r).length === 2 && l.code === '')) repairs.push({ table, line: r.first, what: `unit name rejoined from ${heads(r).length - (l.code ? 1 : 0)} lines` });
  });
  return { rows: out, spans, ambiguous, repairs };
}

// ---------------------------------------------------------------------------------------------
// 部门支出表 / 一般公共预算支出表 → expenditure_by_function

const PROJECT_COLUMNS = (operatingFirst: boolean) => (operatingFirst
  ? ['project_total', 'project_operating', 'project_specific'] : ['project_total', 'project_specific', 'project_operating']);

/** The column layouts of tables/expenditureByFunction.ts (9 columns, or 11 with 人员经费/公用经费 subtotals). */
export function expenditureSpecs(operatingFirst: boolean): AmountSpec[] {
  const project = PROJECT_COLUMNS(operatingFirst);
  const projectSum: [string, string[]] = ['project_total', ['project_operating', 'project_specific']];
  return [
    {
      columns: ['total', 'basic_total', 'basic_wages', 'basic_household', 'basic_goods_services', 'basic_capital', ...project],
      sums: [['total', ['basic_total', 'project_total']],
        ['basic_total', ['basic_wages', 'basic_household', 'basic_goods_services', 'basic_capital']], projectSum],
    },
    {
      columns: ['total', 'basic_total', 'basic_personnel', 'basic_wages', 'basic_household', 'basic_public',
        'basic_goods_services', 'basic_capital', ...project],
      sums: [['total', ['basic_total', 'project_total']], ['basic_total', ['basic_personnel', 'basic_public']],
        ['basic_personnel', ['basic_wages', 'basic_household']], ['basic_public', ['basic_goods_services', 'basic_capital']], projectSum],
    },
  ];
}

const FUNC_START = /^(\d{3}(\s+\d{2}){0,2}|\d{3,})(\s|$)/;
const UNIT_NAME = /(局|中心|院|站|队|所|处|室|会|校|馆|社|部|办|厅|委)$/;
const CITY = /^.{1,8}?(省|市|县|区)/;
const FUNC_CODE = /^2[0-3]\d(\d{2}){0,2}$/;

/** Basic expenditure by economic class (301 → wages, 303 → household, 302 → goods and services, 31x → capital), from the 基本支出表. */
export function econTotals(basicRows: Line[]): Record<string, number> | null {
  const out: Record<string, number> = { basic_wages: 0, basic_household: 0, basic_goods_services: 0, basic_capital: 0 };
  let any = false;
  for (const r of basicRows) {
    const code = r.cells[0] ?? '';
    if (code === '合计') {
      // 人员经费 = 工资福利 + 对个人和家庭的补助; 公用经费 = 商品和服务 + 资本性支出
      out.personnel = parseAmount(r.cells[5] || undefined) ?? 0;
      out.public_use = parseAmount(r.cells[6] || undefined) ?? 0;
      continue;
    }
    const v = parseAmount(r.cells[4] || undefined);
    if (!/^3\d{4}$/.test(code) || v === null) continue;
    const col = /^301/.test(code) ? 'basic_wages' : /^303/.test(code) ? 'basic_household' : /^302/.test(code) ? 'basic_goods_services' : /^31/.test(code) ? 'basic_capital' : 'other';
    out[col] = Math.round(((out[col] ?? 0) + v) * 100) / 100;
    any = true;
  }
  return any ? out : null;
}

export function recoverExpenditure(section: ReflowedSection, unitNames: Set<string>, econ: Record<string, number> | null = null): Recovered {
  const table = 'expenditure_by_function';
  const kind = section.standard === 'expenditure' ? 'department' : 'general_public';
  const { header, rows, repairs } = splitRows(section, table, (f) => FUNC_START.test(f.head) && !/^\d{4}\s*年/.test(f.head));
  const ambiguous: Note[] = [];
  const headerLine = SLIM(header.map((f) => f.text).join(''));
  const operatingFirst = headerLine.indexOf('其他运转') < headerLine.indexOf('特定目标') || headerLine.indexOf('特定目标') < 0;
  const known = new Set([...unitNames].map(SLIM));
  // Labels: 类 款 项 codes (a function), one code and a unit's name (a unit), or 合计.
  const labels = rows.map((r) => {
    const hs = heads(r);
    const m = /^(\d{3,}(?:\s+\d{2}){0,2})(?:\s+(.*))?$/.exec(hs[0] ?? '');
    if (!m) return { kind: 'total' as const, codes: ['', '', ''], unit: '', name: joinText(hs) || '合计' };
    let codes = m[1]!.split(/\s+/);
    const name = joinText([m[2] ?? '', ...hs.slice(1)]);
    const one = codes.length === 1;
    const unitLike = known.has(SLIM(name)) || (CITY.test(name) && UNIT_NAME.test(name));
    if (one && (!FUNC_CODE.test(codes[0]!) || unitLike)) return { kind: 'unit' as const, codes: ['', '', ''], unit: codes[0]!, name };
    // One code column (科目编码: 201, 20199, 2019999) or 类 款 项 columns.
    if (one) codes = [codes[0]!.slice(0, 3), codes[0]!.slice(3, 5), codes[0]!.slice(5, 7)];
    return { kind: 'function' as const, codes: [codes[0]!, codes[1] ?? '', codes[2] ?? ''], unit: '', name };
  });
  const totalIdx = labels.findIndex((l) => l.kind === 'total');
  // Width: the layout in which the total row's amounts satisfy the sums, with the fewest blank columns.
  const specs = expenditureSpecs(operatingFirst);
  const fitting = totalIdx < 0 ? [] : specs.filter((s) => candidates(rows[totalIdx]!.amounts, s).fits);
  // No total row to tell (a line lost): the narrowest layout every row fits in.
  const spec = fitting.sort((a, b) => a.columns.length - b.columns.length)[0]
    ?? specs.find((s) => rows.every((r) => r.amounts.length <= s.columns.length)) ?? specs[0]!;
  const cols = spec.columns;
  const cands = rows.map((r) => {
    checkWidth(section, r.first, r.amounts, cols.length);
    const c = candidates(r.amounts, spec);
    if (!c.fits) ambiguous.push({ table, line: r.first, what: `${kind}: ${r.amounts.join(' ')}: no placement satisfies the row's sums` });
    return c.cands;
  });
  // The total row's basic parts: which columns the arithmetic cannot tell (the four parts are
  // symmetric); the 基本支出表 by economic class can, when its class sums match the printed amounts.
  if (totalIdx >= 0 && econ) {
    const at = (v: Array<number | null>, c: string) => (cols.includes(c) ? v[cols.indexOf(c)] ?? 0 : 0);
    const eq = (a: number, b: number | undefined) => b !== undefined && Math.abs(a - b) < 0.005;
    // Pairs first (人员经费 and 公用经费 of the 基本支出表's total row), then each class sum.
    const score = (v: Array<number | null>) =>
      (eq(at(v, 'basic_wages') + at(v, 'basic_household'), econ.personnel) ? 10 : 0)
      + (eq(at(v, 'basic_goods_services') + at(v, 'basic_capital'), econ.public_use) ? 10 : 0)
      + ['basic_wages', 'basic_household', 'basic_goods_services', 'basic_capital'].filter((c) => eq(at(v, c), econ[c])).length;
    const scores = cands[totalIdx]!.map(score);
    const best = maxOf(scores);
    const keep = cands[totalIdx]!.filter((_, k) => scores[k] === best);
    if (best >= 20 && keep.length === 1 && cands[totalIdx]!.length > 1) {
      cands[totalIdx] = keep;
      repairs.push({ table, line: rows[totalIdx]!.first, what: `${kind}: basic expenditure columns of the total row chosen by the 基本支出表 (人员经费/公用经费 and the sums by economic class 301, 303, 302, 310)` });
    }
  }
  // Groups: a 类/款 row = Σ its next level; each unit = Σ its top-level rows; 合计 = Σ units (Σ top rows when one unit or none).
  const codeOf = (i: number) => labels[i]!.codes.join('');
  const funcs = labels.map((_, i) => i).filter((i) => labels[i]!.kind === 'function');
  const groups: SumGroup[] = [];
  for (const p of funcs) {
    const c = codeOf(p);
    if (c.length >= 7) continue;
    const children = funcs.filter((i) => i !== p && codeOf(i).length === c.length + 2 && codeOf(i).startsWith(c) && unitBefore(i) === unitBefore(p));
    if (children.length) groups.push({ target: p, members: children });
  }
  function unitBefore(i: number): number { for (let k = i; k >= 0; k--) if (labels[k]!.kind === 'unit') return k; return -1; }
  const top = funcs.filter((i) => !funcs.some((p) => p !== i && codeOf(i).startsWith(codeOf(p)) && codeOf(p).length < codeOf(i).length && unitBefore(p) === unitBefore(i)));
  const units = labels.map((_, i) => i).filter((i) => labels[i]!.kind === 'unit');
  for (const u of units) {
    const own = top.filter((i) => unitBefore(i) === u);
    if (own.length) groups.push({ target: u, members: own });
  }
  if (totalIdx >= 0) groups.push({ target: totalIdx, members: units.length > 1 ? units : top });
  const decided = decide(table, rows, cands, groups, cols.length, cols, ambiguous, repairs,
    (r) => `${kind} ${labels[rows.indexOf(r)]!.codes.join('') || labels[rows.indexOf(r)]!.unit} ${labels[rows.indexOf(r)]!.name}`);
  const out: Line[] = [{ n: header[0]?.n ?? section.titleLine, cells: [headerLine] }];
  const spans = new Map<number, number>();
  rows.forEach((r, i) => {
    const l = labels[i]!;
    out.push({ n: r.first, cells: [...l.codes, l.unit, l.kind === 'total' ? '合计' : l.name, ...cellsOf(cands[i]![decided[i]!.cand]!, r.amounts)] });
    if (r.last > r.first) spans.set(r.first, r.last);
  });
  return { rows: out, spans, ambiguous, repairs };
}

// ---------------------------------------------------------------------------------------------
// 一般公共预算基本支出表 → basic_by_economic

const BASIC_SPEC: AmountSpec = { columns: ['total', 'personnel', 'public_use'], sums: [['total', ['personnel', 'public_use']]] };

/** 人员经费 or 公用经费 by the economic class of the code: 301 工资福利, 303 对个人和家庭的补助 → personnel. */
function econSide(code: string): 'personnel' | 'public_use' | null {
  if (/^30[13]/.test(code)) return 'personnel';
  if (/^(302|31\d)/.test(code)) return 'public_use';
  return null;
}

export function recoverBasic(section: ReflowedSection): Recovered {
  const table = 'basic_by_economic';
  const { header, rows, repairs } = splitRows(section, table);
  const ambiguous: Note[] = [];
  // Labels: [department code] name [government code] name, the names wrapped over lines.
  let lastCode = '';
  let lastName = '';
  const labels = rows.map((r) => {
    const parts: string[][] = [[], [], [], []];
    let field = 0;
    for (const h of heads(r)) {
      const pieces: string[] = [];
      for (const tok of h.split(/\s+/)) {
        if (/^3\d{4}$/.test(tok) && field === 0 && parts[0]!.length === 0 && parts[1]!.length === 0) { parts[0]!.push(tok); field = 1; continue; }
        if (/^5\d{4}$/.test(tok) && field <= 1) { if (pieces.length) parts[1]!.push(pieces.splice(0).join(' ')); parts[2]!.push(tok); field = 3; continue; }
        pieces.push(tok);
      }
      if (pieces.length) parts[field === 0 ? 1 : field]!.push(pieces.join(' '));
      if (field === 0) field = 1;
    }
    if (parts[0]!.length && parts[2]!.length && parts[1]!.length === 0 && parts[3]!.length >= 2) {
      // Both codes on one line, then the two names on lines of their own (wrapped at one width):
      // the department's name ends at its first line shorter than the widest.
      const w = Math.max(...parts[3]!.map((x) => [...SLIM(x)].length));
      let k = parts[3]!.findIndex((x) => [...SLIM(x)].length < w);
      if (k < 0 || k === parts[3]!.length - 1) k = 0;
      parts[1] = parts[3]!.slice(0, k + 1);
      parts[3] = parts[3]!.slice(k + 1);
      repairs.push({ table, line: r.first, what: 'names printed after both codes: split where the first name stops short of the column width' });
    }
    const name = joinText(parts[1]!);
    if (SLIM(name) === '合计' && parts[0]!.length === 0) return { total: true, cells: ['合计', '', '', ''] };
    let code = parts[0]![0] ?? '';
    if (code === '' && lastCode !== '') {
      // A code printed once for several rows (merged cell): the rows after it carry the same code.
      code = lastCode;
      repairs.push({ table, line: r.first, what: `economic code ${code} printed once for this row and the one above${SLIM(name) === SLIM(lastName) ? '' : ` (${lastName})`}` });
    }
    if (parts[0]![0]) { lastCode = code; lastName = name; }
    return { total: false, cells: [code, name, parts[2]![0] ?? '', joinText(parts[3]!)] };
  });
  const all = rows.map((r) => {
    checkWidth(section, r.first, r.amounts, BASIC_SPEC.columns.length);
    const c = candidates(r.amounts, BASIC_SPEC);
    if (!c.fits) ambiguous.push({ table, line: r.first, what: `${r.amounts.join(' ')}: no placement satisfies the row's sums` });
    return c.cands;
  });
  // Economic class first: 301/303 → 人员经费, 302/310 → 公用经费 (a row of a total and one amount).
  const byClass = all.map((cs, i) => {
    const side = econSide(labels[i]!.cells[0]!);
    const pi = BASIC_SPEC.columns.indexOf(side ?? '');
    const fit = pi > 0 ? cs.filter((v) => v[pi] !== null) : [];
    return fit.length === 1 && cs.length > 1 ? fit : cs;
  });
  const totalIdx = labels.findIndex((l) => l.total);
  const items = labels.map((_, i) => i).filter((i) => !labels[i]!.total);
  const groups: SumGroup[] = totalIdx < 0 ? [] : [{ target: totalIdx, members: items }];
  const d = Math.max(0, maxOf(rows.flatMap((r) => r.amounts.map(decimalsOf))));
  // The classes decide, when the column totals confirm them; otherwise every row is open to the search.
  const sol = solveColumns(byClass.map((c) => ({ cands: c })), groups, 3, d);
  const cands = sol.found ? byClass : all;
  const what = (r: CodeRow) => `${labels[rows.indexOf(r)]!.cells[0]} ${labels[rows.indexOf(r)]!.cells[1]}`;
  const decided = decide(table, rows, cands, groups, 3, BASIC_SPEC.columns, ambiguous, repairs, what);
  const byClassCount = items.filter((i) => all[i]!.length > 1 && byClass[i]!.length === 1).length;
  if (sol.found && byClassCount) {
    repairs.push({ table, line: rows[totalIdx]?.first ?? rows[0]!.first, what: `${byClassCount} rows of a total and one amount: 人员经费 or 公用经费 by the economic class (301/303 vs 302/310), confirmed by the column totals` });
  }
  const out: Line[] = [{ n: header[0]?.n ?? section.titleLine, cells: [SLIM(header.map((f) => f.text).join(''))] }];
  const spans = new Map<number, number>();
  rows.forEach((r, i) => {
    out.push({ n: r.first, cells: [...labels[i]!.cells, ...cellsOf(cands[i]![decided[i]!.cand]!, r.amounts)] });
    if (r.last > r.first) spans.set(r.first, r.last);
  });
  return { rows: out, spans, ambiguous, repairs };
}
