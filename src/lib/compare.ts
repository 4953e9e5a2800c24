// Which documents may stand side by side: only those of the same fiscal year, kind and scope. A
// 2023 budget next to a 2024 one, a 单位预算 next to a 部门预算 or a 决算 next to a 预算 would compare
// different things; each such cohort is compared on its own and the pages say so.
import { docTypeZh } from './labels.ts';

/** The sentence every comparison carries. */
export const SAME_KIND = '仅比较同一年度、同类文件';

export interface Kinded { fiscal_year: number; doc_kind: string; scope?: string | null }

export interface Cohort<T> {
  /** `2024-budget`, `2025-budget-unit`: stable, for element and chart ids. */
  key: string;
  /** 2024 年部门预算 */
  label: string;
  items: T[];
}

export function cohortKey(d: Kinded): string {
  return `${d.fiscal_year}-${d.doc_kind}${d.scope === 'unit' ? '-unit' : ''}`;
}

export function cohortLabel(d: Kinded): string {
  return `${d.fiscal_year} 年${docTypeZh(d.doc_kind, d.scope)}`;
}

/**
 * `items` in cohorts, largest first (then newest, then budgets before other kinds), each keeping
 * the items' order. The first is the one the pages chart; a cohort of one is listed, not compared.
 */
export function cohorts<T>(items: T[], docOf: (t: T) => Kinded): Array<Cohort<T>> {
  const groups = Map.groupBy(items, (t) => cohortKey(docOf(t)));
  const rank = (k: string) => (k.includes('-budget') ? 0 : k.includes('-final') ? 1 : 2);
  return [...groups].map(([key, xs]) => ({ key, label: cohortLabel(docOf(xs[0]!)), items: xs }))
    .sort((a, b) => b.items.length - a.items.length || docOf(b.items[0]!).fiscal_year - docOf(a.items[0]!).fiscal_year
      || rank(a.key) - rank(b.key) || a.key.localeCompare(b.key));
}

/** The cohort a page's cross-document charts show: the largest one with two or more documents. */
export function mainCohort<T>(items: T[], docOf: (t: T) => Kinded): Cohort<T> | undefined {
  const first = cohorts(items, docOf)[0];
  return first && first.items.length > 1 ? first : undefined;
}

/** Documents a cross-document chart draws at most: 30 bars stay readable on a phone. */
export const CHART_DOCS = 30;

/**
 * Of the items that have what a chart needs: the cohort the chart shows (`shown`: at most `limit`
 * of it, the largest by `rank` where given, else the first), the rest of that cohort (`left`: in
 * no chart, counted in words), and the others (`apart`: listed on the page, not put side by side with it).
 */
export function charted<T>(items: T[], docOf: (t: T) => Kinded, rank?: (t: T) => number, limit = CHART_DOCS): { main: Cohort<T> | undefined; shown: T[]; left: T[]; apart: T[] } {
  const main = mainCohort(items, docOf);
  const all = main?.items ?? [];
  const order = rank ? [...all].sort((a, b) => rank(b) - rank(a)) : all;
  const shown = new Set(order.slice(0, limit));
  const inMain = new Set(all);
  return { main, shown: all.filter((t) => shown.has(t)), left: all.filter((t) => !shown.has(t)), apart: items.filter((t) => !inMain.has(t)) };
}

/** Items in cohort order (largest cohort first), for lists that follow a chart of the first cohort. */
export function byCohort<T>(items: T[], docOf: (t: T) => Kinded): T[] {
  return cohorts(items, docOf).flatMap((c) => c.items);
}
