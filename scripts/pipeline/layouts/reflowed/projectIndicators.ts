// Layout recovery for the reflowed 本级部门预算项目绩效目标汇总表 → project_indicators (the columns of
// tables/projectIndicators.ts).
//
// How 洛阳 prints it: per project its code (:5057), its name wrapped at ~4 characters, the 项目分类
// label one character per line, the amounts on one line (:5075), then the indicator grid row by
// row, each row's non-blank (三级指标, 指标值) cells of 成本 / 产出 / 效益 / 满意度 in that order. A cell
// that fits its column shares a line with its neighbours (`资金发放率 100%`, :5086); a wider one is
// wrapped at its column's width on lines of its own (`一年`/`经费`/`标准`, :5077–:5081). Every
// column has a width of its own (成本 2, 产出 5, 效益 3, 满意度 4 characters in 洛阳's indicators).
//
// Reading it back, per project, one dynamic programme decides together:
// 1. Cells: every cut the wrapping allows — a wrapped cell's lines are filled greedily at one
//    width: each line but the last is too full to take the next line's first character.
// 2. Roles: cells alternate indicator, value, scored by what they say (`≥95%` or 明显 is a value,
//    never an indicator).
// 3. Categories: by name (满意 → 满意度指标, 成本 → 成本指标), by width (a wrapped indicator's width
//    names its column; a cell wider than a column cannot sit in it unwrapped) and by a weak prior
//    on the order the grid prints them in. The columns' widths are learned from the table's own
//    certain cells, read first without them.
// A cell is certain when every other reading of its pieces scores clearly lower (max-marginals).
// A page break inside a project: the cells the break cut continue on the new page in an order
// the text does not keep (:5363), so every indicator of the project is uncertain.
// Uncertain rows carry their printed pieces in raw_cells.
import type { OutRow } from '../../types.ts';
import { joinText, normText, parseAmount, parseTarget, printWidth, pushAll, slim } from '../../text.ts';
import type { Frag, Note, ReflowedSection } from './fragments.ts';
import type { PerformanceRead } from './performance.ts';
import { CATEGORIES, CATEGORIES_ZH, COST_NAME, COST_VALUE, SATISFACTION, stripNumbering, target } from '../../tables/projectIndicators.ts';

const TABLE = 'project_indicators';
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

// ---------------------------------------------------------------------------------------------
// Lines → projects

/**
 * A line of amounts split by a space inside a decimal (`30079.9 0`, as the tab conversion prints
 * 焦作 :1199) read as the amounts it prints; any other line unchanged.
 */
function withSplitAmountsJoined(f: Frag): Frag {
  if (f.amounts.length > 0 || !/^[\d.,\s]+$/.test(f.text) || !/\.\d\s\d\b/.test(f.text)) return f;
  const amounts = f.text.replace(/(\.\d)\s(\d)\b/g, '$1$2').split(/\s+/);
  return amounts.every((a) => /^[\d,]+\.\d+$/.test(a)) ? { ...f, head: '', amounts } : f;
}

/**
 * The table's header printed again after a page break — lines whose text, joined, is the header
 * printed above the first code, however wrapped — dropped, its page-start mark kept on the line
 * after it.
 */
function withoutRepeatedHeaders(frags: Frag[], repairs: Note[]): Frag[] {
  const first = frags.findIndex((f) => /^\d{3}$/.test(f.text.trim()));
  if (first <= 0) return frags;
  const header = frags.slice(0, first).map((f) => slim(f.text)).join('');
  const out = frags.slice(0, first);
  for (let i = first; i < frags.length; i++) {
    const f = frags[i]!;
    let text = slim(f.text);
    let end = i;
    while (text.length < header.length && header.startsWith(text) && end + 1 < frags.length) text += slim(frags[++end]!.text);
    if (text !== header || text.length === 0) { out.push(f); continue; }
    repairs.push({ table: TABLE, line: f.n, what: `the table's header printed again (lines ${f.n}–${frags[end]!.n}) left out` });
    const next = frags[end + 1];
    if (next && f.pageStart) frags[end + 1] = { ...next, pageStart: true };
    i = end;
  }
  return out;
}

/** Codes split over two lines (`4103002100000` / `Y8030002`) rejoined. */
function withSplitCodesJoined(frags: Frag[], repairs: Note[]): Frag[] {
  const out: Frag[] = [];
  for (let i = 0; i < frags.length; i++) {
    const f = frags[i]!; const g = frags[i + 1];
    if (g && /^\d{7,19}$/.test(f.text) && /^[\dA-Z]{2,}(\s|$)/.test(g.text) && !/^\d{4}$/.test(g.text.split(/\s+/)[0]!)) {
      const first = g.text.split(/\s+/)[0]!;
      const joined = f.text + first;
      if (PROJECT_CODE.test(joined) && joined.length >= 18 && joined.length <= 22) {
        out.push({ ...f, text: `${joined}${g.text.slice(first.length)}`, head: '', amounts: [] });
        repairs.push({ table: TABLE, line: f.n, what: `project code printed over lines ${f.n}–${g.n} rejoined (${joined})` });
        i++;
        continue;
      }
    }
    out.push(f);
  }
  return out;
}

/** Lines left empty (a label's rest taken out) dropped, a page start they carried kept on the next line. */
function withoutEmptyLines(region: Frag[]): Frag[] {
  const out: Frag[] = [];
  let pageStart = false;
  for (const r of region) {
    if (r.text.trim() === '') { pageStart ||= r.pageStart; continue; }
    out.push(pageStart ? { ...r, pageStart: true } : r);
    pageStart = false;
  }
  return out;
}

interface Block {
  code: string; codeLine: number; nameParts: string[]; amount: number | null;
  unitCode: string | null; unitName: string | null;
  /** The lines of the project's grid (a page break among them: every pair uncertain). */
  region: Frag[];
  /** The code is the first line of a page. */
  codeStartsPage: boolean;
}

