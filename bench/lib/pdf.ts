// PDF reading: `readPdf` (scripts/pipeline/layouts/pdf) on the vendored PDFs (data/raw/*.pdf), on
// one core, and where its time goes (inside PDF.js or in our own code).
//
// The reads run in a child process (this file with --child), pinned to CPU 0 with `taskset -c 0`
// when taskset exists, so PDF.js (in Node it runs in the main thread, with a fake worker), V8's
// helper threads and the garbage collector all share one core, as on a one-core build machine. The
// child reads the files into memory first (file I/O is not timed), reads every PDF once as a
// warm-up without the timing hook (not counted: the first read loads PDF.js's worker code; these
// reads are also the reference output), then `rounds` rounds, each reading the five documents in
// turn with the timing hook (`readPdf(file, bytes, timing)`), and checks that every timed read gave
// exactly the warm-up's lines.
//
//   node bench/lib/pdf.ts [--rounds N]   prints the table on stdout, progress on stderr
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { PdfTiming } from '../../scripts/pipeline/layouts/pdf/index.ts';
import { runProc } from './proc.ts';
import { fmt, progress, round, summarize, type Summary } from './stats.ts';

const SELF = fileURLToPath(import.meta.url);
const RAW = fileURLToPath(new URL('../../data/raw/', import.meta.url));
/** Rounds counted (a warm-up round comes before them). */
export const PDF_ROUNDS = 7;
/** The issue's aim: a 30-page disclosure read in under 1 s. */
export const AIM = { pages: 30, ms: 1000 };

/** One timed read. */
interface Read {
  doc: string;
  round: number;
  /** Wall time of `await readPdf(…)`. */
  ms: number;
  /** The timing hook's split of it. */
  pdfjsMs: number;
  ownMs: number;
}

interface ChildOutput {
  docs: Array<{ doc: string; pages: number; lines: number; bytes: number; warmupMs: number }>;
  reads: Read[];
  sameOutput: boolean;
  /** What the child could run on (1 when pinned). */
  cpus: number;
  cpusAllowed: string | null;
}

export interface PdfDocFigures {
  doc: string;
  pages: number;
  /** Lines of text readPdf returns (page markers included). */
  lines: number;
  kB: number;
  /** The warm-up read (not counted; the first one of the process also loads PDF.js's worker code). */
  warmupMs: number;
  msPerDoc: Summary;
  msPerPage: Summary;
  pdfjsMs: Summary;
  ownMs: Summary;
  /** PDF.js's share of pdfjsMs + ownMs, per round (%). */
  pdfjsShare: Summary;
}

export interface PdfFigures {
  rounds: number;
  /** The command the reads ran under (`taskset -c 0`), or null when taskset is missing. */
  pinned: string | null;
  /** os.availableParallelism() in the child: 1 when pinned. */
  childCpus: number;
  childCpusAllowed: string | null;
  /** 1-minute, 5-minute, 15-minute load average before the child started and after it ended. */
  loadAverage: { before: number[]; after: number[] };
  docs: PdfDocFigures[];
  /** Per round, the five documents together: the mean per document, per page, PDF.js's share. */
  overall: { pages: number; roundMs: Summary; msPerDoc: Summary; msPerPage: Summary; pdfjsShare: Summary };
  /** AIM.pages × the median ms per page (range: × the rounds' min and max), and the same for the slowest document. */
  projection: { pages: number; aimMs: number; ms: number; minMs: number; maxMs: number; slowest: { doc: string; ms: number } };
  /** Every timed read gave exactly the lines of the warm-up read (without the hook). */
  sameOutput: boolean;
  /** The child process, start-up included. */
  wallMs: number;
  reads: Read[];
}

// ---------------------------------------------------------------------------------------------
// Child: the reads themselves.

function cpusAllowed(): string | null {
  try {
    return /^Cpus_allowed_list:\s*(.+)$/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1]?.trim() ?? null;
  } catch {
    return null;
  }
}

