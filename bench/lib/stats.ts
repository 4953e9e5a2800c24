// Figures over repeated runs, and how they are printed.
import { loadavg } from 'node:os';

export interface Summary {
  runs: number;
  min: number;
  median: number;
  max: number;
  /** Every run, in order. */
  values: number[];
}

export function summarize(values: number[]): Summary {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length === 0 ? NaN : s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  return { runs: s.length, min: s[0] ?? NaN, median, max: s.at(-1) ?? NaN, values };
}

/** p-th percentile (0–100), nearest rank. */
export function percentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

export function round(x: number, digits = 0): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** `1234 (1200–1300)`: the median and the range, in the unit's own rounding. */
export function fmt(s: Summary | undefined, digits = 0, unit = ''): string {
  if (!s || s.runs === 0) return '–';
  const f = (x: number) => x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return s.runs === 1 ? `${f(s.median)}${unit}` : `${f(s.median)}${unit} (${f(s.min)}–${f(s.max)})`;
}

export function bytes(n: number): string {
  if (!Number.isFinite(n)) return '–';
  if (n < 1000) return `${n} B`;
  if (n < 1e6) return `${(n / 1e3).toFixed(1)} kB`;
  return `${(n / 1e6).toFixed(2)} MB`;
}

/** Every progress line with the 1-minute load average when it was printed: how busy the machine was. */
export const progressLog: Array<{ s: number; load1: number; what: string }> = [];

export function progress(s: string): void {
  progressLog.push({ s: Math.round(performance.now() / 100) / 10, load1: Math.round(loadavg()[0]! * 100) / 100, what: s });
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${s}\n`);
}