/** Projects with their unit, and the lines of their indicator grid. */
function blocksOf(fs: Frag[], repairs: Note[]): Block[] {
  let dept: string | null = null;
  let unitCode: string | null = null;
  let unitName: string | null = null;
  const blocks: Block[] = [];
  let i = fs.findIndex((f) => /^\d{3}$/.test(f.text.trim()));
  if (i < 0) return blocks;
  const isProjectCode = (f: Frag) => projectCodeOf(f.text);
  // A unit code alone on its line (:5045), or with a name that fits beside it.
  const unitOf = (f: Frag) => {
    const m = /^(\d{3}(?:\d{3})?)(?:\s+(\S.*))?$/.exec(f.text.trim());
    if (!m || (dept !== null && !m[1]!.startsWith(dept)) || f.amounts.length > 0) return null;
    if (m[2] !== undefined && !/^[\u4e00-\u9fff（(]{2}/.test(m[2])) return null;
    return { code: m[1]!, name: m[2] };
  };
  const isUnitCode = (f: Frag) => unitOf(f) !== null;
  while (i < fs.length) {
    const f = fs[i]!;
    const pm = isProjectCode(f);
    const unit = pm ? null : unitOf(f);
    if (unit) {
      // Unit (or department) row: code, name lines, amounts.
      const code = unit.code;
      const name: string[] = unit.name ? [unit.name] : [];
      let j = i + 1;
      while (j < fs.length && fs[j]!.amounts.length === 0 && name.length < 8) name.push(fs[j++]!.text);
      if (code.length === 3) dept = code;
      i = j + 1;
      // A name cut by a page break ends on the new page, after the amounts (:8776–:8782).
      if (fs[i]?.pageStart) {
        const start = fs[i]!.n;
        while (i < fs.length && !isProjectCode(fs[i]!) && !isUnitCode(fs[i]!) && fs[i]!.amounts.length === 0 && name.length < 10) name.push(fs[i++]!.text);
        repairs.push({ table: TABLE, line: start, what: `unit ${code}: name continued after the page break` });
      }
      unitCode = code; unitName = joinText(name);
      // Indicators printed on the unit's row continue the project above it (as the tab reader
      // reads 郑州 :783, 046017 … 执行资助补助标准达标率 100%).
      const start = i;
      while (i < fs.length && !isProjectCode(fs[i]!) && !isUnitCode(fs[i]!)) i++;
      const prev = blocks.at(-1);
      if (i > start && prev) {
        pushAll(prev.region, fs.slice(start, i));
        repairs.push({ table: TABLE, line: fs[start]!.n, what: `indicators after unit ${code} (lines ${fs[start]!.n}–${fs[i - 1]!.n}) read with project ${prev.code} above it` });
      }
      continue;
    }
    if (!pm) { i++; continue; }
    const code = pm[1]!.replace(/\s+/g, '');
    if (code !== pm[1]) repairs.push({ table: TABLE, line: f.n, what: `project code split by a space rejoined (${code})` });
    const nameParts: string[] = pm[2] ? [pm[2]] : [];
    let j = i + 1;
    let type = '';
    let amount: number | null = null;
    // Name lines, then the type label one character per line, then the amounts.
    while (j < fs.length) {
      const g = fs[j]!; const t = g.text.trim();
      if (isProjectCode(g) || isUnitCode(g)) break;
      if (g.head === '' && g.amounts.length > 0) { amount = parseAmount(g.amounts[0]); j++; break; }
      const next = TYPE_LABELS.find((l) => l.startsWith(type + t) && t.length === 1);
      if (next && (type !== '' || TYPE_LABELS.some((l) => l.startsWith(t + (fs[j + 1]?.text.trim() ?? ''))))) type += t;
      else if (type === '') nameParts.push(t);
      else break;
      j++;
    }
    const region: Frag[] = [];
    while (j < fs.length && !isProjectCode(fs[j]!) && !isUnitCode(fs[j]!)) region.push(fs[j++]!);
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
          repairs.push({ table: TABLE, line: r.n, what: `项目分类 label ${full} finished after the page break` });
          break;
        }
      }
    }
    blocks.push({
      code, codeLine: f.n, nameParts, amount, unitCode, unitName, region: withoutEmptyLines(region),
      codeStartsPage: f.pageStart,
    });
    i = j;
  }
  return blocks;
}

// ---------------------------------------------------------------------------------------------
// 1. Lines → cells

/** A line's pieces: tokens split at spaces, a number kept with its unit (`3 人`, `14.2 万`), `指标 1:` kept whole. */
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

