// Site-relative URLs that respect Astro's `base` (default "/").
const BASE = (import.meta.env.BASE_URL ?? '/').replace(/\/?$/, '/');

/** `href('sources/x.txt')` → `/sources/x.txt` (or `/<base>/sources/x.txt`). */
export function href(path: string): string {
  return BASE + path.replace(/^\//, '');
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
