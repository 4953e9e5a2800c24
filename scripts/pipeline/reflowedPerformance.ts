// Layout recovery for the reflowed layout, the two performance tables:
//
// 部门（单位）整体绩效目标表 → dept_indicators, tasks, dept_budget_overview. The conversion printed
// the first column's label on lines of its own, wrapped narrow (`年度主要任`/`务`, `投入管理`/`指标`,
// 洛阳 :4769, :4809), a row's cells that fit their column side by side (`年度履职目标相关性 相关`,
// :4816; with a short 说明, :4843) and a wider cell wrapped on lines of its own (说明 :4818–:4822,
// task names and contents :4775–:4783). The lines are put back into the tab layout's rows and read
// by tables/deptPerformance.ts, so both layouts are read by the same rules.
//
// 本级部门预算项目绩效目标汇总表 → project_indicators (the columns of tables/projectIndicators.ts).
// Per project: its code (:5057), its name wrapped at ~4 characters, the 项目分类 label one
// character per line, the amounts (资金总额 first), then the indicator cells in reading order —
// the first row's (成本, 产出, 效益, 满意度: indicator, value each) and then the further rows'.
// Which column (category) a cell of a further row sits in is not printed: it is read from the
// indicator (满意 → 满意度指标; 成本 or a value in 元 → 成本指标) and from the width the cell is
// wrapped at (each column wraps at its own width), and marked `uncertain` where neither decides.
// Where a page break cuts a project (the new page's first line starts with a space) the cells
// the break cut continue on the new page in an order the text does not keep: every indicator of
// that project is marked uncertain and carries its printed lines.
import type { Line, OutRow } from './types.ts';
import { isAmount, joinText, normText, parseAmount, parseTarget } from './text.ts';
import { deptPerformance } from './tables/deptPerformance.ts';
import type { Frag, Note, ReflowedSection } from './reflowed.ts';
import { CATEGORIES, CATEGORIES_ZH } from './tables/projectIndicators.ts';

export interface PerformanceRead {
  tables: Record<string, OutRow[]>;
  repairs: Note[];
}

/** Print width: CJK and full-width characters 1, ASCII ½. */
function vlen(s: string): number {
  let w = 0;
  for (const ch of s.replace(/\s+/g, '')) w += /[\x21-\x7e]/.test(ch) ? 0.5 : 1;
  return w;
}

/** A target such as `≥95%`, `100%`, `≤450元`, `3 人` (a number with at most a short unit). */
function isTarget(t: string): boolean {
  const p = parseTarget(t);
  return p.value !== null && (p.unit === null || (p.unit.length <= 5 && !/^[.．、]|[。；;，,：:=]/.test(p.unit)));
}

// ---------------------------------------------------------------------------------------------
// 部门（单位）整体绩效目标表: the printed lines are put back into the rows of the tab layout
// (年度主要任务 | 任务名称 | 主要内容, 预算情况 | label | amount, 一级 | 二级 | 三级 | 指标值 | 说明) and
// read by the tab layout's module, so both layouts are read by the same rules.

/** 一级/二级指标 of the 2023/2024 form and the 2020 申报表: printed once per group, wrapped narrow. */
const LEVEL_NAMES = ['投入管理指标', '产出指标', '效益指标', '满意度指标', '成本指标', '履职效能', '管理效率', '运行成本', '服务满意', '可持续性',
  '工作目标管理', '预算和财务管理', '绩效管理', '重点工作任务完成', '履职目标实现', '履职效益', '满意度'];
const slimOf = (s: string) => normText(s).replace(/\s+/g, '');

/** A short qualitative target (相关, 总体稳定) — never a level name. */
const isQualitative = (t: string) => /^[\u4e00-\u9fff]{1,4}$/.test(t) && !LEVEL_NAMES.some((l) => l.startsWith(t));

/** A wrapped cell of the printed lines. */
interface Wrapped { lines: Frag[]; text: string; open: boolean }