const QUAL_WORDS = /(明显|显著|提升|提高|良好|平稳|落实|满意|及时|有效|正常|稳定|优良|合格|高|好|是|达标|完成|规范|较好|改善|增强|持续|长期|逐步|正常良好|及时完成|及时发放|有效提升|明显提升|突出|达成|完善|准确|安全|无|足额|按时|合规|可控|全年|合理|有序|正常运转|建立健全|健全|严格执行|免费|很少|少量|减轻|有所|大幅|较大|确保)/;
/** A qualitative target: one or a few such words, perhaps after an adverb (`明显`, `落实较好`, `不断提升`). */
const QUAL = new RegExp(`^(?:不断|进一步|稳步|全面|基本|更加|较|很)?(?:${QUAL_WORDS.source}){1,3}$`);
/** Characters of a target's unit (`≥95%`, `≤450元/人`, `10个工作日内`, `≥1825平方米`). */
const UNIT = /^[万亿千百元次个工作日内外人场本家件份卷期生·月条分笔组%‰天起项小时年钟套间平方米户张季度批亩台部吨㎡倍县所多余以上下前后约每/*A-Za-z]+$/;
/** A number with at most a unit: a word after it (`≥30户` / `能力`) is another cell. */
function isTargetCell(t: string): boolean {
  const p = parseTarget(t);
  return p.value !== null && (p.unit === null || UNIT.test(p.unit.replace(/\s+/g, '')));
}
/** Characters the conversion never cuts between (`2023`, `95%`, `4.5`). */
const ALNUM = /[A-Za-z0-9.,%]/;
/** Punctuation a line never starts with: the character before it goes down with it (`卡·龙门卡`, :7722). */
const NO_START = /[，。；、：）」』》”！？,.;:)%·・]/;
/** Punctuation a line never ends with: it goes down with the character after it (`才发放` / `“河洛英`, :7710–:7712). */
const NO_END = /[“‘（(《「『【〔]/;

interface Piece { text: string; line: number }

/** A candidate cell: pieces a..b (inclusive), with the region lines it covers. */
interface Cand {
  a: number; b: number; text: string; lines: number[];
  /** Text of the first line, for a wrapped cell. */
  first: string;
  /** Bounds [lo, hi) on the width of the column a wrapped cell was wrapped at; null for a cell on one line. */
  wrap: [number, number] | null;
  /** Print width of a cell on one line. */
  width: number;
  /** What the text says, read once: its score as an indicator and as a value, and the names it bears. */
  asIndicator: number; asValue: number; satisfaction: boolean; costName: boolean; costValue: boolean;
  /** Lines no single width wraps so (`一`/`年经`/`费`, :11027): the conversion garbled the cell. */
  garbled: boolean;
}

function cand(a: number, b: number, text: string, lines: number[], first: string, wrap: [number, number] | null, garbled = false): Cand {
  // A target whole on its first line, more text after it that is no unit: the next cell's.
  const split = wrap !== null && !isTargetCell(text) && isTargetCell(first);
  return {
    a, b, text, lines, first, wrap, width: printWidth(text), garbled,
    asIndicator: indicatorScore(text) - (garbled ? GARBLED_WRAP : 0), asValue: valueScore(text) - (split ? 1.5 : 0) - (garbled ? GARBLED_WRAP : 0),
    satisfaction: SATISFACTION.test(text), costName: COST_NAME.test(text), costValue: COST_VALUE.test(text),
  };
}

/** What reading a cell as garbled-wrapped costs: taken only where no wrap at one width reads as well. */
const GARBLED_WRAP = 3;

/**
 * Bounds [lo, hi) on the column width that wraps lines exactly so: every line fits (a run of
 * digits or letters alone on its line may overflow), and no line but the last could have taken
 * the next line's first character (its first run of digits or letters, which is never cut, or
 * the character before a punctuation mark that cannot start a line). A space inside a line is
 * printed as nothing or as up to half a character (`位 ，确保`, :5204). `prev` is the line before
 * `line` in the cell, if any: the bounds of a cell are those of its lines, narrowed line by line.
 */
function narrowBounds(bounds: [number, number], line: string, prev?: string): [number, number] {
  let [lo, hi] = bounds;
  const t = line.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9.,%]+$/.test(t)) lo = Math.max(lo, printWidth(t));
  if (prev === undefined) return [lo, hi];
  const p = prev.trim();
  hi = Math.min(hi, printWidth(p) + 0.5 * (p.match(/\s+/g) ?? []).length + leadOf(t));
  return [lo, hi];
}

/**
 * The width of what a line starts with that the line above would have had to take whole: a run
 * of digits or letters (never cut), a character with the punctuation after it that cannot start a
 * line, an opening bracket with what follows it (it cannot end a line: `中央` / `（2023 年`, :7804).
 */
function leadOf(text: string): number {
  const chars = [...text.replace(/\s+/g, '')];
  if (chars.length === 0) return 0;
  if (NO_END.test(chars[0]!) && chars.length > 1) return printWidth(chars[0]!) + leadOf(chars.slice(1).join(''));
  if (ALNUM.test(chars[0]!)) {
    let e = 0;
    while (e < chars.length && ALNUM.test(chars[e]!)) e++;
    return printWidth(chars.slice(0, e).join(''));
  }
  return printWidth(chars[0]!) + (chars[1] !== undefined && NO_START.test(chars[1]) ? printWidth(chars[1]) : 0);
}

/** How indicator names end (率 209, 度 137, 数 106, 性 53 … of the tab-layout budgets' 830). */
const INDICATOR_END = /[率度数性意量本间况额次]$/;

function indicatorScore(t: string): number {
  if (isTargetCell(t) || /^[≥≤<>＜＞=]/.test(t) || /^[\d\s.,]+$/.test(t)) return -3;
  if (QUAL.test(t)) return -2;
  if (printWidth(t) <= 2 && UNIT.test(t)) return -3; // the end of a unit (`≥1825平` / `方米`)
  // An indicator is named in four characters or more (次数, 时效 are rare, one character never),
  // and does not start with the end of a word (`性`, `率`: the rest of the cell above).
  const w = printWidth(t);
  return (w >= 4 ? 0.5 : w >= 3 ? -0.3 : w >= 2 ? -1 : -3) + (INDICATOR_END.test(t) ? 0.5 : 0) - (/^[率度性]/.test(t) ? 1.5 : 0);
}

function valueScore(t: string): number {
  if (isTargetCell(t)) return 2;
  if (QUAL.test(t)) return 1.5;
  if (/满意度?$/.test(t) && printWidth(t) > 3) return -1.5; // the name of a 满意度 indicator
  // Other targets are phrases (及时完成工作差旅任务); a short word that is neither is rare.
  return printWidth(t) <= 5 ? -0.8 : 0;
}

