// Build time: the explorer manifest written by scripts/explorer.ts (engine files + data dictionary).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExplorerManifest } from '../../explore/types.ts';

export const MANIFEST_PATH = join(process.cwd(), 'public', 'explore-assets', 'explorer.json');

let cached: ExplorerManifest | undefined;

export function readManifest(): ExplorerManifest {
  if (cached) return cached;
  if (!existsSync(MANIFEST_PATH)) {
    throw new Error(`${MANIFEST_PATH} not found: run \`node scripts/explorer.ts\` (part of \`npm run build\`) first.`);
  }
  cached = JSON.parse(readFileSync(MANIFEST_PATH, 'utf8')) as ExplorerManifest;
  return cached;
}

/** JSON for a <script type="application/json">: `<` escaped so no value can close the element. */
export function inlineJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