const cellOf = (f: Frag, text = f.text, open = true): Wrapped => ({ lines: [f], text, open });

/**
 * Does line `f` continue cell `c`, wrapped? Only a cell whose last line is as wide as its first
 * can go on, with a line no wider; a target, a level name or the end of a finished name
 * (…率, …性, …度) does not.
 */
function continues(c: Wrapped | undefined, f: Frag): boolean {
  if (!c || !c.open || /\s/.test(f.text) || isTarget(f.text) || LEVEL_NAMES.includes(slimOf(f.text)) || LEVEL_NAMES.includes(slimOf(c.text))) return false;
  const first = vlen(c.lines[0]!.text); const last = vlen(c.lines.at(-1)!.text);
  if (last < first - 0.5 || vlen(f.text) > first + 0.5) return false;
  return !(isQualitative(f.text) && /[率性度]$/.test(c.text));
}

function extend(c: Wrapped, f: Frag): void {
  c.lines.push(f);
  c.text = joinText([c.text, f.text]);
}

/** Tokens of a line, a bare number kept with the words around it (`重点工作 1 计划完成率`). */
function tokensOf(text: string): string[] {
  const out: string[] = [];
  const toks = text.trim().split(/\s+/);
  toks.forEach((t, i) => {
    if (out.length > 0 && (/^\d+$/.test(t) && i < toks.length - 1 || /^\d+$/.test(toks[i - 1]!) && out.at(-1)!.endsWith(` ${toks[i - 1]}`))) out[out.length - 1] += ` ${t}`;
    else out.push(t);
  });
  return out;
}

/** Index of the target among a line's tokens (after a name, or first when a name is pending), or -1; a number before a word. */
function valueIndex(tokens: string[], namePending: boolean): number {
  const can = (i: number) => i > 0 || namePending;
  const numeric = tokens.findIndex((t, i) => can(i) && isTarget(t));
  return numeric >= 0 ? numeric : tokens.findIndex((t, i) => can(i) && isQualitative(t));
}

/**
 * Task lines cut into (name, content) cells, each wrapped on lines of its own: a name goes on
 * while its lines are as wide as its first, a content while its lines are as wide as the widest
 * line of the list (the contents' column is the wide one).
 */
function taskCells(lines: Frag[]): Wrapped[] {
  const cells: Wrapped[] = [];
  const wide = Math.max(0, ...lines.map((f) => vlen(f.text)));
  // The contents' column wraps when two of its lines are full, or the list ends on the widest one's
  // continuation (洛阳 :4781–:4783); one widest line alone is just the longest content (焦作).
  const full = (f: Frag) => vlen(f.text) >= wide - 1.5;
  const wraps = lines.filter(full).length >= 2 || (lines.length >= 2 && full(lines.at(-2)!));
  lines.forEach((f, i) => {
    const c = cells.at(-1);
    const w = vlen(f.text);
    const last = c ? vlen(c.lines.at(-1)!.text) : 0;
    const isName = cells.length % 2 === 1;
    // A full line that ends a sentence ends the content unless the next line is full too.
    const sentenceEnds = c !== undefined && /[。；;]$/.test(c.text) && !full(f) && i < lines.length - 1;
    const goesOn = c && (isName ? last >= vlen(c.lines[0]!.text) - 1.5 && w <= vlen(c.lines[0]!.text) + 1
      : wraps && full(c.lines.at(-1)!) && !sentenceEnds);
    if (goesOn) extend(c, f);
    else cells.push(cellOf(f, normText(f.text)));
  });
  return cells;
}

interface GridRow { cells: Wrapped[]; value: number }

