// Documents grouped by place (a prefecture city, a district, a province), from the dataset: pages
// never assume a fixed list of places, departments or kinds of document.
import { query } from './data.ts';
import { docTypeZh, placeWord } from './labels.ts';

export interface DocInfo {
  doc_id: string;
  province: string | null;
  /** NULL for a province-level department. */
  city: string | null;
  district: string | null;
  /** province / city / district */
  admin_level: string;
  place_name: string;
  place_slug: string;
  /** = place_slug: the URL of the place's page, /city/<city_slug>/. */
  city_slug: string;
  department: string;
  /** department (部门) or unit (单位). */
  scope: string;
  fiscal_year: number;
  /** budget / performance / final */
  doc_kind: string;
  title: string;
  tables_status: string;
  legacy_doc_id: string | null;
  /** pdf / txt */
  source_format: string;
  page_count: number | null;
  /** Where and when the government published it; null when not known (sources.json, never guessed). */
  official_url: string | null;
  published_date: string | null;
  /** How lists and charts name the document's publisher: see whoOf. */
  who: string;
  /** Documents of its place: whether the place page holds it in full (see readHref). */
  place_docs: number;
}

type Row = Omit<DocInfo, 'who' | 'place_docs'>;

/**
 * The place as a label is read: 郑州 (a prefecture city), 上海普陀区 (a district: 普陀区 alone is
 * ambiguous, 舟山 has one too), 江苏省 (a province).
 */
export function placeShort(d: Pick<Row, 'admin_level' | 'city' | 'district' | 'place_name'>): string {
  if (d.admin_level === 'city' && d.city) return d.city;
  if (d.admin_level === 'district' && d.city && d.district) return `${d.city}${d.district}`;
  return d.place_name;
}

/**
 * The publisher in a list or a chart label. The place alone where it says who published (the place
 * has one department, and other places publish that department too: 郑州, 焦作 … are all 人社局,
 * which the page says once); otherwise place and department: 上海普陀区商务委员会, 江苏省高级人民法院.
 */
export function whoOf(d: Row, all: Row[]): string {
  const place = placeShort(d);
  const here = new Set(all.filter((x) => x.place_slug === d.place_slug).map((x) => x.department));
  const elsewhere = all.some((x) => x.department === d.department && x.place_slug !== d.place_slug);
  return here.size === 1 && elsewhere ? place : `${place}${d.department}`;
}

let loaded: Promise<DocInfo[]> | undefined;

/** Every document, in place order (GB/T 2260 code), newest first within a place. */
export async function documents(): Promise<DocInfo[]> {
  loaded ??= query<Row>(`SELECT doc_id, province, city, district, admin_level, place_name, place_slug, city_slug, department, scope,
      fiscal_year::INTEGER AS fiscal_year, doc_kind, title, tables_status, legacy_doc_id, source_format, page_count::INTEGER AS page_count,
      official_url, published_date
    FROM documents
    ORDER BY place_code NULLS LAST, place_slug, fiscal_year DESC, department, doc_kind, scope = 'unit', doc_id`)
    .then((rows) => {
      const perPlace = Map.groupBy(rows, (d) => d.place_slug);
      return rows.map((d) => ({ ...d, who: whoOf(d, rows), place_docs: perPlace.get(d.place_slug)!.length }));
    });
  return loaded;
}

let byId: Promise<Map<string, DocInfo>> | undefined;

/** One document's entry (undefined if the id is not in the dataset). */
export async function documentById(docId: string): Promise<DocInfo | undefined> {
  byId ??= documents().then((docs) => new Map(docs.map((d) => [d.doc_id, d])));
  return (await byId).get(docId);
}

/** Rows of another query, each with its document's names (rows of documents not in the dataset are dropped). */
export async function withDocs<T extends { doc_id: string }>(rows: T[]): Promise<Array<T & { doc: DocInfo }>> {
  const byId = new Map((await documents()).map((d) => [d.doc_id, d]));
  return rows.flatMap((r) => {
    const doc = byId.get(r.doc_id);
    return doc ? [{ ...r, doc }] : [];
  });
}

export interface Place {
  slug: string;
  /** 河南省郑州市, 上海市普陀区, 江苏省 */
  name: string;
  /** The name with what kind of place it is where that is not obvious: 江苏省（省级）. */
  label: string;
  /** 城市 or 地区: what breadcrumbs and kickers call it. */
  word: string;
  admin_level: string;
  /** Departments in the order of their first document. */
  departments: string[];
  docs: DocInfo[];
}

export async function places(): Promise<Place[]> {
  const docs = await documents();
  return [...Map.groupBy(docs, (d) => d.place_slug)].map(([slug, own]) => {
    const first = own[0]!;
    return {
      slug,
      name: first.place_name,
      label: first.admin_level === 'province' ? `${first.place_name}（省级）` : first.place_name,
      word: placeWord(first.admin_level),
      admin_level: first.admin_level,
      departments: [...new Set(own.map((d) => d.department))],
      docs: own,
    };
  });
}

/** "商务委员会 2025 年单位预算": a document within its place. */
export function docInPlace(d: Pick<DocInfo, 'department' | 'fiscal_year' | 'doc_kind' | 'scope'>, withDepartment = true): string {
  return `${withDepartment ? `${d.department} ` : ''}${d.fiscal_year} 年${docTypeZh(d.doc_kind, d.scope)}`;
}
