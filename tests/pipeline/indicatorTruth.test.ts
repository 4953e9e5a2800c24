// 洛阳 2024's 项目绩效目标汇总表 read by the pipeline (readDocument, in process), measured against a
// truth set keyed by hand off the raw text (fixtures/luoyang-indicators.truth.tsv; how it was keyed
// is in its header). What a reader of the published rows relies on:
// - precision of `certain`: of the published rows marked certain that lie on keyed lines, how many
//   say what the text says (category, indicator and target);
// - no row inside a passage the conversion damaged is marked certain;
// - recall: of the keyed indicators, how many are published right — the reading, for a row a person
//   can read; for a passage even a person cannot read, a row that is not certain and shows the
//   printed pieces, so the page can show them as printed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ROOT } from '../helpers.ts';
import { readDocument } from '../../scripts/pipeline/read.ts';
import type { OutRow } from '../../scripts/pipeline/types.ts';

const FIXTURE = new URL('./fixtures/luoyang-indicators.truth.tsv', import.meta.url);

interface Truth {
  /** Line of the fixture, for messages. */
  at: number;
  code: string; level1: string; level3: string; target: string;
  /** Every source line of the indicator and its target. */
  lines: number[];
  garbled: boolean; damage: string;
}

function truthSet(): Truth[] {
  const out: Truth[] = [];
  const text = readFileSync(FIXTURE, 'utf8').split('\n');
  let header: string[] | null = null;
  text.forEach((l, i) => {
    if (l.startsWith('#') || l.trim() === '') return;
    const f = l.split('\t');
    if (!header) { header = f; return; }
    const v = Object.fromEntries(header.map((h, k) => [h, f[k] ?? '']));
    const lines = v.lines!.split(',').flatMap((r) => {
      const [a, b] = r.split('-').map(Number);
      return Array.from({ length: (b ?? a!) - a! + 1 }, (_, k) => a! + k);
    });
    out.push({ at: i + 1, code: v.project_code!, level1: v.level1!, level3: v.level3!, target: v.target!, lines, garbled: v.garbled === 'true', damage: v.damage! });
  });
  return out;
}

const slim = (s: unknown) => String(s ?? '').replace(/\s+/g, '');
/** A row's printed pieces run together, as a person reads them off the page. */
const printed = (r: OutRow) => slim(r.raw_cells).replace(/\|/g, '');
const span = (r: OutRow): [number, number] => [r.source_line as number, (r.source_line_end as number | null) ?? (r.source_line as number)];
const covers = (r: OutRow, n: number) => span(r)[0] <= n && n <= span(r)[1];
/** A person can read the whole row (no `?`, not a passage even a person cannot read). */
const readable = (t: Truth) => t.damage !== 'garbled' && ![t.level1, t.level3, t.target].includes('?');
const sameReading = (r: OutRow, t: Truth) => r.category_zh === t.level1 && slim(r.indicator) === slim(t.level3) && slim(r.target_text) === slim(t.target);
const show = (r: OutRow) => `:${r.source_line}${r.source_line_end ? `–${r.source_line_end}` : ''} ${r.category_zh} ${r.indicator} | ${r.target_text} (${r.pairing})`;

const truth = truthSet();
const doc = 'luoyang-2024-budget';
const rows = readDocument(`${doc}.txt`, readFileSync(`${ROOT}data/raw/${doc}.txt`)).tables.project_indicators!;

function publishedRight(t: Truth): boolean {
  const ofProject = rows.filter((r) => r.project_code === t.code);
  if (readable(t)) return ofProject.some((r) => r.source_line === t.lines[0] && sameReading(r, t));
  // Not readable: the rows over its lines are none of them certain, and show what a person can see.
  const over = ofProject.filter((r) => t.lines.some((n) => covers(r, n)));
  if (over.length === 0 || over.some((r) => r.pairing === 'certain')) return false;
  const pieces = over.map(printed).join('');
  return [t.level3, t.target].filter((x) => x !== '?').every((x) => pieces.includes(slim(x)));
}

