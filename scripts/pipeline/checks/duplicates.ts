// Rows a table prints twice: the same project (unit, name and amount) or the same classification
// code in one block. 郑州's 项目绩效目标表 prints 2024普惠金融发展专项资金（市级）, 2,904.0, twice under
// 郑州市就业创业服务中心 (:731 and :871, with different codes): 55 projects where the narrative and the
// 项目支出表 have 54. One check per table: how many it prints against how many differ.
import type { OutRow, Section } from '../types.ts';
import { STANDARD_TABLES } from '../templates/tables.ts';
import { maxOf, minOf } from '../text.ts';
import { check, type Ctx, fmt, nameKey, num } from './core.ts';
import { printedProjects } from './performance.ts';

interface Item {
  key: string;
  label: string;
  line: number;
  code?: string | null;
}

export function duplicateChecks({ t, precision, add }: Ctx): void {
  const one = (id: string, table: string, zh: string, what: string, items: Item[]) => {
    if (items.length < 2) return;
    const groups = new Map<string, Item[]>();
    for (const it of items) groups.set(it.key, [...(groups.get(it.key) ?? []), it]);
    const dups = [...groups.values()].filter((g) => g.length > 1);
    const lines = dups.length ? dups.flatMap((g) => g.map((i) => i.line)) : [minOf(items.map((i) => i.line)), maxOf(items.map((i) => i.line))];
    const told = dups.map((g) => {
      const codes = g.map((i) => i.code).filter((c) => c);
      return `${g[0]!.label}（第 ${g.map((i) => i.line).join('、')} 行${codes.length ? `，编码 ${[...new Set(codes)].join('、')}` : ''}）`;
    });
    add({ id: `duplicate:${id}`, kind: 'duplicate', table, unit: '项',
      description: dups.length ? `${zh}：${what}重复印出——${told.join('；')}` : `${zh}：没有${what}重复印出`,
      expected: groups.size, actual: items.length, terms: 1, lines });
  };

  one('project_indicators', 'project_indicators', '项目绩效目标表', '同一单位下名称与资金总额都相同的项目',
    printedProjects(t.project_indicators ?? []).map((p) => ({
      key: `${nameKey(p.unit)}|${nameKey(p.name)}|${p.amount}`, label: `${p.name}（${fmt(p.amount, precision)} 万元）`, line: p.line, code: p.code,
    })));
  one('projects', 'projects', '项目支出表', '同一单位下名称与合计都相同的项目',
    (t.projects ?? []).filter((r) => r.row_kind === 'project').map((r) => ({
      key: `${nameKey(r.unit_name)}|${r.project_type ?? ''}|${nameKey(r.project_name)}|${num(r.total)}`, label: `${r.project_name}（${fmt(num(r.total), precision)} 万元）`,
      line: r.source_line as number,
    })));
  // Classification tables: a code once per block (a unit's rows in the department table).
  const coded = (rows: OutRow[], codeCol: string, nameCol: string, blockKinds: string[]) => {
    let block = 0;
    const out: Item[] = [];
    for (const r of [...rows].sort((a, b) => (a.source_line as number) - (b.source_line as number))) {
      if (blockKinds.includes(r.row_kind as string)) block++;
      const code = r[codeCol];
      if (typeof code !== 'string' || code === '') continue;
      out.push({ key: `${block}|${code}`, label: `${code} ${r[nameCol] ?? ''}`, line: r.source_line as number });
    }
    return out;
  };
  const exp = t.expenditure_by_function ?? [];
  for (const [kind, zh] of [['department', '部门支出总体情况表'], ['general_public', '一般公共预算支出情况表']] as const) {
    one(`expenditure_by_function:${kind}`, 'expenditure_by_function', zh, '同一单位下的同一科目编码',
      coded(exp.filter((r) => r.table_kind === kind && (r.row_kind === 'function' || r.row_kind === 'unit' || r.row_kind === 'department')), 'func_code', 'func_name', ['unit', 'department']));
  }
  // Henan prints one row per (部门, 政府) code pair and unit, without unit rows, so a code pair may
  // come back with other amounts: only a row the same in every cell is printed twice.
  one('basic_by_economic', 'basic_by_economic', '一般公共预算基本支出表', '编码与金额都相同的行',
    (t.basic_by_economic ?? []).filter((r) => r.row_kind === 'item' || r.row_kind === 'subtotal').map((r) => ({
      key: ['dept_econ_code', 'gov_econ_code', 'total', 'personnel', 'public_use'].map((c) => r[c] ?? '').join('|'),
      label: `${r.dept_econ_code ?? ''} ${r.dept_econ_name ?? ''}${r.gov_econ_code ? `／${r.gov_econ_code} ${r.gov_econ_name ?? ''}` : ''}（${fmt(num(r.total), precision)} 万元）`,
      line: r.source_line as number,
    })));
  one('income_by_unit', 'income_by_unit', '部门收入总体情况表', '同一单位编码',
    coded((t.income_by_unit ?? []).filter((r) => r.row_kind === 'unit'), 'unit_code', 'unit_name', []));
}

/** The published table each standard table's rows go to, for naming a table printed twice. */
const PUBLISHED_AS: Record<string, string> = {
  summary: 'budget_summary', income: 'income_by_unit', expenditure: 'expenditure_by_function', fiscal: 'fiscal_summary',
  general_public: 'expenditure_by_function', basic: 'basic_by_economic', three_public: 'three_public', projects: 'projects',
  dept_performance: 'dept_indicators', project_performance: 'project_indicators',
};

/**
 * A standard table printed more than once (its title again further on: a table pasted twice, or the
 * whole document twice in one file): each copy is read, so its rows are published once per copy.
 * One check per table printed again, counted in 次; the findings group them when they share a cause.
 */
export function repeatedTableChecks(doc: string, sections: Section[], precision: number): OutRow[] {
  const byStandard = Map.groupBy(sections.filter((s) => s.standard), (s) => s.standard);
  const out: OutRow[] = [];
  for (const [key, copies] of byStandard) {
    if (copies.length < 2) continue;
    const st = STANDARD_TABLES.find((x) => x.key === key);
    out.push(check(doc, {
      id: `duplicate:table:${key}`, kind: 'duplicate', table: PUBLISHED_AS[key] ?? 'table_presence', unit: '次', decimals: precision, terms: 1,
      description: `${st?.zh ?? key}印了 ${copies.length} 次（标题在第 ${copies.map((s) => s.titleLine).join('、')} 行）：每一份都被读取，表中各行因此重复发布`,
      expected: 1, actual: copies.length, lines: copies.map((s) => s.titleLine),
    }));
  }
  return out;
}
