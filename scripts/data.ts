// The pipeline CLI: raw text → layout (cells) → tables (typed rows) → checks → publish.
//   node scripts/data.ts [--raw data/raw] [--out public]
// Reads every *.pdf and *.txt in --raw (with sources.json as an optional manifest), writes OUT/data and
// OUT/sources. Progress goes to stderr. A file that cannot be read is quarantined (left out, listed
// in the quarantine table) and the exit code is 2; with --strict it stops the run instead. On any
// other error nothing in OUT changes and the exit code is 1; a stop by SIGINT/SIGTERM before the new
// dataset is switched in leaves OUT unchanged too. Flags: --strict, --no-cache, --cache-dir DIR,
// --workers N (default: every core).
// First: it notes which npm and sh processes started this one before the rest takes seconds to load.
import { CALLERS, CALLERS_GONE, isAlive } from './pipeline/callers.ts';
import { accessSync, constants, existsSync, lstatSync, readdirSync, readFileSync, statSync, type Stats } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { DOC_ID, type ManifestEntry } from './pipeline/read.ts';
import { Publication } from './pipeline/publish.ts';
import { dictionary } from './pipeline/dictionary.ts';
import { abandonAll, guardSwitch, openStore, release, type Store } from './pipeline/output.ts';
import { InputError, type OutRow } from './pipeline/types.ts';
import { DEFAULT_CACHE_DIR, pipelineVersion, ReadingCache } from './pipeline/cache.ts';
import { defaultWorkers, readAll } from './pipeline/pool.ts';
import { quarantineRow } from './pipeline/quarantine.ts';

/**
 * data/raw/sources.json, per file name: what its entry says instead of the text. An entry that would
 * make a bad id or a meaningless override is refused, naming the entry, before any file is read:
 * the ids become paths on the site, and a wrong year or kind would be published as read.
 */
export function manifestOf(raw: string): Map<string, ManifestEntry> {
  const path = join(raw, 'sources.json');
  const map = new Map<string, ManifestEntry>();
  if (!existsSync(path)) return map;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new InputError(path, null, null, `not valid JSON: ${(e as Error).message}`);
  }
  const sources = parsed !== null && typeof parsed === 'object' ? (parsed as { sources?: unknown }).sources : undefined;
  if (sources === undefined && parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) return map;
  const isObject = (x: unknown): x is Record<string, unknown> => x !== null && typeof x === 'object' && !Array.isArray(x);
  if (!Array.isArray(sources) || !sources.every(isObject)) {
    throw new InputError(path, null, null, 'expected {"sources": [ … ]} with one object per file ({"file": "….pdf", …}) in "sources"');
  }
  sources.forEach((s, i) => {
    const where = `entry ${i + 1} of "sources"${typeof s.file === 'string' ? ` (${s.file})` : ''}`;
    const refuse = (what: string) => new InputError(path, null, null, `${where}: ${what}`);
    for (const k of ['file', 'doc_id', 'province', 'city', 'district', 'department'] as const) {
      if (s[k] !== undefined && (typeof s[k] !== 'string' || s[k].trim() === '')) throw refuse(`"${k}" must be a non-empty string, not ${JSON.stringify(s[k])}`);
    }
    if (typeof s.doc_id === 'string' && !DOC_ID.test(s.doc_id)) {
      throw refuse(`"doc_id" ${JSON.stringify(s.doc_id)} must be lower-case letters, digits and "-", starting with a letter or digit, at most 100 characters (it becomes a path on the site)`);
    }
    const year = s.fiscal_year;
    if (year !== undefined && !(typeof year === 'number' && Number.isInteger(year) && year >= 1990 && year <= 2100)) {
      throw refuse(`"fiscal_year" must be a whole year from 1990 to 2100, not ${JSON.stringify(year)}`);
    }
    if (s.doc_kind !== undefined && !['budget', 'performance', 'final'].includes(s.doc_kind as string)) {
      throw refuse(`"doc_kind" must be "budget", "performance" or "final", not ${JSON.stringify(s.doc_kind)}`);
    }
    if (s.scope !== undefined && !['department', 'unit'].includes(s.scope as string)) {
      throw refuse(`"scope" must be "department" or "unit", not ${JSON.stringify(s.scope)}`);
    }
    if (s.official_url != null && !(typeof s.official_url === 'string' && /^https?:\/\/[^\s/]+\.[^\s]+$/.test(s.official_url))) {
      throw refuse(`"official_url" must be the http(s) address the government published the file at, or null when unknown, not ${JSON.stringify(s.official_url)}`);
    }
    if (s.published != null && !(typeof s.published === 'string' && /^\d{4}-\d{2}(-\d{2})?$/.test(s.published))) {
      throw refuse(`"published" must be the publication date as YYYY-MM-DD (or YYYY-MM), or null when unknown, not ${JSON.stringify(s.published)}`);
    }
    if (typeof s.file !== 'string') return;
    const pick = <K extends keyof ManifestEntry>(k: K) => s[k] as ManifestEntry[K];
    map.set(s.file, {
      doc_id: pick('doc_id'), province: pick('province'), city: pick('city'), district: pick('district'),
      department: pick('department'), fiscal_year: pick('fiscal_year'), doc_kind: pick('doc_kind'), scope: pick('scope'),
      official_url: pick('official_url'), published: pick('published'),
    });
  });
  return map;
}