/** The indicator grid cut into rows: level and indicator names, the target, the 说明 after it. */
function gridRows(lines: Frag[]): GridRow[] {
  const rows: GridRow[] = [];
  let cells: Wrapped[] = [];
  let done: GridRow | null = null;
  let desc: Wrapped | null = null;
  for (const f of lines) {
    const tokens = tokensOf(f.text).map(normText);
    if (done) {
      // 说明 on lines of their own, wrapped wide, after the target's line.
      const startsDesc = !desc && vlen(f.text) >= 16 && valueIndex(tokens, false) < 0;
      if (startsDesc) { desc = cellOf(f, normText(f.text)); done.cells.push(desc); continue; }
      if (desc && vlen(desc.lines.at(-1)!.text) >= vlen(desc.lines[0]!.text) - 1.5 && valueIndex(tokens, false) < 0
        && !LEVEL_NAMES.some((l) => l.startsWith(slimOf(f.text)))) { extend(desc, f); continue; }
      rows.push(done); done = null; desc = null;
    }
    if (tokens.length === 1 && continues(cells.at(-1), f)) { extend(cells.at(-1)!, f); continue; }
    const vi = valueIndex(tokens, cells.length > 0);
    if (vi < 0) {
      // Level names (or an indicator) on a line: one cell, or several short cells side by side.
      for (const t of tokens) cells.push(cellOf(f, t, tokens.length === 1));
      continue;
    }
    for (const t of tokens.slice(0, vi)) cells.push(cellOf(f, t, false));
    const value = cells.length;
    cells.push(cellOf(f, tokens[vi]!, false));
    if (vi + 1 < tokens.length) cells.push(cellOf(f, tokens.slice(vi + 1).join(' '), false));
    done = { cells, value };
    if (vi + 1 < tokens.length) { rows.push(done); done = null; }
    cells = [];
  }
  if (done) rows.push(done);
  return rows;
}

export function readDeptPerformance(section: ReflowedSection, file = 'reflowed text'): PerformanceRead {
  const frags = section.frags;
  const at = (re: RegExp, from = 0) => { const k = frags.findIndex((f, i) => i >= from && re.test(slimOf(f.text))); return k < 0 ? frags.length : k; };
  const taskHead = at(/^任务名称/);
  const budgetHead = at(/^预算情况/, taskHead);
  const gridHead = at(/^一级指标.*三级指标/, taskHead);
  const rows: Line[] = [];
  const spans = new Map<number, number>();
  const row = (cells: Wrapped[], before: string[] = [], texts = cells.map((c) => c.text)) => {
    const lines = cells.flatMap((c) => c.lines.map((l) => l.n));
    const n = Math.min(...lines); const last = Math.max(...lines);
    if (last > n) spans.set(n, last);
    rows.push({ n, cells: [...before, ...texts] });
  };
  if (taskHead < frags.length) {
    rows.push({ n: frags[taskHead]!.n, cells: ['年度主要任务', '任务名称', '主要内容'] });
    const tasks = taskCells(frags.slice(taskHead + 1, Math.min(budgetHead, gridHead)));
    for (let i = 0; i < tasks.length; i += 2) row(tasks.slice(i, i + 2), ['']);
  }
  if (budgetHead < gridHead) {
    // An entry starts with its numbering (1、, （2）) or 部门预算总额; wrapped labels and the amount follow.
    const entries: Wrapped[] = [];
    for (const f of frags.slice(budgetHead + 1, gridHead)) {
      // A group label (1、资金来源：) shares its row with the group's first item, as in the tab layout.
      const afterGroup = /(资金来源|资金结构)[:：]?$/.test(slimOf(entries.at(-1)?.text ?? ''));
      if (entries.length === 0 || (!afterGroup && /^(部门预算总额|\d+、|[（(]\d+[)）])/.test(slimOf(f.text)))) entries.push(cellOf(f, f.text));
      else { entries.at(-1)!.lines.push(f); entries.at(-1)!.text += ` ${f.text}`; }
    }
    entries.forEach((e, i) => {
      const tokens = e.text.trim().split(/\s+/);
      const amount = tokens.length > 1 && isAmount(tokens.at(-1)!) ? tokens.pop()! : '';
      row([{ ...e, text: joinText(tokens) }], [i === 0 ? '预算情况' : '']);
      rows.at(-1)!.cells.push(amount);
    });
  }
  if (gridHead < frags.length) {
    const header = slimOf(frags[gridHead]!.text);
    rows.push({ n: frags[gridHead]!.n, cells: ['一级指标', '二级指标', '三级指标', '指标值', '指标值说明', ...(header.includes('指标说明') ? ['指标说明'] : [])] });
    // Cells at the columns of an unshifted row: the target under 指标值, the names before it, the 说明 after.
    for (const g of gridRows(frags.slice(gridHead + 1))) {
      const texts = g.cells.map((c) => c.text);
      // More names than name columns: the first ones share the 一级指标 column.
      for (let extra = g.value - 3; extra > 0; extra--) texts.splice(0, 2, joinText(texts.slice(0, 2)));
      row(g.cells, new Array<string>(Math.max(0, 3 - g.value)).fill(''), texts);
    }
  }
  const ctx = { doc: { docId: '', sourceFile: file, sha256: '', lines: [], layout: 'reflowed' as const,
    meta: { city: '', citySlug: '', department: '', fiscalYear: 0, docKind: 'budget' as const, title: '' } }, repairs: [] };
  const tables = deptPerformance.parse({ ...section, rows }, ctx);
  for (const rs of Object.values(tables)) for (const r of rs) r.source_line_end = spans.get(r.source_line as number) ?? null;
  return { tables, repairs: ctx.repairs };
}

