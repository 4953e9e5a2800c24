// Where the site is published. The public URL is given at build time by SITE_URL (an absolute http(s)
// URL, with an optional sub-path: `https://news.example.cn/data/lens/`); it becomes Astro's `site` and
// `base`. Without it the build is a local preview: links are site-relative and nothing prints an
// absolute URL (there is none to print). Plain functions of their arguments, so that
// astro.config.mjs, the integrations and the tests use the same rules as the pages (via paths.ts).

export interface SiteLocation {
  /** The site's root as an absolute URL with a trailing slash, or null in a local preview build. */
  site: string | null;
  /** The root's path, with a slash at both ends: `/` or `/data/lens/`. */
  base: string;
}

/** What a local preview build says once, on stderr. */
export const PREVIEW_NOTICE = 'SITE_URL is not set: building a local preview (embed snippets and citations use site-relative URLs). Set SITE_URL=https://… to build for deployment.';

/** SITE_URL → site and base. Throws on anything but an absolute http(s) URL without query or fragment. */
export function siteLocation(siteUrl: string | undefined | null): SiteLocation {
  const raw = siteUrl?.trim();
  if (!raw) return { site: null, base: '/' };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`SITE_URL must be an absolute URL such as https://news.example.cn/data/lens/ (got "${raw}")`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`SITE_URL must be an http(s) URL (got "${raw}")`);
  if (url.search || url.hash || url.username || url.password) throw new Error(`SITE_URL must not have a query, a fragment or credentials (got "${raw}")`);
  const base = url.pathname.replace(/\/+$/, '') + '/';
  return { site: url.origin + base, base };
}

/** A base as Astro gives it (`/data/lens` or `/data/lens/`) with its trailing slash. */
export function normalBase(base: string | undefined | null): string {
  return (base || '/').replace(/\/*$/, '/');
}

/** `hrefIn('/data/lens/', 'source/x/')` → `/data/lens/source/x/`: a path within the site, as links hold it. */
export function hrefIn(base: string, path: string): string {
  return normalBase(base) + path.replace(/^\//, '');
}

/**
 * A root-relative href (from hrefIn, or a page's own pathname, which holds the base) as a URL to give
 * out — in an embed snippet, a citation: absolute under the site, or the href itself in a local preview.
 */
export function absoluteIn(loc: SiteLocation, href: string): string {
  return loc.site ? new URL(href, loc.site).toString() : href;
}
