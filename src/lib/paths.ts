// Site-relative URLs that respect Astro's `base` (default "/"), and absolute ones under `site`
// (SITE_URL at build time; see site.ts). Needs Astro's import.meta.env: code that runs outside a
// build (tests, scripts) uses site.ts with a SiteLocation of its own.
import { inFullOnPlacePage } from './paging.ts';
import { absoluteIn, hrefIn, normalBase, siteLocation, type SiteLocation } from './site.ts';

/** Where this build publishes the site: `site` is null in a local preview build (no SITE_URL). */
export const SITE: SiteLocation = {
  site: siteLocation(import.meta.env.SITE).site,
  base: normalBase(import.meta.env.BASE_URL),
};

/** `href('sources/x.txt')` → `/sources/x.txt` (or `/<base>/sources/x.txt`). */
export function href(path: string): string {
  return hrefIn(SITE.base, path);
}

/** A root-relative href (`href(…)`, or a page's pathname) as the URL to give out: absolute under SITE_URL, else as is. */
export function absolute(rootRelative: string): string {
  return absoluteIn(SITE, rootRelative);
}

/** Link to a disclosure's text at a line or a range: `/source/<doc_id>/#L257` or `#L259-L280`. */
export function sourceHref(docId: string, line?: number | null, lineEnd?: number | null): string {
  const anchor = line ? `#L${line}${lineEnd && lineEnd > line ? `-L${lineEnd}` : ''}` : '';
  return href(`source/${docId}/`) + anchor;
}

/** "257-280,290" (checks.source_lines) → the first range, for a link. */
export function firstRange(lines: string): [number, number | null] {
  const m = /^(\d+)(?:-(\d+))?/.exec(lines);
  return m ? [Number(m[1]), m[2] ? Number(m[2]) : null] : [1, null];
}

/** A document's own page, with everything the site says about it: `/city/<place>/<doc_id>/`. */
export function docHref(d: { city_slug: string; doc_id: string }): string {
  return href(`city/${d.city_slug}/${d.doc_id}/`);
}

/**
 * Where a document is read in full: its section on the place page while that page holds every
 * document of the place (paging.ts), else its own page.
 */
export function readHref(d: { city_slug: string; doc_id: string; place_docs: number }): string {
  return inFullOnPlacePage(d.place_docs) ? href(`city/${d.city_slug}/#${d.doc_id}`) : docHref(d);
}