/** Every cell cut the printed lines allow: pieces of one line (one or a few side by side), or whole lines wrapped at one width. */
function candidates(lines: string[], pieces: Piece[]): Cand[][] {
  const firstOf = new Map<number, number>(); const lastOf = new Map<number, number>();
  pieces.forEach((p, i) => { if (!firstOf.has(p.line)) firstOf.set(p.line, i); lastOf.set(p.line, i); });
  const from: Cand[][] = pieces.map(() => []);
  pieces.forEach((p, a) => {
    for (let b = a; b <= Math.min(lastOf.get(p.line)!, a + 2); b++) {
      const text = normText(pieces.slice(a, b + 1).map((x) => x.text).join(' '));
      from[a]!.push(cand(a, b, text, [p.line], text, null));
    }
    if (firstOf.get(p.line) !== a) return;
    let bounds = narrowBounds([0, Infinity], lines[p.line]!);
    for (let j = p.line + 1; j < lines.length && j <= p.line + 16; j++) {
      bounds = narrowBounds(bounds, lines[j]!, lines[j - 1]!);
      if (bounds[0] >= bounds[1]) break; // no width wraps these lines so, nor any longer run of them
      const ls = lines.slice(p.line, j + 1);
      const b = lastOf.get(j)!;
      from[a]!.push(cand(a, b, joinText(ls), ls.map((_, k) => p.line + k), normText(ls[0]!), bounds));
    }
    // The conversion's garble: a short first line, then the rest of the cell wrapped at one width
    // the first line did not fill (`一`/`年经`/`费` 9.5 万/元, :11027–:11035; `维护`/`社会稳`/`定`,
    // :11049). A cell read so is garbled: the reading is a guess, never certain.
    const t0 = lines[p.line]!.trim();
    if (!/\s/.test(t0) && /^[\u4e00-\u9fff]+$/.test(t0) && !UNIT.test(t0) && p.line + 2 < lines.length) {
      let rest = narrowBounds([0, Infinity], lines[p.line + 1]!);
      if (printWidth(t0) >= rest[0]) return;
      for (let j = p.line + 2; j < lines.length && j <= p.line + 8; j++) {
        rest = narrowBounds(rest, lines[j]!, lines[j - 1]!);
        if (rest[0] >= rest[1]) break;
        const ls = lines.slice(p.line, j + 1);
        from[a]!.push(cand(a, lastOf.get(j)!, joinText(ls), ls.map((_, k) => p.line + k), normText(ls[0]!), rest, true));
      }
    }
  });
  return from;
}

// ---------------------------------------------------------------------------------------------
// 2. Cells, roles and categories, read together

/** Cost of a cell: fewer, longer cells unless what they say tells otherwise. */
const CELL_COST = 0.5;
/** Pieces of one line read as one cell (the cell had a space in it). */
const MERGE_COST = 1;
/** An indicator left without a value at the end of the project. */
const DANGLING = 3;
/** How much better the chosen reading of a cell must be than any other for it to be certain. */
const MARGIN = 1.5;
/** A pair read into a column left of (or the same as) the pair it shares its line with. */
const SAME_ROW = 3;

/**
 * Category of a pair given the one printed before it (row 4: a project's first pair), as the form
 * lays the grid out: the first row 成本?, 产出, 效益, 满意度, the further rows mostly 产出 (or 成本,
 * 产出; 产出, 效益). Half the log-odds against the likeliest next category, from how often the three
 * tab-layout budgets print each (after 产出: 效益 221, 产出 151, 满意度 6, 成本 never; never counted as
 * e⁻⁵): a weak prior, as cities fill the grid differently (洛阳's further rows: 产出, 满意度, :6157).
 */
const NEXT: number[][] = [
  // to: cost, output, benefit, satisfaction
  [-2.5, 0, -2.5, -2.5], // after cost: output 104
  [-2.5, -0.2, 0, -1.8], // after output: benefit 221, output 151, satisfaction 6
  [-1.2, -0.8, -1.7, 0], // after benefit: satisfaction 151, output 31, cost 14, benefit 5
  [-0.85, 0, -2.5, -2.5], // after satisfaction: output 132, cost 24, benefit 1
  [0, 0, -2.5, -2.5], // first pair: cost 66, output 76
];

/** Widths of the columns (indicator, value) per category, where the table shows them. */
interface Widths { ind: Array<number | null>; val: Array<number | null> }
const NO_WIDTHS: Widths = { ind: [null, null, null, null], val: [null, null, null, null] };

/** Does the cell sit in a column of this width: wrapped at it, or narrow enough not to be? */
function widthScore(cell: Cand, width: number | null): number {
  if (width === null) return 0;
  if (cell.wrap) return cell.wrap[0] <= width && width < cell.wrap[1] ? 0 : -4;
  return cell.width > width ? -4 : 0; // wider than the column, yet not wrapped
}

const mergeCost = (c: Cand) => (c.wrap ? 0 : MERGE_COST * (c.b - c.a));

function indicatorAs(c: Cand, cat: number, w: Widths): number {
  let s = c.asIndicator - CELL_COST - mergeCost(c);
  if (c.satisfaction) s += cat === 3 ? 3 : -3;
  else if (cat === 3) s -= 2;
  if (c.costName) s += cat === 0 ? 2 : -1.5;
  return s + widthScore(c, w.ind[cat]!);
}

function valueAs(c: Cand, cat: number, w: Widths): number {
  let s = c.asValue - CELL_COST - mergeCost(c);
  if (c.costValue) s += cat === 0 ? 1 : 0;
  return s + widthScore(c, w.val[cat]!);
}

/** A cell as read: its pieces, indicator (0) or value (1), its category, and whether no other reading comes close. */
interface CellRead { cand: Cand; role: 0 | 1; cat: number; certain: boolean }

// States between cells: 0–4 an indicator comes next (after a pair of category 0–3, or first);
// 5–8 the value of an indicator of category 0–3 comes next.
const STATES = 9;
const START = 4;

/** How often each two adjacent characters stand together inside one printed line. */
function bigramCounts(lines: string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const l of lines) {
    for (const tok of l.trim().split(/\s+/)) {
      const chars = [...tok];
      for (let i = 1; i < chars.length; i++) {
        if (!/[\u4e00-\u9fff]/.test(chars[i - 1]!) || !/[\u4e00-\u9fff]/.test(chars[i]!)) continue;
        const k = chars[i - 1]! + chars[i]!;
        out.set(k, (out.get(k) ?? 0) + 1);
      }
    }
  }
  return out;
}

/**
 * A cell starting a line where the line before ends in the first half of a word the document
 * prints often inside its lines (`促进工` / `作效率`: 工作) is more likely the wrap of one cell than
 * two cells: the cost of cutting there.
 */
function cutCost(pieces: Piece[], a: number, bigrams: Map<string, number>): number {
  if (a === 0 || pieces[a]!.line === pieces[a - 1]!.line) return 0;
  const n = bigrams.get([...pieces[a - 1]!.text].at(-1)! + [...pieces[a]!.text][0]!) ?? 0;
  return n >= 2 ? Math.min(2, 0.5 * Math.log(1 + n)) : 0;
}

/**
 * The best reading of a project's grid — its pieces cut into cells, each an indicator or a value
 * of a category — by dynamic programming, each cell certain when every other reading of any of
 * its pieces (another cut, role or category) scores at least MARGIN lower (max-marginals).
 */
