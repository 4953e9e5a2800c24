// Silent damage, measured (issue 12 §5; by hand, not part of `npm test` or `npm run bench`):
//   node bench/silent.ts [--n 150] [--seed 1] [--doc zhengzhou-2024] [--misses]
// For each text disclosure in data/raw, n published amounts (万元 cells with a source line) are
// picked at random; in each, one digit of the figure as printed on its line is changed, and the
// damaged text is read as the pipeline reads it. A change is *flagged* when the file is refused,
// or a check that was ok is no longer ok, or a check that did not exist fails. A change that does
// not alter any published value (the figure is printed twice on the line, or read from elsewhere)
// is not counted. Prints, per document and per table, how many changes the checks catch.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { loadavg } from 'node:os';
import { manifestOf } from '../scripts/data.ts';
import { readOne } from '../scripts/pipeline/pool.ts';
import { dictionary } from '../scripts/pipeline/dictionary.ts';
import { rng } from '../tests/reflow.ts';
import type { OutRow } from '../scripts/pipeline/types.ts';

const RAW = fileURLToPath(new URL('../data/raw', import.meta.url));
const { values } = parseArgs({ options: { n: { type: 'string', default: '150' }, seed: { type: 'string', default: '1' }, doc: { type: 'string' }, misses: { type: 'boolean', default: false } } });
const N = Number(values.n);
const manifest = manifestOf(RAW);
// Amount columns of every published table, and the tables whose rows are not the document's own reading.
// A figure column without a unit of its own (facts.value, an indicator's target) is an amount on the rows whose unit is 万元.
const amountCols = new Map(dictionary().map((s) => [s.name, s.columns.filter((c) => c.type === 'DOUBLE' && (c.unit === '万元' || !c.unit)).map((c) => ({ name: c.name, perRow: !c.unit }))]));
for (const derived of ['checks', 'findings', 'printed_totals', 'units', 'table_presence', 'documents']) amountCols.delete(derived);

type Tables = Record<string, OutRow[]>;
async function read(file: string, bytes: Uint8Array): Promise<Tables | null> {
  const o = await readOne(join(RAW, file), bytes, manifest.get(file) ?? {});
  return 'read' in o ? o.read.tables : null;
}
const notOk = (t: Tables) => new Map((t.checks ?? []).map((c) => [String(c.check_id), String(c.status)]));
const numberTokens = (line: string) => [...line.matchAll(/\d[\d,]*(?:\.\d+)?/g)];

interface Cell { table: string; column: string; line: number; value: number }
function cellsOf(t: Tables): Cell[] {
  const out: Cell[] = [];
  for (const [table, cols] of amountCols) {
    for (const r of t[table] ?? []) {
      if (typeof r.source_line !== 'number' || r.source_line_end != null && r.source_line_end !== r.source_line) continue;
      for (const c of cols) {
        if (c.perRow && r.unit !== '万元' && r.target_unit !== '万元') continue;
        if (typeof r[c.name] === 'number' && r[c.name] !== 0) out.push({ table, column: c.name, line: r.source_line, value: r[c.name] as number });
      }
    }
  }
  return out;
}
const valuesAt = (t: Tables, c: Cell) => (t[c.table] ?? []).filter((r) => r.source_line === c.line).map((r) => r[c.column]).join('|');

const files = Object.keys(Object.fromEntries(manifest)).filter((f) => f.endsWith('.txt') && (!values.doc || f.includes(values.doc)));
const rnd = rng(Number(values.seed));
const totals = { tried: 0, flagged: 0, mismatch: 0 };
const byTable = new Map<string, { tried: number; flagged: number }>();
const misses: string[] = [];
console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
for (const file of files) {
  const bytes = readFileSync(join(RAW, file));
  const lines = bytes.toString('utf8').split('\n');
  const base = await read(file, bytes);
  if (!base) throw new Error(`${file}: the original is refused`);
  const before = notOk(base);
  const cells = cellsOf(base);
  const tables = [...new Set(cells.map((c) => c.table))];
  let tried = 0; let flagged = 0; let attempts = 0;
  while (tried < N && attempts++ < N * 10) {
    // A table first, then one of its cells: every table is tried, not mostly the longest.
    const table = tables[Math.floor(rnd() * tables.length)]!;
    const ofTable = cells.filter((c) => c.table === table);
    const cell = ofTable[Math.floor(rnd() * ofTable.length)]!;
    const line = lines[cell.line - 1]!;
    const tokens = numberTokens(line).filter((m) => Math.abs(Number(m[0].replace(/,/g, '')) - cell.value) < 1e-9);
    if (!tokens.length) continue; // not printed on its line as published (a converted or joined figure)
    // Printed twice on its line (a total equal to its one part): either copy may be the damaged one.
    const tok = tokens[Math.floor(rnd() * tokens.length)]!;
    const digits = [...tok[0]].map((ch, k) => (/\d/.test(ch) ? k : -1)).filter((k) => k >= 0 && !(k === 0 && tok[0].length > 1 && /[\d]/.test(tok[0][1] ?? '')));
    if (!digits.length) continue;
    const at = tok.index! + digits[Math.floor(rnd() * digits.length)]!;
    const old = line[at]!;
    const neu = String((Number(old) + 1 + Math.floor(rnd() * 9)) % 10);
    const damaged = [...lines]; damaged[cell.line - 1] = line.slice(0, at) + neu + line.slice(at + 1);
    const after = await read(file, new TextEncoder().encode(damaged.join('\n')));
    if (after && valuesAt(after, cell) === valuesAt(base, cell)) continue; // no published value changed
    tried++;
    const t = byTable.get(cell.table) ?? byTable.set(cell.table, { tried: 0, flagged: 0 }).get(cell.table)!;
    t.tried++;
    let caught = after === null;
    let mism = after === null;
    if (after) {
      for (const [id, status] of notOk(after)) {
        if (status !== 'ok' && before.get(id) !== status) { caught = true; if (status === 'mismatch') mism = true; }
      }
    }
    if (caught) { flagged++; t.flagged++; totals.flagged++; if (mism) totals.mismatch++; }
    else misses.push(`${file}:${cell.line} ${cell.table}.${cell.column} ${cell.value} (digit ${old}→${neu}): ${line.trim().slice(0, 80)}`);
  }
  totals.tried += tried;
  console.log(`${file}: ${flagged} of ${tried} changed amounts flagged (${(100 * flagged / Math.max(1, tried)).toFixed(1)}%)`);
}
console.log(`\nall: ${totals.flagged} of ${totals.tried} flagged (${(100 * totals.flagged / Math.max(1, totals.tried)).toFixed(1)}%), ${totals.mismatch} as a mismatch`);
console.log('\nby table (tried, flagged):');
for (const [t, v] of [...byTable].sort((a, b) => b[1].tried - a[1].tried)) console.log(`  ${t}: ${v.flagged}/${v.tried} (${(100 * v.flagged / v.tried).toFixed(0)}%)`);
if (values.misses) { console.log('\nmissed:'); for (const m of misses) console.log(`  ${m}`); }
console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
