// Runs the pipeline (scripts/data.ts `run`) in this process and prints, as one JSON line on stdout,
// how long it took and this process's peak memory (maxRSS: the child's own high-water mark, worker
// threads included).
//   node bench/pipeline-child.ts RAW OUT [--workers N] [--cache DIR]
// Without --cache every file is read (no cache), so a figure is the pipeline's own work, not the
// cache's; --workers defaults to every core, as the CLI.
import { parseArgs } from 'node:util';
import { run } from '../scripts/data.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { workers: { type: 'string' }, cache: { type: 'string' } } });
const [raw, out] = positionals;
if (!raw || !out) {
  process.stderr.write('usage: node bench/pipeline-child.ts RAW OUT [--workers N] [--cache DIR]\n');
  process.exit(2);
}
let checks = '';
const t0 = performance.now();
const summary = await run(raw, out, (s) => {
  if (s.startsWith('checks:')) checks = s.slice('checks:'.length).trim();
}, { cache: values.cache ?? false, workers: values.workers ? Number(values.workers) : undefined });
const ms = performance.now() - t0;
const usage = process.resourceUsage();
process.stdout.write(`${JSON.stringify({ ms, maxRssKB: usage.maxRSS, userMs: usage.userCPUTime / 1000, systemMs: usage.systemCPUTime / 1000, checks, read: summary.read, fromCache: summary.fromCache, phases: summary.phases })}\n`);
