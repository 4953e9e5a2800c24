// 项目绩效目标汇总表 / 项目绩效目标表 → project_indicators: one row per (project, indicator).
//
// The printed grid is
//   code | name | 资金总额 | 政府预算资金 | 财政专户 | 单位资金 | 成本指标 | 值 | 产出指标 | 值 | 效益指标 | 值 | 满意度指标 | 值
// and every project prints one row with its code, name and amounts plus continuation rows (no
// code) that add more (indicator, value) pairs. Unit rows (3–6 digit codes) sit between projects.
//
// The PDF conversion shifted cells: a row prints a varying number of leading empty cells, so a
// pair's column index does not reliably tell its category. The cells of a row never change order
// and an indicator is always followed by its value, so the non-empty cells after the amounts are
// read as a sequence of (indicator, value) pairs, and a whole row (or a page's run of
// continuation rows) is placed with one *shift*: pair i at cell index p belongs to category
// (p − base − shift) / 2, with base the header's 成本指标 column. Every possible shift is scored
// by what the table says:
//   - how far the row sits from the header (shift 0 best; ±1 — odd positions — sit between two
//     categories; ±2 is a whole category off);
//   - the indicator: 满意 in its name → 满意度指标; 成本 in its name or a value in 元 → 成本指标;
//     a pair with neither is unlikely a cost, above all at an odd (ambiguous) position;
//   - a value printed as another pair of the same project's value (`直接和间接带来效益`) → the
//     same category;
//   - consistency with the project's earlier rows (the same shift as the previous rows of the
//     same page, and as the project's first row).
// The code row is placed on its own; the continuation rows that follow it on the same page share
// one shift (a page break may shift them, a single row never does). `pairing` is `uncertain`
// where the best shift wins by a small margin, or where it departs from the header, the
// project's first row and its previous rows alike (the category is then a guess); those rows
// carry their raw cells.
//
// Other damage the conversion did, repaired here (and logged in ctx.repairs):
//   - A project whose block starts at the bottom of a page prints its first indicator row(s)
//     there and its code row on the next page (郑州 661 → 663). Code-less rows just before a page
//     break move to the following project when that project's own rows carry no 满意度 indicator
//     and its code row prints fewer than three pairs.
//   - Text wrapped onto the next line: a project name continues in the name column of a
//     continuation row (驻马店 584 `|平台维护费|…`); an indicator or value continues on a row of
//     lone cells (驻马店 598 `种类`, 焦作 1177 `量 … 度`). A row with any lone cell is a row of
//     fragments; its cells are joined to the cells of the previous pair row they continue.
//   - Codes split by a space are rejoined (`4108002400000000052 47`), amounts too (`30079.9 0`).
//   - Indicators numbered `指标 1:` (驻马店) lose the numbering.
import type { Line, OutRow, ParseContext, Section, TableModule, TableSchema } from '../types.ts';
import { InputError } from '../types.ts';
import { isAmount, isCode, joinText, normCode, normText, parseAmount, parseTarget, trimCells } from '../text.ts';

const TABLE = 'project_indicators';

export const CATEGORIES = ['cost', 'output', 'benefit', 'satisfaction'] as const;
export const CATEGORIES_ZH = ['成本指标', '产出指标', '效益指标', '满意度指标'] as const;

