// Test utility: turn a tab-layout disclosure into the "reflowed" layout the way the conversion of
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
// - header rows printed again after a page break (as the tab layout repeats them).
import { standardOf } from '../scripts/pipeline/standards.ts';
import { isAmount } from '../scripts/pipeline/text.ts';

export interface ReflowOptions {
  /** Seed of the deterministic choices (wrap widths, page lengths, where labels are cut). */
  seed?: number;
  /** Table rows per page, before the seeded jitter (default 12). */
  rowsPerPage?: number;
  /** First page number (default 10). */
  firstPage?: number;
}

/** mulberry32: a small deterministic generator. */
function rng(seed: number): () => number {
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

  for (const raw of lines) {
    const text = raw.replace(/\s+$/, '');
    const title = titleOf(text);
    if (title) {
      table = title;
      header = [];
      inHeader = true;
      rowsLeft = between(opts.rowsPerPage ?? 12, (opts.rowsPerPage ?? 12) + 4);
      widths = { name: between(9, 11), unit: between(6, 7), label: between(10, 12), head: between(3, 5) };
      put(text.trim());
      continue;
    }
    if (text.trim() === '') continue;
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
    const hasAmounts = cells.some((c) => c.trim() !== '' && isAmount(c.trim()) && /[.,]/.test(c.trim()));
    if (inHeader && !hasAmounts) { header.push(cells); renderRow(cells); continue; }
    inHeader = false;
    renderRow(cells);
    rowsLeft--;
    if (rowsLeft <= 0 && table !== null) {
      pageBreak();
      if (labelRest.length) { for (const ch of labelRest) put(ch); labelRest = []; }
      for (const h of header) renderRow(h);
      rowsLeft = between(opts.rowsPerPage ?? 12, (opts.rowsPerPage ?? 12) + 4);
    }
  }
  return out;
}
