// checks → findings: the checks that share one cause, as one thing a reader is told. A column pair
// printed the wrong way round fails a cross-table check twice and every part ≤ whole check of those
// columns; a block printed 742.0 short fails three comparisons by the same 742.0; a row printed twice
// makes a count one too many and a sum one row too large. Counting checks would count each of those
// several times; a page counts findings, each of a kind:
//   contradiction — the document disagrees with itself;
//   rounding      — it differs only by the rounding of its printed figures;
//   reading       — our reading is uncertain (the text lost which column a figure stands in), not the document.
import type { OutRow, TableSchema } from './types.ts';
import { COUNTS, lineList, nameKey, num } from './checks/core.ts';
import { printedProjects } from './checks/performance.ts';
import { RATE_ON_CURRENT } from './checks/narrativeTotals.ts';
import { TABLE_ZH } from './tableNames.ts';
import { maxOf, minOf, round6 } from './text.ts';

export const findingsSchema: TableSchema = {
  name: 'findings', zh: '核对发现：同一原因的核对合为一条', en: 'Findings: the checks that share one cause, grouped, each explained in plain Chinese',
  columns: [
    { name: 'finding_id', type: 'VARCHAR', zh: '发现编号（稳定：取其第一项核对的编号）', en: 'stable id (from the id of its first check)' },
    { name: 'finding_kind', type: 'VARCHAR', zh: '类别：contradiction 原文自相矛盾、rounding 四舍五入尾差、reading 本站读取不确定（不是原文的错）',
      en: 'contradiction (the document disagrees with itself), rounding (within the rounding of printed figures) or reading (our reading is uncertain, not the document)' },
    { name: 'cause', type: 'VARCHAR', zh: '归并依据：swap 两列互换、same_difference 相差同一个数、duplicate 重复印出、rate_base 增减幅度按本年数计算、single 单项、rounding 同表尾差、ambiguous 列归属不确定',
      en: 'why its checks are one: swap (two columns exchanged), same_difference (the same difference in several checks), duplicate (a row printed twice), rate_base (rates of change computed on this year’s figure instead of last year’s), single, rounding (one table’s rounding), ambiguous (a column placement the reader could not settle)' },
    { name: 'table_name', type: 'VARCHAR', zh: '主要涉及的发布表', en: 'published table mainly concerned' },
    { name: 'title', type: 'VARCHAR', zh: '一句话标题', en: 'one-line headline, in Chinese' },
    { name: 'explanation', type: 'VARCHAR', zh: '说明（中文，含所涉数字）', en: 'plain-Chinese explanation with the figures' },
    { name: 'check_count', type: 'INTEGER', zh: '归入的核对项数', en: 'number of checks grouped' },
    { name: 'check_ids', type: 'VARCHAR', zh: '归入的核对编号（分号分隔，见 checks 表）', en: 'ids of the checks grouped (semicolon-separated; see checks)' },
    { name: 'difference', type: 'DOUBLE', zh: '代表性差额（绝对值，单位见 unit）', en: 'representative difference (absolute), in unit' },
    { name: 'unit', type: 'VARCHAR', zh: '差额的单位', en: 'unit of difference' },
    { name: 'source_lines', type: 'VARCHAR', zh: '涉及的原文行号（逗号分隔，区间用 -）', en: 'source lines involved (comma-separated, ranges with -)' },
  ],
};

/** Published column → its printed heading, for a swap's sentence. */
const COLUMN_ZH: Record<string, string> = {
  project_operating: '其他运转类', project_specific: '特定目标类', basic_total: '基本支出', project_total: '项目支出', total: '合计',
  basic_wages: '工资福利支出', basic_household: '对个人和家庭的补助', basic_goods_services: '商品和服务支出', basic_capital: '资本性支出',
  personnel: '人员经费', public_use: '公用经费',
};
/** 一般公共预算支出情况表 for the `general_public` side of an id such as cross_table:general_public_vs_projects:…. */
const SIDE_ZH: Record<string, string> = { general_public: '一般公共预算支出情况表', department: '部门支出总体情况表', summary: '部门收支总体情况表' };

