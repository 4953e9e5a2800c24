// Damaged copies of the vendored disclosures, made reproducibly from a seed: the kinds of damage a
// text conversion, a copy or a download does to a file (lines lost, doubled or out of order, a title
// gone, stray or cut bytes, digits changed, full-width digits, tabs turned to spaces, a document
// pasted several times, a PDF cut short or with bytes flipped). Used by tests/pipeline/mutation.test.ts
// (a few hundred, in the suite) and bench/mutate.ts (thousands, by hand).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readFile } from '../../scripts/pipeline/read.ts';
import { InputError } from '../../scripts/pipeline/types.ts';
// Seeded, so that a failing mutation can be made again from its seed.
import { rng } from '../reflow.ts';

export interface Original {
  /** File name as vendored (the extension decides PDF or text, as in the raw folder). */
  file: string;
  bytes: Buffer;
}

export interface Mutant {
  file: string;
  /** What was done, with where: enough to make it again by hand. */
  kind: string;
  detail: string;
  bytes: Buffer;
}

type Rand = () => number;
const int = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

/** The vendored disclosures (data/raw/*.txt and *.pdf). */
export function originals(raw: string): Original[] {
  return readdirSync(raw).filter((f) => /\.(txt|pdf)$/.test(f)).sort()
    .map((file) => ({ file, bytes: readFileSync(join(raw, file)) }));
}

const utf8 = (lines: string[]) => Buffer.from(lines.join('\n'), 'utf8');
const TITLE = /^\s*\S{2,40}表\s*$/;
const FULL_WIDTH = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));

