// A build without SITE_URL is a local preview: say so once, on stderr, when the build starts (the
// pages say so too, in their footer). Astro's logger writes warnings to stdout, hence stderr by hand.
import type { AstroIntegration } from 'astro';
import { PREVIEW_NOTICE } from '../lib/site.ts';

export function siteUrlNotice(): AstroIntegration {
  let site: string | undefined;
  return {
    name: 'budget-lens-site-url',
    hooks: {
      'astro:config:done': ({ config }) => { site = config.site; },
      'astro:build:start': () => {
        if (!site) process.stderr.write(`[budget-lens] ${PREVIEW_NOTICE}\n`);
      },
    },
  };
}
