// Chinese labels for the codes used in the published tables.
import { grouped } from './format.ts';

export const DOC_KIND_ZH: Record<string, string> = {
  budget: '预算',
  performance: '绩效',
};

export const CHECK_STATUS_ZH: Record<string, string> = {
  ok: '一致',
  rounding: '尾差',
  mismatch: '不一致',
};

export function docKindZh(kind: string): string {
  return DOC_KIND_ZH[kind] ?? kind;
}

/** 1234567.8 → "1,234,567.8" (zh-CN grouping, up to `digits` decimals). */
export function formatNumber(n: number | null | undefined, digits = 2): string {
  if (n === null || n === undefined || Number.isNaN(n)) return '—';
  return grouped(n, digits);
}
