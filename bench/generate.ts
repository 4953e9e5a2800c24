// A synthetic corpus for benchmarks: N disclosures made from the vendored ones (data/raw), each
// rewritten as another Henan city's department for another fiscal year, with its amounts scaled.
//
//   node bench/generate.ts --n 100 --out /tmp/corpus      (writes <doc_id>.txt files, no manifest)
//
// What a generated document changes, and what it keeps:
// - city: every occurrence of the source city's name (郑州, 洛阳, …) becomes the target city's;
// - fiscal year: every 4-digit year printed before 年 (2024 年, (2020 年度), 2023 年预算相比) moves by the
//   same number of years, so the fiscal year becomes the target one and the previous year stays the
//   previous year; years inside codes or names not followed by 年 are left alone;
// - amounts: every printed amount is multiplied by the same integer factor (2–9), keeping its printed
//   decimals and thousands separators (added past 1,000 where the tables print them): table cells
//   with decimals (`81,916.0`, `1598.20`) and figures followed by 万元 in the narrative
//   (`84669.1 万元`, `81916 万元`, also across a line wrap), but not thresholds (`50 万元以上`). Codes,
//   years, percentages, counts and the line structure are untouched, so every total that added up
//   still adds up (a sum of parts times F is the total times F), and every source line number is kept;
// - layout: every other 郑州 and 焦作 budget is reflowed (tests/reflow.ts) before the rewrite, so the
//   corpus holds both layouts (luoyang-2024-budget is reflowed already): about 40% reflowed.
// Deterministic: the same n gives the same files, and the first k documents of generate(n) are
// generate(k). A rounding difference (a total printed 0.1 off the sum of its rounded parts) is
// scaled too, so it can grow beyond the rounding tolerance: see bench/README.md.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { citiesOf, departmentSlugOf } from '../scripts/pipeline/places.ts';
import { reflow, rng } from '../tests/reflow.ts';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const RAW = join(ROOT, 'data', 'raw');

/**
 * The vendored documents in the order the generator cycles through them (4 budgets, 1 performance
 * form). `reflowable`: reflowed by tests/reflow.ts before the rewrite, alternately. The 驻马店 budget
 * reads reflowed too (tests/pipeline/reflowed.test.ts) but stays in the tab layout, so the corpus
 * keeps the mix its figures were first measured with (about 40% reflowed); the performance form,
 * reflowed, loses its 部门名称 row and is refused.
 */
export const SOURCES = [
  { file: 'zhengzhou-2024-budget.txt', city: '郑州', year: 2024, kind: 'budget', layout: 'tab', reflowable: true },
  { file: 'zhumadian-2023-budget.txt', city: '驻马店', year: 2023, kind: 'budget', layout: 'tab', reflowable: false },
  { file: 'jiaozuo-2024-budget.txt', city: '焦作', year: 2024, kind: 'budget', layout: 'tab', reflowable: true },
  { file: 'luoyang-2024-budget.txt', city: '洛阳', year: 2024, kind: 'budget', layout: 'reflowed', reflowable: false },
  { file: 'zhengzhou-2020-performance.txt', city: '郑州', year: 2020, kind: 'performance', layout: 'tab', reflowable: false },
] as const;

export type Source = (typeof SOURCES)[number];

/** Fiscal years a generated document may get (a 2090 budget still compares itself with 2089). */
export const FIRST_YEAR = 2001;
export const LAST_YEAR = 2090;

// [name, slug] of Henan's prefecture cities, in GB/T 2260 order; the sources are all 人力资源和社会保障局.
const CITIES = citiesOf('河南').map((c) => [c.city!, c.slug] as const);
const DEPARTMENT = departmentSlugOf('人力资源和社会保障局');

export interface Plan {
  index: number;
  source: Source;
  city: string;
  citySlug: string;
  fiscalYear: number;
  kind: 'budget' | 'performance';
  docId: string;
  /** Every amount is multiplied by this. */
  factor: number;
  /** Reflowed by tests/reflow.ts before the rewrite (reflowable sources only). */
  reflowed: boolean;
  reflowSeed: number;
  /** The layout of the generated text. */
  layout: 'tab' | 'reflowed';
}

export interface GeneratedDoc extends Plan {
  file: string;
  text: string;
}

/** doc_ids of the vendored documents: never generated again, so a corpus can be mixed with them. */
const ORIGINAL_IDS = new Set(['zhengzhou-2024', 'zhumadian-2023', 'jiaozuo-2024', 'luoyang-2024', 'zhengzhou-2020'].map((p, i) => `${p}-${DEPARTMENT}-${i === 4 ? 'performance' : 'budget'}`));

/**
 * The plan of the first n documents: document i comes from SOURCES[i % 5]; per kind, documents take
 * (city, year) slots in order — every city for 2001, then every city for 2002, … — skipping the
 * vendored documents' ids, so every doc_id is unique. Capacity: 18 cities × 90 years per kind.
 */
