// Test utility: turn a tab-layout disclosure into the "reflowed" layout the way the conversion of
import { blankMeta } from '../scripts/pipeline/metadata.ts';
// luoyang-2024-budget.txt printed it, so the reflowed reader can be checked against the tab reader
// on the same document.
//
// What the 洛阳 text shows, and what this imitates:
// - blank line after every printed line; narrative prose wrapped at ~25 characters (:7–:42);
// - a table row's short cells on one line, space-separated (`208 01 01 行政运行 1598.20 …`, :707),
//   long text cells on lines of their own, wrapped (:713–:717), amounts together on one line;
// - only the non-blank cells of a row are printed (`4.00 4.00`, :3161);
// - in the 项目支出表 the type label printed vertically, one character per line (:2983–:2991),
//   the project name wrapped at ~10 characters and the unit at ~6 (:2993–:3005);
// - page breaks: three blank lines, the page number, a blank (:928–:932); the first line of the
//   new page starts with a space (:744, :3198); a vertical label cut by the break ends after the
//   row, on the new page (:3183–:3200, :4669–:4691);
// - header rows printed again after a page break (as the tab layout repeats them);
// - in the performance tables each column wrapped at a width of its own, a row's cells that fit
//   side by side on a line, a wider one on lines of its own (:4816–:4822, :5077–:5086); in the
//   项目绩效目标表 a cell at the width of the category the tab reader gives it (the tab conversion
//   shifted cells, the PDF did not) and with the fragments the tab conversion wrapped onto later
//   lines joined, as the tab reader joins them.
import { standardOf } from '../scripts/pipeline/templates/tables.ts';
import { isAmount, printWidth } from '../scripts/pipeline/text.ts';
import { assignRoles, ROLE_COL } from '../scripts/pipeline/tables/deptPerformance.ts';
import { projectIndicators, CATEGORIES } from '../scripts/pipeline/tables/projectIndicators.ts';
import { findSections } from '../scripts/pipeline/layouts/tab/sections.ts';

export interface ReflowOptions {
  /** Seed of the deterministic choices (wrap widths, page lengths, where labels are cut). */
  seed?: number;
  /** Table rows per page, before the seeded jitter (default 12). */
  rowsPerPage?: number;
  /** First page number (default 10). */
  firstPage?: number;
}

/** mulberry32: a small deterministic generator (also the mutation tests' and the benchmark corpus's). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Wrap at `width` characters, never inside a run of Latin letters or digits (`2023` stays whole). */
function chunks(s: string, width: number): string[] {
  const chars = [...s];
  const out: string[] = [];
  let i = 0;
  while (i < chars.length) {
    let end = Math.min(chars.length, i + width);
    while (end < chars.length && end > i + 1 && /[A-Za-z0-9.,]/.test(chars[end]!) && /[A-Za-z0-9.,]/.test(chars[end - 1]!)) end--;
    const part = chars.slice(i, end).join('').trim();
    if (part) out.push(part);
    i = end;
  }
  return out.length ? out : [''];
}

const TYPE = /^(特定目标类|其他运转类)$/;

function titleOf(text: string): string | undefined {
  if (text.includes('\t')) return undefined;
  const t = text.replace(/\s+/g, '');
  if (t.length === 0 || t.length > 40 || /^(-\s*)?[一二三四五六七八九十]+、/.test(t) || /^附件/.test(t)) return undefined;
  return standardOf(t)?.key;
}

const ALNUM = /[A-Za-z0-9.,%]/;

/** Wrap at print width `width`, never inside a run of Latin letters or digits (a run wider than the cell overflows). */
function wrapAt(s: string, width: number): string[] {
  const chars = [...s.trim()];
  const out: string[] = [];
  let i = 0;
  while (i < chars.length) {
    let end = i; let w = 0;
    while (end < chars.length && (end === i || w + printWidth(chars[end]!) <= width)) w += printWidth(chars[end++]!);
    let cut = end;
    while (cut < chars.length && cut > i && ALNUM.test(chars[cut]!) && ALNUM.test(chars[cut - 1]!)) cut--;
    if (cut === i) while (end < chars.length && ALNUM.test(chars[end]!)) end++;
    else end = cut;
    const part = chars.slice(i, end).join('').trim();
    if (part) out.push(part);
    i = end;
  }
  return out;
}