/** A project's printed lines cut into pieces, with every cell the pieces can make and the cost of cutting before each piece. */
interface Grid { pieces: Piece[]; from: Cand[][]; cut: number[] }

function gridOf(lines: string[], bigrams: Map<string, number>): Grid {
  const pieces = lines.flatMap((l, line) => piecesOf(l).map((text) => ({ text, line })));
  return { pieces, from: candidates(lines, pieces), cut: pieces.map((_, a) => cutCost(pieces, a, bigrams)) };
}

function readGrid({ pieces, from, cut }: Grid, w: Widths): { cells: CellRead[]; score: number } {
  const P = pieces.length;
  if (P === 0) return { cells: [], score: 0 };
  const NEG = -Infinity;
  // The moves out of each state at each piece, in flat arrays (this runs for every project, several
  // times): a candidate j read as an indicator (states 0–4) or a value (5–8) of category k, to state
  // `to` at piece `end`, scoring v. Moves of state s at piece a are first[a·9+s] … first[a·9+s+1].
  const first = new Int32Array(P * STATES + 1);
  const mv: number[] = []; const mEnd: number[] = []; const mTo: number[] = []; const mJ: number[] = []; const mK: number[] = [];
  for (let a = 0; a < P; a++) {
    const cs = from[a]!;
    // A cell that starts on the line where the previous one ends sits beside it, in its row: in a
    // later column (`≥98% 引进人才 ≥98%`, :7022 — the 效益 target, then the 满意度 pair).
    const sameLine = a > 0 && pieces[a]!.line === pieces[a - 1]!.line;
    const ind = cs.map((c) => [0, 1, 2, 3].map((k) => indicatorAs(c, k, w) - cut[a]!));
    const val = cs.map((c) => [0, 1, 2, 3].map((k) => valueAs(c, k, w) - cut[a]!));
    for (let s = 0; s < STATES; s++) {
      first[a * STATES + s] = mv.length;
      for (let j = 0; j < cs.length; j++) {
        for (let k = s < 5 ? 0 : s - 5; k < (s < 5 ? 4 : s - 4); k++) {
          mv.push(s < 5 ? NEXT[s]![k]! + ind[j]![k]! - (sameLine && s < 4 && k <= s ? SAME_ROW : 0) : val[j]![k]!);
          mEnd.push(cs[j]!.b + 1); mTo.push(s < 5 ? 5 + k : k); mJ.push(j); mK.push(k);
        }
      }
    }
  }
  first[P * STATES] = mv.length;
  // A reading of a piece: a candidate as an indicator or a value, of a category.
  const readingOf = (a: number, m: number, s: number) => ((a * 32 + mJ[m]!) * 2 + (s < 5 ? 0 : 1)) * 4 + mK[m]!;
  const fwd = new Float64Array((P + 1) * STATES).fill(NEG);
  const bwd = new Float64Array((P + 1) * STATES).fill(NEG);
  fwd[START] = 0;
  for (let a = 0; a < P; a++) {
    for (let s = 0; s < STATES; s++) {
      const f = fwd[a * STATES + s]!;
      if (f === NEG) continue;
      for (let m = first[a * STATES + s]!; m < first[a * STATES + s + 1]!; m++) {
        const t = mEnd[m]! * STATES + mTo[m]!;
        if (f + mv[m]! > fwd[t]!) fwd[t] = f + mv[m]!;
      }
    }
  }
  for (let s = 0; s < STATES; s++) bwd[P * STATES + s] = s < 5 ? 0 : -DANGLING;
  for (let a = P - 1; a >= 0; a--) {
    for (let s = 0; s < STATES; s++) {
      let b = NEG;
      for (let m = first[a * STATES + s]!; m < first[a * STATES + s + 1]!; m++) b = Math.max(b, mv[m]! + bwd[mEnd[m]! * STATES + mTo[m]!]!);
      bwd[a * STATES + s] = b;
    }
  }
  const best = bwd[START]!;
  // Max-marginals: per piece, the two best readings covering it.
  const id0 = new Int32Array(P).fill(-1); const v0 = new Float64Array(P).fill(NEG);
  const id1 = new Int32Array(P).fill(-1); const v1 = new Float64Array(P).fill(NEG);
  for (let a = 0; a < P; a++) {
    for (let s = 0; s < STATES; s++) {
      const f = fwd[a * STATES + s]!;
      if (f === NEG) continue;
      for (let m = first[a * STATES + s]!; m < first[a * STATES + s + 1]!; m++) {
        const v = f + mv[m]! + bwd[mEnd[m]! * STATES + mTo[m]!]!;
        if (v === NEG) continue;
        const id = readingOf(a, m, s);
        for (let i = a; i < mEnd[m]!; i++) {
          if (id0[i] === id) v0[i] = Math.max(v0[i]!, v);
          else if (v > v0[i]!) { id1[i] = id0[i]!; v1[i] = v0[i]!; id0[i] = id; v0[i] = v; }
          else if (id1[i] === id) v1[i] = Math.max(v1[i]!, v);
          else if (v > v1[i]!) { id1[i] = id; v1[i] = v; }
        }
      }
    }
  }
  const out: CellRead[] = [];
  let a = 0; let s = START;
  while (a < P) {
    // The first move on a best path; the forward and backward sums add the same scores in another
    // order, so on a long grid they differ by more than a fixed 1e-9: compare relatively, and take
    // the best move of the state should none come that close.
    const tol = 1e-9 * Math.max(1, Math.abs(best));
    let m = -1; let arg = first[a * STATES + s]!;
    for (let k = first[a * STATES + s]!; k < first[a * STATES + s + 1]!; k++) {
      const v = fwd[a * STATES + s]! + mv[k]! + bwd[mEnd[k]! * STATES + mTo[k]!]!;
      if (Math.abs(v - best) < tol) { m = k; break; }
      if (v > fwd[a * STATES + s]! + mv[arg]! + bwd[mEnd[arg]! * STATES + mTo[arg]!]!) arg = k;
    }
    if (m < 0) m = arg;
    const id = readingOf(a, m, s);
    let rival = NEG;
    for (let i = a; i < mEnd[m]!; i++) rival = Math.max(rival, id0[i] === id ? v1[i]! : v0[i]!);
    out.push({ cand: from[a]![mJ[m]!]!, role: s < 5 ? 0 : 1, cat: mK[m]!, certain: best - rival >= MARGIN });
    a = mEnd[m]!; s = mTo[m]!;
  }
  return { cells: out, score: best };
}

