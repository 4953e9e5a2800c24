// Tables of the reflowed layout rebuilt into the tab layout's rows: 部门收支总体情况表 (summary),
// “三公” (three_public) and 项目支出表 (projects), each row's amounts placed where the table's
// arithmetic puts them.
import type { Line } from '../../types.ts';
import { joinText, normText, parseAmount, round6 } from '../../text.ts';
import { tolerance, type AmountSpec } from '../../tables/amounts.ts';
import { cellsFor, checkWidth, isAmountToken, placementsOf, valuesFor, type DocHints, type Frag, type Note, type Placement, type Recovered, type ReflowedSection } from './fragments.ts';

const SLIM = (s: string) => normText(s).replace(/\s+/g, '');

// ---------------------------------------------------------------------------------------------
// 部门收支总体情况表: two side-by-side lists on one printed line

const INCOME_LABEL = /(一般公共预算|财政拨款|拨款收入|财政专户管理资金收入|事业收入|经营收入|上级补助|附属单位|其他收入|收入合计|收入总计|上年结转|用事业基金|基金弥补)/;
const NUMBERED = /^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|其中[:：])/;

function splitLabels(tokens: string[]): string[] {
  const out: string[] = [];
  for (const t of tokens) {
    if (out.length > 0 && !NUMBERED.test(t) && !/^(年终结转|本年支出合计|支出总计|支出合计)/.test(t)) out[out.length - 1] += ` ${t}`;
    else out.push(t);
  }
  return out.map((x) => normText(x));
}

export function recoverSummary(section: ReflowedSection): Recovered {
  const rows: Line[] = [];
  const repairs: Note[] = [];
  let started = false;
  for (const f of section.frags) {
    if (/^(注|备注)[:：]/.test(f.text)) break;
    const tokens = f.text.split(/\s+/);
    // Groups: runs of label tokens and single amounts, in printed order.
    const groups: Array<{ label?: string[]; amount?: string }> = [];
    for (const t of tokens) {
      if (isAmountToken(t) || /^-?\d+\.\d+$/.test(t)) groups.push({ amount: t });
      else if (groups.at(-1)?.label) groups.at(-1)!.label!.push(t);
      else groups.push({ label: [t] });
    }
    const items: Array<{ label: string; amount: string }> = [];
    for (const g of groups) {
      if (g.label) for (const l of splitLabels(g.label)) items.push({ label: l, amount: '' });
      else if (items.length > 0 && items.at(-1)!.amount === '') items.at(-1)!.amount = g.amount!;
    }
    if (items.length === 0) continue;
    const first = SLIM(items[0]!.label);
    if (!started) {
      if (/^(收入|项目)/.test(first) && !/合计|总计/.test(first)) continue; // header lines
      if (!items.some((i) => i.amount !== '') && !NUMBERED.test(items[0]!.label)) continue;
      started = true;
    }
    if (/^(收入支出|项目金额)/.test(items.map((i) => SLIM(i.label)).join(''))) { repairs.push({ table: 'budget_summary', line: f.n, what: 'repeated header skipped' }); continue; }
    let income: { label: string; amount: string } | undefined;
    let expenditure: { label: string; amount: string } | undefined;
    if (items.length >= 2) { income = items[0]; expenditure = items[1]; }
    else if (INCOME_LABEL.test(SLIM(items[0]!.label))) income = items[0];
    else expenditure = items[0];
    rows.push({ n: f.n, cells: [income?.label ?? '', income?.amount ?? '', expenditure?.label ?? '', expenditure?.amount ?? ''] });
  }
  return { rows, spans: new Map(), ambiguous: [], repairs };
}

/** Funding sources and carry-over the summary prints (for the other tables' column decisions). */
export function hintsFromSummary(rows: Line[]): Omit<DocHints, 'unitNames'> {
  const sources: DocHints['sources'] = new Set();
  let carryover: number | null = null;
  for (const r of rows) {
    const label = SLIM(r.cells[0] ?? '');
    const amount = parseAmount(r.cells[1]);
    if (amount === null || amount === 0) continue;
    if (/一般公共预算/.test(label)) sources.add('general_budget');
    else if (/政府性基金/.test(label)) sources.add('gov_fund');
    else if (/国有资本/.test(label)) sources.add('state_capital');
    else if (/财政专户/.test(label)) sources.add('special_account');
    else if (/事业收入|经营收入|上级补助|附属单位|其他收入/.test(label)) sources.add('unit_funds');
    else if (/上年结转/.test(label)) carryover = amount;
  }
  return { sources, carryover };
}

