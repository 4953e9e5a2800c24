// How far a page may grow with the corpus (issue 15: no HTML page over 300 kB gzipped at 10,000
// documents). Below these bounds a page shows everything, as the vendored corpus's pages always
// have; past them it shows aggregates and the first rows, and the rest go to numbered pages of
// their own (/city/<slug>/docs/2/, /documents/2/, /topic/projects/2/), each as bounded.

/**
 * A place page shows its documents in full (every DocSection) up to this many. A full section is
 * 10–60 kB gzipped (郑州's, the largest vendored, ~60 kB): 8 stay well under the bound, and the
 * vendored places (1–4 documents) keep their whole page. Past it, each document is on its own page.
 */
export const PLACE_FULL_DOCS = 8;

/** Whether a place of `docs` documents shows them all in full on its page (else a list, and each its own page). */
export function inFullOnPlacePage(docs: number): boolean {
  return docs <= PLACE_FULL_DOCS;
}

/** Rows of a document list on one page (a place's, /documents/): a row is ~0.5 kB, ~0.1 kB gzipped. */
export const LIST_ROWS = 100;

/** Documents the home page lists when they are more than LIST_ROWS: the latest. */
export const HOME_DOCS = 20;

/** Documents a topic page treats in full, one section each, per page (a section is 2–20 kB gzipped). */
export const TOPIC_DOCS = 20;

/**
 * The home page's comparison: the largest cohorts (same year, kind and scope) it compares, and the
 * documents of each it puts side by side (those with the largest totals); the topics list the rest.
 */
export const COMPARE_COHORTS = 3;
export const COMPARE_DOCS = 15;

/** Documents a home page's place card lists before pointing to the place page. */
export const CARD_DOCS = 6;

/** A list cut into pages of `size`: page 1 is items[0, size). Always at least one page, maybe empty. */
export function pages<T>(items: readonly T[], size: number): T[][] {
  if (!(size >= 1)) throw new Error(`page size must be at least 1, got ${size}`);
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out.length ? out : [[]];
}

/** Where page `n` (1-based) of a list lives: the first is the list's own page, the others under it. */
export function pagePath(first: string, n: number, sub = ''): string {
  const dir = first.replace(/\/?$/, '/');
  return n <= 1 ? dir : `${dir}${sub ? `${sub.replace(/\/$/, '')}/` : ''}${n}/`;
}

export interface Paged<T> {
  /** 1-based. */
  page: number;
  count: number;
  items: T[];
  /** Index of the page's first item in the whole list (0-based): for "第 101–200 份". */
  offset: number;
  total: number;
}

/** Every page of a list, as getStaticPaths needs them. */
export function paged<T>(items: readonly T[], size: number): Array<Paged<T>> {
  const all = pages(items, size);
  return all.map((p, i) => ({ page: i + 1, count: all.length, items: p, offset: i * size, total: items.length }));
}