export const schemas: TableSchema[] = [{
  name: TABLE,
  zh: '项目绩效目标表：每个项目的每个绩效指标一行',
  en: 'Project performance targets (项目绩效目标表), one row per project and indicator',
  columns: [
    { name: 'project_code', type: 'VARCHAR', zh: '项目编码（全部数字，被空格断开的已拼回）', en: 'project code, every digit kept (codes split by a space rejoined)' },
    { name: 'project_name', type: 'VARCHAR', zh: '项目名称（按原文，跨行的已拼接）', en: 'project name as printed (fragments wrapped onto following lines joined)' },
    { name: 'unit_code', type: 'VARCHAR', zh: '单位编码（项目上方的单位行）', en: 'code of the unit row above the project' },
    { name: 'unit_name', type: 'VARCHAR', zh: '单位名称（按原文，截断的照录）', en: 'unit name as printed (truncated names kept as printed)' },
    { name: 'project_amount', type: 'DOUBLE', zh: '项目资金总额', en: 'total funds of the project (资金总额)', unit: '万元' },
    { name: 'category', type: 'VARCHAR', zh: '指标类别：cost 成本、output 产出、benefit 效益、satisfaction 满意度', en: 'indicator category: cost, output, benefit or satisfaction' },
    { name: 'category_zh', type: 'VARCHAR', zh: '指标类别（成本指标、产出指标、效益指标、满意度指标）', en: 'indicator category in Chinese (成本指标, 产出指标, 效益指标, 满意度指标)' },
    { name: 'indicator', type: 'VARCHAR', zh: '三级指标（规范空白，去掉“指标1:”式编号）', en: 'third-level indicator (whitespace normalised, numbering such as 指标1: removed)' },
    { name: 'target_text', type: 'VARCHAR', zh: '指标值（按原文，规范空白）', en: 'target as printed (whitespace normalised)' },
    { name: 'comparator', type: 'VARCHAR', zh: '指标值的比较符（≥ ≤ > < =），无则为空', en: 'comparator of the target (≥ ≤ > < =), null when none is printed' },
    { name: 'target_value', type: 'DOUBLE', zh: '指标值中的数值；定性指标、区间或日期为空', en: 'numeric part of the target; null for qualitative targets, ranges and dates' },
    { name: 'target_unit', type: 'VARCHAR', zh: '指标值的计量单位（如 %、人次、元）', en: 'unit of the target (e.g. %, 人次, 元)' },
    { name: 'pairing', type: 'VARCHAR', zh: '类别判定：certain 确定；uncertain 转换错位（或逐格换行的版式中单元格的切分、所属列无法确定）后按推断归类，需核对原文', en: 'category assignment: certain, or uncertain where the conversion shifted the cells (or, in the reflowed layout, where which cells the printed lines make and which column they sit in could not be told for sure) and the pairing had to be guessed' },
    { name: 'garbled', type: 'BOOLEAN', zh: '该指标位于原文转换时被打乱的段落（数字粘连如“100100”、指标名称缺失、单元格不按同一宽度折行）：所读出的指标与指标值只是推测，pairing 必为 uncertain，请以 raw_cells 中印出的各段为准', en: 'the indicator lies in a passage the text conversion garbled (figures glued together such as 100100, indicator names lost, cells not wrapped at one width): the indicator and target read are a guess, pairing is always uncertain, and raw_cells holds the pieces as printed' },
    { name: 'raw_cells', type: 'VARCHAR', zh: '该行原文的非空单元格（以“ | ”连接；逐格换行的版式中为该指标与指标值印出的各段），仅 pairing 为 uncertain 时填写', en: 'the raw non-empty cells of the line joined by " | " (in the reflowed layout, the printed pieces of the indicator and its target), filled only when pairing is uncertain' },
  ],
}];

// ---------------------------------------------------------------------------------------------
// Rows as read

interface Pair {
  /** Cell index of the indicator (the value sits at pos + 1). */
  pos: number;
  ind: string[];
  val: string[];
  line: number;
  lineEnd: number | null;
  cat: number;
  certain: boolean;
}

interface Fragment { pos: number; text: string }

type RowKind = 'project' | 'unit' | 'dept' | 'cont';

interface Row {
  line: Line;
  kind: RowKind;
  code: string | null;
  name: string | null;
  amount: number | null;
  pairs: Pair[];
  /** Lone cells: text wrapped from the previous pair row. */
  frags: Fragment[];
  /** Text in the name column of a continuation row (a wrapped project name). */
  nameFrag: string | null;
  /** A page break (blank line) separates this row from the previous tab row. */
  pageBreak: boolean;
  /** Page number within the section (counts page breaks). */
  page: number;
  /** Decided shift of the row (null for rows without pairs). */
  shift: number | null;
  raw: string;
}