const fmtNum = (x: number, unit: string) => (COUNTS.has(unit) ? `${x} ${unit}` : `${x.toLocaleString('en-US', { maximumFractionDigits: 6 })} ${unit}`);
const lines = (c: OutRow): number[] => String(c.source_lines ?? '').split(',').flatMap((r) => {
  const [a, b] = r.split('-').map(Number);
  if (!Number.isFinite(a)) return [];
  const out: number[] = [];
  for (let i = a!; i <= (Number.isFinite(b) ? b! : a!) && out.length < 10_000; i++) out.push(i);
  return out;
});
/** `cross_table:general_public_vs_projects:project_specific` → its side (`general_public`) and column (`project_specific`). */
const idParts = (c: OutRow) => {
  const parts = String(c.check_id).split(':');
  const pair = parts.find((p) => p.includes('_vs_'));
  return { side: pair?.split('_vs_')[0] ?? null, column: parts.at(-1) ?? '' };
};

/** Union–find over a document's mismatches. */
class Groups {
  private parent: number[];
  constructor(n: number) { this.parent = Array.from({ length: n }, (_, i) => i); }
  find(i: number): number { while (this.parent[i] !== i) i = this.parent[i] = this.parent[this.parent[i]!]!; return i; }
  join(a: number, b: number): void { this.parent[this.find(a)] = this.find(b); }
}

/**
 * The findings of one document's checks; sets `finding_id` on every check that is not ok (ok checks
 * have none). `t` is the document's tables, to price a row printed twice.
 */
