// /topic/three-public/: the 三公 table of every budget, its parts, and the narrative's year-on-year statements.
import { query } from './data.ts';
import type { ThreePublic } from './cityData.ts';
import { once, factsByDoc, presenceOf, type FactRow, type Presence } from './topicData.ts';

export interface ThreePublicRow extends ThreePublic {
  /** The layout left the column of some figure open to more than one reading (see checks). */
  ambiguous: boolean;
}

/** The parts of 三公经费, in the order the table prints them; `fact` is the narrative's key for each. */
export const PARTS = [
  { key: 'overseas_travel', label: '因公出国（境）费', fact: 'three_public_overseas' },
  { key: 'vehicle_purchase', label: '公务用车购置费', fact: 'three_public_vehicle_purchase' },
  { key: 'vehicle_operation', label: '公务用车运行维护费', fact: 'three_public_vehicle_operation' },
  { key: 'reception', label: '公务接待费', fact: 'three_public_reception' },
] as const;

export type PartKey = (typeof PARTS)[number]['key'];

export const TOTAL_FACT = 'three_public_total';
/** Change keys: three_public_change for the total, `<fact>_change` for a part. */
export const changeKey = (fact: string) => (fact === TOTAL_FACT ? 'three_public_change' : `${fact}_change`);
export const changePctKey = (fact: string) => `${changeKey(fact)}_pct`;

export interface ThreePublicDoc {
  doc: Presence;
  row: ThreePublicRow | null;
  facts: Map<string, FactRow>;
}

export const threePublic = once(loadThreePublic);

async function loadThreePublic(): Promise<ThreePublicDoc[]> {
  const docs = await presenceOf('three_public');
  const rows = await query<ThreePublicRow & { doc_id: string }>(`
    SELECT t.doc_id, t.total, t.overseas_travel, t.vehicle_total, t.vehicle_purchase, t.vehicle_operation, t.reception,
           t.source_line::INTEGER AS source_line, t.source_line_end::INTEGER AS source_line_end,
           EXISTS (SELECT 1 FROM checks c WHERE c.doc_id = t.doc_id AND c.table_name = 'three_public'
                   AND c.status = 'mismatch' AND c.expected IS NULL AND c.actual IS NULL) AS ambiguous
    FROM three_public t ORDER BY t.doc_id, t.source_line`);
  const keys = [TOTAL_FACT, 'three_public_vehicle', ...PARTS.map((p) => p.fact)].flatMap((k) => [k, changeKey(k), changePctKey(k)]);
  const facts = await factsByDoc([...keys, 'vehicles_total', 'vehicles_general']);
  return docs
    .filter((d) => d.expected || d.status !== 'missing')
    .map((doc) => ({ doc, row: rows.find((r) => r.doc_id === doc.doc_id) ?? null, facts: facts.get(doc.doc_id) ?? new Map() }))
    .sort((a, b) => (b.row?.total ?? -1) - (a.row?.total ?? -1));
}

/** The parts of one row with an amount, in table order; a vehicle total not split into purchase/operation stays whole. */
export function partsOf(row: ThreePublicRow): Array<{ key: string; label: string; value: number; fact: string }> {
  const out: Array<{ key: string; label: string; value: number; fact: string }> = [];
  for (const p of PARTS) {
    const v = row[p.key];
    if (v !== null) out.push({ key: p.key, label: p.label, value: v, fact: p.fact });
  }
  const split = (row.vehicle_purchase ?? 0) + (row.vehicle_operation ?? 0);
  if (row.vehicle_total !== null && row.vehicle_total - split > 0.005) {
    out.push({ key: 'vehicle_unsplit', label: '公务用车购置及运行费（未细分）', value: Math.round((row.vehicle_total - split) * 100) / 100, fact: 'three_public_vehicle' });
  }
  return out;
}