test('truth set: at least 150 indicators keyed by hand, every category, across the table, with its damaged passages', () => {
  assert.ok(truth.length >= 150, `${truth.length} keyed`);
  for (const c of ['成本指标', '产出指标', '效益指标', '满意度指标']) assert.ok(truth.filter((t) => t.level1 === c).length >= 10, c);
  const first = Math.min(...truth.flatMap((t) => t.lines)); const last = Math.max(...truth.flatMap((t) => t.lines));
  assert.ok(first < 5100 && last > 11300, 'from the first project (:5057) to the last (:11283)');
  for (const n of [5345, 5369, 6954, 6980, 7508, 7590, 7611, 7762, 9978, 11031]) {
    assert.ok(truth.some((t) => t.garbled && t.lines.some((x) => Math.abs(x - n) <= 10)), `a damaged passage keyed near :${n}`);
  }
  assert.ok(truth.filter((t) => t.garbled).length >= 25);
  // every keyed project is a project the table prints
  const codes = new Set(rows.map((r) => r.project_code));
  for (const t of truth) assert.ok(codes.has(t.code), `fixture line ${t.at}: project ${t.code}`);
});

test('洛阳 project indicators against the truth set: certain rows right, none certain in a damaged passage, recall', (t) => {
  const keyed = new Map<string, Truth[]>();
  for (const x of truth) (keyed.get(x.code) ?? keyed.set(x.code, []).get(x.code)!).push(x);
  // Certain rows on keyed lines.
  const certain = rows.filter((r) => r.pairing === 'certain' && (keyed.get(r.project_code as string) ?? []).some((x) => x.lines.some((n) => covers(r, n))));
  const wrongCertain = certain.filter((r) => {
    const near = keyed.get(r.project_code as string)!.filter((x) => x.lines.some((n) => covers(r, n)));
    return near.some((x) => x.garbled && !readable(x)) || !near.some((x) => readable(x) && x.lines[0] === r.source_line && sameReading(r, x));
  });
  const inDamaged = rows.filter((r) => r.pairing === 'certain' && truth.some((x) => x.garbled && x.code === r.project_code && x.lines.some((n) => covers(r, n))));
  const right = truth.filter(publishedRight);
  const missed = truth.filter((x) => !publishedRight(x));
  const pct = (a: number, b: number) => `${(100 * a / b).toFixed(1)}%`;
  const precision = (certain.length - wrongCertain.length) / certain.length;
  const recall = right.length / truth.length;
  t.diagnostic(`truth set: ${truth.length} indicators keyed (${truth.filter((x) => x.garbled).length} in damaged passages)`);
  t.diagnostic(`precision of certain: ${certain.length - wrongCertain.length}/${certain.length} = ${pct(certain.length - wrongCertain.length, certain.length)}`);
  t.diagnostic(`certain rows inside damaged passages: ${inDamaged.length}`);
  t.diagnostic(`recall: ${right.length}/${truth.length} = ${pct(right.length, truth.length)}`);
  for (const d of ['', 'page-cut', 'garbled']) {
    const of = truth.filter((x) => x.damage === d);
    t.diagnostic(`  ${d || 'clean'}: ${of.filter(publishedRight).length}/${of.length}`);
  }
  for (const r of wrongCertain) t.diagnostic(`certain but wrong: ${show(r)}`);
  for (const x of missed) {
    const got = rows.filter((r) => r.project_code === x.code && x.lines.some((n) => covers(r, n)));
    t.diagnostic(`missed (fixture line ${x.at}) :${x.lines[0]} ${x.level1} ${x.level3} | ${x.target} — published: ${got.map(show).join('; ') || 'nothing'}`);
  }
  assert.deepEqual(inDamaged.map(show), [], 'no certain row inside a damaged passage');
  assert.ok(precision >= 0.995, `precision of certain ${pct(certain.length - wrongCertain.length, certain.length)}`);
  assert.ok(recall >= 0.95, `recall ${pct(right.length, truth.length)}`);
});
