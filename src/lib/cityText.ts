// Words for the city pages: lists, changes, statuses and plain-Chinese explanations of checks.
import { grouped, inUnit, isCountUnit } from './format.ts';
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
  listed: '未公开（目录列出了，正文未印出）',
  unread: '已公开，尚未读取',
};

/**
 * Why a standard table shows no data on the page, in one sentence; undefined when the document is
 * not expected to print it (e.g. a performance form has no 收支总表), so the part is left out.
 */
export function absentNote(p: Presence | undefined): string | undefined {
  if (!p) return undefined;
  if (p.status === 'missing') return `原文未公开${p.standard_zh}。`;
  if (p.status === 'listed') return `原文目录列出了${p.standard_zh}，正文却没有印出。`;
  if (p.status === 'empty') return `原文的${p.standard_zh}为空表，注明本部门没有这项收支。`;
  if (p.status === 'unread') return `原文印有${p.standard_zh}，但这种排版本站尚未读取，本页暂不展示。`;
  return `原文印有${p.standard_zh}，但本站尚未从中读出数据。`;
}

/** The Chinese part of a check description (drops a trailing technical note in Latin script). */
export function checkDescription(c: Pick<CheckRow, 'description'>): string {
  // Only a note with Latin words: a trailing printed figure (part_whole: “…合计行的“工资福利支出”（29,497.7）”) stays.
  return c.description.replace(/\s*[（(](?=[\x20-\x7E]*[A-Za-z])[0-9A-Za-z][\x20-\x7E]*[)）]\s*$/, '').trim();
}

/** What explainCheck reads of a check: a place page's row, or a /topic/checks/ row. */
export type CheckLike = Pick<CheckRow, 'check_id' | 'check_kind' | 'table_name' | 'description' | 'expected' | 'actual' | 'difference' | 'unit' | 'source_lines'>
  & { status: string };

/** Tables whose rows are projects: a count there is a number of projects. */
const PROJECT_TABLES = new Set(['projects', 'project_indicators']);

/** checks.source_lines in words: "731,871" → "第 731 行和第 871 行"; "100-101" → "第 100–101 行". */
export function linesZh(lines: string | null): string {
  // Parsed here rather than with paths.ts, which needs Astro's import.meta.env: these words are also used outside a build.
  return listZh((lines ?? '').split(',').map((r) => /^\s*(\d+)(?:-(\d+))?\s*$/.exec(r)).filter((m) => m !== null)
    .map((m) => `第 ${m[1]}${m[2] ? `–${m[2]}` : ''} 行`));
}

/**
 * A check that did not come out "一致", in plain Chinese: what was compared, in words that fit its
 * kind, with each figure in the unit the check states (checks.unit: 万元, or 个 / 项 for a count).
 * `all` is the document's checks, to notice two mismatches whose figures are swapped (two column
 * labels printed the wrong way round) and a row printed twice that explains a count.
 */