interface Pair {
  ind: CellRead; val: CellRead | null; certain: boolean;
  /** Inside a passage the conversion garbled (garbledPairs). */
  garbled: boolean;
  /** The printed pieces and the source lines of both cells. */
  pieces: string[]; lines: number[];
}

/** A project's pairs in the grid's rows: a row ends where the categories stop increasing. */
function rowsOf(pairs: Pair[]): Pair[][] {
  const rows: Pair[][] = [];
  pairs.forEach((p, i) => (i > 0 && p.ind.cat > pairs[i - 1]!.ind.cat ? rows.at(-1)!.push(p) : rows.push([p])));
  return rows;
}

const isSatisfaction = (p: Pair) => SATISFACTION.test(p.ind.cand.text);

/** A project's grid read: its pairs, and the score of the reading. */
interface GridRead { pairs: Pair[]; score: number }

/** What readBlock needs: the column widths, and the grids already cut (by their lines) with the document's words. */
interface Reader { w: Widths; bigrams: Map<string, number>; grids: Map<string, Grid> }

function readBlock(region: Frag[], r: Reader): GridRead {
  const lines = region.map((f) => f.text);
  const key = lines.join('\n');
  let grid = r.grids.get(key);
  if (!grid) r.grids.set(key, grid = gridOf(lines, r.bigrams));
  const { pieces } = grid;
  const { cells, score } = readGrid(grid, r.w);
  const pageBreak = region.some((f) => f.pageStart);
  const pairs: Pair[] = [];
  for (let i = 0; i < cells.length; i += 2) {
    const ind = cells[i]!; const val = cells[i + 1] ?? null;
    const cs = [ind, ...(val ? [val] : [])];
    pairs.push({
      ind, val, certain: ind.certain && val !== null && val.certain && !pageBreak, garbled: false,
      pieces: cs.flatMap((c) => pieces.slice(c.cand.a, c.cand.b + 1).map((x) => x.text)),
      lines: cs.flatMap((c) => c.cand.lines.map((k) => region[k]!.n)),
    });
  }
  markGarbled(pairs);
  return { pairs, score };
}

/** A number with at most a short unit, or a comparator first: a target, never an indicator's name (`1000`, `10 家医院`, `1 年`: :7508, :6952, :6980). */
const TARGET_AS_NAME = /^(?:[≥≤<>＜＞=]|\d+(?:\.\d+)?\s*\S{0,3}$|\d+(?:\.\d+)?%)/;
/** Two figures glued into one (`100100`, `≥200200`: :6972, :6984). */
const GLUED = /(?:^|[\s≥≤<>＜＞=])(\d{2,4})\1(?![\d.])/;
/** A figure between words, or words between figures: pieces of several cells run together (`城乡居民 98 居民`, `95 养老 >93%`: :7762, :7767). */
const RUN_TOGETHER = /[\u4e00-\u9fff]\s+[≥≤<>＜＞=]?\d+(?:\.\d+)?%?\s+[\u4e00-\u9fff]|\d%?\s+[\u4e00-\u9fff]+\s+[≥≤<>＜＞=]?\d/;

/** Does a cell as read show the conversion's garble (as no printed grid could hold it)? */
function garbledCell(c: CellRead): boolean {
  const t = c.cand.text;
  if (c.cand.garbled || GLUED.test(t)) return true;
  if (c.cand.wrap === null && c.cand.b > c.cand.a && RUN_TOGETHER.test(t)) return true;
  // An indicator that is a target, or one character (`费` → `9.5 万元`, :11031): the name was lost or cut.
  return c.role === 0 && (TARGET_AS_NAME.test(t) || (printWidth(t) <= 1 && /[\u4e00-\u9fff]/.test(t)));
}

/**
 * Passages the conversion garbled — glued figures, targets where names belong, fragments no width
 * wraps — read as well as they can be but never certain: every pair of such a project is
 * uncertain (its cells cannot be told apart with confidence), and the pairs from the first garbled
 * one to the last are marked garbled.
 */
function markGarbled(pairs: Pair[]): void {
  const hit = pairs.flatMap((p, i) => ([p.ind, ...(p.val ? [p.val] : [])].some(garbledCell) ? [i] : []));
  if (hit.length === 0) return;
  for (const p of pairs) p.certain = false;
  for (let i = hit[0]!; i <= hit.at(-1)!; i++) pairs[i]!.garbled = true;
}

/**
 * A project whose block starts at the bottom of a page prints its first row there, before its
 * code on the next page (as tables/projectIndicators.ts finds in the tab layout, 郑州 701–704 →
 * 30842 at 706). When the project after a page break has no 满意度 indicator and its first row
 * fewer than three pairs, the previous project's last lines move to it, from the line that reads
 * best as the start of a first row (three pairs or more with a 满意度 indicator): the cut where the
 * two projects' grids, read again, score highest.
 */
