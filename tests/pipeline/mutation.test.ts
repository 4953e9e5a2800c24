// Damaged copies of the ten vendored disclosures (tests/pipeline/mutate.ts: lines lost, doubled,
// swapped or shuffled, titles gone, stray bytes, a 1 MB line, digits changed, full-width digits,
// tabs and spaces swapped, the document pasted into itself, a file cut inside a character, PDFs
// cut short or with bytes flipped) read by the pipeline's reading stage, in-process. Each must be
// read, or refused with the pipeline's own InputError (a sentence naming file, line and table):
// never a TypeError or a stack overflow, never a read without end, never output out of all
// proportion to its input (issue 12 §5). The seed is fixed, so a failure names a mutation that can
// be made again (tests/pipeline/mutate.ts `mutate(original, seed, i)`); bench/mutate.ts runs thousands.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ROOT } from '../helpers.ts';
import { mutate, originals, readMutant, type Result } from './mutate.ts';

const SEED = Number(process.env.MUTATION_SEED ?? 20261202);
/**
 * Mutations per document, fewer where one read costs more (洛阳's reflowed layout ~300 ms of CPU,
 * a PDF 300–2,000 ms, 郑州 ~10 ms): some 410 in all, about 15 s of CPU time. bench/mutate.ts runs
 * thousands, by hand.
 */
const PER_DOC: Record<string, number> = {
  'zhengzhou-2024-budget.txt': 120, 'zhumadian-2023-budget.txt': 120, 'zhengzhou-2020-performance.txt': 120,
  'jiaozuo-2024-budget.txt': 30, 'luoyang-2024-budget.txt': 12,
  'jiangsu-2019-gjrmfy-budget.pdf': 1, 'shanghai-putuo-2024-czj-final.pdf': 1, 'shanghai-putuo-2024-rmzfwljdbsc-budget.pdf': 2,
  'shanghai-putuo-2025-swwyh-budget-unit.pdf': 2, 'shanghai-putuo-2025-swwyh-budget.pdf': 2,
};
/**
 * A hang guard, not a timing assertion: a read that spends more CPU time than this has gone wrong
 * (a 1 MB line once took 14–64 s). CPU time, not wall time, so that a busy machine does not trip
 * it; generous, as 洛阳 pasted into itself ten times takes about 2 s.
 */
const HANG_CPU_MS = 10_000;

test('damaged disclosures are read or refused with an InputError: no crash, no hang, no runaway output', { timeout: 600_000 }, async (t) => {
  const docs = originals(join(ROOT, 'data/raw'));
  assert.equal(docs.filter((d) => d.file.endsWith('.txt')).length, 5);
  assert.equal(docs.filter((d) => d.file.endsWith('.pdf')).length, 5);
  const counts = { mutations: 0, read: 0, refused: 0 };
  const failures: string[] = [];
  const cpu = new Map<string, number>();
  for (const doc of docs) {
    // Output per input byte of a text as vendored: a mutant may not publish more than four times
    // that (a line stretched to 256 kB once gave 953 MB). A PDF's output is bounded by its pages.
    const pdf = doc.file.endsWith('.pdf');
    const base = pdf ? null : await readMutant({ file: doc.file, kind: 'original', detail: '', bytes: doc.bytes });
    assert.ok(!base || base.outcome === 'read', `${doc.file} as vendored: ${base?.message}`);
    const perByte = base ? base.outputChars / doc.bytes.length : Infinity;
    const n = PER_DOC[doc.file];
    assert.ok(n !== undefined, `${doc.file}: how many mutations? (PER_DOC)`);
    for (let i = 0; i < n; i++) {
      const m = mutate(doc, SEED, i);
      const r: Result = await readMutant(m);
      counts.mutations++;
      const what = `${doc.file} seed ${SEED} i ${i} [${m.kind}: ${m.detail}]`;
      if (r.outcome === 'crash') failures.push(`${what}: crashed: ${r.message}`);
      else counts[r.outcome]++;
      if (r.cpuMs > HANG_CPU_MS) failures.push(`${what}: read for ${Math.round(r.cpuMs)} ms of CPU time`);
      cpu.set(doc.file, (cpu.get(doc.file) ?? 0) + r.cpuMs);
      if (r.outputChars > 4 * perByte * m.bytes.length + 100_000) failures.push(`${what}: ${m.bytes.length} bytes in, ${r.outputChars} characters out`);
      // A refusal is a sentence that names the file (and, where it can, the line and the table).
      if (r.outcome === 'refused') assert.ok(r.message.startsWith(`${doc.file}`), `${what}: ${r.message}`);
    }
  }
  for (const [file, ms] of cpu) t.diagnostic(`${file}: ${PER_DOC[file]} mutations, ${(ms / 1000).toFixed(1)} s of CPU time`);
  t.diagnostic(`seed ${SEED}: ${counts.mutations} mutations, ${counts.read} read, ${counts.refused} refused with InputError, ${failures.length} failures`);
  assert.deepEqual(failures, []);
  // Both outcomes occur: the mutations reach the readers, and the readers refuse what they cannot read.
  assert.ok(counts.read > 0 && counts.refused > 0, JSON.stringify(counts));
});
