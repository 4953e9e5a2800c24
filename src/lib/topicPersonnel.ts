// /topic/personnel/: general public budget basic expenditure by economic class — 人员经费 vs 公用经费,
// the largest items — and the narrative's operating costs (机关运行经费).
import { printedRows, query } from './data.ts';
import { once, factsByDoc, presenceOf, type FactRow, type Presence } from './topicData.ts';

/** 部门预算支出经济分类 类 (first three digits of the code). */
export const ECON_CLASS: Record<string, string> = {
  '301': '工资福利支出', '302': '商品和服务支出', '303': '对个人和家庭的补助', '307': '债务利息及费用支出',
  '309': '资本性支出（基本建设）', '310': '资本性支出', '311': '对企业补助（基本建设）', '312': '对企业补助',
  '313': '对社会保障基金补助', '399': '其他支出',
};

export interface BasicTotal {
  total: number | null;
  personnel: number | null;
  public_use: number | null;
  source_line: number;
  source_line_end: number | null;
}

export interface EconItem {
  code: string;
  name: string;
  total: number;
  personnel: number;
  public_use: number;
  /** Lines of the rows that make up the item (one item can be printed under several government codes). */
  lines: number[];
}

export interface PersonnelDoc {
  doc: Presence;
  total: BasicTotal | null;
  classes: Array<{ code: string; name: string; total: number; first: number; last: number }>;
  items: EconItem[];
  facts: Map<string, FactRow>;
}

export const FACT_KEYS = ['general_public_basic', 'personnel_expenditure', 'public_expenditure', 'personnel_share', 'public_share',
  'operating_cost', 'operating_cost_change', 'operating_cost_change_pct'];

export const personnelByDoc = once(loadPersonnelByDoc);

async function loadPersonnelByDoc(): Promise<PersonnelDoc[]> {
  const docs = (await presenceOf('basic')).filter((d) => d.expected || d.status !== 'missing');
  const totals = await query<BasicTotal & { doc_id: string }>(`
    SELECT doc_id, total, personnel, public_use, source_line::INTEGER AS source_line, source_line_end::INTEGER AS source_line_end
    FROM ${printedRows('basic_by_economic', ['total', 'personnel', 'public_use'])} WHERE row_kind = 'total' ORDER BY doc_id, source_line`);
  const items = await query<EconItem & { doc_id: string }>(`
    SELECT doc_id, dept_econ_code AS code, arg_min(dept_econ_name, source_line) AS name,
           round(sum(coalesce(total, 0)), 2) AS total, round(sum(coalesce(personnel, 0)), 2) AS personnel,
           round(sum(coalesce(public_use, 0)), 2) AS public_use, list(source_line::INTEGER ORDER BY source_line) AS lines
    FROM basic_by_economic WHERE row_kind = 'item' AND dept_econ_code IS NOT NULL
    GROUP BY doc_id, dept_econ_code ORDER BY doc_id, total DESC, code`);
  const facts = await factsByDoc(FACT_KEYS);
  const itemsOf = new Map([...Map.groupBy(items, (i) => i.doc_id)].map(([id, xs]) => [id, leavesOnly(xs)]));
  const totalOf = new Map(totals.map((t) => [t.doc_id, t]));
  return docs.map((doc) => {
    const own = itemsOf.get(doc.doc_id) ?? [];
    const classCodes = [...new Set(own.map((i) => i.code.slice(0, 3)))];
    const classes = classCodes.map((code) => {
      const xs = own.filter((i) => i.code.startsWith(code));
      const lines = xs.flatMap((x) => x.lines);
      return { code, name: ECON_CLASS[code] ?? `${code} 类`, total: Math.round(xs.reduce((a, x) => a + x.total, 0) * 100) / 100, first: Math.min(...lines), last: Math.max(...lines) };
    }).sort((a, b) => b.total - a.total);
    return { doc, total: totalOf.get(doc.doc_id) ?? null, classes, items: own, facts: facts.get(doc.doc_id) ?? new Map() };
  });
}

/**
 * The most detailed items only: some tables (Shanghai's PDFs) also print each 类 (301) or 款 as a row
 * of its own, above its items; counted with them, every amount would be counted twice.
 */
export function leavesOnly<T extends { code: string }>(items: T[]): T[] {
  return items.filter((i) => !items.some((o) => o !== i && o.code.length > i.code.length && o.code.startsWith(i.code)));
}

/** What the narrative calls its operating costs: 机关运行经费, 机构运行经费, 单位机构运转经费 … */
export function operatingTerm(text: string | null): string | null {
  const m = /((?:行政)?(?:[（(]事业[)）])?(?:机关|机构|单位)(?:[（(]机构[)）])?(?:机构)?运[行转]经费)/.exec(text ?? '');
  return m ? m[1]! : null;
}
