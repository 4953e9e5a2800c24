// `npm start` and `npm test` on an older Node stop at once with a sentence naming the version needed
// and how to get it (scripts/check-node.mjs, run by npm before them).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './helpers.ts';
import { nodeProblem } from '../scripts/check-node.mjs';

test('Node 20 (what these machines ship) is refused with the version needed and how to get it', () => {
  const message = nodeProblem('v20.20.2');
  assert.match(message ?? '', /needs Node ≥ 22\.18.*this is Node 20\.20\.2/);
  assert.match(message ?? '', /npm install --prefix ~\/\.cache\/budget-lens-node node@24/);
  assert.equal(nodeProblem('22.17.1') === null, false);
});

test('Node 22.18 and later pass; the check itself exits 0 on the Node running the tests', () => {
  assert.equal(nodeProblem('22.18.0'), null);
  assert.equal(nodeProblem('v24.21.0'), null);
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/check-node.mjs')], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
});
