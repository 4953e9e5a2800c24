// Words for the city pages: lists, changes, statuses and plain-Chinese explanations of checks.
import { exact, grouped } from './format.ts';
import type { CheckRow, Presence, PresenceStatus } from './cityData.ts';

/** ["a", "b", "c"] → "a、b和c". */
export function listZh(parts: string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join('、')}和${parts[parts.length - 1]}`;
}

/** A change vs the prior year in words, from a signed amount: 增加 / 减少 / 持平. */
export function changeVerb(v: number): '增加' | '减少' | '持平' {
  return v > 0 ? '增加' : v < 0 ? '减少' : '持平';
}

/** 增长 / 下降 for a signed percentage. */
export function pctVerb(v: number): '增长' | '下降' {
  return v >= 0 ? '增长' : '下降';
}

/** 12.3456 (already in percent) → "12.35%"; trims trailing zeros. */
export function pctPrinted(v: number): string {
  return `${Number(Math.abs(v).toFixed(2))}%`;
}

/** A count with grouping: 1234 → "1,234". */
export function count(n: number): string {
  return grouped(n);
}

export const PRESENCE_ZH: Record<PresenceStatus, string> = {
  present: '已公开',
  empty: '空表（注明无数据）',
  missing: '未公开',
  unread: '已公开，尚未读取',
};

/**
 * Why a standard table shows no data on the page, in one sentence; undefined when the document is
 * not expected to print it (e.g. a performance form has no 收支总表), so the part is left out.
 */
export function absentNote(p: Presence | undefined): string | undefined {
  if (!p) return undefined;
  if (p.status === 'missing') return `原文未公开${p.standard_zh}。`;
  if (p.status === 'empty') return `原文的${p.standard_zh}为空表，注明本部门没有这项收支。`;
  if (p.status === 'unread') return `原文印有${p.standard_zh}，但这种排版本站尚未读取，本页暂不展示。`;
  return `原文印有${p.standard_zh}，但本站尚未从中读出数据。`;
}

/** The Chinese part of a check description (drops a trailing technical note in Latin script). */
export function checkDescription(c: CheckRow): string {
  return c.description.replace(/\s*[（(][0-9A-Za-z][\x20-\x7E]*[)）]\s*$/, '').trim();
}

/**
 * A check that did not come out "一致", in plain Chinese. `all` is the document's checks, to notice
 * two mismatches whose figures are swapped (two column labels printed the wrong way round).
 */
export function explainCheck(c: CheckRow, all: CheckRow[]): string {
  const desc = checkDescription(c);
  if (c.expected === null || c.actual === null || c.difference === null) {
    return isAmbiguous(c) ? `${desc}。这不是原文算错，而是转换后的文本丢了空白单元格，本站无法确定这些数字各属于哪一列；涉及的分项请以原文为准。` : `${desc}。`;
  }
  const w = (v: number) => `${exact(v)} 万元`;
  const sides = c.check_kind === 'narrative' ? ['表中为', '文字说明为']
    : c.check_kind === 'cross_table' ? ['等号左边为', '右边为'] : ['原文印的合计为', '各项相加为'];
  const compared = `${desc}：${sides[0]} ${w(c.expected)}，${sides[1]} ${w(c.actual)}，相差 ${w(Math.abs(c.difference))}`;
  if (c.status === 'rounding') return `${compared}，在四舍五入造成的误差范围内。`;
  const swapped = all.some((o) => o !== c && o.status === 'mismatch' && o.expected === c.actual && o.actual === c.expected);
  return `${compared}，不能用四舍五入解释。`
    + (swapped ? '另一项核对的两个数字与此恰好互换，原文很可能把这两列的标题印反了。' : '');
}

/** "郑州" + "人力资源和社会保障局" → "郑州市人力资源和社会保障局" when the titles print it so. */
export function deptName(city: string, department: string, titles: string[]): string {
  return titles.some((t) => t.includes(`${city}市${department}`)) ? `${city}市${department}` : `${city}${department}`;
}

/**
 * A department with its place, as the page heading names it: 郑州市人力资源和社会保障局 (a city, as
 * its titles print it), 上海市普陀区商务委员会, 江苏省高级人民法院.
 */
export function publisherName(place: { admin_level: string; name: string; docs: Array<{ city: string | null }> }, department: string, titles: string[]): string {
  const city = place.docs[0]?.city;
  return place.admin_level === 'city' && city ? deptName(city, department, titles) : `${place.name}${department}`;
}

/** Chart sources, one per distinct line range, in line order. */
export function uniqueSources(docId: string, locs: Array<{ line: number; lineEnd?: number | null }>): Array<{ docId: string; line: number; lineEnd: number | null }> {
  const seen = new Map<string, { docId: string; line: number; lineEnd: number | null }>();
  for (const l of locs) {
    const end = l.lineEnd && l.lineEnd > l.line ? l.lineEnd : null;
    seen.set(`${l.line}-${end}`, { docId, line: l.line, lineEnd: end });
  }
  return [...seen.values()].sort((a, b) => a.line - b.line);
}

/** A check recording that the printed amounts of a row could not be placed in columns with certainty. */
export function isAmbiguous(c: CheckRow): boolean {
  return c.check_id.includes(':ambiguous:');
}