// ---------------------------------------------------------------------------------------------
// 本级部门预算项目绩效目标汇总表

const TYPE_LABELS = ['其他运转类', '特定目标类'];
/** A project code: digits, at most one capital letter (`4103002100000Y8030002`, :5213), 18–22 characters. */
const PROJECT_CODE = /^\d{10,}[A-Z]?\d+$/;

/** The code a line starts with (tokens split by a space rejoined while the code is short of 21) and the text after it. */
function projectCodeOf(text: string): [string, string, string | undefined] | null {
  const toks = text.trim().split(/\s+/);
  let code = toks[0]!; let k = 1;
  while (code.length < 21 && k < toks.length && /^\d+$/.test(toks[k]!) && code.length + toks[k]!.length <= 22) code += toks[k++]!;
  if (!PROJECT_CODE.test(code) || code.length < 18 || code.length > 22) return null;
  return [text, toks.slice(0, k).join(' '), k < toks.length ? toks.slice(k).join(' ') : undefined];
}
const QUAL = /^(明显|显著|提升|提高|良好|平稳|落实|满意|及时|有效|正常|稳定|优良|合格|高|好|是|达标|完成|规范|较好|改善|增强|持续|长期|逐步|正常良好|及时完成|及时发放|有效提升|明显提升|提升|良好)$/;

interface Cell { parts: string[]; lines: number[]; width: number; multi: boolean; lastFull: boolean }

/** A line's cells: tokens split at spaces, a number kept with its unit (`3 人`, `14.2 万`). */
function piecesOf(text: string): string[] {
  const out: string[] = [];
  for (const t of text.trim().split(/\s+/)) {
    const prev = out.at(-1);
    if (prev !== undefined && (/\d$/.test(prev) && /^[^\d≥≤<>＞＜=]{1,3}$/.test(t) && !/^[\u4e00-\u9fff]{3}/.test(t)
      || /^指标$/.test(prev))) out[out.length - 1] = `${prev} ${t}`;
    else out.push(t);
  }
  return out;
}

const valueLike = (s: string) => isTarget(s) || (QUAL.test(s) && vlen(s) <= 4);
const UNIT_TAIL = /^(万?元|[/／].*|人次|次|个|人|%|天|月|年|场|户|家|件|部|份|张|元\/人)$/;

