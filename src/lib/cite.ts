// Citations (GB/T 7714-2015, APA 7 and BibTeX) for the dataset, a table, or a chart: what is cited in
// words (a chart names the department with its place, the year, the kind of document and the chart's
// title), the dataset's version, and URLs under SITE_URL (site-relative in a local preview build).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_DIR } from './data.ts';
import { documents, type DocInfo } from './cities.ts';
import { publisherName } from './cityText.ts';
import { docTypeZh } from './labels.ts';
import { absoluteIn, hrefIn, type SiteLocation } from './site.ts';

export interface Package {
  title: string;
  version: string;
  created: string;
  licenses: Array<{ name: string; path: string; title: string }>;
  sources: Array<{ title: string; path: string; sha256: string }>;
  resources: Array<{
    name: string; path: string; title: string; description: string; format: string; bytes: number; hash: string; rows: number;
    schema: { fields: Array<{ name: string; type: string; title: string; description: string; unit?: string }> };
  }>;
}

let cached: Package | undefined;
/** datapackage.json as published: the dictionary, sizes, hashes and the dataset version. */
export function datapackage(): Package {
  cached ??= JSON.parse(readFileSync(join(DATA_DIR, 'datapackage.json'), 'utf8')) as Package;
  return cached;
}

const AUTHOR_ZH = '预算透视 Budget Lens';
const AUTHOR_EN = 'Budget Lens';
const DATASET_ZH = '部门预算、决算公开数据';
const DATASET_EN = 'Chinese government department budget and final account disclosures';

/** A disclosure as a citation names it. */
export interface CitedDoc {
  docId: string;
  /** The department with its place: 郑州市人力资源和社会保障局, 上海市普陀区商务委员会. */
  publisher: string;
  year: number;
  /** 部门预算, 单位预算, 部门决算, 整体绩效目标 */
  docType: string;
  /** The document's own title, as printed. */
  title: string;
  /** Where and when the government published it: null when not known (then citations point at our copy). */
  officialUrl: string | null;
  published: string | null;
}

/** A document's publisher as the place's page heading names it (see publisherName). */
export function citedDoc(d: DocInfo, all: DocInfo[]): CitedDoc {
  const titles = all.filter((x) => x.place_slug === d.place_slug && x.department === d.department).map((x) => x.title);
  const publisher = publisherName({ admin_level: d.admin_level, name: d.place_name, docs: [d] }, d.department, titles.length ? titles : [d.title]);
  return {
    docId: d.doc_id, publisher, year: d.fiscal_year, docType: docTypeZh(d.doc_kind, d.scope), title: d.title,
    officialUrl: d.official_url, published: d.published_date,
  };
}

/** The documents of these ids, as citations name them (ids not in the dataset are left out), in the order given. */
export async function citedDocs(docIds: string[]): Promise<CitedDoc[]> {
  const all = await documents();
  const byId = new Map(all.map((d) => [d.doc_id, d]));
  return [...new Set(docIds)].flatMap((id) => {
    const d = byId.get(id);
    return d ? [citedDoc(d, all)] : [];
  });
}

/** "郑州市人力资源和社会保障局2024年部门预算": one document in words. */
export function docSubject(d: Pick<CitedDoc, 'publisher' | 'year' | 'docType'>): string {
  return `${d.publisher}${d.year}年${d.docType}`;
}

/** A source credit: the document's title, with its publisher where the title does not name it. */
export function sourceCredit(d: Pick<CitedDoc, 'publisher' | 'title'>): string {
  return d.title.includes(d.publisher) ? `《${d.title}》` : `${d.publisher}《${d.title}》`;
}

/** Up to three documents in words; more as the first two and a count. */
export function docsSubject(docs: CitedDoc[]): string {
  if (docs.length <= 3) return docs.map(docSubject).join('、');
  return `${docs.slice(0, 2).map(docSubject).join('、')}等 ${docs.length} 份公开文件`;
}

export interface Citation { gbt: string; apa: string; bibtex: string }

export interface CiteWhat {
  /** The chart's or table's title. */
  zh: string;
  /** A short English description (APA). */
  en: string;
  kind: 'chart' | 'table';
}

export interface CiteOptions {
  /** Where the cited thing is: an absolute URL, or a site-relative one in a local preview build. */
  url: string;
  /** The dataset's page (/data/), likewise. */
  dataUrl: string;
  /** A table or chart within the dataset; nothing for the whole dataset. */
  what?: CiteWhat;
  /** The disclosures it is read from (a chart's sources). */
  docs?: CitedDoc[];
  /** Makes the BibTeX key: `budgetlens:<key>`. */
  key?: string;
  /**
   * Our copy of a disclosure (its /source/<doc_id>/ page, under SITE_URL): cited where the official
   * address is not known. Without it such a document is cited by name only.
   */
  sourceUrl?: (docId: string) => string;
}