// ---------------------------------------------------------------------------------------------
// 三公: one row of amounts

const THREE_SPEC: AmountSpec = {
  columns: ['total', 'overseas_travel', 'vehicle_total', 'vehicle_purchase', 'vehicle_operation', 'reception'],
  sums: [['total', ['overseas_travel', 'vehicle_total', 'reception']], ['vehicle_total', ['vehicle_purchase', 'vehicle_operation']]],
};

export function recoverThreePublic(section: ReflowedSection): Recovered {
  const rows: Line[] = [];
  const ambiguous: Note[] = [];
  for (const f of section.frags) {
    if (f.amounts.length === 0 || f.head !== '') continue;
    checkWidth(section, f.n, f.amounts, THREE_SPEC.columns.length);
    const ps = placementsOf(f.amounts, THREE_SPEC);
    // Between purchase and operation of official cars the sums cannot choose: purchases are the
    // rare case, so operation is preferred, and the row is marked.
    const key = (p: Placement) => p.slots.includes(3) ? 1 : 0;
    const best = [...ps].sort((a, b) => key(a) - key(b))[0]!;
    const distinct = new Set(ps.map((p) => valuesFor(f.amounts, p.slots, 6).join(',')));
    if (distinct.size > 1) ambiguous.push({ table: 'three_public', line: f.n, what: `${distinct.size} placements fit the sums; vehicle purchase vs operation decided by preference (operation)` });
    rows.push({ n: f.n, cells: cellsFor(f.amounts, best.slots, 6) });
  }
  return { rows, spans: new Map(), ambiguous, repairs: [] };
}

// ---------------------------------------------------------------------------------------------
// 项目支出表

export const PROJECT_SPEC: AmountSpec = {
  columns: ['total', 'current_general_budget', 'current_gov_fund', 'current_state_capital', 'carryover_general_budget',
    'carryover_gov_fund', 'carryover_state_capital', 'special_account', 'unit_funds'],
  sums: [['total', ['current_general_budget', 'current_gov_fund', 'current_state_capital', 'carryover_general_budget',
    'carryover_gov_fund', 'carryover_state_capital', 'special_account', 'unit_funds']]],
};

const TYPES = ['特定目标类', '其他运转类'];
const nextOf = (label: string): string | null => {
  const t = TYPES.find((x) => x.startsWith(label) && x.length > label.length);
  return t ? t[label.length]! : null;
};

interface RawRow {
  kind: 'total' | 'department' | 'project';
  type: string;
  typeLines: number[];
  texts: Frag[];
  code: string | null;
  amounts: string[];
  first: number;
  last: number;
  /** For a total row: the label printed with it (合计) or ''. */
  label: string;
  /** Wrapped end of the project name printed after the row's amounts. */
  nameTail: Frag[];
}

/** Is `frags[i..]` a repetition of the header block? Returns its length (0 when not). */
function headerAt(frags: Frag[], i: number, header: Frag[]): number {
  if (header.length < 2) return 0;
  for (let k = 0; k < header.length; k++) {
    if (frags[i + k]?.text !== header[k]!.text) return 0;
  }
  return header.length;
}