/** Cells of an indicator region: lines wrapped at a cell's width joined, unit tails kept with their number. */
function cellsOf(lines: Frag[]): Cell[] {
  const cells: Cell[] = [];
  lines.forEach((f, li) => {
    const pieces = piecesOf(f.text);
    const after = lines[li + 1] ? piecesOf(lines[li + 1]!.text) : [];
    pieces.forEach((p, k) => {
      const c = cells.at(-1);
      const w = vlen(p);
      const alone = pieces.length === 1;
      let join = false;
      if (c && alone && k === 0) {
        const last = c.parts.at(-1)!;
        if ((/[\d万]$/.test(last) && UNIT_TAIL.test(p)) || (/\d\s*万?元$/.test(last) && /^[/／]/.test(p))) join = true;
        else if (valueLike(p) && !c.multi) join = false;
        else if (/^[≥≤<>＞＜=]?\d/.test(p)) join = false;
        else if (!c.multi) join = !valueLike(joinText(c.parts)) && c.lines.length === 1 && w <= c.width && c.width >= 2 && !UNIT_TAIL.test(p);
        else join = c.lastFull && w <= c.width + 0.5;
        // A short line followed by a line as wide: the first line of the next wrapped cell.
        if (join && c.multi && w < c.width - 0.5 && after.length === 1 && Math.abs(vlen(after[0]!) - w) <= 0.5 && !UNIT_TAIL.test(after[0]!) && !valueLike(after[0]!)) join = false;
      }
      if (join) {
        c!.lastFull = Math.abs(w - c!.width) <= 0.5;
        c!.parts.push(p); c!.lines.push(f.n); c!.multi = true;
      } else cells.push({ parts: [p], lines: [f.n], width: w, multi: false, lastFull: true });
    });
  });
  return cells;
}

const cellText = (c: Cell) => joinText(c.parts);

interface Block {
  code: string; codeLine: number; nameParts: string[]; amount: number | null; amountLine: number;
  unitCode: string | null; unitName: string | null; region: Frag[]; pageBreak: boolean;
}

function target(text: string): { comparator: string | null; value: number | null; unit: string | null } {
  const t = parseTarget(text);
  if (t.value !== null && t.unit !== null && (/^[-~～—/.:]/.test(t.unit) || /\d/.test(t.unit))) return { comparator: null, value: null, unit: null };
  return t;
}

