// Chinese labels for the codes used in the published tables.
import { grouped } from './format.ts';

export const DOC_KIND_ZH: Record<string, string> = {
  budget: '预算',
  performance: '绩效',
  final: '部门决算',
};

export const CHECK_STATUS_ZH: Record<string, string> = {
  ok: '一致',
  rounding: '尾差',
  mismatch: '不一致',
};

export function docKindZh(kind: string): string {
  return DOC_KIND_ZH[kind] ?? kind;
}

/** documents.scope: a department's consolidated budget (部门) or one budget unit's own (单位). */
export const SCOPE_ZH: Record<string, string> = {
  department: '部门',
  unit: '单位',
};

export function scopeZh(scope: string | null | undefined): string {
  return SCOPE_ZH[scope ?? 'department'] ?? scope ?? '';
}

/**
 * What a document is, as its title calls it: 部门预算 / 单位预算 / 部门决算 / 单位决算 / 整体绩效目标.
 * Two documents are comparable only if this label and the fiscal year are the same.
 */
export function docTypeZh(kind: string, scope?: string | null): string {
  if (kind === 'performance') return '整体绩效目标';
  const who = scopeZh(scope);
  if (kind === 'budget') return `${who}预算`;
  if (kind === 'final') return `${who}决算`;
  return docKindZh(kind);
}

/** Why a standard table gives no figures (table_presence.status), for a cell or a clause. */
export const TABLE_STATUS_ZH: Record<string, string> = {
  present: '有数据',
  empty: '注明无数据',
  missing: '未公开',
  unread: '尚未读取',
};

export function tableStatusZh(status: string | null | undefined): string {
  return status ? (TABLE_STATUS_ZH[status] ?? status) : '未公开';
}

/** "城市" for a prefecture city's page, "地区" for any other place (a district, a province). */
export function placeWord(adminLevel: string | null | undefined): string {
  return adminLevel === 'city' ? '城市' : '地区';
}

/** 1234567.8 → "1,234,567.8" (zh-CN grouping, up to `digits` decimals). */
export function formatNumber(n: number | null | undefined, digits = 2): string {
  if (n === null || n === undefined || Number.isNaN(n)) return '—';
  return grouped(n, digits);
}