const kindOf = (st: Stats) => (st.isDirectory() ? 'a folder' : st.isFIFO() ? 'a named pipe (FIFO)' : st.isSocket() ? 'a socket'
  : st.isCharacterDevice() || st.isBlockDevice() ? 'a device' : st.isFile() ? 'a file' : 'not a regular file');

/**
 * The folders given on the command line, and every disclosure named in --raw, are what they claim
 * to be before anything is read: a folder named x.txt, a link to nothing or a named pipe (which
 * would block the read for ever) is refused in a sentence, as is a file the pipeline may not read.
 */
export function checkPaths(raw: string, out: string, files: string[]): void {
  if (existsSync(out) && !statSync(out).isDirectory()) throw new InputError(out, null, null, `--out must be a folder, but this is ${kindOf(statSync(out))}`);
  for (const f of files) {
    const path = join(raw, f);
    const link = lstatSync(path);
    let st: Stats;
    try {
      st = statSync(path);
    } catch {
      throw new InputError(path, null, null, 'is a link to a file that does not exist; remove it or restore the file it points to');
    }
    if (!st.isFile()) throw new InputError(path, null, null, `is ${kindOf(st)}${link.isSymbolicLink() ? ' (through a link)' : ''}, not a disclosure file; the pipeline reads regular .pdf and .txt files only`);
    try {
      accessSync(path, constants.R_OK);
    } catch {
      throw new InputError(path, null, null, 'cannot be read: permission denied');
    }
  }
}

export interface RunOptions {
  /** All or nothing: a file that cannot be read stops the run and nothing is published (exit 1). Otherwise it is quarantined. */
  strict?: boolean;
  /** Where readings are kept between runs (cache.ts); false reads every file again. */
  cache?: string | false;
  /** Threads reading at once (default: every core); 1 reads in this thread. */
  workers?: number;
  /** The pipeline's version readings are kept under (default: the hash of its sources); tests change it. */
  pipelineVersion?: string;
}

export interface RunSummary {
  documents: number;
  /** Files left out, each with why (also published as the quarantine table). */
  quarantined: OutRow[];
  /** Files read in this run, and files whose reading came from the cache. */
  read: number;
  fromCache: number;
  /** Where the time went (ms): reading every file, then each part of publishing (publish.ts). */
  phases: Record<string, number>;
}

export async function run(raw: string, out: string, log: (s: string) => void, opts: RunOptions = {}): Promise<RunSummary> {
  const t0 = performance.now();
  if (!existsSync(raw)) throw new InputError(raw, null, null, 'no such folder');
  if (!statSync(raw).isDirectory()) throw new InputError(raw, null, null, `--raw must be a folder of disclosures, but this is ${kindOf(statSync(raw))}`);
  const files = readdirSync(raw).filter((f) => /\.(txt|pdf)$/i.test(f)).sort();
  if (files.length === 0) throw new InputError(raw, null, null, 'no disclosures (.pdf or .txt) in this folder');
  checkPaths(raw, out, files);
  const manifest = manifestOf(raw);
  // Taken before reading: a second run into the same OUT refuses at once instead of reading for minutes first.
  const store = openStore(out);
  try {
    return await readAndPublish(raw, files, manifest, store, log, opts, t0);
  } finally {
    release(store);
  }
}