interface Unit { code: string | null; nameParts: string[] }

interface Project {
  code: string;
  nameParts: string[];
  amount: number;
  unit: Unit | null;
  codeRow: Row;
  /** Rows carrying this project's pairs, in printed order (pre-rows first). */
  rows: Row[];
  /** Number of leading rows printed before the code row. */
  preRows: number;
}

function fail(ctx: ParseContext, line: number, msg: string): never {
  throw new InputError(ctx.doc.sourceFile, line, TABLE, msg);
}

const compact = (s: string) => s.replace(/\s+/g, '');

/** Column of 成本指标's 三级指标 in the header (6 in every template seen). */
function baseColumn(section: Section): number {
  for (const r of section.rows) {
    const idx = r.cells.flatMap((c, i) => (/^三级指标$/.test(compact(c)) ? [i] : []));
    if (idx.length >= 2) return idx[0]!;
  }
  return 6;
}

/** A header row: two or more of the header's words (an indicator alone never makes one). */
function isHeader(cells: string[]): boolean {
  const t = cells.map(compact);
  return t.filter((c) => /^(三级指标|指标值|绩效目标|成本指标|产出指标|效益指标|满意度指标|资金总额|政府预算资金)$/.test(c) || /^(单位编码|项目单位|项目金额)/.test(c)).length >= 2;
}

function readRow(line: Line, prevN: number, ctx: ParseContext): Row | null {
  const cells = trimCells(line.cells);
  const c0 = cells[0] ?? '';
  const row: Row = {
    line, kind: 'cont', code: null, name: null, amount: null, pairs: [], frags: [], nameFrag: null,
    pageBreak: line.n > prevN + 1, page: 0, shift: null, raw: cells.filter((c) => c !== '').join(' | '),
  };
  let start = 2;
  if (c0 !== '') {
    if (!isCode(c0)) {
      if (isHeader(cells)) return null;
      fail(ctx, line.n, `first cell is neither a code nor empty: "${c0}"`);
    }
    const code = normCode(c0);
    if (code.length >= 15) row.kind = 'project';
    else if (code.length <= 3) row.kind = 'dept';
    else if (code.length <= 6) row.kind = 'unit';
    else fail(ctx, line.n, `code "${c0}" is neither a unit code (3–6 digits) nor a project code (≥ 15 digits)`);
    row.code = code;
    row.name = normText(cells[1] ?? '') || null;
    const total = compact(cells[2] ?? '');
    if (!isAmount(total)) fail(ctx, line.n, `no 资金总额 after code ${code}: "${cells[2] ?? ''}"`);
    row.amount = parseAmount(total);
    // The amount columns: cells 2–5 while they hold amounts or nothing.
    start = 3;
    while (start <= 5 && start < cells.length && (cells[start] === '' || isAmount(compact(cells[start]!)))) start++;
  } else {
    if (isHeader(cells)) return null;
    row.nameFrag = normText(cells[1] ?? '') || null;
  }
  // Non-empty cells of the indicator area, grouped in runs of adjacent cells.
  const runs: Fragment[][] = [];
  for (let i = start; i < cells.length; i++) {
    const text = cells[i]!;
    if (text === '') continue;
    const run = runs.at(-1);
    if (run && run.at(-1)!.pos === i - 1) run.push({ pos: i, text });
    else runs.push([{ pos: i, text }]);
  }
  if (runs.some((r) => r.length % 2 === 1)) {
    if (row.kind !== 'cont') fail(ctx, line.n, 'an indicator without a value on a row with a code');
    row.frags = runs.flat();
    return row;
  }
  for (const run of runs) {
    for (let k = 0; k < run.length; k += 2) {
      row.pairs.push({ pos: run[k]!.pos, ind: [run[k]!.text], val: [run[k + 1]!.text], line: line.n, lineEnd: null, cat: -1, certain: true });
    }
  }
  return row;
}

// ---------------------------------------------------------------------------------------------
// Category evidence

