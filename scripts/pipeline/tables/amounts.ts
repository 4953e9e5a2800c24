// Column assignment from a table's own arithmetic.
//
// The conversion sometimes drops or adds an empty cell, so a row's amounts land one column off,
// and reflowed layouts print only the non-blank cells. The printed amounts keep their order,
// so we place them into the table's columns in order and pick the placement that satisfies the
// sums the table states (total = basic + project, …), preferring the printed position.

import { decimalsOf, isAmount, parseAmount, round6 } from '../text.ts';

export interface AmountSpec {
  /** Amount columns, in printed order. */
  columns: string[];
  /** [total, parts]: total = Σ parts (blank counts as 0). */
  sums: Array<[string, string[]]>;
}

export interface Assigned {
  values: Record<string, number | null>;
  /** Printed decimals per column (for rounding tolerances). */
  decimals: Record<string, number>;
  /** Sums that still fail after the best placement (a disagreement of the disclosure, or ambiguity). */
  violations: number;
  /** True when the amounts were moved from their printed cells. */
  moved: boolean;
  /** True when several placements fit equally well and differ. */
  ambiguous: boolean;
}

/** Tolerance for comparing a printed total with the sum of n printed terms of d decimals. */
export function tolerance(terms: number, decimals: number): number {
  return round6(terms * 0.5 * 10 ** -decimals) + 1e-9;
}

function violationsOf(sums: Array<[number, number[]]>, v: Array<number | null>, d: number): number {
  let bad = 0;
  for (const [total, parts] of sums) {
    const t = v[total] ?? null;
    let s = 0;
    let any = t !== null;
    for (const p of parts) {
      const x = v[p] ?? null;
      if (x !== null) { s += x; any = true; }
    }
    if (any && Math.abs((t ?? 0) - s) > tolerance(parts.length, d)) bad++;
  }
  return bad;
}

/**
 * Place the amounts printed in `cells` (cells[k] is meant for spec.columns[k]) into the columns.
 * Pass only the amount part of a row; a non-amount cell throws.
 */
export function assignAmounts(cells: string[], spec: AmountSpec): Assigned {
  const n = spec.columns.length;
  const idx = new Map(spec.columns.map((c, i) => [c, i]));
  const sums: Array<[number, number[]]> = spec.sums.map(([t, ps]) => [idx.get(t)!, ps.map((p) => idx.get(p)!)]);
  const printed: Array<{ pos: number; text: string; value: number }> = [];
  cells.forEach((c, pos) => {
    const t = c.trim();
    if (t === '') return;
    if (!isAmount(t)) throw new Error(`not an amount: "${t}"`);
    printed.push({ pos, text: t, value: parseAmount(t)! });
  });
  const d = Math.max(0, ...printed.map((p) => decimalsOf(p.text)));
  const result = (slots: number[], violations: number, ambiguous: boolean): Assigned => {
    const values: Record<string, number | null> = Object.fromEntries(spec.columns.map((c) => [c, null]));
    const decimals: Record<string, number> = {};
    slots.forEach((slot, i) => {
      const col = spec.columns[slot]!;
      values[col] = printed[i]!.value;
      decimals[col] = decimalsOf(printed[i]!.text);
    });
    const moved = slots.some((s, k) => s !== printed[k]!.pos);
    return { values, decimals, violations, moved, ambiguous };
  };
  const v: Array<number | null> = new Array(n).fill(null);
  const positional = printed.map((p) => p.pos);
  if (printed.length > n || positional.some((p) => p >= n)) {
    if (printed.length > n) {
      const clipped = positional.map((p) => Math.min(p, n - 1));
      return result(clipped, spec.sums.length, true);
    }
  } else {
    positional.forEach((p, i) => { v[p] = printed[i]!.value; });
    const bad = violationsOf(sums, v, d);
    if (bad === 0) return result(positional, 0, false);
    v.fill(null);
  }
  // Search every order-preserving placement. A dropped or extra cell moves every later cell by
  // the same amount, so prefer: fewest violated sums, then fewest changes of offset, then least
  // total displacement.
  let bestSlots: number[] = [];
  let best = [Infinity, Infinity, Infinity];
  let bestKey = '';
  let tie = false;
  const slots: number[] = [];
  const worse = (a: number[], b: number[]) => a[0]! > b[0]! || (a[0] === b[0] && (a[1]! > b[1]! || (a[1] === b[1] && a[2]! > b[2]!)));
  const visit = (i: number, from: number, changes: number, shift: number, offset: number) => {
    if (best[0] === 0 && worse([0, changes, shift], best)) return; // cannot beat a placement that already fits
    if (i === printed.length) {
      const score = [violationsOf(sums, v, d), changes, shift];
      if (worse(score, best)) return;
      const key = v.join(',');
      if (!worse(best, score)) {
        if (key !== bestKey) tie = true;
        return;
      }
      bestSlots = [...slots]; best = score; bestKey = key; tie = false;
      return;
    }
    for (let s = from; s <= n - (printed.length - i); s++) {
      const off = s - printed[i]!.pos;
      slots.push(s);
      v[s] = printed[i]!.value;
      visit(i + 1, s + 1, changes + (off !== offset ? 1 : 0), shift + Math.abs(off), off);
      v[s] = null;
      slots.pop();
    }
  };
  visit(0, 0, 0, 0, 0);
  return result(bestSlots, best[0]!, tie);
}
