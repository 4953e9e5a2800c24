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

test('sources.json lists the ten vendored disclosures: five Henan texts, five PDFs', () => {
  assert.deepEqual(manifest.sources.map((s) => s.doc_id).sort(),
    ['jiangsu-2019-gjrmfy-budget', 'jiaozuo-2024-rlzyhshbzj-budget', 'luoyang-2024-rlzyhshbzj-budget',
      'shanghai-putuo-2024-czj-final', 'shanghai-putuo-2024-rmzfwljdbsc-budget', 'shanghai-putuo-2025-swwyh-budget', 'shanghai-putuo-2025-swwyh-budget-unit',
      'zhengzhou-2020-rlzyhshbzj-performance', 'zhengzhou-2024-rlzyhshbzj-budget', 'zhumadian-2023-rlzyhshbzj-budget']);
  // Every PDF names where it came from (shared/disclosures/pdf/SOURCES.md).
  for (const s of manifest.sources.filter((s) => s.file.endsWith('.pdf'))) assert.match(JSON.stringify(s), /"repository":"[^"]+","path":"[^"]+\.pdf","commit":"[0-9a-f]{40}"/);
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