const indText = (p: Pair) => joinText(p.ind);
const valText = (p: Pair) => joinText(p.val);
export const SATISFACTION = /满意/;
export const COST_NAME = /成本|总成$/;
export const COST_VALUE = /\d\s*万?元(?!旦)/;

/** Shifts that place every pair of the rows on a category (0–3), with the categories they give. */
function candidateShifts(rows: Row[], base: number): number[] {
  const out: number[] = [];
  for (const s of [0, -1, 1, -2, 2]) {
    const ok = rows.every((r) => r.pairs.every((p) => {
      const d = p.pos - base - s;
      return d % 2 === 0 && d >= 0 && d <= 6;
    }));
    if (ok) out.push(s);
  }
  return out;
}

interface SegmentContext {
  /** Continuation rows (not the project's first row). */
  continuation: boolean;
  firstShift: number | null;
  prevShift: number | null;
  /** A page break lies between the previous row and this segment. */
  prevAcrossPage: boolean;
  /** Values of the project's pairs decided so far, by category. */
  decided: Pair[];
}

const ABS_PENALTY = [0, 1, 3];

function score(rows: Row[], s: number, base: number, sc: SegmentContext): number {
  let total = -ABS_PENALTY[Math.abs(s)]!;
  if (sc.continuation) {
    if (s === sc.firstShift) total += 1;
    if (s === sc.prevShift) total += sc.prevAcrossPage ? 0.5 : 3;
  }
  for (const r of rows) {
    for (const p of r.pairs) {
      const cat = (p.pos - base - s) / 2;
      const ind = indText(p);
      const val = valText(p);
      const odd = (p.pos - base) % 2 !== 0;
      if (SATISFACTION.test(ind)) total += cat === 3 ? 1.5 : -0.5;
      const costName = COST_NAME.test(ind);
      const costValue = COST_VALUE.test(val);
      if (costName) total += cat === 0 ? 1.5 : -0.5;
      else if (costValue) total += cat === 0 ? 1 : 0;
      else if (cat === 0) total -= (odd ? 2 : 0.5) + (sc.continuation ? 0.5 : 0);
      if (val.length >= 6 && !/^[\d\s.,%≥≤<>=]+$/.test(val)) {
        const same = sc.decided.find((d) => valText(d) === val);
        if (same && same.cat === cat) total += 1.5;
      }
    }
  }
  return total;
}

/**
 * Decide the shift of a run of rows (the first row, or a page's continuation rows) and set the
 * category and certainty of their pairs.
 */
function decide(rows: Row[], base: number, sc: SegmentContext): number {
  const cands = candidateShifts(rows, base);
  if (cands.length === 0) {
    // No single shift fits (cells of mixed parity or too many pairs): each pair to its nearest
    // category, ties to the later one, all uncertain.
    for (const r of rows) {
      for (const p of r.pairs) {
        p.cat = Math.max(0, Math.min(3, Math.ceil((p.pos - base) / 2)));
        p.certain = false;
      }
      r.shift = null;
    }
    return sc.prevShift ?? 0;
  }
  const scored = cands.map((s) => ({ s, v: score(rows, s, base, sc) })).sort((a, b) => b.v - a.v);
  const best = scored[0]!;
  const margin = scored.length > 1 ? best.v - scored[1]!.v : Infinity;
  const consistent = !sc.continuation || best.s === 0 || best.s === sc.prevShift || best.s === sc.firstShift;
  const certain = margin >= 1 && consistent;
  for (const r of rows) {
    r.shift = best.s;
    for (const p of r.pairs) {
      p.cat = (p.pos - base - best.s) / 2;
      p.certain = certain;
    }
  }
  return best.s;
}

