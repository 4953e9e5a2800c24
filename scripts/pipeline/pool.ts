// Reads a corpus: each file's reading from the cache when it has one, the others read on every core
// by a pool of worker threads (tinypool), in file order whatever order they finish in.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import Tinypool from 'tinypool';
import { readFile, type ManifestEntry } from './read.ts';
import { assemble } from './dataset.ts';
import { InputError } from './types.ts';
import { cacheKey, decode, encode, type Outcome, type ReadingCache } from './cache.ts';

export interface Job {
  /** The path the file is read by (and named by in messages and in documents.source_file). */
  path: string;
  manifest: ManifestEntry;
}

export interface Reading {
  job: Job;
  sha256: string;
  bytes: Uint8Array;
  outcome: Outcome;
  fromCache: boolean;
}

/**
 * One file read and assembled into its rows; an InputError becomes an outcome (the file is
 * quarantined or refused by the caller), any other error is a bug and is thrown.
 */
export async function readOne(path: string, bytes: Uint8Array, manifest: ManifestEntry): Promise<Outcome> {
  try {
    const r = await readFile(path, bytes, manifest);
    const { doc } = r;
    // A text published as vendored needs no lines; a PDF's text or a decoded GBK file does.
    const lines = doc.format === 'pdf' || r.encoding !== 'utf-8' ? doc.lines : [];
    const counts = Object.entries(r.tables).map(([t, rows]) => `${t} ${rows.length}`).join(', ');
    return { read: {
      source: { doc: { docId: doc.docId, format: doc.format, sha256: doc.sha256, lines, meta: { title: doc.meta.title } }, bytes, encoding: r.encoding },
      tables: assemble([r]).tables,
      note: `${r.unsupported ? `${r.unsupported}; ` : ''}${counts}${r.ctx.repairs.length ? `; ${r.ctx.repairs.length} repairs` : ''}`,
      unsupported: r.unsupported,
    } };
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    // The message without its "file:line [table]: " prefix, which the columns hold.
    const prefix = `${e.file}${e.line != null ? `:${e.line}` : ''}${e.table ? ` [${e.table}]` : ''}: `;
    return { error: { file: e.file, line: e.line, table: e.table, message: e.message.startsWith(prefix) ? e.message.slice(prefix.length) : e.message } };
  }
}

export const defaultWorkers = (): number => availableParallelism();

export interface ReadOptions {
  /** Threads reading at once; 1 reads in this thread. */
  workers: number;
  cache: ReadingCache | null;
  pipeline: string;
  /**
   * Called once per file, in file order, as soon as it and every file before it are read. The
   * reading is not kept after the call: what the caller needs of it, it takes here.
   */
  onRead: (r: Reading) => void;
}

/** Files read in this run, and files whose reading came from the cache. */
export interface ReadCounts { read: number; fromCache: number }

/** Readings finished by the workers but not yet handed on, at most this many per thread: the rest wait unread. */
const AHEAD_PER_THREAD = 4;

/**
 * Reads every job and hands each reading to `onRead` in file order, holding none of them after: a
 * file's bytes are read again when its turn comes (the first pass only hashes them for the cache
 * key), a cached reading is decoded when its turn comes, and the workers run at most a few files
 * ahead of the one handed on. So memory does not grow with the corpus.
 */
export async function readAll(jobs: Job[], opts: ReadOptions): Promise<ReadCounts> {
  const keys = jobs.map((job) => {
    const sha256 = createHash('sha256').update(readFileSync(job.path)).digest('hex');
    const key = cacheKey(opts.pipeline, job.path, sha256, job.manifest);
    return { sha256, key, cached: opts.cache?.has(key) ?? false };
  });
  const misses = keys.flatMap((k, i) => (k.cached ? [] : [i]));
  const threads = Math.max(1, Math.min(opts.workers, misses.length));
  // Workers import the TypeScript sources as the CLI does (Node strips the types); a worker sends its
  // outcome back encoded as the cache keeps it, so a reading from a worker and one from the cache
  // are the same bytes decoded the same way.
  const pool = threads > 1
    ? new Tinypool({ filename: new URL('./readWorker.ts', import.meta.url).href, minThreads: threads, maxThreads: threads, idleTimeout: 0 })
    : null;
  const started = new Map<number, Promise<Uint8Array>>();
  let nextMiss = 0;
  const startAhead = () => {
    if (!pool) return;
    while (nextMiss < misses.length && started.size < threads * AHEAD_PER_THREAD) {
      const i = misses[nextMiss++]!;
      const p = pool.run({ path: jobs[i]!.path, manifest: jobs[i]!.manifest }) as Promise<Uint8Array>;
      // Awaited in file order below; a run stopped before then (a refused file) must not leave it unhandled.
      p.catch(() => {});
      started.set(i, p);
    }
  };
  const counts: ReadCounts = { read: 0, fromCache: 0 };
  try {
    startAhead();
    for (let i = 0; i < jobs.length; i++) {
      const job = jobs[i]!;
      const { sha256, key } = keys[i]!;
      const bytes = readFileSync(job.path);
      if (createHash('sha256').update(bytes).digest('hex') !== sha256) {
        throw new InputError(job.path, null, null, 'changed while the pipeline was reading the folder; run it again');
      }
      let outcome: Outcome | null = null;
      if (keys[i]!.cached) {
        const hit = opts.cache!.get(key);
        try {
          if (hit) outcome = decode(hit, bytes);
        } catch { /* an entry that does not decode is read again */ }
      }
      const fromCache = outcome !== null;
      if (!outcome) {
        let buf: Uint8Array | null = null;
        const ahead = started.get(i);
        if (ahead) {
          started.delete(i);
          buf = await ahead;
          startAhead();
        } else if (pool) {
          buf = await pool.run({ path: job.path, manifest: job.manifest }) as Uint8Array;
        }
        outcome = buf ? decode(buf, bytes) : await readOne(job.path, bytes, job.manifest);
        opts.cache?.put(key, buf ?? encode(outcome));
      }
      counts[fromCache ? 'fromCache' : 'read']++;
      opts.onRead({ job, sha256, bytes, outcome, fromCache });
    }
  } finally {
    await pool?.destroy();
  }
  return counts;
}