export function plan(n: number): Plan[] {
  const next: Record<string, number> = { budget: 0, performance: 0 };
  const out: Plan[] = [];
  for (let i = 0; i < n; i++) {
    const source = SOURCES[i % SOURCES.length]!;
    const kind = source.kind;
    let city: string, citySlug: string, fiscalYear: number, docId: string;
    do {
      const slot = next[kind]!++;
      fiscalYear = FIRST_YEAR + Math.floor(slot / CITIES.length);
      if (fiscalYear > LAST_YEAR) throw new Error(`generate: more than ${CITIES.length * (LAST_YEAR - FIRST_YEAR + 1)} ${kind} documents are not possible`);
      [city, citySlug] = CITIES[slot % CITIES.length]!;
      docId = `${citySlug}-${fiscalYear}-${DEPARTMENT}-${kind}`;
    } while (ORIGINAL_IDS.has(docId));
    const cycle = Math.floor(i / SOURCES.length);
    // Every other reflowable document (郑州 and 焦作 budgets, alternately), so about 40% of the corpus is reflowed.
    const reflowed = source.reflowable && cycle % 2 === (i % SOURCES.length === 0 ? 1 : 0);
    out.push({
      index: i, source, city, citySlug, fiscalYear, kind, docId,
      // The first draw of mulberry32 seeded with the document's number.
      factor: 2 + Math.floor(rng(i * 7919 + 17)() * 8),
      reflowed, reflowSeed: i + 1,
      layout: reflowed || source.layout === 'reflowed' ? 'reflowed' : 'tab',
    });
  }
  return out;
}

/**
 * A printed amount times `factor`, printed the same way: same decimals; thousands separators if it
 * had them, or if `separators` (the document prints its table amounts with them: 903.7 × 2 → 1,807.4).
 */
export function scaleAmount(printed: string, factor: number, separators = false): string {
  const neg = printed.startsWith('-');
  const body = neg ? printed.slice(1) : printed;
  const [int, dec = ''] = body.split('.');
  const units = BigInt(int!.replace(/,/g, '') + dec) * BigInt(factor); // exact, in units of the last printed digit
  const s = units.toString().padStart(dec.length + 1, '0');
  let intPart = dec.length ? s.slice(0, -dec.length) : s;
  if (separators || int!.includes(',')) intPart = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (neg ? '-' : '') + (dec.length ? `${intPart}.${s.slice(-dec.length)}` : intPart);
}

// One pass over the whole text (so `81916\n\n万元` across a wrap is seen), three kinds of token:
// 1. a year before 年: `2024 年`, `(2020 年度)`;
// 2. an amount before 万元, with or without decimals: `84669.1 万元`, `总计53056.22万元`, `≤80万元`, `855.92万`
//    wrapped before `元` — but not a threshold (`单位价值 50 万元以上通用设备`: the facts read those);
// 3. a cell or word with decimals standing alone between tabs/spaces/line ends: `1,598.20`, `46.48`.
// Percentages (`1.6%`), codes (`208 01 01`, `410100240000000058002`) and counts are none of these.
const TOKENS = new RegExp([
  String.raw`(?<year>(?<![\d.,])(?:19|20)\d{2}(?![\d.,])(?=\s*年))`,
  String.raw`(?<wan>(?<![\d.,])-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?=\s*万\s*元)(?!\s*万\s*元\s*以\s*[上下]))`,
  String.raw`(?<cell>(?<=^|[ \t\u3000])-?(?:\d{1,3}(?:,\d{3})+|\d+)\.\d+(?=$|[ \t\u3000]))`,
].join('|'), 'gm');

export interface Rewrite {
  fromCity: string;
  toCity: string;
  yearDelta: number;
  factor: number;
}

/** Rewrite one document's text (see the header). Line structure is kept: the result has the same line count. */
export function rewrite(text: string, r: Rewrite): string {
  const separators = /(^|[ \t])\d{1,3}(,\d{3})+\.\d+(?=$|[ \t])/m.test(text);
  const out = text.replace(TOKENS, (m, year: string | undefined, wan: string | undefined) => {
    if (year !== undefined) return String(Number(year) + r.yearDelta);
    if (wan !== undefined) return scaleAmount(m, r.factor);
    return scaleAmount(m, r.factor, separators);
  });
  return r.fromCity === r.toCity ? out : out.split(r.fromCity).join(r.toCity);
}

const sourceText = new Map<string, string>();
function readSource(file: string): string {
  let t = sourceText.get(file);
  if (t === undefined) {
    t = readFileSync(join(RAW, file), 'utf8').replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
    sourceText.set(file, t);
  }
  return t;
}

/** The source text as the generated document starts from it: reflowed when the plan says so. */
export function baseText(p: Plan): string {
  const text = readSource(p.source.file);
  if (!p.reflowed) return text;
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return `${reflow(lines, { seed: p.reflowSeed }).join('\n')}\n`;
}

export function generateOne(p: Plan): GeneratedDoc {
  const text = rewrite(baseText(p), { fromCity: p.source.city, toCity: p.city, yearDelta: p.fiscalYear - p.source.year, factor: p.factor });
  return { ...p, file: `${p.docId}.txt`, text };
}

export function generate(n: number): GeneratedDoc[] {
  return plan(n).map(generateOne);
}

/** Write the first n documents into `dir` (created if missing; must hold no other .txt). */
export function writeCorpus(dir: string, n: number): Plan[] {
  mkdirSync(dir, { recursive: true });
  const stale = readdirSync(dir).filter((f) => f.endsWith('.txt'));
  if (stale.length) throw new Error(`generate: ${dir} already holds ${stale.length} .txt files`);
  const plans = plan(n);
  for (const p of plans) {
    const d = generateOne(p);
    writeFileSync(join(dir, d.file), d.text);
  }
  return plans;
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { n: { type: 'string', default: '10' }, out: { type: 'string' } } });
  if (!values.out) {
    process.stderr.write('usage: node bench/generate.ts --n 100 --out DIR\n');
    process.exit(2);
  }
  const plans = writeCorpus(values.out, Number(values.n));
  const reflowed = plans.filter((p) => p.layout === 'reflowed').length;
  process.stderr.write(`wrote ${plans.length} documents (${reflowed} reflowed) to ${values.out}\n`);
}
