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
  /** Called once per file, in file order, as soon as it and every file before it are read. */
  onRead?: (r: Reading) => void;
}

export async function readAll(jobs: Job[], opts: ReadOptions): Promise<Reading[]> {
  const out: Array<Reading | undefined> = new Array(jobs.length);
  let next = 0;
  const settle = (i: number, r: Reading) => {
    out[i] = r;
    while (next < jobs.length && out[next]) opts.onRead?.(out[next++]!);
  };
  const misses: Array<{ i: number; key: string; bytes: Uint8Array; sha256: string }> = [];
  jobs.forEach((job, i) => {
    const bytes = readFileSync(job.path);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const key = cacheKey(opts.pipeline, job.path, sha256, job.manifest);
    const hit = opts.cache?.get(key);
    if (hit) {
      try {
        return settle(i, { job, sha256, bytes, outcome: decode(hit, bytes), fromCache: true });
      } catch { /* an entry that does not decode is read again */ }
    }
    misses.push({ i, key, bytes, sha256 });
  });
  const threads = Math.max(1, Math.min(opts.workers, misses.length));
  const keep = (m: (typeof misses)[number], outcome: Outcome, buf: Uint8Array | null) => {
    if (opts.cache) opts.cache.put(m.key, buf ?? encode(outcome));
    settle(m.i, { job: jobs[m.i]!, sha256: m.sha256, bytes: m.bytes, outcome, fromCache: false });
  };
  if (threads === 1) {
    for (const m of misses) keep(m, await readOne(jobs[m.i]!.path, m.bytes, jobs[m.i]!.manifest), null);
    return out as Reading[];
  }
  // Workers import the TypeScript sources as the CLI does (Node strips the types); a worker sends its
  // outcome back encoded as the cache keeps it, so a reading from a worker and one from the cache
  // are the same bytes decoded the same way.
  const pool = new Tinypool({ filename: new URL('./readWorker.ts', import.meta.url).href, minThreads: threads, maxThreads: threads, idleTimeout: 0 });
  try {
    await Promise.all(misses.map(async (m) => {
      const buf = await pool.run({ path: jobs[m.i]!.path, manifest: jobs[m.i]!.manifest }) as Uint8Array;
      keep(m, decode(buf, m.bytes), buf);
    }));
  } finally {
    await pool.destroy();
  }
  return out as Reading[];
}

