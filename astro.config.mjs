// @ts-check
import { defineConfig } from 'astro/config';
import { embeds } from './src/integrations/embeds.ts';
import { redirects } from './src/integrations/redirects.ts';

// Static site: every page is pre-rendered at build time from public/data/*.parquet.
// Two local integrations (chart embeds; redirects from former document ids, after the embeds); no remote fonts or images: the build and the site work offline.
export default defineConfig({
  site: 'https://budgetlens.example',
  output: 'static',
  integrations: [embeds(), redirects()],
  trailingSlash: 'ignore',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
  server: { host: '127.0.0.1', port: 4321 },
  vite: {
    // DuckDB is a native Node addon: never bundle it.
    ssr: { external: ['@duckdb/node-api', '@duckdb/node-bindings'] },
  },
});
