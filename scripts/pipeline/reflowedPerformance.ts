// Layout recovery for the reflowed layout (洛阳 2024), the two performance tables:
//
// 部门（单位）整体绩效目标表 → dept_indicators, tasks, dept_budget_overview (the columns of
// tables/deptPerformance.ts). The conversion printed each cell on lines of its own, wrapped at
// the cell's width; a row's short cells share a line (`年度履职目标相关性 相关`, :4816), a long
// 指标值说明 follows on lines of its own (:4818–:4822) or on the row's line (:4843). Level names
// (一级/二级指标) are printed once per group, wrapped (`投入管理`/`指标`, :4809–:4811), and carried down.
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
import type { OutRow } from './types.ts';
import { joinText, normText, parseAmount, parseTarget } from './text.ts';
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
// 部门（单位）整体绩效目标表

const LEVEL1 = ['投入管理指标', '产出指标', '效益指标', '满意度指标', '成本指标', '履职效能', '管理效率', '运行成本', '服务满意', '可持续性'];

/** A short qualitative target (相关, 科学, 合理 …) or a numeric one. */
function isDeptValue(t: string): boolean {
  if (isTarget(t)) return true;
  return /^[\u4e00-\u9fff]{1,4}$/.test(t) && !LEVEL1.includes(t) && t.length <= 2;
}

