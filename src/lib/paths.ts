// Site-relative URLs that respect Astro's `base` (default "/").
const BASE = (import.meta.env.BASE_URL ?? '/').replace(/\/?$/, '/');

/** `href('sources/x.txt')` → `/sources/x.txt` (or `/<base>/sources/x.txt`). */
export function href(path: string): string {
  return BASE + path.replace(/^\//, '');
}