const DEPT_NAME = /^部门(（单位）|\(单位\))?名称/;
const RULE = /^[-—–]*$/;

/**
 * The 项目绩效目标表's lines without the wrapped text the tab conversion printed on later lines
 * (the reflowed conversion prints a cell whole): a name continued in the name column joins the
 * name; lone cells (runs of odd length) are left out, as the tab reader joins them to the cells
 * they continue (`pairReadings`, whose text projectRow prints for those cells).
 */
function joinProjectFragments(rows: Numbered[]): Numbered[] {
  const out: string[][] = [];
  const ns: number[] = [];
  let lastCode = -1;
  for (const { text: raw, n } of rows) {
    ns.push(n);
    if (!raw.includes('\t')) { out.push([raw]); continue; }
    const cells = raw.split('\t');
    const c0 = cells[0]!.trim();
    if (/^\d[\d ]*$/.test(c0)) { out.push(cells); lastCode = out.length - 1; continue; }
    if (c0 !== '' || lastCode < 0) { out.push(cells); continue; }
    if ((cells[1] ?? '').trim() !== '') {
      out[lastCode]![1] = `${out[lastCode]![1]!.trim()}${cells[1]!.trim()}`;
      cells[1] = '';
    }
    const filled = cells.map((c, i) => (i >= 2 && c.trim() !== '' ? i : -1)).filter((i) => i >= 0);
    const runs: number[][] = [];
    for (const i of filled) (runs.at(-1)?.at(-1) === i - 1 ? runs.at(-1)!.push(i) : runs.push([i]));
    if (runs.some((r) => r.length % 2 === 1)) for (const i of filled) cells[i] = '';
    if (cells.some((c) => c.trim() !== '')) out.push(cells);
    else ns.pop();
  }
  return out.map((c, i) => ({ text: c.join('\t'), n: ns[i]! }));
}