/** Text mutations: each takes the lines of a document and returns the damaged file. */
const TEXT: Record<string, (lines: string[], r: Rand) => { detail: string; bytes: Buffer }> = {
  'lines deleted': (ls, r) => {
    const a = int(r, 0, ls.length - 1); const k = int(r, 1, r() < 0.7 ? 3 : 200);
    return { detail: `lines ${a + 1}–${a + k}`, bytes: utf8([...ls.slice(0, a), ...ls.slice(a + k)]) };
  },
  'lines duplicated': (ls, r) => {
    const a = int(r, 0, ls.length - 1); const k = int(r, 1, r() < 0.7 ? 3 : 200);
    return { detail: `lines ${a + 1}–${a + k} printed twice`, bytes: utf8([...ls.slice(0, a + k), ...ls.slice(a, a + k), ...ls.slice(a + k)]) };
  },
  'lines swapped': (ls, r) => {
    const out = [...ls]; const a = int(r, 0, ls.length - 1); const b = int(r, 0, ls.length - 1);
    [out[a], out[b]] = [out[b]!, out[a]!];
    return { detail: `lines ${a + 1} and ${b + 1}`, bytes: utf8(out) };
  },
  'block shuffled': (ls, r) => {
    const out = [...ls]; const a = int(r, 0, ls.length - 1); const k = int(r, 3, 60);
    const block = out.slice(a, a + k);
    for (let i = block.length - 1; i > 0; i--) { const j = int(r, 0, i); [block[i], block[j]] = [block[j]!, block[i]!]; }
    out.splice(a, block.length, ...block);
    return { detail: `lines ${a + 1}–${a + block.length} in random order`, bytes: utf8(out) };
  },
  'heading removed': (ls, r) => {
    const titles = ls.map((l, i) => (TITLE.test(l) ? i : -1)).filter((i) => i >= 0);
    const i = titles.length ? pick(r, titles) : int(r, 0, ls.length - 1);
    return { detail: `line ${i + 1} (${ls[i]!.trim().slice(0, 30)})`, bytes: utf8([...ls.slice(0, i), ...ls.slice(i + 1)]) };
  },
  'title blanked': (ls, r) => {
    const titles = ls.map((l, i) => (TITLE.test(l) ? i : -1)).filter((i) => i >= 0);
    // The document's own title (its first lines) or a table's.
    const i = r() < 0.4 || titles.length === 0 ? int(r, 0, Math.min(5, ls.length - 1)) : pick(r, titles);
    const out = [...ls]; out[i] = '';
    return { detail: `line ${i + 1} blanked`, bytes: utf8(out) };
  },
  'bytes inserted': (ls, r) => {
    const b = utf8(ls); const at = int(r, 0, b.length); const k = int(r, 1, 16);
    const junk = Buffer.from(Array.from({ length: k }, () => (r() < 0.3 ? 0 : int(r, 0, 255))));
    return { detail: `${k} bytes at byte ${at}`, bytes: Buffer.concat([b.subarray(0, at), junk, b.subarray(at)]) };
  },
  'NUL in a line': (ls, r) => {
    const i = int(r, 0, ls.length - 1); const out = [...ls]; const at = int(r, 0, out[i]!.length);
    out[i] = out[i]!.slice(0, at) + '\0' + out[i]!.slice(at);
    return { detail: `line ${i + 1}`, bytes: utf8(out) };
  },
  'huge line inserted': (ls, r) => {
    // About 1 MB of what a runaway conversion repeats: amounts, words, cells, or a line of the document.
    const unit = pick(r, ['100.00 ', '12,345.6\t', '项目支出', '≥95% 满意度 ', 'a', `${pick(r, ls) || 'x'} `, '\t']);
    const line = unit.repeat(Math.ceil(1_000_000 / Buffer.byteLength(unit)));
    const i = int(r, 0, ls.length);
    return { detail: `${JSON.stringify(unit.slice(0, 20))} × ${Math.ceil(1_000_000 / Buffer.byteLength(unit))} at line ${i + 1}`, bytes: utf8([...ls.slice(0, i), line, ...ls.slice(i)]) };
  },
  'line stretched': (ls, r) => {
    // One line of the document repeated along itself (an indicator row gone wild): to 256 kB, or
    // to just under the longest line the pipeline reads (20,000 characters), so that the readers
    // themselves meet it.
    const i = int(r, 0, ls.length - 1); const l = `${ls[i]!.trim() || '满意度 ≥95%'} `;
    const chars = r() < 0.3 ? 256_000 : int(r, 2_000, 19_900);
    const out = [...ls]; out[i] = l.repeat(Math.floor(chars / l.length) || 1);
    return { detail: `line ${i + 1} × ${Math.floor(chars / l.length) || 1} (${out[i]!.length} characters)`, bytes: utf8(out) };
  },
  'digits changed': (ls, r) => {
    const out = [...ls]; const k = int(r, 1, 5); const where: number[] = [];
    for (let t = 0; t < k; t++) {
      const i = int(r, 0, out.length - 1); const l = out[i]!;
      const ds = [...l.matchAll(/\d/g)].map((m) => m.index!);
      if (ds.length === 0) continue;
      const at = pick(r, ds);
      out[i] = l.slice(0, at) + String(int(r, 0, 9)) + l.slice(at + 1);
      where.push(i + 1);
    }
    return { detail: `lines ${where.join(', ')}`, bytes: utf8(out) };
  },
  'tabs and spaces swapped': (ls, r) => {
    const a = int(r, 0, ls.length - 1); const k = r() < 0.2 ? ls.length : int(r, 1, 100);
    const swap = (l: string) => l.replace(/[\t ]/g, (c) => (c === '\t' ? ' ' : '\t'));
    return { detail: `lines ${a + 1}–${Math.min(ls.length, a + k)}`, bytes: utf8(ls.map((l, i) => (i >= a && i < a + k ? swap(l) : l))) };
  },
  'full-width digits': (ls, r) => {
    const a = int(r, 0, ls.length - 1); const k = int(r, 1, r() < 0.2 ? ls.length : 30);
    return { detail: `lines ${a + 1}–${Math.min(ls.length, a + k)}`, bytes: utf8(ls.map((l, i) => (i >= a && i < a + k ? FULL_WIDTH(l) : l))) };
  },
  'concatenated': (ls, r) => {
    const n = int(r, 2, 10);
    return { detail: `the document ${n} times`, bytes: utf8(Array.from({ length: n }, () => ls).flat()) };
  },
  'cut in a character': (ls, r) => {
    // Cut one byte into (or two bytes into) a multi-byte UTF-8 character.
    const b = utf8(ls);
    const starts: number[] = [];
    for (let i = 0; i < b.length; i++) if (b[i]! >= 0xe0 && b[i]! < 0xf0) starts.push(i);
    const at = starts.length ? pick(r, starts) + int(r, 1, 2) : int(r, 1, b.length);
    return { detail: `cut at byte ${at} of ${b.length}`, bytes: b.subarray(0, at) };
  },
  'cut at a line': (ls, r) => {
    const at = int(r, 1, ls.length - 1);
    return { detail: `after line ${at}`, bytes: utf8(ls.slice(0, at)) };
  },
};