/** Categories of every pair of a project, its rows taken in printed order. */
function decideProject(pr: Project, base: number): void {
  const rows = pr.rows.filter((r) => r.pairs.length > 0);
  if (rows.length === 0) return;
  // Decision units: the first row alone; then runs of rows on the same page.
  const units: Row[][] = [[rows[0]!]];
  for (let i = 1; i < rows.length; i++) {
    const r = rows[i]!;
    if (i === 1 || r.page !== rows[i - 1]!.page) units.push([r]);
    else units.at(-1)!.push(r);
  }
  const decided: Pair[] = [];
  let firstShift: number | null = null;
  let prevShift: number | null = null;
  let prevPage = rows[0]!.page;
  units.forEach((u, k) => {
    const s = decide(u, base, {
      continuation: k > 0, firstShift, prevShift, prevAcrossPage: u[0]!.page !== prevPage, decided,
    });
    if (k === 0) firstShift = s;
    prevShift = s;
    prevPage = u.at(-1)!.page;
    for (const r of u) decided.push(...r.pairs);
  });
}

// ---------------------------------------------------------------------------------------------
// Parse

export function stripNumbering(s: string): string {
  return s.replace(/^指标\s*\d+\s*[:：]\s*/, '');
}

export function target(text: string): { comparator: string | null; value: number | null; unit: string | null } {
  const t = parseTarget(text);
  // A range (`1-12月`, `1-2场`) or a date (`2023/06/30`, `2024年12月31日前`) is no single target value.
  if (t.value !== null && t.unit !== null && (/^[-~～—/.:]/.test(t.unit) || /\d/.test(t.unit))) return { comparator: null, value: null, unit: null };
  return t;
}

