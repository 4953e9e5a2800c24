// Runs the pipeline (scripts/data.ts `run`) in this process and prints, as one JSON line on stdout,
// how long it took and this process's peak memory (maxRSS: the child's own high-water mark).
//   node bench/pipeline-child.ts RAW OUT
import { run } from '../scripts/data.ts';

const [raw, out] = process.argv.slice(2);
if (!raw || !out) {
  process.stderr.write('usage: node bench/pipeline-child.ts RAW OUT\n');
  process.exit(2);
}
let checks = '';
const t0 = performance.now();
await run(raw, out, (s) => {
  if (s.startsWith('checks:')) checks = s.slice('checks:'.length).trim();
});
const ms = performance.now() - t0;
const usage = process.resourceUsage();
process.stdout.write(`${JSON.stringify({ ms, maxRssKB: usage.maxRSS, userMs: usage.userCPUTime / 1000, systemMs: usage.systemCPUTime / 1000, checks })}\n`);
