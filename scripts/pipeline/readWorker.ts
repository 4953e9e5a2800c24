// A worker thread of the reading pool (pool.ts): reads one file, answers with its encoded outcome.
import { readFileSync } from 'node:fs';
import { encode } from './cache.ts';
import { readOne } from './pool.ts';
import type { ManifestEntry } from './read.ts';

export default async function readInWorker({ path, manifest }: { path: string; manifest: ManifestEntry }): Promise<Uint8Array> {
  return encode(await readOne(path, readFileSync(path), manifest));
}