export function recoverProjects(section: ReflowedSection, hints: DocHints): Recovered {
  const frags = section.frags;
  const firstAmount = frags.findIndex((f) => f.amounts.length > 0);
  const repairs: Note[] = [];
  const ambiguous: Note[] = [];
  if (firstAmount < 0) return { rows: [], spans: new Map(), ambiguous, repairs };
  // The header: every fragment before the first amount that does not belong to the first row.
  // (The first row is the total row: its amounts alone, or 合计 on the line before or with them.)
  let headerEnd = firstAmount;
  if (frags[firstAmount]!.head === '' && headerEnd > 0 && SLIM(frags[headerEnd - 1]!.head) === '合计') headerEnd--;
  const header = frags.slice(0, headerEnd);
  const raws: RawRow[] = [];
  const fresh = (): RawRow => ({ kind: 'project', type: '', typeLines: [], texts: [], code: null, amounts: [], first: 0, last: 0, label: '', nameTail: [] });
  let cur = fresh();
  for (let i = headerEnd; i < frags.length; i++) {
    const f = frags[i]!;
    const h = headerAt(frags, i, header);
    if (h > 0) { repairs.push({ table: 'projects', line: f.n, what: 'repeated header skipped' }); i += h - 1; continue; }
    if (/^(注[:：]|备注)/.test(f.text)) break;
    const head = normText(f.head);
    if (head.length === 1 && f.amounts.length === 0 && cur.texts.length === 0 && cur.code === null) {
      const prev = raws.at(-1);
      if (cur.type === '' && prev && prev.kind === 'project' && nextOf(prev.type) === head) {
        prev.type += head; prev.typeLines.push(f.n);
        repairs.push({ table: 'projects', line: f.n, what: `type label of the project at line ${prev.first} continued after a page break` });
        continue;
      }
      if (cur.type !== '' && nextOf(cur.type) === head) { cur.type += head; cur.typeLines.push(f.n); cur.first ||= f.n; continue; }
      if (cur.type === '' && TYPES.some((t) => t.startsWith(head))) { cur.type = head; cur.typeLines.push(f.n); cur.first = f.n; continue; }
    }
    if (head.length === 1 && f.amounts.length === 0 && cur.type === '' && cur.texts.length > 0 && cur.code === null
      && TYPES.some((t) => t.startsWith(head))) {
      // Text before a type label: the wrapped end of the previous project's name (驻马店 481).
      const prev = raws.at(-1);
      if (prev && prev.kind === 'project') {
        for (const t of cur.texts) {
          prev.nameTail.push(t);
          repairs.push({ table: 'projects', line: t.n, what: `project name continued from line ${prev.first}` });
        }
      }
      cur = fresh();
      cur.type = head; cur.typeLines.push(f.n); cur.first = f.n;
      continue;
    }
    if (head !== '') {
      if (/^\d+$/.test(head) && cur.type === '' && cur.texts.length === 0 && cur.code === null) { cur.code = head; cur.first = f.n; }
      else { cur.texts.push({ ...f, head }); cur.first ||= f.n; }
    }
    if (f.amounts.length > 0) {
      cur.amounts = f.amounts;
      cur.first ||= f.n;
      cur.last = f.n;
      if (cur.code !== null) cur.kind = 'department';
      else if (cur.type === '' && (cur.texts.length === 0 || /^合计$/.test(SLIM(cur.texts.map((t) => t.head).join(''))))) {
        cur.kind = 'total'; cur.label = cur.texts.length ? '合计' : '';
      }
      raws.push(cur);
      cur = fresh();
    }
  }
  if (cur.texts.length > 0 && raws.at(-1)?.kind === 'project') {
    for (const t of cur.texts) { raws.at(-1)!.nameTail.push(t); repairs.push({ table: 'projects', line: t.n, what: 'project name continued' }); }
  }

  // Name and unit. The unit is an ending of the row's text lines: a unit the document names
  // elsewhere, else the ending whose lines have the width the unit column wraps at (and the name's
  // lines the name column's), that starts like the department's name (the city), and recurs most.
  const projectRows = raws.filter((r) => r.kind === 'project');
  const known = new Set([...hints.unitNames].map(SLIM));
  const deptNames: string[] = [];
  for (const r of raws) if (r.kind === 'department') { const nm = SLIM(joinText(r.texts.map((t) => t.head))); known.add(nm); deptNames.push(nm); }
  const city = deptNames[0]?.slice(0, 2) ?? null;
  const candOf = (r: RawRow, j: number) => SLIM(joinText(r.texts.slice(r.texts.length - j).map((t) => t.head)));
  const counts = new Map<string, number>();
  for (const r of projectRows) for (let j = 1; j < r.texts.length; j++) counts.set(candOf(r, j), (counts.get(candOf(r, j)) ?? 0) + 1);
  // Widths by characters (this conversion's wrap) and by print width (digits half a character).
  const clen = (s: string) => [...s.replace(/\s+/g, '')].length;
  const vlen = (s: string) => [...s].reduce((a, ch) => a + (/\s/.test(ch) ? 0 : /[\x21-\x7e]/.test(ch) ? 0.5 : 1), 0);
  const mode = (xs: number[]) => {
    const m = new Map<number, number>();
    for (const x of xs) m.set(Math.round(x), (m.get(Math.round(x)) ?? 0) + 1);
    return [...m.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  };
  // Column widths from the rows whose unit recurs (a first guess by frequency alone).
  const nameW: number[] = []; const unitW: number[] = []; const nameC: number[] = []; const unitC: number[] = [];
  for (const r of projectRows) {
    let bj = 0; let bc = 1;
    for (let j = 1; j < r.texts.length; j++) { const c = counts.get(candOf(r, j)) ?? 0; if (c > bc || (c === bc && bj > 0)) { bc = c; bj = j; } }
    if (bj === 0 || bc < 3) continue;
    r.texts.slice(0, r.texts.length - bj - 1).forEach((t) => { nameW.push(vlen(t.head)); nameC.push(clen(t.head)); });
    r.texts.slice(r.texts.length - bj, -1).forEach((t) => { unitW.push(vlen(t.head)); unitC.push(clen(t.head)); });
  }
  const wName = [mode(nameW), mode(nameC)]; const wUnit = [mode(unitW), mode(unitC)];
  const fits = (lines: Frag[], w: Array<number | null>) => w[0] === null || lines.slice(0, -1).every((t) =>
    Math.abs(vlen(t.head) - w[0]!) <= 1.5 || (w[1] !== null && Math.abs(clen(t.head) - w[1]!) <= 1));
  const split = new Map<RawRow, { name: string; unit: string }>();
  for (const r of projectRows) {
    let bestJ = 0; let bestScore = -1;
    for (let j = 1; j < r.texts.length; j++) {
      const cand = candOf(r, j);
      const width = fits(r.texts.slice(0, r.texts.length - j), wName) && fits(r.texts.slice(r.texts.length - j), wUnit) ? 1 : 0;
      const score = (known.has(cand) ? 1e6 : 0) + (city && cand.startsWith(city) ? 1e5 : 0) + width * 1e3 + Math.min(counts.get(cand) ?? 0, 50) * 10 + j;
      if (score > bestScore) { bestScore = score; bestJ = j; }
    }
    const name = joinText([...r.texts.slice(0, r.texts.length - bestJ), ...r.nameTail].map((t) => t.head));
    const unit = bestJ > 0 ? joinText(r.texts.slice(r.texts.length - bestJ).map((t) => t.head)) : '';
    split.set(r, { name, unit });
  }

  // Columns. The total row first: its placements within the funding sources the summary prints.
  const cols = PROJECT_SPEC.columns;
  const allowed = new Set<string>(['total']);
  if (hints.sources.size === 0) cols.forEach((c) => allowed.add(c));
  if (hints.sources.has('general_budget')) allowed.add('current_general_budget');
  if (hints.sources.has('gov_fund')) allowed.add('current_gov_fund');
  if (hints.sources.has('state_capital')) allowed.add('current_state_capital');
  if (hints.sources.has('special_account')) allowed.add('special_account');
  if (hints.sources.has('unit_funds')) allowed.add('unit_funds');
  if (hints.carryover !== null && hints.carryover > 0) {
    allowed.add('carryover_general_budget');
    if (hints.sources.has('gov_fund')) allowed.add('carryover_gov_fund');
    if (hints.sources.has('state_capital')) allowed.add('carryover_state_capital');
  }
  const isCarry = (c: string) => c.startsWith('carryover_');
  const slotsOf = new Map<RawRow, number[]>();
  const choose = (r: RawRow, allow: Set<string>, prefer: (p: Placement) => number, what: string) => {
    checkWidth(section, r.first, r.amounts, cols.length);
    let ps = placementsOf(r.amounts, PROJECT_SPEC, allow);
    if (ps.length === 0 || ps[0]!.violations > 0) {
      const all = placementsOf(r.amounts, PROJECT_SPEC);
      if (ps.length === 0 || (all[0] && all[0].violations < ps[0]!.violations)) ps = all;
    }
    const ranked = [...ps].sort((a, b) => prefer(a) - prefer(b));
    const best = ranked[0]!;
    const tied = ranked.filter((p) => prefer(p) === prefer(best));
    const distinct = new Set(tied.map((p) => p.slots.join(',')));
    slotsOf.set(r, best.slots);
    const alternatives = new Set(ps.map((p) => p.slots.join(','))).size;
    return { ambiguous: what === 'project row' ? alternatives > 1 : distinct.size > 1, what };
  };
  const totalRow = raws.find((r) => r.kind === 'total');
  const carryText = hints.carryover;
  const totalPrefer = (r: RawRow) => (p: Placement) => {
    // A printed amount equal to the summary's 上年结转结余 belongs under a carry-over column.
    let miss = 0;
    p.slots.forEach((s, k) => {
      const v = parseAmount(r.amounts[k])!;
      if (k > 0 && carryText !== null && Math.abs(v - carryText) < 0.005 && !isCarry(cols[s]!)) miss++;
      if (k > 0 && carryText !== null && Math.abs(v - carryText) >= 0.005 && isCarry(cols[s]!) && r.amounts.length > 2) miss++;
    });
    return miss * 1000 + p.changes * 100 + p.shift;
  };
  const decided: Array<{ r: RawRow; ambiguous: boolean; what: string }> = [];
  if (totalRow) decided.push({ r: totalRow, ...choose(totalRow, allowed, totalPrefer(totalRow), 'total row') });
  const used = new Set<string>(['total']);
  if (totalRow) for (const s of slotsOf.get(totalRow)!) used.add(cols[s]!);
  const useSet = totalRow ? used : allowed;
  for (const r of raws.filter((x) => x.kind === 'department')) {
    decided.push({ r, ...choose(r, useSet, totalPrefer(r), 'department row') });
  }
  for (const r of projectRows) {
    const name = split.get(r)!.name;
    const carried = /结转|结余/.test(name);
    decided.push({ r, ...choose(r, useSet, (p) => {
      // The name decides only a row of one part (total + one amount); wider rows keep the printed order.
      const inCarry = p.slots.some((s) => isCarry(cols[s]!));
      return (r.amounts.length === 2 && inCarry !== carried ? 1000 : 0) + p.changes * 100 + p.shift;
    }, 'project row') });
  }
  // Check: project rows add up to the total row (and to each department row) in every column.
  const sumOk = (group: RawRow[], target: RawRow | undefined): boolean => {
    if (!target) return true;
    const t = valuesFor(target.amounts, slotsOf.get(target)!, cols.length);
    const s = new Array<number>(cols.length).fill(0);
    for (const r of group) valuesFor(r.amounts, slotsOf.get(r)!, cols.length).forEach((x, i) => { s[i] = s[i]! + (x ?? 0); });
    return t.every((x, i) => Math.abs(round6(s[i]!) - (x ?? 0)) <= tolerance(group.length + 1, 2) + 0.005 * group.length);
  };
  let columnsAddUp = sumOk(projectRows, totalRow);
  if (!columnsAddUp && totalRow) columnsAddUp = fixByColumnTotals(projectRows, totalRow, slotsOf, useSet,
    new Map(projectRows.map((r) => [r, split.get(r)!.name])), repairs, ambiguous);
  for (const d of decided) {
    // A row with several placements is decided when the column totals hold with the chosen one.
    if (d.ambiguous && !(d.what === 'project row' && columnsAddUp)) {
      ambiguous.push({ table: 'projects', line: d.r.first, what: `${d.what}: several placements of ${d.r.amounts.join(' ')} fit the sums` });
    } else if (d.ambiguous) {
      repairs.push({ table: 'projects', line: d.r.first, what: `${d.what}: column chosen by the name (结转) and confirmed by the column totals` });
    }
  }
  if (!columnsAddUp && totalRow) ambiguous.push({ table: 'projects', line: totalRow.first, what: 'project rows do not add up to the total row in every column' });

  const rows: Line[] = [];
  const spans = new Map<number, number>();
  for (const r of raws) {
    let label: string[];
    if (r.kind === 'total') label = ['', '', r.label];
    else if (r.kind === 'department') label = ['', r.code!, joinText(r.texts.map((t) => t.head))];
    else {
      const s = split.get(r)!;
      const type = nextOf(r.type) !== null ? TYPES.find((t) => t.startsWith(r.type)) ?? r.type : r.type;
      if (type !== r.type) repairs.push({ table: 'projects', line: r.first, what: `type label ${r.type} completed to ${type}` });
      label = [type, s.name, s.unit];
    }
    rows.push({ n: r.first, cells: [...label, ...cellsFor(r.amounts, slotsOf.get(r)!, cols.length)] });
    const last = [...r.typeLines, ...r.nameTail.map((t) => t.n)].reduce((a, b) => Math.max(a, b), r.last);
    if (last > r.first) spans.set(r.first, last);
  }
  return { rows, spans, ambiguous, repairs };
}

/**
 * When the preferred columns do not add up to the total row, move two-amount rows (total + one
 * part) between the part columns so that every smaller column sums to the total row's amount:
 * a subset sum per column, on cents. The largest column takes the rest.
 */
function fixByColumnTotals(rows: RawRow[], totalRow: RawRow, slotsOf: Map<RawRow, number[]>, allowed: Set<string>,
  names: Map<RawRow, string>, repairs: Note[], ambiguous: Note[]): boolean {
  const isCarryCol = (c: string) => c.startsWith('carryover_');
  const undecided: Array<{ r: RawRow; col: string }> = [];
  const cols = PROJECT_SPEC.columns;
  const target = valuesFor(totalRow.amounts, slotsOf.get(totalRow)!, cols.length);
  const parts = cols.map((c, i) => ({ c, i, t: target[i] ?? 0 })).filter((x) => x.i > 0 && allowed.has(x.c) && x.t > 0);
  if (parts.length < 2) return false;
  const main = parts.reduce((a, b) => (b.t > a.t ? b : a));
  const movable = rows.filter((r) => r.amounts.length === 2);
  const fixed = rows.filter((r) => r.amounts.length !== 2);
  const taken = new Set<RawRow>();
  const assignment = new Map<RawRow, number>();
  for (const p of parts.filter((x) => x !== main).sort((a, b) => a.t - b.t)) {
    let need = Math.round(p.t * 100);
    for (const r of fixed) need -= Math.round((valuesFor(r.amounts, slotsOf.get(r)!, cols.length)[p.i] ?? 0) * 100);
    // Rows already in this column first, then rows whose name points to it (结转 → carry-over).
    const rank = (r: RawRow) => slotsOf.get(r)![1] === p.i ? 0 : isCarryCol(p.c) && /结转|结余/.test(names.get(r) ?? '') ? 1 : 2;
    const items = movable.filter((r) => !taken.has(r)).sort((a, b) => rank(a) - rank(b));
    const cents = items.map((r) => Math.round(parseAmount(r.amounts[1])! * 100));
    if (need < 0 || need > 5_000_000) return false;
    // reach[k][s]: s can be made from items k..end.
    const reach: Uint8Array[] = new Array(items.length + 1);
    reach[items.length] = new Uint8Array(need + 1); reach[items.length]![0] = 1;
    for (let k = items.length - 1; k >= 0; k--) {
      const next = reach[k + 1]!; const cur = Uint8Array.from(next); const v = cents[k]!;
      for (let x = need; x >= v; x--) if (next[x - v]) cur[x] = 1;
      reach[k] = cur;
    }
    if (!reach[0]![need]) return false;
    // How many subsets make the amount (capped at 2): more than one and the arithmetic cannot decide.
    const ways = new Uint8Array(need + 1); ways[0] = 1;
    for (const v of cents) for (let x = need; x >= v; x--) if (ways[x - v]) ways[x] = Math.min(2, ways[x]! + ways[x - v]!);
    let left = need;
    for (let k = 0; k < items.length && left > 0; k++) {
      const v = cents[k]!;
      if (v <= left && reach[k + 1]![left - v]) { assignment.set(items[k]!, p.i); taken.add(items[k]!); left -= v; }
    }
    if (ways[need]! > 1) {
      // Undecided: every row that is in some subset making the amount (not only the one chosen).
      const exact = items.length * items.length * need < 50_000_000;
      let pre = new Uint8Array(need + 1); pre[0] = 1;
      items.forEach((r, k) => {
        const v = cents[k]!;
        let inSome = !exact && v <= need;
        if (exact && v <= need) for (let x = 0; x <= need - v && !inSome; x++) if (pre[x] && reach[k + 1]![need - v - x]) inSome = true;
        if (inSome && rank(r) === 2 && !undecided.some((u) => u.r === r)) undecided.push({ r, col: p.c });
        const nxt = Uint8Array.from(pre);
        for (let x = need; x >= v; x--) if (pre[x - v]) nxt[x] = 1;
        pre = nxt;
      });
    }
  }
  for (const r of movable) {
    const col = assignment.get(r) ?? main.i;
    const before = slotsOf.get(r)!;
    if (before[1] !== col) {
      slotsOf.set(r, [0, col]);
      if (!undecided.some((u) => u.r === r)) repairs.push({ table: 'projects', line: r.first, what: `amount moved to ${cols[col]} so the columns add up to the total row` });
    }
  }
  for (const { r, col } of undecided) {
    ambiguous.push({ table: 'projects', line: r.first, what: `placed under ${cols[slotsOf.get(r)![1]!]}; it may belong under ${col}: several sets of rows add up to that column's total` });
  }
  return true;
}
