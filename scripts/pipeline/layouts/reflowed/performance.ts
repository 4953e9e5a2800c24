// Layout recovery for the reflowed layout: 部门（单位）整体绩效目标表 → dept_indicators, tasks,
import { blankMeta } from '../../metadata.ts';
// dept_budget_overview. The conversion printed the first column's label on lines of its own,
// wrapped narrow (`年度主要任`/`务`, `投入管理`/`指标`, 洛阳 :4769, :4809), a row's cells that fit
// their column side by side (`年度履职目标相关性 相关`, :4816; with a short 说明, :4843) and a wider
// cell wrapped on lines of its own (说明 :4818–:4822, task names and contents :4775–:4783). The
// lines are put back into the tab layout's rows and read by tables/deptPerformance.ts, so both
// layouts are read by the same rules.
//
// The 本级部门预算项目绩效目标汇总表 is read in projectIndicators.ts.
import type { Line, OutRow } from '../../types.ts';
import { isAmount, isTarget, joinText, normText, printWidth, slim } from '../../text.ts';
import { deptPerformance } from '../../tables/deptPerformance.ts';
import type { Frag, Note, ReflowedSection } from './fragments.ts';

export interface PerformanceRead {
  tables: Record<string, OutRow[]>;
  repairs: Note[];
}

// ---------------------------------------------------------------------------------------------
// 部门（单位）整体绩效目标表: the printed lines are put back into the rows of the tab layout
// (年度主要任务 | 任务名称 | 主要内容, 预算情况 | label | amount, 一级 | 二级 | 三级 | 指标值 | 说明) and
// read by the tab layout's module, so both layouts are read by the same rules.

/** 一级/二级指标 of the 2023/2024 form and the 2020 申报表: printed once per group, wrapped narrow. */
const LEVEL_NAMES = ['投入管理指标', '产出指标', '效益指标', '满意度指标', '成本指标', '履职效能', '管理效率', '运行成本', '服务满意', '可持续性',
  '工作目标管理', '预算和财务管理', '绩效管理', '重点工作任务完成', '履职目标实现', '履职效益', '满意度'];

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
  if (!c || !c.open || /\s/.test(f.text) || isTarget(f.text) || LEVEL_NAMES.includes(slim(f.text)) || LEVEL_NAMES.includes(slim(c.text))) return false;
  const first = printWidth(c.lines[0]!.text); const last = printWidth(c.lines.at(-1)!.text);
  if (last < first - 0.5 || printWidth(f.text) > first + 0.5) return false;
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
  const wide = Math.max(0, ...lines.map((f) => printWidth(f.text)));
  // The contents' column wraps when two of its lines are full, or the list ends on the widest one's
  // continuation (洛阳 :4781–:4783); one widest line alone is just the longest content (焦作).
  const full = (f: Frag) => printWidth(f.text) >= wide - 1.5;
  const wraps = lines.filter(full).length >= 2 || (lines.length >= 2 && full(lines.at(-2)!));
  lines.forEach((f, i) => {
    const c = cells.at(-1);
    const w = printWidth(f.text);
    const last = c ? printWidth(c.lines.at(-1)!.text) : 0;
    const isName = cells.length % 2 === 1;
    // A full line that ends a sentence ends the content unless the next line is full too.
    const sentenceEnds = c !== undefined && /[。；;]$/.test(c.text) && !full(f) && i < lines.length - 1;
    const goesOn = c && (isName ? last >= printWidth(c.lines[0]!.text) - 1.5 && w <= printWidth(c.lines[0]!.text) + 1
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
      const startsDesc = !desc && printWidth(f.text) >= 16 && valueIndex(tokens, false) < 0;
      if (startsDesc) { desc = cellOf(f, normText(f.text)); done.cells.push(desc); continue; }
      if (desc && printWidth(desc.lines.at(-1)!.text) >= printWidth(desc.lines[0]!.text) - 1.5 && valueIndex(tokens, false) < 0
        && !LEVEL_NAMES.some((l) => l.startsWith(slim(f.text)))) { extend(desc, f); continue; }
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
  const at = (re: RegExp, from = 0) => { const k = frags.findIndex((f, i) => i >= from && re.test(slim(f.text))); return k < 0 ? frags.length : k; };
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
      const afterGroup = /(资金来源|资金结构)[:：]?$/.test(slim(entries.at(-1)?.text ?? ''));
      if (entries.length === 0 || (!afterGroup && /^(部门预算总额|\d+、|[（(]\d+[)）])/.test(slim(f.text)))) entries.push(cellOf(f, f.text));
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
    const header = slim(frags[gridHead]!.text);
    rows.push({ n: frags[gridHead]!.n, cells: ['一级指标', '二级指标', '三级指标', '指标值', '指标值说明', ...(header.includes('指标说明') ? ['指标说明'] : [])] });
    // Cells at the columns of an unshifted row: the target under 指标值, the names before it, the 说明 after.
    for (const g of gridRows(frags.slice(gridHead + 1))) {
      const texts = g.cells.map((c) => c.text);
      // More names than name columns: the first ones share the 一级指标 column.
      for (let extra = g.value - 3; extra > 0; extra--) texts.splice(0, 2, joinText(texts.slice(0, 2)));
      row(g.cells, new Array<string>(Math.max(0, 3 - g.value)).fill(''), texts);
    }
  }
  const ctx = { doc: { docId: '', sourceFile: file, sha256: '', lines: [], layout: 'reflowed' as const, format: 'txt' as const, pageCount: null, meta: blankMeta() }, repairs: [] };
  const tables = deptPerformance.parse({ ...section, rows }, ctx);
  for (const rs of Object.values(tables)) for (const r of rs) r.source_line_end = spans.get(r.source_line as number) ?? null;
  return { tables, repairs: ctx.repairs };
}