function moveRowsBeforeCodes(blocks: Block[], r: Reader, repairs: Note[]): void {
  for (let k = 1; k < blocks.length; k++) {
    const p = blocks[k - 1]!; const q = blocks[k]!;
    if (!q.codeStartsPage) continue;
    const own = readBlock(q.region, r).pairs;
    if (own.some(isSatisfaction) || (rowsOf(own)[0]?.length ?? 0) >= 3) continue;
    const before = readBlock(p.region, r).pairs;
    const firstRow = rowsOf(before)[0]?.length ?? before.length;
    let best: { cut: number; score: number } | null = null;
    for (let c = firstRow; c + 2 < before.length; c++) {
      const moved = before.slice(c);
      if (!moved.slice(0, 4).some(isSatisfaction)) continue;
      const cut = p.region.findIndex((f) => f.n === moved[0]!.lines[0]);
      if (cut <= 0 || p.region.findIndex((f) => f.n === before[c - 1]!.lines.at(-1)) >= cut) continue; // cells share a line
      const score = readBlock(p.region.slice(0, cut), r).score + readBlock([...p.region.slice(cut), ...q.region], r).score;
      if (!best || score > best.score) best = { cut, score };
    }
    if (!best) continue;
    const moved = p.region.splice(best.cut);
    q.region = [...moved, ...q.region];
    repairs.push({
      table: TABLE, line: moved[0]!.n,
      what: `indicator rows ${moved[0]!.n}–${moved.at(-1)!.n}, printed before a page break, belong to project ${q.code} (line ${q.codeLine}) printed after it`,
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Cells cut by a page break

/** A cell that may go on after the break: its text, the width of its column, and where it ends. */
interface OpenHead { text: string; width: number; piece: number; name?: true }

/** How often the document prints two characters together: the evidence that a cut joins them. */
const junction = (bigrams: Map<string, number>, before: string, after: string) =>
  Math.log(1 + (bigrams.get([...before].at(-1)! + [...after][0]!) ?? 0));

/**
 * A page break inside a row cuts every cell taller than what fits on the page: each keeps its
 * first lines, all as many (the rows' cells are top-aligned), and its last line full; the rest of
 * each, in the order of the columns, opens the next page — laid out as a row is, ends that fit
 * side by side on one line (` 完成率 覆盖率 贴息小微`, :9992), a longer one wrapped on lines of its
 * own (` 经费`/`标准`, :5369). A person puts them back by the widths: an end is no wider than its
 * column, and goes on over further lines only while its lines are full. The project's name can be
 * cut too (` 金 数 满意度`, :10199, 金 ends …贴息奖补资/金). Of the ways the ends fit the cut cells,
 * the one whose joins the document prints most often (意/度 over 况/度, :5377) is taken; the
 * project stays uncertain, its pieces published.
 */
function rejoinPageCuts(b: Block, r: Reader, repairs: Note[]): void {
  for (let k = 1; k < b.region.length; k++) {
    if (!b.region[k]!.pageStart) continue;
    const before = b.region.slice(0, k);
    const lines = before.map((f) => f.text);
    const grid = gridOf(lines, r.bigrams);
    const cells = readGrid(grid, r.w).cells;
    // The cut row: the cells from the last pair whose category does not follow the one before it.
    let start = 0;
    for (let i = 2; i < cells.length; i += 2) if (cells[i]!.cat <= cells[i - 2]!.cat) start = i;
    const row = cells.slice(start);
    const height = Math.max(0, ...row.map((c) => c.cand.lines.length));
    const heads: OpenHead[] = [];
    const name = b.nameParts.at(-1);
    const nameWidth = Math.max(0, ...b.nameParts.slice(1).map(printWidth));
    if (name !== undefined && b.nameParts.length >= 3) heads.push({ text: name, width: nameWidth, piece: -1, name: true });
    for (const c of row) {
      if (c.cand.lines.length !== height) continue;
      const last = lines[c.cand.lines.at(-1)!]!;
      const width = c.cand.wrap ? c.cand.wrap[0] : (c.role === 0 ? r.w.ind : r.w.val)[c.cat];
      if (width === null || width === undefined) continue;
      heads.push({ text: c.cand.wrap ? last : c.cand.text, width, piece: c.cand.b });
    }
    if (heads.length === 0) continue;
    // The pieces after the break, with their lines.
    const after = b.region.slice(k).flatMap((f, li) => {
      const ps = piecesOf(f.text);
      return ps.map((text, pi) => ({ text, li, pi, first: pi === 0, last: pi === ps.length - 1 }));
    }).slice(0, 16);
    // Every way the first pieces end the open cells, in order; the best by its joins. The ways are
    // few (a row has at most eight cells, an end is no wider than its column); a damaged text could
    // make them many, so the search stops after a fixed number of steps, keeping the best so far.
    type Way = { to: number[]; score: number };
    let best: Way = { to: [], score: 0 };
    let steps = 0;
    const search = (i: number, head: number, goesOn: boolean, to: number[], score: number) => {
      if (++steps > 5000) return;
      // On a tie, the longer: an end goes on over its lines while they are full.
      if ((i === after.length || after[i]!.first) && to.length > 0 && (score > best.score || (score === best.score && to.length > best.to.length))) best = { to: [...to], score };
      if (i === after.length) return;
      const p = after[i]!; const w = printWidth(p.text);
      if (isTargetCell(p.text)) return; // a target starts the next row's pair, never ends a cut cell
      // An end goes on over a further line when the line above could not have taken its start.
      const full = (line: string, width: number) => printWidth(line) + leadOf(p.text) > width;
      if (goesOn && p.first && w <= heads[head]!.width + 0.5 && full(after[i - 1]!.text, heads[head]!.width)) {
        const prev = after[i - 1]!.text;
        to.push(head);
        search(i + 1, head, p.last, to, score + junction(r.bigrams, prev, p.text));
        to.pop();
      }
      for (let h = head + 1; h < heads.length; h++) {
        if (w > heads[h]!.width + 0.5 || !full(heads[h]!.text, heads[h]!.width)) continue;
        if (heads[h]!.name && (!p.first || i > 0 || (r.bigrams.get([...heads[h]!.text].at(-1)! + [...p.text][0]!) ?? 0) === 0)) continue;
        to.push(h);
        search(i + 1, h, p.last, to, score + 1 + junction(r.bigrams, heads[h]!.text, p.text));
        to.pop();
      }
    };
    search(0, -1, false, [], 0);
    if (best.to.length === 0) continue;
    // Put the ends back, as lines of their own after the cell they end (a line the cell shares with
    // the next cells is split after it, so the cell reads wrapped, as it was printed); the name's
    // as name parts.
    const tailLines = b.region.slice(k);
    const taken = new Map<number, Set<number>>(); // line after the break → its pieces taken
    const ends = new Map<number, Frag[]>(); // piece before the break → the ends after it
    const names: string[] = [];
    best.to.forEach((h, i) => {
      const p = after[i]!;
      const f = tailLines[p.li]!;
      (taken.get(p.li) ?? taken.set(p.li, new Set()).get(p.li)!).add(p.pi);
      if (heads[h]!.name) names.push(p.text);
      else (ends.get(heads[h]!.piece) ?? ends.set(heads[h]!.piece, []).get(heads[h]!.piece)!).push({ n: f.n, text: p.text, head: p.text, amounts: [], pageStart: true });
    });
    const out: Frag[] = [];
    before.forEach((f, li) => {
      const ps = grid.pieces.flatMap((x, i) => (x.line === li ? [i] : []));
      if (!ps.some((i) => ends.has(i))) { out.push(f); return; }
      let run: string[] = [];
      const flush = () => { if (run.length > 0) out.push({ ...f, text: run.join(' '), head: run.join(' '), amounts: [] }); run = []; };
      for (const i of ps) {
        if (!ends.has(i)) { run.push(grid.pieces[i]!.text); continue; }
        flush();
        run.push(grid.pieces[i]!.text);
        flush();
        out.push(...ends.get(i)!);
      }
      flush();
    });
    const rest: Frag[] = [];
    let carry = false;
    tailLines.forEach((f, li) => {
      const gone = taken.get(li) ?? new Set<number>();
      const left = piecesOf(f.text).filter((_, pi) => !gone.has(pi)).join(' ');
      if (left === '') { carry ||= f.pageStart; return; }
      rest.push(gone.size > 0 || carry ? { ...f, text: left, head: left, pageStart: f.pageStart || carry } : f);
      carry = false;
    });
    // Taken when the project's grid reads better so (the ends no longer left as cells of their own),
    // or as well and the joins are words the document prints: a page break between two rows leaves
    // no ends, and joining the next row's first cells to the row above reads worse (the reflowed
    // tab-layout budgets, tests/pipeline/reflowed.test.ts).
    const was = readGrid(gridOf(b.region.map((f) => f.text), r.bigrams), r.w).score;
    const now = readGrid(gridOf([...out, ...rest].map((f) => f.text), r.bigrams), r.w).score;
    const words = best.score - new Set(best.to).size;
    if (now < was || (now === was && words <= 0)) continue;
    b.nameParts.push(...names);
    repairs.push({ table: TABLE, line: tailLines[0]!.n, what: `project ${b.code}: ${best.to.length} piece(s) of cells cut by the page break (${after.slice(0, best.to.length).map((x) => x.text).join(' ')}) joined to the cells they end` });
    b.region = [...out, ...rest];
    k = out.length; // the next page break after this one
  }
}

/**
 * The width a column was wrapped at, from the cells certainly in it: the width (in half-character
 * steps) inside the most wrapped cells' bounds, less the cells printed unwrapped that are wider.
 */
function columnWidth(cells: Cand[]): number | null {
  const wrapped = cells.filter((c) => c.wrap);
  if (wrapped.length < 2) return null;
  const singles = cells.filter((c) => !c.wrap).map((c) => c.width);
  let bestW: number | null = null; let bestN = 0; let bestScore = -Infinity;
  for (let w = 1; w <= 30; w += 0.5) {
    const n = wrapped.filter((c) => c.wrap![0] <= w && w < c.wrap![1]).length;
    const score = n - singles.filter((x) => x > w).length;
    if (score > bestScore) { bestScore = score; bestN = n; bestW = w; }
  }
  // A width most of the column's wrapped cells agree on, and not only two of them.
  return bestW !== null && bestN >= Math.max(2, 0.6 * wrapped.length) ? bestW : null;
}

/** Column widths from the cells read with certainty (a page break that makes a project uncertain leaves its cells' widths good). */
function learnWidths(pairs: Pair[]): Widths {
  const cats = [0, 1, 2, 3];
  return {
    ind: cats.map((c) => columnWidth(pairs.filter((p) => p.ind.certain && p.ind.cat === c).map((p) => p.ind.cand))),
    val: cats.map((c) => columnWidth(pairs.flatMap((p) => (p.val?.certain && p.val.cat === c ? [p.val.cand] : [])))),
  };
}

// ---------------------------------------------------------------------------------------------

/** `lines`: the whole document, whose words tell where a cell may end (cutCost); the section's own lines by default. */
export function readProjectPerformance(section: ReflowedSection, lines: string[] = section.frags.map((f) => f.text)): PerformanceRead {
  const repairs: Note[] = [];
  const frags = withSplitCodesJoined(withoutRepeatedHeaders(section.frags.map(withSplitAmountsJoined), repairs), repairs);
  const blocks = blocksOf(frags, repairs);
  const reader: Reader = { w: NO_WIDTHS, bigrams: bigramCounts(lines), grids: new Map() };
  const read = () => blocks.map((b) => readBlock(b.region, reader).pairs);
  // Read once by what the cells say, then again with the column widths the certain pairs show.
  reader.w = learnWidths(read().flat());
  moveRowsBeforeCodes(blocks, reader, repairs);
  reader.w = learnWidths(read().flat());
  for (const b of blocks) rejoinPageCuts(b, reader, repairs);
  const pairsOf = read();

  const out: OutRow[] = [];
  blocks.forEach((b, k) => {
    for (const p of pairsOf[k]!) {
      const val = p.val?.cand.text ?? '';
      const t = target(val);
      const first = Math.min(...p.lines); const last = Math.max(...p.lines);
      out.push({
        source_line: first, source_line_end: last > first ? last : null,
        project_code: b.code, project_name: joinText(b.nameParts), unit_code: b.unitCode, unit_name: b.unitName,
        project_amount: b.amount, category: CATEGORIES[p.ind.cat]!, category_zh: CATEGORIES_ZH[p.ind.cat]!,
        indicator: stripNumbering(p.ind.cand.text), target_text: val,
        comparator: t.comparator, target_value: t.value, target_unit: t.unit,
        pairing: p.certain ? 'certain' : 'uncertain',
        garbled: p.garbled,
        raw_cells: p.certain ? null : p.pieces.join(' | '),
      });
    }
    if (b.region.some((f) => f.pageStart)) repairs.push({ table: TABLE, line: b.codeLine, what: `project ${b.code}: a page break cuts its cells; every indicator marked uncertain` });
  });
  return { tables: { [TABLE]: out }, repairs };
}
