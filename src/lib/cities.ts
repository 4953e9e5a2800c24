// Documents grouped by city, from the dataset (pages never assume a fixed list of cities).
import { query } from './data.ts';

export interface DocInfo {
  doc_id: string;
  city: string;
  city_slug: string;
  department: string;
  fiscal_year: number;
  doc_kind: string;
  title: string;
  tables_status: string;
}

export async function documents(): Promise<DocInfo[]> {
  return query<DocInfo>(`SELECT doc_id, city, city_slug, department, fiscal_year::INTEGER AS fiscal_year, doc_kind, title, tables_status
    FROM documents ORDER BY city_slug, fiscal_year DESC, doc_kind`);
}

export async function cities(): Promise<Array<{ slug: string; city: string; docs: DocInfo[] }>> {
  const docs = await documents();
  const slugs = [...new Set(docs.map((d) => d.city_slug))];
  return slugs.map((slug) => {
    const own = docs.filter((d) => d.city_slug === slug);
    return { slug, city: own[0]!.city, docs: own };
  });
}