export function explainCheck(c: CheckLike, all: CheckLike[]): string {
  const desc = checkDescription(c);
  if ((c.expected === null && c.actual === null) || c.difference === null) {
    return isAmbiguous(c) ? `${desc}。这不是原文算错，而是转换后的文本丢了空白单元格，本站无法确定这些数字各属于哪一列；涉及的分项请以原文为准。` : `${desc}。`;
  }
  const unit = c.unit || '万元';
  const count = isCountUnit(unit);
  // "为 55 个". The pipeline compares a blank cell as 0; say that it is blank rather than print a 0 the document does not.
  const is = (x: number | null) => (x === null ? '为空白（原文此处未印数字）' : `为 ${inUnit(x, unit)}`);
  const diff = inUnit(Math.abs(c.difference), unit);
  const thing = PROJECT_TABLES.has(c.table_name ?? '') ? '项目' : '';
  // Counts are not rounded: any difference is a contradiction, and the reader should be told why.
  const why = c.status === 'rounding' ? '，在四舍五入造成的误差范围内。'
    : count ? `。${thing ? '项目数' : '数目'}是逐个数出来的，没有四舍五入，两者应完全相等。` : '，不能用四舍五入解释。';
  // A row printed twice against a count that differs by exactly those rows (郑州: 55 printed, 54 distinct, the narrative says 54).
  const twin = (kind: string) => all.find((o) => o !== c && o.status === 'mismatch' && o.check_kind === kind && o.table_name === c.table_name
    && isCountUnit(o.unit) && o.expected === c.actual && o.actual === c.expected);

  switch (c.check_kind) {
    case 'part_whole': {
      // actual is the part, expected its whole: only a part larger than its whole disagrees.
      const over = c.status === 'rounding' ? `部分比整体多 ${diff}` : `部分大于整体，多出 ${diff}`;
      return `${desc}：部分${is(c.actual)}，整体${is(c.expected)}，${over}${why}`;
    }
    case 'duplicate': {
      // expected: distinct rows; actual: rows printed. The lines of the repeated rows are the check's lines.
      const what = thing || '行';
      const said = twin('narrative');
      return `${desc}。重复印出的${what}在原文${linesZh(c.source_lines)}：表中印出 ${inUnit(c.actual, unit)}，其中不同的只有 ${inUnit(c.expected, unit)}，多出 ${diff}。`
        + `把这张表逐行相加，重复的${what}会被算两次：${thing ? '项目' : '行'}数多算 ${diff}，金额合计也多算一次重复${what}的金额。`
        + (said ? `文字说明所说的${thing ? '项目数' : '数目'}（${inUnit(said.actual, said.unit)}）比表中（${inUnit(said.expected, said.unit)}）少的，正是这 ${diff}。` : '');
    }
    case 'narrative_sum': {
      // A percentage the narrative prints, against the one its own amounts give.
      if (unit === '%') return `${desc}：文字说明所印${is(c.expected)}，由它所述的金额算得${is(c.actual)}，相差 ${diff}${why}`;
      // A total the narrative breaks down (政府采购, 固定资产, 收入合计…), not a change.
      if (!/_change$/.test(c.check_id)) return `${desc}：所述合计${is(c.expected)}，所列各项之和${is(c.actual)}，相差 ${diff}${why}`;
      // Signed changes vs the prior year: 减少 / 增加 / 持平, as the narrative words them.
      const change = (x: number | null) => (x === null ? is(x) : `为${x === 0 ? '持平' : `${changeVerb(x)} ${inUnit(Math.abs(x), unit)}`}`);
      return `${desc}：所述总变化${change(c.expected)}，文字说明所列各项变化之和${change(c.actual)}，相差 ${diff}${why}`;
    }
    case 'narrative':
      if (count) {
        const dup = twin('duplicate');
        return `${desc}：表中${is(c.expected)}${c.expected !== null ? thing : ''}，文字说明${is(c.actual)}，相差 ${diff}${why}`
          + (dup ? `表中有${thing || '行'}重复印出（${linesZh(dup.source_lines)}），去掉重复后是 ${inUnit(dup.expected, unit)}，与文字说明相同。` : '');
      }
      break;
  }
  const sides = c.check_kind === 'narrative' ? ['表中', '文字说明']
    : c.check_kind === 'cross_table' ? ['等号左边', '右边'] : ['原文印的合计', '各项相加'];
  const compared = `${desc}：${sides[0]}${is(c.expected)}，${sides[1]}${is(c.actual)}，相差 ${diff}`;
  if (c.status === 'rounding') return `${compared}${why}`;
  // Two columns printed the wrong way round give two checks of one kind, on one table, with the same
  // two figures the other way round; two different checks that happen to compare the same two
  // figures (the narrative and a table against one printed total) are not a swap.
  const swapped = all.some((o) => o !== c && o.status === 'mismatch' && o.check_kind === c.check_kind && o.table_name === c.table_name
    && (o.unit || '万元') === unit && o.expected === c.actual && o.actual === c.expected);
  return `${compared}${why}`
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
export function isAmbiguous(c: Pick<CheckRow, 'check_id'>): boolean {
  return c.check_id.includes(':ambiguous:');
}
