// The pipeline CLI: raw text → layout (cells) → tables (typed rows) → checks → publish.
//   node scripts/data.ts [--raw data/raw] [--out public]
// Reads every *.txt in --raw (with sources.json as an optional manifest), writes OUT/data and
// OUT/sources. Progress goes to stderr. On any error nothing in OUT changes and the exit code is 1.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readDocument, type ManifestEntry, type ReadResult } from './pipeline/read.ts';
import { assemble } from './pipeline/dataset.ts';
import { publish } from './pipeline/publish.ts';
import { InputError } from './pipeline/types.ts';

function manifestOf(raw: string): Map<string, ManifestEntry> {
  const path = join(raw, 'sources.json');
  const map = new Map<string, ManifestEntry>();
  if (!existsSync(path)) return map;
  let parsed: { sources?: Array<ManifestEntry & { file?: string; sha256?: string }> };
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new InputError(path, null, null, `not valid JSON: ${(e as Error).message}`);
  }
  for (const s of parsed.sources ?? []) {
    if (s.file) map.set(s.file, { doc_id: s.doc_id, city: s.city, city_slug: s.city_slug, department: s.department, fiscal_year: s.fiscal_year, doc_kind: s.doc_kind });
  }
  return map;
}

export async function run(raw: string, out: string, log: (s: string) => void): Promise<void> {
  const t0 = performance.now();
  if (!existsSync(raw)) throw new InputError(raw, null, null, 'no such folder');
  const files = readdirSync(raw).filter((f) => f.endsWith('.txt')).sort();
  if (files.length === 0) throw new InputError(raw, null, null, 'no .txt disclosures in this folder');
  const manifest = manifestOf(raw);
  const reads: ReadResult[] = [];
  const seen = new Map<string, string>();
  for (const f of files) {
    const path = join(raw, f);
    const r = readDocument(path, readFileSync(path), manifest.get(f) ?? {});
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
