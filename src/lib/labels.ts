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
  ambiguous: '读取不确定',
};

/**
 * findings.finding_kind: what a reader is told a finding is. A contradiction is the document's;
 * a reading note is ours (the text lost where a figure stands), never counted against the document.
 */
export const FINDING_KIND_ZH: Record<string, string> = {
  contradiction: '自相矛盾',
  reading: '读取不确定',
  rounding: '四舍五入尾差',
};

/**
 * checks.check_kind in plain Chinese, in the order the pages list them. One set for every page
 * (place pages, 数据核对, about) so a kind is called the same wherever a reader meets it.
 */
export const CHECK_KIND_ZH: Record<string, string> = {
  row_sum: '行内相加',
  column_sum: '列内相加',
  cross_table: '表与表对照',
  narrative: '文字说明对照表格',
  narrative_sum: '文字说明内部相加',
  part_whole: '部分与整体',
  duplicate: '重复印出',
};

/** What each kind compares, for the about page: one sentence with an example. */
export const CHECK_KIND_WHAT: Record<string, string> = {
  row_sum: '同一行里的合计是否等于各分项之和，例如“合计 = 基本支出 + 项目支出”。',
  column_sum: '合计行（或上级科目）是否等于下面各行之和，例如“类 = 各款之和”“合计行 = 各单位之和”。',
  cross_table: '同一个数在不同表格里是否一致，例如收支总表的本年支出合计与部门支出表的合计，整体绩效目标表“预算情况”的部门预算总额与收支总表的收入总计。',
  narrative: '“情况说明”文字里写的数与表格里的数是否一致：金额（如“三公”经费合计、文字点名的项目的金额），以及设定绩效目标的项目个数。',
  narrative_sum: '“情况说明”文字自己是否说得通：所述的合计（支出合计、政府采购预算、固定资产总额）或总变化（如“三公”经费比上年增减多少）是否等于随后所列各项之和，所印的占比和增减幅度是否与文中的金额相符（增减幅度以上年数为分母）。',
  part_whole: '部分是否大于它所属的整体，例如一般公共预算（部门全部资金的一部分）的某一列不应大于部门支出总表的同一列，“其中：财政拨款”不应大于它所属的一般公共预算。部分小于整体是正常的，只有部分大于整体才算不一致。',
  duplicate: '同一张表里有没有同一行印了两次（例如同一单位下名称与金额都相同的项目）。比较的是项数，不是金额；重复的行在逐行相加时会被算两次。',
};

/** A kind the site has no words for yet reads as a check, never as its code. */
export function checkKindZh(kind: string): string {
  return CHECK_KIND_ZH[kind] ?? '其他核对';
}

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
  listed: '目录列出但未印出',
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
