// The pipeline CLI: raw text → layout (cells) → tables (typed rows) → checks → publish.
//   node scripts/data.ts [--raw data/raw] [--out public]
// Reads every *.pdf and *.txt in --raw (with sources.json as an optional manifest), writes OUT/data and
// OUT/sources. Progress goes to stderr. On any error nothing in OUT changes and the exit code is 1.
import { accessSync, constants, existsSync, lstatSync, readdirSync, readFileSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DOC_ID, readFile, type ManifestEntry, type ReadResult } from './pipeline/read.ts';
import { assemble } from './pipeline/dataset.ts';
import { publish } from './pipeline/publish.ts';
import { InputError } from './pipeline/types.ts';

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

export async function run(raw: string, out: string, log: (s: string) => void): Promise<void> {
  const t0 = performance.now();
  if (!existsSync(raw)) throw new InputError(raw, null, null, 'no such folder');
  if (!statSync(raw).isDirectory()) throw new InputError(raw, null, null, `--raw must be a folder of disclosures, but this is ${kindOf(statSync(raw))}`);
  const files = readdirSync(raw).filter((f) => /\.(txt|pdf)$/i.test(f)).sort();
  if (files.length === 0) throw new InputError(raw, null, null, 'no disclosures (.pdf or .txt) in this folder');
  checkPaths(raw, out, files);
  const manifest = manifestOf(raw);
  const reads: ReadResult[] = [];
  const seen = new Map<string, string>();
  for (const f of files) {
    const path = join(raw, f);
    const r = await readFile(path, readFileSync(path), manifest.get(f) ?? {});
    const dup = seen.get(r.doc.docId);
    if (dup) throw new InputError(path, null, null, `duplicate doc_id ${r.doc.docId}: ${dup} is the same document (city, year and kind); remove one of them`);
    seen.set(r.doc.docId, path);
    const counts = Object.entries(r.tables).map(([t, rows]) => `${t} ${rows.length}`).join(', ');
    log(`${r.doc.docId} ← ${f}: ${r.unsupported ? `${r.unsupported}; ` : ''}${counts}${r.ctx.repairs.length ? `; ${r.ctx.repairs.length} repairs` : ''}`);
    reads.push(r);
  }
  const ds = assemble(reads);
  const { counts } = await publish(ds, out);
  log('');
  log('documents × tables: rows');
  const tables = Object.keys(counts).filter((t) => t !== 'documents');
  for (const r of reads) {
    const cells = tables.map((t) => `${t} ${(ds.tables[t] ?? []).filter((x) => x.doc_id === r.doc.docId).length}`);
    log(`  ${r.doc.docId}: ${cells.join(', ')}${r.unsupported ? `  [${r.unsupported}]` : ''}`);
  }
  const checks = ds.tables.checks ?? [];
  const by = (s: string) => checks.filter((c) => c.status === s).length;
  log(`checks: ${by('ok')} ok / ${by('rounding')} rounding / ${by('mismatch')} mismatch`);
  const uncertain = (ds.tables.project_indicators ?? []).filter((r) => r.pairing === 'uncertain').length;
  if (uncertain) log(`project indicators with uncertain pairing: ${uncertain}`);
  log(`published ${Object.keys(counts).length} tables to ${join(out, 'data')} in ${Math.round(performance.now() - t0)} ms`);
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { raw: { type: 'string', default: 'data/raw' }, out: { type: 'string', default: 'public' } } });
  try {
    await run(values.raw!, values.out!, (s) => process.stderr.write(`${s}\n`));
  } catch (e) {
    process.stderr.write(`\nbudget-lens data: ${e instanceof InputError ? e.message : (e as Error).stack}\nNothing was published; ${values.out} is unchanged.\n`);
    process.exitCode = 1;
  }
}