export function findingsOf(doc: string, checks: OutRow[], t: Record<string, OutRow[]>): OutRow[] {
  const out: OutRow[] = [];
  const emit = (members: OutRow[], f: { kind: string; cause: string; table: string | null; title: string; explanation: string; difference: number | null; unit: string }) => {
    const id = `${members[0]!.check_id}`.replace(`${doc}:`, `${doc}:finding:`);
    for (const m of members) m.finding_id = id;
    out.push({
      doc_id: doc, finding_id: id, finding_kind: f.kind, cause: f.cause, table_name: f.table, title: f.title, explanation: f.explanation,
      check_count: members.length, check_ids: members.map((m) => m.check_id).join(';'), difference: f.difference, unit: f.unit,
      source_line: minOf(members.map((m) => m.source_line as number)), source_lines: lineList(members.flatMap(lines)),
    });
  };

  // Our reading, not the document: one finding per row the reader could not place.
  for (const c of checks.filter((x) => x.status === 'ambiguous')) {
    emit([c], { kind: 'reading', cause: 'ambiguous', table: c.table_name as string, unit: c.unit as string, difference: null,
      title: `${TABLE_ZH[c.table_name as string] ?? '表'}第 ${c.source_line} 行：金额属于哪一列无法确定`,
      explanation: `${c.description}。这不是原文的错：转换成文本时空白格子的位置丢了，凭表内合计也无法唯一确定这些数字各属于哪一列。` });
  }

  // Rounding: one finding per table.
  const rounding = checks.filter((x) => x.status === 'rounding');
  for (const [table, cs] of Map.groupBy(rounding, (c) => c.table_name as string)) {
    const max = maxOf(cs.map((c) => Math.abs(num(c.difference) ?? 0)));
    const unit = (cs[0]!.unit as string) ?? '万元';
    emit(cs, { kind: 'rounding', cause: 'rounding', table, unit, difference: max,
      title: `${TABLE_ZH[table] ?? table}：${cs.length} 处只差四舍五入的尾数`,
      explanation: `${TABLE_ZH[table] ?? table}有 ${cs.length} 处合计与分项之和（或两处印出的同一个数）相差不超过四舍五入的误差，最多差 ${fmtNum(max, unit)}：分项各自四舍五入后再相加，可能与印出的合计差几个末位。这不算错误。` });
  }

  // Contradictions, grouped by cause.
  const ms = checks.filter((x) => x.status === 'mismatch');
  const g = new Groups(ms.length);
  const tol = (a: OutRow, b: OutRow) => Math.max(num(a.tolerance) ?? 0, num(b.tolerance) ?? 0, 1e-6);
  const near = (x: number | null, y: number | null, e: number) => x !== null && y !== null && Math.abs(x - y) <= e;
  // 个 and 项 both count projects (the narrative says 个, a table's rows are 项); 次, a table printed
  // again, counts something else.
  const PROJECT_COUNTS = new Set(['个', '项']);
  const sameUnit = (a: OutRow, b: OutRow) => a.unit === b.unit || (PROJECT_COUNTS.has(a.unit as string) && PROJECT_COUNTS.has(b.unit as string) && a.table_name === b.table_name);
  const swaps: Array<[number, number]> = [];
  for (let i = 0; i < ms.length; i++) {
    for (let j = i + 1; j < ms.length; j++) {
      const a = ms[i]!, b = ms[j]!;
      const e = tol(a, b);
      // Two columns printed the wrong way round: one check of one kind on one table, the two figures exchanged.
      if (a.check_kind === b.check_kind && a.table_name === b.table_name && a.unit === b.unit
        && near(num(a.expected), num(b.actual), e) && near(num(a.actual), num(b.expected), e)) {
        swaps.push([i, j]);
        g.join(i, j);
        continue;
      }
      // The same difference (not zero) in several comparisons is one figure printed wrong, seen from each side.
      const da = Math.abs(num(a.difference) ?? 0), db = Math.abs(num(b.difference) ?? 0);
      if (da > 0 && sameUnit(a, b) && near(da, db, e)) g.join(i, j);
    }
  }
  // A swap explains every other mismatch of those two columns of that table.
  for (const [i, j] of swaps) {
    const cols = new Set([idParts(ms[i]!).column, idParts(ms[j]!).column]);
    const side = idParts(ms[i]!).side;
    ms.forEach((c, k) => { if (side && idParts(c).side === side && cols.has(idParts(c).column)) g.join(i, k); });
  }
  // A row printed twice explains a sum too large by its amount on the same table.
  ms.forEach((d, i) => {
    if (d.check_kind !== 'duplicate' || d.table_name !== 'project_indicators') return;
    const at = new Set(lines(d));
    const printed = printedProjects(t.project_indicators ?? []).filter((p) => at.has(p.line));
    const groups = Map.groupBy(printed, (p) => `${nameKey(p.unit)}|${nameKey(p.name)}|${p.amount}`);
    const extra = round6([...groups.values()].reduce((a, ps) => a + (ps.length - 1) * (ps[0]!.amount ?? 0), 0));
    ms.forEach((c, k) => {
      if (extra > 0 && c.table_name === d.table_name && c.unit === '万元' && near(Math.abs(num(c.difference) ?? 0), extra, Math.max(num(c.tolerance) ?? 0, 1e-6))) g.join(i, k);
    });
  });

  // Every rate of change worked out on this year's figure is one habit of the document, not several errors.
  const onCurrent = ms.flatMap((c, i) => (String(c.description).includes(RATE_ON_CURRENT) ? [i] : []));
  for (const i of onCurrent.slice(1)) g.join(onCurrent[0]!, i);

  const groups = Map.groupBy(ms.map((c, i) => ({ c, i })), ({ i }) => g.find(i));
  for (const members of [...groups.values()].map((x) => x.map(({ c }) => c))) {
    members.sort((a, b) => (a.source_line as number) - (b.source_line as number) || String(a.check_id).localeCompare(String(b.check_id)));
    const first = members[0]!;
    const unit = (first.unit as string) ?? '万元';
    const diff = Math.abs(num(first.difference) ?? 0);
    const swap = swaps.find(([i, j]) => members.includes(ms[i]!) && members.includes(ms[j]!));
    const dup = members.find((c) => c.check_kind === 'duplicate');
    const said = (c: OutRow) => `${c.description}（应为 ${c.expected === null ? '空白' : fmtNum(num(c.expected)!, c.unit as string)}，实际 ${c.actual === null ? '空白' : fmtNum(num(c.actual)!, c.unit as string)}）`;
    const rest = (skip: OutRow[]) => members.filter((m) => !skip.includes(m));
    if (swap) {
      const [a, b] = [ms[swap[0]]!, ms[swap[1]]!];
      const { side } = idParts(a);
      const table = (side && SIDE_ZH[side]) ?? TABLE_ZH[a.table_name as string] ?? '表';
      const [ca, cb] = [COLUMN_ZH[idParts(a).column] ?? idParts(a).column, COLUMN_ZH[idParts(b).column] ?? idParts(b).column];
      const others = rest([a, b]);
      emit(members, { kind: 'contradiction', cause: 'swap', table: a.table_name as string, unit, difference: Math.abs(num(a.difference) ?? 0),
        title: `${table}的“${ca}”和“${cb}”两列像是印反了`,
        explanation: `${table}印的“${ca}”为 ${fmtNum(num(a.expected)!, unit)}、“${cb}”为 ${fmtNum(num(b.expected)!, unit)}；与之对照的数字恰好相反（${fmtNum(num(a.actual)!, unit)} 与 ${fmtNum(num(b.actual)!, unit)}），两列之和不变。原文很可能把这两列的标题或数字印反了。`
          + (others.length ? `同一原因使这两列的另外 ${others.length} 项核对（合计行、各类）也对不上。` : '') });
    } else if (dup) {
      const others = rest([dup]);
      emit(members, { kind: 'contradiction', cause: 'duplicate', table: dup.table_name as string, unit: dup.unit as string, difference: Math.abs(num(dup.difference) ?? 0),
        title: `${TABLE_ZH[dup.table_name as string] ?? '表'}有重复印出的行`,
        explanation: `${dup.description}。表中印出 ${fmtNum(num(dup.actual)!, dup.unit as string)}，其中不同的只有 ${fmtNum(num(dup.expected)!, dup.unit as string)}。`
          + (others.length ? `把这张表逐行相加会把重复的行算两次，因此另外 ${others.length} 项核对（${others.map((o) => (o.unit === '万元' ? '金额合计' : '项目数')).join('、')}）也对不上。` : '') });
    } else if (members.every((m) => String(m.description).includes(RATE_ON_CURRENT))) {
      emit(members, { kind: 'contradiction', cause: 'rate_base', table: 'facts', unit, difference: diff,
        title: `情况说明的${members.length > 1 ? ` ${members.length} 处` : ''}增减幅度按本年数而不是上年数计算`,
        explanation: `增减幅度应是增减额除以上年数，情况说明所印的幅度却恰好等于增减额除以本年数：${members.map((m) => `${String(m.description).replace(/^情况说明：/, '').replace(/（所印幅度.*$/, '')}，所印 ${fmtNum(num(m.expected)!, '%')}，按上年数应为 ${fmtNum(num(m.actual)!, '%')}`).join('；')}。` });
    } else if (members.length > 1) {
      emit(members, { kind: 'contradiction', cause: 'same_difference', table: first.table_name as string, unit, difference: diff,
        title: `${members.length} 项核对相差同一个数 ${fmtNum(diff, unit)}`,
        explanation: `${members.length} 项核对都相差 ${fmtNum(diff, unit)}，多半出自同一处印出的数字；涉及${[...new Set(members.map((m) => TABLE_ZH[m.table_name as string] ?? '表'))].join('、')}：${said(first)}。` });
    } else {
      emit(members, { kind: 'contradiction', cause: 'single', table: first.table_name as string, unit, difference: first.difference === null ? null : diff,
        title: String(first.description).replace(/（[^（）]*）$/, '').slice(0, 80),
        explanation: `${said(first)}，相差 ${fmtNum(diff, unit)}，不能用四舍五入解释。` });
    }
  }
  return out.sort((a, b) => (a.source_line as number) - (b.source_line as number));
}
