// @ts-check
import { defineConfig } from 'astro/config';
import { embeds } from './src/integrations/embeds.ts';
import { hashedAssets } from './src/integrations/hashedAssets.ts';
import { redirects } from './src/integrations/redirects.ts';
import { siteUrlNotice } from './src/integrations/siteUrl.ts';
import { siteLocation } from './src/lib/site.ts';

// Where the site is published: SITE_URL, e.g. https://news.example.cn/data/lens/ (a sub-path becomes
// Astro's `base`). Without it the build is a local preview: site-relative links only, and it says so
// (once on stderr, and in every page's footer).
const where = siteLocation(process.env.SITE_URL);

// Static site: every page is pre-rendered at build time from public/data/*.parquet.
// Local integrations (the SITE_URL notice; chart embeds; redirects from former document ids, after the embeds;
// content-hashed names for public/'s scripts, last, once every page is written); no remote fonts or images: the build and the site work offline.
export default defineConfig({
  site: where.site ?? undefined,
  base: where.base,
  output: 'static',
  integrations: [siteUrlNotice(), embeds(), redirects(), hashedAssets()],
  trailingSlash: 'ignore',
  // The site's one stylesheet (13 kB, 4 kB gzipped) goes inside each page: no request stands
  // between the HTML and the first paint (Lighthouse's render-blocking audit; 150 ms on slow 4G).
  build: { format: 'directory', inlineStylesheets: 'always' },
  devToolbar: { enabled: false },
  server: { host: '127.0.0.1', port: 4321 },
  vite: {
    // DuckDB is a native Node addon: never bundle it.
    ssr: { external: ['@duckdb/node-api', '@duckdb/node-bindings'] },
  },
});