export function reflow(lines: string[], opts: ReflowOptions = {}): string[] {
  const rand = rng(opts.seed ?? 1);
  const between = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const out: string[] = [];
  let page = opts.firstPage ?? 10;
  let pageStart = false;
  /** Print one physical line followed by a blank line; the first line of a page starts with a space. */
  const put = (text: string) => {
    out.push(pageStart ? ` ${text}` : text);
    out.push('');
    pageStart = false;
  };
  const pageBreak = () => {
    out.push('', '', String(page++), '');
    pageStart = true;
  };

  let table: string | null = null;
  let header: string[][] = [];
  let inHeader = false;
  let rowsLeft = 0;
  let widths = { name: 10, unit: 6, label: 12, head: 4 };
  /** Characters of a vertical label still to print after a page break. */
  let labelRest: string[] = [];
  // The performance tables draw from a generator of their own: the other tables' draws stay as they were.
  const perfRand = rng((opts.seed ?? 1) * 7919 + 1);
  const perfBetween = (lo: number, hi: number) => lo + Math.floor(perfRand() * (hi - lo + 1));
  let perf = perfWidths(perfBetween);
  /** Block of the 整体绩效目标表 being printed (the columns mean something else in each). */
  let block: 'head' | 'tasks' | 'budget' | 'grid' = 'head';
  let hasNote = false;
  /** Column of 成本指标's 三级指标 in the 项目绩效目标表 header. */
  let base = 6;
  /** A blank line of the tab layout inside the 项目绩效目标表: its page break, kept. */
  let breakAhead = false;

  /** A row's cells in order: cells that fit their column share a line, a wider one is wrapped on lines of its own. */
  const fitCells = (cells: Array<{ text: string; width: number }>) => {
    let line: string[] = [];
    const flush = () => { if (line.length) put(line.join(' ')); line = []; };
    for (const c of cells) {
      if (printWidth(c.text) <= c.width) { line.push(c.text); continue; }
      flush();
      for (const part of wrapAt(c.text, c.width)) put(part);
    }
    flush();
  };
  const filledOf = (cells: string[]) => cells.map((c, col) => ({ col, text: c.replace(/\s+/g, ' ').trim() })).filter((c) => c.text !== '');

  // 部门（单位）整体绩效目标表 (洛阳 :4754–:4967): the first column's label on lines of its own
  // (`年度主要任`/`务`, `投入管理`/`指标`), the other cells by the fit rule, each column at its width.
  const deptRow = (tabCells: string[]) => {
    const t = tabCells.map((c) => c.replace(/\s+/g, ''));
    if (t.every((c) => RULE.test(c))) return; // the tab conversion's rule line, not printed text
    const filled = filledOf(tabCells);
    if (DEPT_NAME.test(t[0]!)) { put(filled.map((c) => c.text).join(' ')); return; }
    if (t.slice(0, 2).includes('年度主要任务') || (block === 'head' && t.includes('任务名称'))) block = 'tasks';
    else if (t[0] === '预算情况') block = 'budget';
    else if (t[0] === '一级指标' && t.includes('三级指标')) { block = 'grid'; hasNote = t.includes('指标说明'); put(filled.map((c) => c.text).join(' ')); return; }
    const widths = perf.dept[block];
    // Each cell at the width of the column it belongs to: in the indicator grid the column the tab
    // reader puts it in (the tab conversion shifted cells, the PDF did not), in the task list by
    // order (name, content).
    let columns = filled.map((c) => c.col);
    if (block === 'grid') {
      const placed = assignRoles(filled, hasNote) ?? [];
      columns = filled.map((c, i) => (placed[i] ? ROLE_COL[placed[i]!.role] : c.col));
    } else if (block === 'tasks') {
      let k = 0;
      columns = filled.map((c) => (c.col === 0 && /^(年度主要)?任务$/.test(c.text.replace(/\s+/g, '')) ? 0 : ++k));
    }
    const cells = filled.map((c, i) => ({ text: c.text, col: columns[i]! }));
    const first = cells[0]?.col === 0 ? cells.shift()! : null;
    if (first) for (const part of wrapAt(first.text, widths[0]!)) put(part);
    // Task names and contents each on lines of their own (:4775–:4783).
    if (block === 'tasks' && cells.every((c) => c.col > 0 && !/任务名称/.test(c.text))) {
      for (const c of cells) for (const part of wrapAt(c.text, widths[Math.min(c.col, widths.length - 1)]!)) put(part);
      return;
    }
    fitCells(cells.map((c) => ({ text: c.text, width: isAmount(c.text) ? Infinity : widths[Math.min(c.col, widths.length - 1)]! })));
  };

  // 项目绩效目标表 (洛阳 :4970–): code (with the name when it fits), the name wrapped, the amounts
  // on one line, then the indicator cells, each at the width of its category's column (`pairs`,
  // as the tab reader reads them); without them, of the column it is printed in.
  const projectRow = (cells: string[], pairs: PairReading[] | undefined) => {
    const c0 = cells[0]!.trim();
    const byColumn = (col: number) => {
      const d = col - base;
      return d < 0 ? perf.ind[0]! : d % 2 === 0 ? perf.ind[Math.min(3, d / 2)]! : perf.val[Math.min(3, (d - 1) / 2)]!;
    };
    let start = 2;
    if (/^\d[\d ]*$/.test(c0)) {
      const name = (cells[1] ?? '').trim();
      const project = c0.replace(/\s+/g, '').length >= 15;
      const nameWidth = project ? perf.projectName : perf.unitName;
      if (name !== '' && printWidth(name) <= nameWidth) put(`${c0} ${name}`);
      else { put(c0); if (name) for (const part of wrapAt(name, nameWidth)) put(part); }
      start = 3;
      // An amount split by a space (`30079.9 0`, 焦作 :1199) is still an amount.
      while (start <= 5 && start < cells.length && (cells[start]!.trim() === '' || isAmount(cells[start]!.replace(/\s+/g, '')))) start++;
      put(cells.slice(2, start).map((c) => c.trim()).filter((c) => c !== '').join(' '));
    }
    const indicatorCells = filledOf(cells).filter((c) => c.col >= start);
    const paired = pairs !== undefined && pairs.length * 2 === indicatorCells.length;
    fitCells(indicatorCells.map((c, i) => {
      const p = paired ? pairs[Math.floor(i / 2)]! : null;
      if (!p) return { text: c.text, width: byColumn(c.col) };
      return { text: p.joined ? (i % 2 === 0 ? p.indicator : p.target) : c.text, width: (i % 2 === 0 ? perf.ind : perf.val)[p.cat]! };
    }));
  };

  const renderRow = (cells: string[]) => {
    const filled = cells.map((c) => c.trim());
    const nonEmpty = filled.filter((c) => c !== '');
    if (nonEmpty.length === 0) return;
    const firstAmount = filled.findIndex((c) => c !== '' && isAmount(c) && /[.,]/.test(c));
    const amounts = firstAmount < 0 ? [] : filled.slice(firstAmount).filter((c) => c !== '');
    const labels = (firstAmount < 0 ? filled : filled.slice(0, firstAmount)).filter((c) => c !== '');
    if (table === 'summary') {
      put(nonEmpty.join(' '));
      return;
    }
    if (firstAmount < 0) {
      // A header row (or a wrapped fragment): each cell on its own lines, narrow.
      for (const c of labels) for (const part of chunks(c.replace(/\s+/g, ''), widths.head)) put(part);
      return;
    }
    if (table === 'projects') {
      let [type, ...rest] = labels;
      if (type && TYPE.test(type)) {
        const chars = [...type];
        // Cut the vertical label at the page break when this is the page's last row.
        const cut = rowsLeft === 1 && rand() < 0.7 ? between(2, chars.length - 1) : chars.length;
        for (const ch of chars.slice(0, cut)) put(ch);
        labelRest = chars.slice(cut);
      } else if (type) rest = [type, ...rest];
      if (rest.length > 0 && /^\d+$/.test(rest[0]!)) {
        put(rest.shift()!); // a department row's code
        for (const c of rest) for (const part of chunks(c, widths.unit)) put(part);
      } else {
        const [name, ...units] = rest;
        if (name) for (const part of chunks(name.replace(/\s+/g, ' '), widths.name)) put(part);
        for (const u of units) for (const part of chunks(u, widths.unit)) put(part);
      }
      put(amounts.join(' '));
      return;
    }
    // Other tables: codes and a short name on the line of the amounts, a long name on lines of its own.
    const long = labels.filter((l) => !/^\d+$/.test(l)).some((l) => [...l].length > widths.label);
    if (!long) { put([...labels, ...amounts].join(' ')); return; }
    const codes = labels.filter((l) => /^\d+$/.test(l));
    const texts = labels.filter((l) => !/^\d+$/.test(l));
    if (codes.length) put(codes.join(' '));
    for (const t of texts) for (const part of chunks(t, widths.label)) put(part);
    put(amounts.join(' '));
  };

  const readings = pairReadings(lines);
  for (const { text: raw, n } of withProjectFragmentsJoined(lines)) {
    const text = raw.replace(/\s+$/, '');
    const title = titleOf(text);
    if (title) {
      table = title;
      header = [];
      inHeader = true;
      rowsLeft = between(opts.rowsPerPage ?? 12, (opts.rowsPerPage ?? 12) + 4);
      widths = { name: between(9, 11), unit: between(6, 7), label: between(10, 12), head: between(3, 5) };
      if (title === 'dept_performance' || title === 'project_performance') perf = perfWidths(perfBetween);
      block = 'head';
      breakAhead = false;
      put(text.trim());
      continue;
    }
    if (text.trim() === '') {
      if (table === 'project_performance' && !inHeader) breakAhead = true;
      continue;
    }
    if (!text.includes('\t')) {
      // Prose, notes, 部门名称/单位 lines.
      if (table === null || !/^(部门名称|单位[:：])/.test(text.trim())) {
        if (table !== null && !/^注/.test(text.trim()) && [...text.trim()].length <= 30) { put(text.trim()); continue; }
        table = /^注/.test(text.trim()) ? table : null;
        for (const part of chunks(text.trim(), 25)) put(part);
      } else put(text.trim());
      continue;
    }
    const cells = text.split('\t');
    if (table === 'dept_performance') {
      deptRow(cells);
      if (--rowsLeft <= 0) { pageBreak(); rowsLeft = perfBetween(opts.rowsPerPage ?? 12, (opts.rowsPerPage ?? 12) + 4); }
      continue;
    }
    const hasAmounts = cells.some((c) => c.trim() !== '' && isAmount(c.trim()) && /[.,]/.test(c.trim()));
    if (table === 'project_performance' && inHeader && !/^\d/.test(cells[0]!.trim())) {
      const k = cells.findIndex((c) => c.replace(/\s+/g, '') === '三级指标');
      if (k >= 0) base = k;
    }
    if (inHeader && !hasAmounts) { header.push(cells); renderRow(cells); continue; }
    inHeader = false;
    if (table === 'project_performance' && breakAhead) { breakAhead = false; rowsLeft = 0; pageBreakWithHeader(); }
    if (table === 'project_performance') projectRow(cells, readings.get(n));
    else renderRow(cells);
    rowsLeft--;
    if (rowsLeft <= 0 && table !== null) pageBreakWithHeader();
  }
  return out;

  function pageBreakWithHeader(): void {
    pageBreak();
    if (labelRest.length) { for (const ch of labelRest) put(ch); labelRest = []; }
    for (const h of header) renderRow(h);
    rowsLeft = between(opts.rowsPerPage ?? 12, (opts.rowsPerPage ?? 12) + 4);
  }
}