async function readAndPublish(raw: string, files: string[], manifest: Map<string, ManifestEntry>, store: Store, log: (s: string) => void, opts: RunOptions, t0: number): Promise<RunSummary> {
  const cacheDir = opts.cache ?? DEFAULT_CACHE_DIR;
  const publication = await Publication.open(store);
  // What the summary needs of each document, kept instead of its rows: they are in the stage's database.
  const schemas = dictionary().map((s) => s.name).filter((t) => t !== 'documents' && t !== 'quarantine');
  const perDoc: string[] = [];
  const seen = new Map<string, string>();
  const quarantined: OutRow[] = [];
  const statuses = new Map<string, number>();
  let uncertain = 0;
  try {
    const { read, fromCache } = await readAll(files.map((f) => ({ path: join(raw, f), manifest: manifest.get(f) ?? {} })), {
      workers: opts.workers ?? defaultWorkers(),
      cache: cacheDir === false ? null : new ReadingCache(cacheDir),
      pipeline: opts.pipelineVersion ?? pipelineVersion(),
      onRead: (reading) => {
        const { job, outcome, fromCache: cached } = reading;
        const f = basename(job.path);
        if ('error' in outcome) {
          const { file, line, table, message } = outcome.error;
          const error = new InputError(file, line, table, message);
          log(`${opts.strict ? 'cannot be read' : 'quarantined (cannot be read)'}: ${error.message}`);
          if (opts.strict) throw error;
          const row = quarantineRow(reading)!;
          quarantined.push(row);
          return publication.addRows('quarantine', [row]);
        }
        const { source, tables, note, unsupported } = outcome.read;
        log(`${source.doc.docId} ← ${f}${cached ? ' (cached)' : ''}: ${note}`);
        const id = source.doc.docId;
        const dup = seen.get(id);
        if (dup) throw new InputError(job.path, null, null, `duplicate doc_id ${id}: ${dup} is the same document (city, year and kind); remove one of them`);
        seen.set(id, job.path);
        // Each document was assembled on its own (pool.ts): the dataset is their rows, in file order.
        publication.addDocument(source, tables);
        perDoc.push(`  ${id}: ${schemas.map((t) => `${t} ${tables[t]?.length ?? 0}`).join(', ')}${unsupported ? `  [${unsupported}]` : ''}`);
        for (const c of tables.checks ?? []) statuses.set(String(c.status), (statuses.get(String(c.status)) ?? 0) + 1);
        uncertain += (tables.project_indicators ?? []).filter((r) => r.pairing === 'uncertain').length;
      },
    });
    if (quarantined.length === files.length) {
      throw new InputError(raw, null, null, `none of the ${files.length} files could be read (each is named above with its error)`);
    }
    const tRead = performance.now();
    const { counts, phases } = await publication.finish();
    log('');
    log('documents × tables: rows');
    for (const line of perDoc) log(line);
    const by = (s: string) => statuses.get(s) ?? 0;
    log(`checks: ${by('ok')} ok / ${by('rounding')} rounding / ${by('mismatch')} mismatch`);
    if (uncertain) log(`project indicators with uncertain pairing: ${uncertain}`);
    log(`read ${read} files, ${fromCache} from the cache${cacheDir === false ? ' (off)' : ''}`);
    if (quarantined.length) {
      log(`quarantined ${quarantined.length} of ${files.length} files (left out, listed in the quarantine table):`);
      for (const q of quarantined) log(`  ${q.source_file}: ${q.error}`);
    }
    log(`published ${Object.keys(counts).length} tables (${perDoc.length} documents) to ${join(store.out, 'data')} in ${Math.round(performance.now() - t0)} ms`);
    const timed = { reading: Math.round(tRead - t0), ...phases };
    log(`  ${Object.entries(timed).map(([k, ms]) => `${k} ${ms}`).join(', ')} ms`);
    return { documents: perDoc.length, quarantined, read, fromCache, phases: timed };
  } finally {
    publication.close();
  }
}

if (import.meta.main) {
  const { values } = parseArgs({
    allowNegative: true,
    options: {
      raw: { type: 'string', default: 'data/raw' },
      out: { type: 'string', default: 'public' },
      strict: { type: 'boolean', default: false },
      cache: { type: 'boolean', default: true },
      'cache-dir': { type: 'string', default: DEFAULT_CACHE_DIR },
      workers: { type: 'string' },
    },
  });
  const workers = values.workers === undefined ? undefined : Number(values.workers);
  if (workers !== undefined && !(Number.isInteger(workers) && workers >= 1)) {
    process.stderr.write(`budget-lens data: --workers must be a whole number of threads, 1 or more, not ${JSON.stringify(values.workers)}\n`);
    process.exit(1);
  }
  // npm passes a Ctrl-C or a kill on to this process: stop here, before the switch, rather than
  // publish after the caller has given up. The switch itself is one synchronous rename, so a
  // signal lands either before it (nothing published) or after it (the new dataset is whole).
  const stop = (why: string, code: number) => {
    const published = abandonAll();
    process.stderr.write(`\nbudget-lens data: stopped by ${why}; ${published ? `the new dataset was already published to ${values.out}` : `nothing was published; ${values.out} is unchanged`}.\n`);
    process.exit(code);
  };
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) process.on(signal, () => stop(signal, code));
  // npm passes a signal to the shell it started, and the shell dies without passing it on: this
  // process would go on publishing for a caller that is gone. So it watches the npm and sh
  // processes it was started through, and stops when one of them ends.
  if (CALLERS_GONE) stop('the end of the npm that started it (before it was loaded)', 143);
  if (CALLERS.length) {
    const check = () => {
      const gone = CALLERS.find((c) => !isAlive(c.pid));
      if (gone) stop(`the end of its caller (${gone.name}, process ${gone.pid})`, 143);
    };
    setInterval(check, 250).unref();
    // And once more just before the switch, which follows long synchronous work (the zip).
    guardSwitch(check);
  }
  try {
    const summary = await run(values.raw!, values.out!, (s) => process.stderr.write(`${s}\n`), {
      strict: values.strict, cache: values.cache ? values['cache-dir'] : false, workers,
    });
    // 2: published, but without the quarantined files (a caller can tell a partial dataset from a whole one).
    if (summary.quarantined.length) process.exitCode = 2;
  } catch (e) {
    process.stderr.write(`\nbudget-lens data: ${e instanceof InputError ? e.message : (e as Error).stack}\nNothing was published; ${values.out} is unchanged.\n`);
    process.exitCode = 1;
  }
}