export function parse(section: Section, ctx: ParseContext): Record<string, OutRow[]> {
  const base = baseColumn(section);

  // 1. Rows.
  const rows: Row[] = [];
  let prevN = section.titleLine;
  let seenCode = false;
  let page = 0;
  for (const line of section.rows) {
    const r = seenCode || (line.cells[0] ?? '') !== '' ? readRow(line, prevN, ctx) : null;
    prevN = line.n;
    if (!r) continue;
    if (r.pageBreak) page++;
    r.page = page;
    if (r.kind !== 'cont') seenCode = true;
    if (!seenCode) continue;
    rows.push(r);
  }

  // 2. Projects.
  const projects: Project[] = [];
  let unit: Unit | null = null;
  let cur: Project | null = null;
  let lastCode: 'project' | 'unit' | null = null;
  let pending: Row[] = [];
  for (const r of rows) {
    if (r.kind === 'dept' || r.kind === 'unit') {
      // A department total row (3 digits) stands in for the unit until a unit row follows.
      unit = { code: r.code, nameParts: r.name ? [r.name] : [] };
      lastCode = 'unit';
      if (r.pairs.length || r.frags.length) {
        if (!cur) fail(ctx, r.line.n, 'indicators on a unit row before any project');
        cur.rows.push(r);
      }
    } else if (r.kind === 'project') {
      cur = {
        code: r.code!, nameParts: r.name ? [r.name] : [], amount: r.amount!, unit, codeRow: r,
        rows: [...pending, r], preRows: pending.length,
      };
      pending = [];
      projects.push(cur);
      lastCode = 'project';
    } else {
      if (r.nameFrag) {
        if (lastCode === 'project' && cur) cur.nameParts.push(r.nameFrag);
        else if (lastCode === 'unit' && unit) unit.nameParts.push(r.nameFrag);
        else fail(ctx, r.line.n, `name text "${r.nameFrag}" continues nothing`);
      }
      if (r.pairs.length || r.frags.length) {
        if (cur) cur.rows.push(r);
        else pending.push(r);
      }
    }
  }
  if (pending.length) fail(ctx, pending[0]!.line.n, 'indicator rows but no project row in the table');

  // 3. Rows printed before their project's code row (page break): move them to that project.
  for (let k = 1; k < projects.length; k++) {
    const q = projects[k]!;
    const p = projects[k - 1]!;
    if (!q.codeRow.pageBreak || q.preRows > 0) continue;
    const last = p.rows.at(-1);
    if (!last || last === p.codeRow || last.kind !== 'cont' || rows[rows.indexOf(q.codeRow) - 1] !== last) continue;
    const own = q.rows;
    const hasSatisfaction = own.some((r) => r.pairs.some((x) => SATISFACTION.test(indText(x))));
    if (hasSatisfaction || q.codeRow.pairs.length >= 3) continue;
    // The moved block starts at the last row that looks like a project's first row (a 满意 indicator
    // among three or more pairs), counting back over the trailing code-less rows.
    const from = p.rows.findLastIndex((r, i) => i > p.rows.indexOf(p.codeRow) && r.kind === 'cont'
      && r.pairs.length >= 3 && r.pairs.some((x) => SATISFACTION.test(indText(x))));
    if (from < 0) continue;
    if (p.rows.slice(from).some((r) => r.kind !== 'cont')) continue;
    const moved = p.rows.splice(from);
    q.rows = [...moved, ...q.rows];
    q.preRows = moved.length;
    ctx.repairs.push({
      table: TABLE, line: moved[0]!.line.n,
      what: `indicator rows ${moved[0]!.line.n}–${moved.at(-1)!.line.n}, printed before a page break, belong to project ${q.code} (line ${q.codeRow.line.n}) printed after it`,
    });
  }

  // 4. Categories.
  for (const pr of projects) decideProject(pr, base);

  // 5. Fragments: join each to the cell of the previous pair row it continues. The fragment row is
  //    printed with the alignment of the rows that follow it on its page, so its offset from the
  //    row it continues is the difference of their shifts.
  rows.forEach((r, i) => {
    if (!r.frags.length) return;
    const above = rows.slice(0, i).findLast((x) => x.pairs.length > 0);
    if (!above) fail(ctx, r.line.n, 'wrapped text with no indicator row above it');
    const next = rows[i + 1];
    const nextShift = next && !next.pageBreak && next.pairs.length ? next.shift : null;
    const preferred = above.shift !== null && nextShift !== null ? above.shift - nextShift : 0;
    const cellAt = (pos: number) => {
      for (const p of above.pairs) {
        if (p.pos === pos) return { p, part: 'ind' as const };
        if (p.pos + 1 === pos) return { p, part: 'val' as const };
      }
      return null;
    };
    const offsets = [preferred, 0, 1, -1, 2, -2].filter((t, k, a) => a.indexOf(t) === k);
    const t = offsets.find((o) => r.frags.every((f) => cellAt(f.pos + o)));
    if (t === undefined) fail(ctx, r.line.n, 'wrapped text that continues no cell of the row above');
    for (const f of r.frags) {
      const hit = cellAt(f.pos + t)!;
      hit.p[hit.part].push(f.text);
      hit.p.lineEnd = r.line.n;
      if (t !== preferred) hit.p.certain = false;
    }
    ctx.repairs.push({ table: TABLE, line: r.line.n, what: `text wrapped from line ${above.line.n} joined to its cells` });
  });

  // 6. Output.
  const out: OutRow[] = [];
  for (const pr of projects) {
    for (const r of pr.rows) {
      for (const p of r.pairs) {
        const text = joinText(p.val);
        const t = target(text);
        out.push({
          source_line: p.line,
          source_line_end: p.lineEnd,
          project_code: pr.code,
          project_name: joinText(pr.nameParts),
          unit_code: pr.unit?.code ?? null,
          unit_name: pr.unit ? joinText(pr.unit.nameParts) || null : null,
          project_amount: pr.amount,
          category: CATEGORIES[p.cat]!,
          category_zh: CATEGORIES_ZH[p.cat]!,
          indicator: stripNumbering(joinText(p.ind)),
          target_text: text,
          comparator: t.comparator,
          target_value: t.value,
          target_unit: t.unit,
          pairing: p.certain ? 'certain' : 'uncertain',
          // The tab conversion shifts cells but never garbles their text.
          garbled: false,
          raw_cells: p.certain ? null : r.raw,
        });
      }
    }
  }
  return { [TABLE]: out };
}

export const projectIndicators: TableModule = {
  standards: ['project_performance'],
  schemas,
  parse,
};