/** Column widths of the performance tables, drawn per table (洛阳's are in the comments). */
function perfWidths(between: (lo: number, hi: number) => number) {
  const label = between(4, 5); // 年度履职目/标 :4759, 投入管理/指标 :4809
  const dept = {
    head: [label, between(70, 76)], // :4763
    tasks: [label, between(13, 16), between(50, 58)], // :4775 (15), :4781
    budget: [label, between(5, 6), between(8, 10)], // 1、资金来/源： :4789, （2）财政专户管理/资金 :4794
    grid: [label, label, between(8, 10), between(5, 6), between(46, 54), between(46, 54)], // :4816, :4818
  };
  // 三级指标 of 成本/产出/效益/满意度 at 2/5/3/4 (:5077, :5109, :5088, :5109): each column its own width
  const ind = [2, 3, 4, 5];
  for (let i = ind.length - 1; i > 0; i--) { const j = between(0, i); [ind[i], ind[j]] = [ind[j]!, ind[i]!]; }
  const val = [between(4, 6), between(4, 6), between(3, 5), between(4, 5)];
  return { dept, ind, val, projectName: between(4, 10), unitName: between(4, 6) };
}

interface Numbered { text: string; n: number }

/** The lines (with their 1-based numbers) with the 项目绩效目标表's wrapped fragments joined to their cells (joinProjectFragments). */
function withProjectFragmentsJoined(lines: string[]): Numbered[] {
  const out: Numbered[] = [];
  let rows: Numbered[] | null = null;
  const end = () => { if (rows) out.push(...joinProjectFragments(rows)); rows = null; };
  lines.forEach((text, i) => {
    const l = { text, n: i + 1 };
    const title = titleOf(text.replace(/\s+$/, ''));
    if (title) { end(); if (title === 'project_performance') { out.push(l); rows = []; return; } }
    if (rows) rows.push(l); else out.push(l);
  });
  end();
  return out;
}

/** An (indicator, value) pair of a line of the 项目绩效目标表 as the tab reader reads it. */
interface PairReading { cat: number; indicator: string; target: string; joined: boolean }

/**
 * Each line's pairs as the tab reader reads them: their category (0–3), since the PDF printed a
 * cell at the width of its category's column wherever the tab conversion shifted it; and the text
 * of pairs it joined wrapped fragments to (`joined`).
 */
function pairReadings(lines: string[]): Map<number, PairReading[]> {
  const out = new Map<number, PairReading[]>();
  const section = findSections(lines).find((s) => s.standard === 'project_performance');
  if (!section) return out;
  const ctx = { doc: { docId: '', sourceFile: '', sha256: '', lines, layout: 'tab' as const, format: 'txt' as const, pageCount: null, meta: blankMeta() }, repairs: [] };
  for (const r of projectIndicators.parse(section, ctx).project_indicators ?? []) {
    const n = r.source_line as number;
    out.set(n, [...(out.get(n) ?? []), {
      cat: CATEGORIES.indexOf(r.category as typeof CATEGORIES[number]),
      indicator: r.indicator as string, target: r.target_text as string, joined: r.source_line_end !== null,
    }]);
  }
  return out;
}
