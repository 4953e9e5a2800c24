// The vendored disclosures are the project's sources: their bytes must never change.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers.ts';

const manifest = JSON.parse(readFileSync(join(ROOT, 'data/raw/sources.json'), 'utf8')) as {
  sources: Array<{ doc_id: string; file: string; original_name: string; sha256: string; bytes: number }>;
};

test('sources.json lists the five vendored disclosures', () => {
  assert.deepEqual(manifest.sources.map((s) => s.doc_id).sort(),
    ['jiaozuo-2024-budget', 'luoyang-2024-budget', 'zhengzhou-2020-performance', 'zhengzhou-2024-budget', 'zhumadian-2023-budget']);
});

for (const s of manifest.sources) {
  test(`${s.file} is byte-for-byte the vendored ${s.original_name}`, () => {
    const bytes = readFileSync(join(ROOT, 'data/raw', s.file));
    assert.equal(bytes.length, s.bytes);
    assert.equal(createHash('sha256').update(bytes).digest('hex'), s.sha256);
    const shared = join(ROOT, '..', 'shared', 'disclosures', s.original_name);
    if (existsSync(shared)) assert.deepEqual(bytes, readFileSync(shared), 'identical to shared/disclosures');
  });
}