export function readDeptPerformance(section: ReflowedSection): PerformanceRead {
  const indicators: OutRow[] = [];
  const tasks: OutRow[] = [];
  const overview: OutRow[] = [];
  const repairs: Note[] = [];
  let state: 'head' | 'tasks' | 'budget' | 'indicators' = 'head';
  const taskLines: Frag[] = [];
  const budget: Array<{ parts: string[]; lines: number[] }> = [];
  // Indicators
  let pending: Frag[] = [];
  let level1: string | null = null;
  let level2: string | null = null;
  let cur: OutRow | null = null;
  let desc: string[] = [];
  let descFull = false;
  const flush = () => {
    if (cur && desc.length) cur.description = joinText([cur.description as string | null, ...desc]);
    desc = [];
  };
  const emit = (first: number, line: number, labels: Frag[], inline2: string | null, l3: string, value: string, d: string | null) => {
    flush();
    const joined = joinText(labels.map((f) => f.text));
    if (joined !== '') {
      const l1 = LEVEL1.find((x) => joined.startsWith(x));
      if (l1) {
        if (l1 !== level1) level2 = null;
        level1 = l1;
        if (joined.length > l1.length) level2 = joined.slice(l1.length);
      } else level2 = joined;
      if (labels.length > 1) repairs.push({ table: 'dept_indicators', line: labels[0]!.n, what: `level names rejoined from ${labels.length} lines (${joined})` });
    }
    if (inline2) level2 = inline2;
    const t = parseTarget(value);
    cur = {
      source_line: first, source_line_end: line > first ? line : null,
      level1, level2, level3: l3, target_text: value, comparator: t.comparator, target_value: t.value, target_unit: t.unit,
      description: d, note: null,
    };
    indicators.push(cur);
    descFull = d !== null && vlen(d) >= 40;
  };
  for (const f of section.frags) {
    const text = normText(f.text);
    const slim = text.replace(/\s+/g, '');
    if (state === 'head') {
      if (/^年度主要任/.test(slim)) state = 'tasks';
      continue;
    }
    if (state === 'tasks') {
      if (slim === '务' || /^任务名称/.test(slim)) continue;
      if (slim === '预算情况') { state = 'budget'; continue; }
      taskLines.push(f);
      continue;
    }
    if (state === 'budget') {
      if (/^一级指标/.test(slim) && slim.includes('三级指标')) { state = 'indicators'; continue; }
      if (/^(部门预算总额|\d+、|[（(]\d+[)）])/.test(slim) || budget.length === 0) budget.push({ parts: [f.text], lines: [f.n] });
      else { budget.at(-1)!.parts.push(f.text); budget.at(-1)!.lines.push(f.n); }
      continue;
    }
    // Indicators.
    const tokens = f.text.trim().split(/\s+/);
    const vi = tokens.findIndex((t, i) => i >= 1 && isDeptValue(t));
    const pairLine = vi >= 1 && vlen(tokens[vi - 1]!) <= 20 && !/[。；]/.test(tokens[vi - 1]!);
    if (cur && !pairLine && ((descFull && (vlen(text) >= 10 || /[。；，、）)]/.test(text))) || (pending.length === 0 && (vlen(text) >= 20 || /[。；=]/.test(text))))) {
      desc.push(text);
      descFull = vlen(text) >= 40;
      (cur as OutRow).source_line_end = f.n;
      continue;
    }
    descFull = false;
    if (pairLine) {
      const first = pending[0]?.n ?? f.n;
      emit(first, f.n, pending, vi >= 2 ? joinText(tokens.slice(0, vi - 1)) : null, normText(tokens[vi - 1]!), normText(tokens[vi]!),
        tokens.length > vi + 1 ? normText(tokens.slice(vi + 1).join(' ')) : null);
      pending = [];
    } else if (tokens.length === 1 && isTarget(slim) && pending.length > 0) {
      // A value on a line of its own: the indicator is the wrapped text just above (its first
      // line the last one wider than a level name), the lines before it are level names.
      let k = pending.length - 1;
      while (k > 0 && vlen(pending[k]!.text) < 6) k--;
      const l3 = joinText(pending.slice(k).map((p) => p.text));
      if (pending.length - k > 1) repairs.push({ table: 'dept_indicators', line: pending[k]!.n, what: `indicator name rejoined from ${pending.length - k} lines (${l3})` });
      emit(pending[0]!.n, f.n, pending.slice(0, k), null, l3, slim, null);
      pending = [];
    } else {
      flush();
      pending.push(f);
    }
  }
  flush();
  // Tasks: cells by wrap width (a cell's lines are as wide as its first, the last shorter), then
  // (name, content) pairs.
  const cells: Array<{ lines: Frag[]; width: number }> = [];
  for (const f of taskLines) {
    const c = cells.at(-1);
    const w = vlen(f.text);
    if (c && vlen(c.lines.at(-1)!.text) >= c.width - 1 && w <= c.width + 1) c.lines.push(f);
    else cells.push({ lines: [f], width: w });
  }
  for (let i = 0; i < cells.length; i += 2) {
    const name = cells[i]!; const content = cells[i + 1];
    const last = (content ?? name).lines.at(-1)!.n;
    tasks.push({
      source_line: name.lines[0]!.n, source_line_end: last > name.lines[0]!.n ? last : null, task_no: null,
      task_name: joinText(name.lines.map((l) => l.text)), description: content ? joinText(content.lines.map((l) => l.text)) : null,
      amount_total: null, amount_fiscal: null,
    });
    if (name.lines.length > 1) repairs.push({ table: 'tasks', line: name.lines[0]!.n, what: `task name rejoined from ${name.lines.length} lines` });
  }
  // 预算情况
  let group: string | null = null;
  for (const b of budget) {
    const tokens = b.parts.join(' ').trim().split(/\s+/);
    const amount = tokens.length > 1 && /^[\d,]+\.\d+$|^\d+$/.test(tokens.at(-1)!) ? tokens.pop()! : null;
    let label = joinText(tokens);
    const g = /^(?:\d+\s*[、.．]\s*)?(资金来源|资金结构)\s*[:：]?\s*/.exec(label);
    if (g) { group = g[1]!; label = label.slice(g[0].length); }
    if (label === '') continue;
    let item = label.replace(/^[(（]\s*\d+\s*[)）]\s*/, '').replace(/[(（]\s*万元\s*[)）]/, '').trim();
    if (/部门预算总额/.test(item)) group = null;
    if (item === '') item = label;
    const first = b.lines[0]!; const last = b.lines.at(-1)!;
    overview.push({ source_line: first, source_line_end: last > first ? last : null, category: group, item, amount: amount ? parseAmount(amount) : null });
  }
  return { tables: { dept_indicators: indicators, tasks, dept_budget_overview: overview }, repairs };
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