async function child(rounds: number): Promise<void> {
  const { readPdf } = await import('../../scripts/pipeline/layouts/pdf/index.ts');
  const files = readdirSync(RAW).filter((f) => /\.pdf$/i.test(f)).sort();
  const bytes = files.map((f) => readFileSync(join(RAW, f)));
  const docs: ChildOutput['docs'] = [];
  const reference: string[] = [];
  process.stderr.write('warm-up round\n');
  for (const [i, f] of files.entries()) {
    const t0 = performance.now();
    const r = await readPdf(f, bytes[i]!);
    const warmupMs = performance.now() - t0;
    reference.push(JSON.stringify(r));
    docs.push({ doc: f.replace(/\.pdf$/i, ''), pages: r.pages, lines: r.lines.length, bytes: bytes[i]!.length, warmupMs });
  }
  const reads: Read[] = [];
  let sameOutput = true;
  for (let round = 1; round <= rounds; round++) {
    process.stderr.write(`round ${round}/${rounds}\n`);
    for (const [i, f] of files.entries()) {
      const timing: PdfTiming = { pdfjs: 0, own: 0 };
      const t0 = performance.now();
      const r = await readPdf(f, bytes[i]!, timing);
      const ms = performance.now() - t0;
      if (JSON.stringify(r) !== reference[i]) sameOutput = false;
      reads.push({ doc: docs[i]!.doc, round, ms, pdfjsMs: timing.pdfjs, ownMs: timing.own });
    }
  }
  const out: ChildOutput = { docs, reads, sameOutput, cpus: availableParallelism(), cpusAllowed: cpusAllowed() };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

// ---------------------------------------------------------------------------------------------
// Parent: run the child, summarize.

/** `taskset -c 0` when it exists and CPU 0 is ours to use. */
function pinning(): string[] | null {
  const r = spawnSync('taskset', ['-c', '0', 'true'], { stdio: 'ignore' });
  return r.status === 0 ? ['taskset', '-c', '0'] : null;
}

export async function measurePdf(rounds = PDF_ROUNDS): Promise<PdfFigures> {
  const pin = pinning();
  const cmd = [...(pin ?? []), process.execPath, SELF, '--child', String(rounds)];
  const before = loadavg().map((x) => round(x, 2));
  progress(`pdf: ${rounds} rounds + a warm-up over data/raw/*.pdf, ${pin ? `pinned (${pin.join(' ')})` : 'not pinned (no taskset)'}; load average ${before[0]}`);
  const r = await runProc(cmd[0]!, cmd.slice(1), {
    timeoutMs: 10 * 60_000,
    onLine: (l) => { if (l && !l.startsWith('{')) progress(`pdf: ${l}`); },
  });
  const after = loadavg().map((x) => round(x, 2));
  if (r.code !== 0) throw new Error(`the PDF benchmark failed (exit ${r.code}${r.timedOut ? ', time limit' : ''}):\n${r.stderr.slice(-3000)}`);
  const out = JSON.parse(r.stdout.trim().split('\n').at(-1)!) as ChildOutput;
  const share = (x: { pdfjsMs: number; ownMs: number }) => (100 * x.pdfjsMs) / (x.pdfjsMs + x.ownMs);
  const docs = out.docs.map((d): PdfDocFigures => {
    const reads = out.reads.filter((x) => x.doc === d.doc);
    return {
      doc: d.doc, pages: d.pages, lines: d.lines, kB: round(d.bytes / 1000, 1), warmupMs: round(d.warmupMs, 1),
      msPerDoc: summarize(reads.map((x) => x.ms)),
      msPerPage: summarize(reads.map((x) => x.ms / d.pages)),
      pdfjsMs: summarize(reads.map((x) => x.pdfjsMs)),
      ownMs: summarize(reads.map((x) => x.ownMs)),
      pdfjsShare: summarize(reads.map(share)),
    };
  });
  const pages = out.docs.reduce((s, d) => s + d.pages, 0);
  const perRound = Array.from({ length: rounds }, (_, i) => {
    const reads = out.reads.filter((x) => x.round === i + 1);
    const sum = (k: 'ms' | 'pdfjsMs' | 'ownMs') => reads.reduce((s, x) => s + x[k], 0);
    return { ms: sum('ms'), pdfjsMs: sum('pdfjsMs'), ownMs: sum('ownMs') };
  });
  const msPerPage = summarize(perRound.map((x) => x.ms / pages));
  const slowest = docs.reduce((a, b) => (b.msPerPage.median > a.msPerPage.median ? b : a));
  return {
    rounds, pinned: pin?.join(' ') ?? null, childCpus: out.cpus, childCpusAllowed: out.cpusAllowed,
    loadAverage: { before, after },
    docs,
    overall: {
      pages,
      roundMs: summarize(perRound.map((x) => x.ms)),
      msPerDoc: summarize(perRound.map((x) => x.ms / out.docs.length)),
      msPerPage,
      pdfjsShare: summarize(perRound.map(share)),
    },
    projection: {
      pages: AIM.pages, aimMs: AIM.ms,
      ms: round(AIM.pages * msPerPage.median), minMs: round(AIM.pages * msPerPage.min), maxMs: round(AIM.pages * msPerPage.max),
      slowest: { doc: slowest.doc, ms: round(AIM.pages * slowest.msPerPage.median) },
    },
    sameOutput: out.sameOutput,
    wallMs: round(r.ms),
    reads: out.reads.map((x) => ({ ...x, ms: round(x.ms, 2), pdfjsMs: round(x.pdfjsMs, 2), ownMs: round(x.ownMs, 2) })),
  };
}

// ---------------------------------------------------------------------------------------------
// Report

/** The projection in words: `30 pages ≈ 640 ms (590–700) at the median ms per page: within the 1 s aim`. */
export function projectionLine(f: PdfFigures): string {
  const p = f.projection;
  const verdict = (ms: number) => (ms < p.aimMs ? `within the ${p.aimMs / 1000} s aim` : `over the ${p.aimMs / 1000} s aim`);
  return `${p.pages} pages ≈ ${p.ms} ms${f.rounds > 1 ? ` (${p.minMs}–${p.maxMs})` : ''} at the median ms per page over all ${f.overall.pages} pages: ${verdict(p.ms)}; `
    + `at the slowest document's (${p.slowest.doc}) ≈ ${p.slowest.ms} ms: ${verdict(p.slowest.ms)}`;
}

/** Rows for bench/run.ts's table: [benchmark, figure, median (min–max), runs]. */
export function pdfRows(f: PdfFigures): Array<[string, string, string, number]> {
  const rows: Array<[string, string, string, number]> = [];
  for (const d of f.docs) {
    rows.push([`PDF reading: ${d.doc} (${d.pages} pages)`, 'ms / document · ms / page · PDF.js share',
      `${fmt(d.msPerDoc, 0, ' ms')} · ${fmt(d.msPerPage, 1, ' ms')} · ${fmt(d.pdfjsShare, 0, '%')}`, d.msPerDoc.runs]);
  }
  const o = f.overall;
  rows.push([`PDF reading: all ${f.docs.length} (${o.pages} pages; ${f.pinned ?? 'not pinned'})`, 'ms / document · ms / page · PDF.js share',
    `${fmt(o.msPerDoc, 0, ' ms')} · ${fmt(o.msPerPage, 1, ' ms')} · ${fmt(o.pdfjsShare, 0, '%')}`, o.msPerPage.runs]);
  rows.push([`PDF reading: ${f.projection.pages} pages, projected`, 'from the median ms / page (the slowest document\'s)',
    `${f.projection.ms} ms${f.rounds > 1 ? ` (${f.projection.minMs}–${f.projection.maxMs})` : ''} (${f.projection.slowest.ms} ms)`, o.msPerPage.runs]);
  return rows;
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => [...(r[i] ?? '')].length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c + ' '.repeat(widths[i]! - [...c].length)).join(' | ')} |`;
  return [line(rows[0]!), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.slice(1).map(line)].join('\n');
}

/** The standalone report: one row per document and one for all of them. */
export function pdfReport(f: PdfFigures): string {
  const rows = [['document', 'pages', 'ms / document', 'ms / page', 'PDF.js ms', 'own ms', 'PDF.js share', 'warm-up ms']];
  for (const d of f.docs) {
    rows.push([d.doc, String(d.pages), fmt(d.msPerDoc, 0), fmt(d.msPerPage, 1), fmt(d.pdfjsMs, 0), fmt(d.ownMs, 1), fmt(d.pdfjsShare, 1, '%'), String(round(d.warmupMs))]);
  }
  const o = f.overall;
  rows.push([`all ${f.docs.length} (per round)`, String(o.pages), fmt(o.msPerDoc, 0), fmt(o.msPerPage, 1), '', '', fmt(o.pdfjsShare, 1, '%'), '']);
  return [
    `PDF reading (readPdf, data/raw/*.pdf): median (min–max) over ${f.rounds} rounds after a warm-up; ${f.pinned ? `one core (${f.pinned}; the child saw ${f.childCpus} CPU${f.childCpus === 1 ? '' : 's'}, allowed: ${f.childCpusAllowed ?? '?'})` : `not pinned (no taskset; the child saw ${f.childCpus} CPUs)`}`,
    `load average (1 min) ${f.loadAverage.before[0]} before → ${f.loadAverage.after[0]} after`,
    '',
    table(rows),
    '',
    `"all": per round, the ${f.docs.length} documents together (${f.overall.pages} pages): ${fmt(o.roundMs, 0, ' ms')} a round; ms / document is that over ${f.docs.length}.`,
    `Projected: ${projectionLine(f)}.`,
    f.sameOutput ? 'Every timed read gave exactly the lines of the read without the timing hook.' : 'WARNING: a timed read gave other lines than the read without the timing hook.',
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------

if (process.argv[1] && resolve(process.argv[1]) === SELF) {
  const { values } = parseArgs({ options: { child: { type: 'string' }, rounds: { type: 'string' } } });
  if (values.child) await child(Number(values.child));
  else {
    const rounds = Number(values.rounds ?? PDF_ROUNDS);
    if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`--rounds: a whole number of rounds, at least 1 (got ${values.rounds})`);
    const f = await measurePdf(rounds);
    process.stdout.write(`${pdfReport(f)}\n`);
  }
}