export function readProjectPerformance(section: ReflowedSection): PerformanceRead {
  const table = 'project_indicators';
  const repairs: Note[] = [];
  const frags = section.frags;
  // Codes split over two lines (`4103002100000` / `Y8030002`): rejoined first.
  const fs: Frag[] = [];
  for (let i = 0; i < frags.length; i++) {
    const f = frags[i]!; const g = frags[i + 1];
    if (g && /^\d{7,19}$/.test(f.text) && /^[\dA-Z]{2,}(\s|$)/.test(g.text) && !/^\d{4}$/.test(g.text.split(/\s+/)[0]!)) {
      const joined = f.text + g.text.split(/\s+/)[0]!;
      if (PROJECT_CODE.test(joined) && joined.length >= 18 && joined.length <= 22) {
        fs.push({ ...f, text: `${joined}${g.text.slice(g.text.split(/\s+/)[0]!.length)}`, head: '', amounts: [] });
        repairs.push({ table, line: f.n, what: `project code printed over lines ${f.n}–${g.n} rejoined (${joined})` });
        i++;
        continue;
      }
    }
    fs.push(f);
  }
  let dept: string | null = null;
  let unitCode: string | null = null;
  let unitName: string | null = null;
  const blocks: Block[] = [];
  let i = fs.findIndex((f) => /^\d{3}$/.test(f.text.trim()));
  if (i < 0) return { tables: { [table]: [] }, repairs };
  const isProjectCode = (f: Frag) => projectCodeOf(f.text);
  const isUnitCode = (f: Frag) => /^\d{3}(\d{3})?$/.test(f.text.trim()) && (dept === null || f.text.trim().startsWith(dept));
  while (i < fs.length) {
    const f = fs[i]!;
    const pm = isProjectCode(f);
    if (!pm && isUnitCode(f)) {
      // Unit (or department) row: code, name lines, amounts.
      const code = f.text.trim();
      const name: string[] = [];
      let j = i + 1;
      while (j < fs.length && fs[j]!.amounts.length === 0 && name.length < 8) name.push(fs[j++]!.text);
      if (code.length === 3) dept = code;
      i = j + 1;
      // A name cut by a page break ends on the new page, after the amounts (:8776–:8782).
      if (fs[i]?.pageStart) {
        const start = fs[i]!.n;
        while (i < fs.length && !isProjectCode(fs[i]!) && !isUnitCode(fs[i]!) && fs[i]!.amounts.length === 0 && name.length < 10) name.push(fs[i++]!.text);
        repairs.push({ table, line: start, what: `unit ${code}: name continued after the page break` });
      }
      unitCode = code; unitName = joinText(name);
      continue;
    }
    if (!pm) { i++; continue; }
    const code = pm[1]!.replace(/\s+/g, '');
    if (code !== pm[1]) repairs.push({ table, line: f.n, what: `project code split by a space rejoined (${code})` });
    const nameParts: string[] = pm[2] ? [pm[2]] : [];
    let j = i + 1;
    let type = '';
    let amount: number | null = null; let amountLine = f.n;
    // Name lines, then the type label one character per line, then the amounts.
    while (j < fs.length) {
      const g = fs[j]!; const t = g.text.trim();
      if (isProjectCode(g) || (isUnitCode(g) && g.amounts.length === 0)) break;
      if (g.head === '' && g.amounts.length > 0) { amount = parseAmount(g.amounts[0]); amountLine = g.n; j++; break; }
      const next = TYPE_LABELS.find((l) => l.startsWith(type + t) && t.length === 1);
      if (next && (type !== '' || TYPE_LABELS.some((l) => l.startsWith(t + (fs[j + 1]?.text.trim() ?? ''))))) type += t;
      else if (type === '') nameParts.push(t);
      else break;
      j++;
    }
    const region: Frag[] = [];
    while (j < fs.length && !isProjectCode(fs[j]!) && !isUnitCode(fs[j]!)) region.push(fs[j++]!);
    const pageBreak = region.some((r) => r.pageStart);
    // The rest of a type label cut by a page break (` 运`/`转`/`类`, :5363): not an indicator cell.
    const full = TYPE_LABELS.find((l) => l.startsWith(type));
    if (full && type.length < full.length) {
      let rest = full.slice(type.length);
      for (let k = 0; k < region.length && rest; k++) {
        const r = region[k]!;
        if (!r.pageStart && k > 0 && region.slice(0, k).every((x) => !x.pageStart)) continue;
        const toks = r.text.trim().split(/\s+/);
        if (toks[0] === rest[0]) {
          rest = rest.slice(1);
          const left = toks.slice(1).join(' ');
          region[k] = { ...r, text: left, head: left };
          // the label's following characters, one per line
          while (rest && region[k + 1]?.text.trim() === rest[0]) { region.splice(k + 1, 1); rest = rest.slice(1); }
          repairs.push({ table, line: r.n, what: `项目分类 label ${full} finished after the page break` });
          break;
        }
      }
    }
    blocks.push({ code, codeLine: f.n, nameParts, amount, amountLine, unitCode, unitName, region: region.filter((r) => r.text.trim() !== ''), pageBreak });
    i = j;
  }

  // Cells → (indicator, value) pairs, in printed order.
  type Pair = { ind: Cell; val: Cell | null; cat: number; certain: boolean };
  const perBlock = blocks.map((b) => {
    const cells = cellsOf(b.region);
    const pairs: Pair[] = [];
    for (let k = 0; k < cells.length; k += 2) {
      const ind = cells[k]!; const val = cells[k + 1] ?? null;
      const okPair = val !== null && !valueLike(cellText(ind)) && (valueLike(cellText(val)) || vlen(cellText(val)) >= 4);
      pairs.push({ ind, val, cat: -1, certain: okPair && !b.pageBreak });
    }
    return pairs;
  });
  const SAT = /满意/;
  const costLike = (p: Pair) => /成本|经费标准|补助标准|总额|预算金额/.test(cellText(p.ind)) || /\d\s*万?元/.test(p.val ? cellText(p.val) : '');
  // Column widths from the first rows read with certainty (four pairs, the fourth a 满意 indicator).
  const widths = new Map<number, Map<number, number>>();
  perBlock.forEach((pairs) => {
    const s = pairs.findIndex((p) => SAT.test(cellText(p.ind)));
    if (s !== 3) return;
    pairs.slice(0, 4).forEach((p, c) => {
      p.cat = c;
      if (p.ind.multi) { const m = widths.get(p.ind.width) ?? new Map(); m.set(c, (m.get(c) ?? 0) + 1); widths.set(p.ind.width, m); }
    });
  });
  const byWidth = (w: number): number | null => {
    const m = widths.get(w);
    if (!m) return null;
    const sorted = [...m.entries()].sort((a, b) => b[1] - a[1]);
    return sorted.length === 1 || sorted[0]![1] >= 3 * sorted[1]![1] ? sorted[0]![0] : null;
  };
  perBlock.forEach((pairs) => {
    const s = pairs.findIndex((p) => SAT.test(cellText(p.ind)));
    let from = 0;
    if (s === 3) from = 4;
    else if (s >= 0 && s < 3) {
      // The first row prints fewer than four pairs: which categories it skips is a guess.
      const cats = s === 2 ? (costLike(pairs[0]!) ? [0, 1, 3] : [1, 2, 3]) : s === 1 ? [costLike(pairs[0]!) ? 0 : 1, 3] : [3];
      pairs.slice(0, s + 1).forEach((p, k) => { p.cat = cats[k]!; if (k < s && !(k === 0 && costLike(p))) p.certain = false; });
      from = s + 1;
    }
    for (const p of pairs.slice(from)) {
      const w = p.ind.multi ? byWidth(p.ind.width) : null;
      if (SAT.test(cellText(p.ind))) p.cat = 3;
      else if (costLike(p)) p.cat = 0;
      else if (w !== null && w !== 3 && w !== 0) p.cat = w;
      else { p.cat = 1; p.certain = false; }
    }
  });

  const out: OutRow[] = [];
  blocks.forEach((b, k) => {
    for (const p of perBlock[k]!) {
      const val = p.val ? cellText(p.val) : '';
      const t = target(val);
      const lines = [...p.ind.lines, ...(p.val?.lines ?? [])];
      const first = Math.min(...lines); const last = Math.max(...lines);
      out.push({
        source_line: first, source_line_end: last > first ? last : null,
        project_code: b.code, project_name: joinText(b.nameParts), unit_code: b.unitCode, unit_name: b.unitName,
        project_amount: b.amount, category: CATEGORIES[p.cat]!, category_zh: CATEGORIES_ZH[p.cat]!,
        indicator: cellText(p.ind).replace(/^指标\s*\d+\s*[:：]\s*/, ''), target_text: val,
        comparator: t.comparator, target_value: t.value, target_unit: t.unit,
        pairing: p.certain ? 'certain' : 'uncertain',
        raw_cells: p.certain ? null : [...p.ind.parts, ...(p.val?.parts ?? [])].join(' | '),
      });
    }
    if (b.pageBreak) repairs.push({ table, line: b.codeLine, what: `project ${b.code}: a page break cuts its cells; every indicator marked uncertain` });
  });
  return { tables: { [table]: out }, repairs };
}
