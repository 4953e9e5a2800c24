// Sentences with figures for the topic pages. A sentence is a list of segments: plain text, or a
// figure with the source line(s) it comes from, so that every figure on the page can be a link.
import { grouped, money, pct } from './format.ts';
import { docTypeZh } from './labels.ts';

/** Where a figure is printed: public/sources/<docId>.txt, line (to lineEnd). */
export interface Src {
  docId: string;
  line: number;
  lineEnd?: number | null;
}

export interface Fig {
  fig: string;
  src: Src | null;
}

export type Seg = string | Fig;

/** A row of a published table → the lines it is printed on. */
export function srcOf(row: { doc_id: string; source_line: number | null; source_line_end?: number | null }): Src | null {
  if (row.source_line === null || row.source_line === undefined) return null;
  return { docId: row.doc_id, line: row.source_line, lineEnd: row.source_line_end ?? null };
}

/** The smallest range covering several sources of one document (for an aggregate figure). */
export function spanOf(docId: string, lines: Array<number | null | undefined>): Src | null {
  const ns = lines.filter((n): n is number => typeof n === 'number' && Number.isFinite(n));
  if (ns.length === 0) return null;
  const line = Math.min(...ns);
  const end = Math.max(...ns);
  return { docId, line, lineEnd: end > line ? end : null };
}

export const fig = (text: string, src: Src | null): Fig => ({ fig: text, src });

/** An amount in natural Chinese (万元 / 亿元), linked to its line. */
export const amount = (wan: number, src: Src | null): Fig => fig(money(wan), src);

/** A share 0–1 as a percentage, linked to the line(s) it is computed from. */
export const share = (s: number, src: Src | null, digits = 1): Fig => fig(pct(s, digits), src);

/** A count: “46 个”. */
export const count = (n: number, unit: string, src: Src | null): Fig => fig(`${grouped(n)} ${unit}`, src);

/** Lists in Chinese: “甲”“甲和乙”“甲、乙和丙” (each item a list of segments). */
export function listZh(items: Seg[][], last = '和', sep = '、'): Seg[] {
  const out: Seg[] = [];
  items.forEach((item, i) => {
    if (i > 0) out.push(i === items.length - 1 ? last : sep);
    out.push(...item);
  });
  return out;
}

/** Plain-text list: “甲、乙和丙”. */
export function listText(items: string[], last = '和'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join('、')}${last}${items.at(-1)}`;
}

/** Names a sentence lists before it counts the rest: “郑州 2024、洛阳 2024 … 等 300 份”. */
export const NAMED = 12;

/** listText of at most `n` items, then how many there are in all: a sentence that stays a sentence at 10,000 documents. */
export function listSome(items: string[], n = NAMED, what = '份'): string {
  return items.length <= n ? listText(items) : `${items.slice(0, n).join('、')}等 ${items.length.toLocaleString('zh-CN')} ${what}`;
}

/**
 * A year-on-year change as a clause: “增加 20 万元”, “减少 4.5 万元（下降 4.58%）”, “持平”.
 * `pctValue` is the printed percentage (4.58 for 4.58%), with its own line.
 */
export function changeSegs(value: number, src: Src | null, pctValue?: number | null, pctSrc?: Src | null): Seg[] {
  if (value === 0) return [fig('持平', src)];
  const out: Seg[] = [value > 0 ? '增加 ' : '减少 ', amount(Math.abs(value), src)];
  if (pctValue !== null && pctValue !== undefined && Number.isFinite(pctValue) && pctValue !== 0) {
    out.push(`（${pctValue > 0 ? '增长' : '下降'} `, fig(`${trimNumber(Math.abs(pctValue))}%`, pctSrc ?? src), '）');
  }
  return out;
}

/** 4.580 → "4.58"; 20 → "20". */
export function trimNumber(n: number, digits = 2): string {
  const s = n.toFixed(digits);
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

/** Plain text of segments (for alt texts and takeaways). */
export function plain(segs: Seg[]): string {
  return segs.map((s) => (typeof s === 'string' ? s : s.fig)).join('');
}

/** What a label needs of a document: its publisher (cities.ts whoOf), year, kind and scope. */
export interface Named { who: string; fiscal_year: number; doc_kind: string; scope?: string | null }

/** A document as readers name it: “郑州 2024”; documents that are not department budgets say what they are. */
export function docLabel(d: Named): string {
  const suffix = d.doc_kind === 'performance' ? '（绩效目标申报表）'
    : d.doc_kind === 'budget' && d.scope !== 'unit' ? '' : `（${docTypeZh(d.doc_kind, d.scope)}）`;
  return `${d.who} ${d.fiscal_year}${suffix}`;
}

/** In running text about one table: “郑州 2024 年”. */
export function docYear(d: Pick<Named, 'who' | 'fiscal_year'>): string {
  return `${d.who} ${d.fiscal_year} 年`;
}

/** In running text: “郑州 2024 年预算”, “上海普陀区商务委员会 2025 年单位预算”. */
export function docName(d: Named): string {
  const kind = d.doc_kind === 'performance' ? '整体绩效目标申报表'
    : d.doc_kind === 'budget' && d.scope !== 'unit' ? '预算' : docTypeZh(d.doc_kind, d.scope);
  return `${d.who} ${d.fiscal_year} 年${kind}`;
}

/** Cut a long name for a chart label (the data table keeps it whole). */
export function shorten(s: string, max = 18): string {
  const chars = [...s];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : s;
}

/** Round to cents so that sums of floats print as the figures they are. */
export const r2 = (n: number): number => Math.round(n * 100) / 100;
