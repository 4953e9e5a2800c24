// The benchmark corpus generator (bench/generate.ts): generated documents are read by the pipeline
// as the documents they claim to be, and their totals add up as the originals' do.
// Runs the real pipeline (`run` from scripts/data.ts) on five generated documents — one from each
// vendored document, the third a 焦作 budget reflowed by tests/reflow.ts — and on the texts they
// were made from, and compares the checks. Asserts nothing about timings.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import Papa from 'papaparse';
import { run } from '../scripts/data.ts';
import { baseText, generate, generateOne, plan, rewrite, scaleAmount, SOURCES, type GeneratedDoc, type Plan } from '../bench/generate.ts';

type Row = Record<string, string>;

function readCsv(path: string): Row[] {
  const parsed = Papa.parse<Row>(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
  assert.deepEqual(parsed.errors, [], path);
  return parsed.data;
}

const N = SOURCES.length;
const docs: GeneratedDoc[] = generate(N);
/** doc_id the pipeline gives the text a generated document was made from (reflowed when it was). */
/** The published id of the vendored text a plan was made from (zhengzhou-2024-budget.txt → zhengzhou-2024-rlzyhshbzj-budget). */
const refId = (p: Plan) => p.source.file.replace(/-(budget|performance)\.txt$/, '-rlzyhshbzj-$1');
/** A check id without its `<doc_id>:` prefix, so a generated document's checks pair with its original's. */
const local = (id: string) => id.slice(id.indexOf(':') + 1);
/** Source lines of a `source_lines` value (`257-260,290`). */
const lineSet = (s: string) => new Set(s.split(',').filter(Boolean).flatMap((r) => {
  const [a, b = a] = r.split('-').map(Number);
  return Array.from({ length: b! - a! + 1 }, (_, i) => a! + i);
}));

let dir: string;
const gen: Record<string, Row[]> = {};
const ref: Record<string, Row[]> = {};

describe('bench/generate.ts', () => {
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bench-generate-'));
    mkdirSync(join(dir, 'gen'));
    mkdirSync(join(dir, 'ref'));
    for (const d of docs) {
      writeFileSync(join(dir, 'gen', d.file), d.text);
      writeFileSync(join(dir, 'ref', d.source.file), baseText(d));
    }
    const quiet = () => {};
    await run(join(dir, 'gen'), join(dir, 'gen-out'), quiet);
    await run(join(dir, 'ref'), join(dir, 'ref-out'), quiet);
    for (const [out, into] of [['gen-out', gen], ['ref-out', ref]] as const) {
      for (const table of ['documents', 'checks', 'projects', 'expenditure_by_function', 'budget_summary', 'dept_indicators']) {
        into[table] = readCsv(join(dir, out, 'data', `${table}.csv`));
      }
    }
  });

  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('deterministic, prefix-stable, unique doc_ids across 1,000 plans', () => {
    assert.deepEqual(generate(2).map((d) => d.text), docs.slice(0, 2).map((d) => d.text));
    const many = plan(1000);
    assert.deepEqual(many.slice(0, N).map((p) => p.docId), docs.map((d) => d.docId));
    assert.equal(new Set(many.map((p) => p.docId)).size, 1000, 'unique doc_ids');
    for (const p of many) assert.match(p.docId, /^[a-z]+-\d{4}-rlzyhshbzj-(budget|performance)$/);
    assert.ok(many.some((p) => p.reflowed) && many.some((p) => p.layout === 'tab'), 'both layouts');
    assert.ok(many.every((p) => p.factor >= 2 && p.factor <= 9 && Number.isInteger(p.factor)));
  });

  test('amounts: scaled exactly, decimals and separators kept; codes, years and percentages untouched', () => {
    assert.equal(scaleAmount('81,916.0', 3), '245,748.0');
    assert.equal(scaleAmount('903.7', 2, true), '1,807.4');
    assert.equal(scaleAmount('0.05', 7), '0.35');
    assert.equal(scaleAmount('0', 9), '0');
    const line = '208\t01\t01\t行政运行\t1,598.20\t1,598.20\t\t';
    assert.equal(rewrite(line, { fromCity: '郑州', toCity: '开封', yearDelta: 0, factor: 2 }), '208\t01\t01\t行政运行\t3,196.40\t3,196.40\t\t');
    const prose = '郑州市 2024 年收入总计 84669.1 万元，增长 1.6%，其中一般公共预算 81916\n\n万元；单位价值 50 万元以上通用设备 81 台（套）；410100240000000058002';
    assert.equal(rewrite(prose, { fromCity: '郑州', toCity: '开封', yearDelta: -3, factor: 2 }),
      '开封市 2021 年收入总计 169338.2 万元，增长 1.6%，其中一般公共预算 163832\n\n万元；单位价值 50 万元以上通用设备 81 台（套）；410100240000000058002');
    for (const d of docs) {
      assert.equal(d.text.split('\n').length, baseText(d).split('\n').length, `${d.docId}: same line count`);
    }
  });

  test('every generated document is read as the document it claims to be', () => {
    const byId = new Map(gen['documents']!.map((r) => [r['doc_id'], r]));
    assert.equal(byId.size, N);
    for (const d of docs) {
      const row = byId.get(d.docId);
      assert.ok(row, `${d.docId} published`);
      assert.equal(row['city'], d.city);
      assert.equal(row['city_slug'], d.citySlug);
      assert.equal(Number(row['fiscal_year']), d.fiscalYear);
      assert.equal(row['doc_kind'], d.kind);
      assert.equal(row['layout'], d.layout, `${d.docId} layout`);
    }
  });

  test('a reflowed generated document is read: its tables have rows', () => {
    const reflowed = docs.filter((d) => d.reflowed);
    assert.ok(reflowed.length >= 1, 'a tab-layout budget reflowed by tests/reflow.ts');
    for (const d of [...reflowed, ...docs.filter((x) => x.source.layout === 'reflowed')]) {
      for (const table of ['projects', 'expenditure_by_function', 'budget_summary']) {
        const rows = gen[table]!.filter((r) => r['doc_id'] === d.docId).length;
        const orig = ref[table]!.filter((r) => r['doc_id'] === refId(d)).length;
        assert.ok(rows > 0, `${d.docId} (${d.source.file}, reflowed): ${table} has rows`);
        assert.equal(rows, orig, `${d.docId}: ${table} rows as in the text it was made from`);
      }
    }
  });

  test('totals stay consistent: every check as in the original, its figures times the factor', () => {
    for (const d of docs) {
      const g = new Map(gen['checks']!.filter((c) => c['doc_id'] === d.docId).map((c) => [local(c['check_id']!), c]));
      const o = new Map(ref['checks']!.filter((c) => c['doc_id'] === refId(d)).map((c) => [local(c['check_id']!), c]));
      if (d.kind === 'budget') assert.ok(o.size > 100, `${refId(d)}: checks to compare`);
      // Lines where the original is already off (rounding or mismatch).
      const offLines = new Set([...o.values()].filter((c) => c['status'] !== 'ok').flatMap((c) => [...lineSet(c['source_lines']!)]));
      for (const [id, c] of o) {
        const x = g.get(id);
        assert.ok(x, `${d.docId}: check ${id} missing`);
        if (c['status'] === 'ok') assert.equal(x['status'], 'ok', `${d.docId}: ${id} was ok, is ${x['status']} (${x['description']})`);
        if (c['expected'] !== '' && c['actual'] !== '') {
          // Amounts are scaled; counts (个, 项) are not: a generated document has as many projects. Nor
          // are whole numbers in a table cell (the generator cannot tell them from codes and counts):
          // the 2020 form prints its tasks' amounts so (:20 任务1 … 50 | 50).
          const factor = c['unit'] === '万元' && !id.startsWith('part_whole:tasks:') ? d.factor : 1;
          for (const col of ['expected', 'actual', 'difference']) {
            const want = Math.round(Number(c[col]) * factor * 1e6) / 1e6;
            assert.ok(Math.abs(Number(x[col]) - want) < 1e-6, `${d.docId}: ${id} ${col} ${x[col]} ≠ ${factor} × ${c[col]}`);
          }
        }
      }
      // No new mismatch. The one exception: a total the original prints 0.1 off its rounded parts is
      // F × 0.1 off here, beyond the rounding tolerance; in the reflowed layout such a row also
      // cannot be placed by its sums (an `ambiguous:<table>:<line>` check at that line).
      for (const [id, x] of g) {
        if (x['status'] !== 'mismatch') continue;
        const c = o.get(id);
        if (c) {
          assert.notEqual(c['status'], 'ok', `${d.docId}: new mismatch ${id}`);
          continue;
        }
        const m = /^ambiguous:[a-z_]+:(\d+)$/.exec(id);
        assert.ok(m && offLines.has(Number(m[1])), `${d.docId}: new mismatch ${id} (${x['description']})`);
      }
      // Where the original has no rounding difference, the mismatches are exactly the original's.
      if (![...o.values()].some((c) => c['status'] === 'rounding')) {
        const mism = (m: Map<string, Row>) => [...m].filter(([, c]) => c['status'] === 'mismatch').map(([id]) => id).sort();
        assert.deepEqual(mism(g), mism(o), `${d.docId}: mismatches as in ${refId(d)}`);
      }
    }
  });

  test('a generated document can be regenerated alone', () => {
    const p = plan(N)[2]!;
    assert.equal(generateOne(p).text, docs[2]!.text);
  });
});