/** BibTeX's special characters in a field's text. */
function tex(s: string): string {
  return s.replace(/[\\{}]/g, (c) => `\\${c}`).replace(/[%&$#_]/g, (c) => `\\${c}`).replace(/~/g, '\\textasciitilde{}').replace(/\^/g, '\\textasciicircum{}');
}

export function cite(o: CiteOptions): Citation {
  const pkg = datapackage();
  const date = pkg.created.slice(0, 10);
  const year = date.slice(0, 4);
  const docs = o.docs ?? [];
  const what = o.what;
  const kindZh = what?.kind === 'chart' ? '图表' : '数据表';
  const kindEn = what?.kind === 'chart' ? 'Chart' : 'Table';
  // What is cited, in words: the document(s) it is read from, then the chart's or table's title.
  const zhTitle = !what ? DATASET_ZH : docs.length ? `${docsSubject(docs)}：${what.zh}` : `${DATASET_ZH}：${what.zh}`;
  // Each disclosure where the government published it, with the date, when known; otherwise where
  // our copy is (and no date: an unknown date is left out, never guessed).
  const where = (d: CitedDoc) => d.officialUrl ?? o.sourceUrl?.(d.docId) ?? null;
  const origin = docs.map((d) => {
    const url = where(d);
    const pub = d.officialUrl && d.published ? `. (${d.published})` : '';
    const at = d.officialUrl ? `${pub}. ${url}` : url ? `. 预算透视 Budget Lens 存档：${url}` : '';
    return `${d.publisher}. ${d.title}[EB/OL]${at}`;
  }).join('；');
  const originEn = docs.map((d) => {
    const url = where(d);
    const date = d.officialUrl && d.published ? d.published : 'n.d.';
    return `${d.publisher} (${date}), ${d.title}${url ? `, ${d.officialUrl ? url : `archived by Budget Lens at ${url}`}` : ''}`;
  }).join('; ');
  const bibOrigin = docs.map((d) => {
    const url = where(d);
    const pub = d.officialUrl && d.published ? `，${d.published} 发布` : '';
    return `${tex(d.publisher)}《${tex(d.title)}》${pub}${url ? `，${d.officialUrl ? '' : '存档 '}\\url{${url}}` : ''}`;
  }).join('；');
  const dataNote = o.url === o.dataUrl ? '' : o.dataUrl;

  const gbt = what
    ? `${AUTHOR_ZH}. ${zhTitle}[DS/OL]//${AUTHOR_ZH}. ${DATASET_ZH}（版本 ${pkg.version}）. ${year}(${date})[${date}]. ${o.url}.`
      + (origin ? ` 原文：${origin}.` : '') + (dataNote ? ` 数据集：${dataNote}.` : '')
    : `${AUTHOR_ZH}. ${DATASET_ZH}[DS/OL]. 版本 ${pkg.version}. ${year}(${date})[${date}]. ${o.url}.`;

  const apa = what
    ? `${AUTHOR_EN}. (${year}). ${zhTitle} [${kindEn}${originEn ? `; from ${originEn}` : `: ${what.en}`}]. In ${DATASET_EN} (Version ${pkg.version}) [Data set]. ${o.url}`
      + (dataNote ? ` (data set: ${dataNote})` : '')
    : `${AUTHOR_EN}. (${year}). ${DATASET_EN} (Version ${pkg.version}) [Data set]. ${o.url}`;

  const fields: Array<[string, string]> = [
    ['author', `{${tex(AUTHOR_ZH)}}`],
    ['title', tex(zhTitle)],
    ['year', year],
    ['version', tex(pkg.version)],
    ['howpublished', what ? tex(`${kindZh}，${AUTHOR_ZH}《${DATASET_ZH}》`) : tex(`数据集，${AUTHOR_ZH}`)],
    ['url', o.url],
    ['urldate', date],
  ];
  const notes = [bibOrigin && `原文：${bibOrigin}`, dataNote && `数据集：\\url{${dataNote}}`].filter(Boolean);
  if (notes.length) fields.push(['note', notes.join('。')]);
  const key = `budgetlens:${(o.key ?? 'dataset').replace(/[^A-Za-z0-9:_.-]/g, '-')}`;
  const bibtex = `@misc{${key},\n${fields.map(([k, v]) => `  ${k.padEnd(12)} = {${v}}`).join(',\n')}\n}`;
  return { gbt, apa, bibtex };
}

/** The dataset as a whole. */
export function citeDataset(loc: SiteLocation): Citation {
  const dataUrl = absoluteIn(loc, hrefIn(loc.base, 'data/'));
  return cite({ url: dataUrl, dataUrl });
}

/** One published table (its entry on /data/). */
export function citeTable(loc: SiteLocation, table: { name: string; title: string; description: string }): Citation {
  return cite({
    url: absoluteIn(loc, hrefIn(loc.base, `data/#table-${table.name}`)),
    dataUrl: absoluteIn(loc, hrefIn(loc.base, 'data/')),
    what: { zh: `${table.title}（${table.name}）`, en: table.description, kind: 'table' },
    key: `table-${table.name}`,
  });
}

/**
 * A chart where a page shows it (`page`: the page's pathname, which holds the base), named by the
 * documents it is read from (`docIds`: its sources).
 */
export async function citeChart(loc: SiteLocation, chart: { id: string; title: string; page: string; docIds: string[] }): Promise<Citation> {
  return cite({
    url: absoluteIn(loc, `${chart.page}#${chart.id}`),
    dataUrl: absoluteIn(loc, hrefIn(loc.base, 'data/')),
    what: { zh: chart.title, en: `chart ${chart.id}`, kind: 'chart' },
    docs: await citedDocs(chart.docIds),
    key: chart.id,
    sourceUrl: (docId) => absoluteIn(loc, hrefIn(loc.base, `source/${docId}/`)),
  });
}
