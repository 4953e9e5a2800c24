// Numbers in natural Chinese: 万元 below 1 亿, 亿元 above, sensible rounding, shares that add up.
import { format as d3format } from 'd3';

/** 84669.1 (万元) → "8.47 亿元"; 190.2 → "190.2 万元"; 0.8 → "0.8 万元". */
export function money(wan: number | null | undefined): string {
  if (wan === null || wan === undefined || !Number.isFinite(wan)) return '—';
  const abs = Math.abs(wan);
  if (abs >= 10000) return `${trim((wan / 10000).toFixed(2))} 亿元`;
  if (abs >= 1000) return `${group(Math.round(wan))} 万元`;
  if (abs >= 100) return `${trim(wan.toFixed(1))} 万元`;
  return `${trim(wan.toFixed(2))} 万元`;
}

const formatters = new Map<number, Intl.NumberFormat>();

/**
 * `n.toLocaleString('zh-CN', { maximumFractionDigits: digits })` (3 is toLocaleString's own default),
 * with one formatter per precision: toLocaleString builds a new one on every call, which cost
 * seconds per city page at 1,000 documents.
 */
export function grouped(n: number, digits = 3): string {
  let f = formatters.get(digits);
  if (!f) {
    f = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: digits });
    formatters.set(digits, f);
  }
  return f.format(n);
}

/** The amount exactly as the dataset holds it (万元, thousands grouped): for tables and alt texts. */
export function exact(wan: number | null | undefined): string {
  if (wan === null || wan === undefined || !Number.isFinite(wan)) return '—';
  return grouped(wan, 2);
}

/**
 * Units that count things (checks.unit 个 / 项): whole numbers, compared exactly, never rounded.
 * The pipeline's list (scripts/pipeline/checks/core.ts), so a count is never dressed as money.
 */
const COUNT_UNITS = new Set(['个', '项', '次', '行']);

export function isCountUnit(unit: string | null | undefined): boolean {
  return COUNT_UNITS.has(unit ?? '');
}

/**
 * A check's figure in the unit its row states (checks.unit): "55 个", "29,926.7 万元", "12.5%".
 * Amounts keep up to six decimals, as the dataset holds them, so a figure printed in 元 (37,151.4655
 * 万元) and a difference of a few 元 (0.0045 万元) are not rounded away; a row without a unit is
 * in 万元, the unit of every amount the pipeline publishes.
 */
export function inUnit(v: number | null | undefined, unit: string | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  const u = unit || '万元';
  if (u === '%') return `${grouped(v, 6)}%`;
  return `${grouped(v, isCountUnit(u) ? 0 : 6)} ${u}`;
}

/** 0.7169 → "71.7%". */
export function pct(share: number | null | undefined, digits = 1): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '—';
  return `${trim((share * 100).toFixed(digits))}%`;
}

/**
 * Shares of a whole, rounded so that they add up to exactly 100% (largest remainder).
 * Returns percentages as numbers with `digits` decimals.
 */
export function sharesAddingUp(values: number[], digits = 1): number[] {
  const total = values.reduce((a, v) => a + v, 0);
  if (total <= 0) return values.map(() => 0);
  const unit = 10 ** digits;
  const raw = values.map((v) => (v / total) * 100 * unit);
  const floors = raw.map(Math.floor);
  let left = 100 * unit - floors.reduce((a, v) => a + v, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0]);
  for (const [, i] of order) {
    if (left <= 0) break;
    floors[i]!++;
    left--;
  }
  return floors.map((f) => f / unit);
}

/** Change vs prior year in words: +1331.8 → "增加 1,332 万元"; −4.5 → "减少 4.5 万元"; 0 → "持平". */
export function change(wan: number | null | undefined): string {
  if (wan === null || wan === undefined || !Number.isFinite(wan)) return '—';
  if (wan === 0) return '持平';
  return `${wan > 0 ? '增加' : '减少'} ${money(Math.abs(wan))}`;
}

function group(n: number): string {
  return grouped(n);
}

function trim(s: string): string {
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

/**
 * Amounts compared side by side (a chart's bar labels, the place cards, a sentence that sets two
 * figures against each other) in one unit and one precision, so that 6.60 亿元 stands beside
 * 5.31 亿元, never 6.6 beside 5.31. The unit is 亿元 when every amount is at least 1,000 万元 and one
 * reaches 1 亿 (two decimals), else 万元 with as many decimals (0–2) as the smallest amount needs for
 * three significant digits. Zero and missing amounts do not set the precision. Formatted by d3-format.
 */
export function moneyFormat(values: Array<number | null | undefined>): (wan: number | null | undefined) => string {
  const abs = values.flatMap((v) => (v !== null && v !== undefined && Number.isFinite(v) && v !== 0 ? [Math.abs(v)] : []));
  const max = Math.max(0, ...abs);
  const min = abs.length ? Math.min(...abs) : 0;
  if (max >= 10000 && min >= 1000) {
    const f = d3format(',.2f');
    return (wan) => (wan === null || wan === undefined || !Number.isFinite(wan) ? '—' : `${f(wan / 10000)} 亿元`);
  }
  const decimals = min >= 100 || min === 0 ? 0 : min >= 10 ? 1 : 2;
  const f = d3format(`,.${decimals}f`);
  return (wan) => (wan === null || wan === undefined || !Number.isFinite(wan) ? '—' : `${f(wan)} 万元`);
}

/** Shares compared side by side: every one with the same decimals (4.0% beside 3.4%, not 4%). */
export function pctFixed(share: number | null | undefined, digits = 1): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '—';
  return `${d3format(`.${digits}f`)(share * 100)}%`;
}

/** A percentage already rounded (sharesAddingUp) printed with its decimals kept: 4 → "4.0". */
export function fixed(n: number, digits = 1): string {
  return d3format(`.${digits}f`)(n);
}