/** Byte mutations of a PDF. */
const PDF: Record<string, (b: Buffer, r: Rand) => { detail: string; bytes: Buffer }> = {
  'pdf truncated': (b, r) => {
    const at = int(r, 1, b.length - 1);
    return { detail: `first ${at} of ${b.length} bytes`, bytes: b.subarray(0, at) };
  },
  'pdf bytes flipped': (b, r) => {
    const out = Buffer.from(b); const k = int(r, 1, 50); const where: number[] = [];
    for (let t = 0; t < k; t++) { const at = int(r, 0, out.length - 1); out[at] = int(r, 0, 255); where.push(at); }
    return { detail: `${k} bytes (${where.slice(0, 5).join(', ')}${k > 5 ? ', …' : ''})`, bytes: out };
  },
  'pdf cut in the middle': (b, r) => {
    const a = int(r, 0, b.length - 1); const k = int(r, 1, Math.min(100_000, b.length - a));
    return { detail: `bytes ${a}–${a + k} removed`, bytes: Buffer.concat([b.subarray(0, a), b.subarray(a + k)]) };
  },
};

export const TEXT_KINDS = Object.keys(TEXT);
export const PDF_KINDS = Object.keys(PDF);

/** Mutation number `i` of a document under `seed`: the same seed and index always give the same file. */
export function mutate(o: Original, seed: number, i: number, kinds?: string[]): Mutant {
  const r = rng((seed * 1_000_003 + i) >>> 0);
  if (/\.pdf$/i.test(o.file)) {
    const kind = pick(r, PDF_KINDS);
    return { file: o.file, kind, ...PDF[kind]!(o.bytes, r) };
  }
  const kind = pick(r, kinds ?? TEXT_KINDS);
  const lines = o.bytes.toString('utf8').split('\n');
  return { file: o.file, kind, ...TEXT[kind]!(lines, r) };
}

export type Outcome = 'read' | 'refused' | 'crash';

export interface Result {
  outcome: Outcome;
  ms: number;
  /**
   * CPU time of the read (user and system, this process): unlike the wall time it does not grow
   * with what else the machine runs, so it is what a hang guard measures.
   */
  cpuMs: number;
  /** Characters of every published cell: what the read would publish, against what it read. */
  outputChars: number;
  rows: number;
  /** The refusal's or the crash's message (the stack's first frames for a crash). */
  message: string;
}

/** Read a damaged file as the pipeline's reading stage does, and say how it went. */
export async function readMutant(m: Mutant): Promise<Result> {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const cpu = () => { const c = process.cpuUsage(c0); return (c.user + c.system) / 1000; };
  try {
    const r = await readFile(m.file, new Uint8Array(m.bytes));
    let outputChars = 0; let rows = 0;
    for (const table of Object.values(r.tables)) {
      rows += table.length;
      for (const row of table) for (const v of Object.values(row)) outputChars += v === null ? 0 : String(v).length;
    }
    return { outcome: 'read', ms: performance.now() - t0, cpuMs: cpu(), outputChars, rows, message: '' };
  } catch (e) {
    const ms = performance.now() - t0;
    if (e instanceof InputError) return { outcome: 'refused', ms, cpuMs: cpu(), outputChars: 0, rows: 0, message: e.message };
    const err = e as Error;
    const stack = (err.stack ?? String(e)).split('\n').slice(0, 4).join(' | ');
    return { outcome: 'crash', ms, cpuMs: cpu(), outputChars: 0, rows: 0, message: `${err.name}: ${err.message.slice(0, 200)} @ ${stack}` };
  }
}
