// Runs before `npm start`, `npm test`, `npm run build` and `npm run data`, on whatever Node is
// installed, so it is plain JavaScript: on an older Node the TypeScript scripts would only fail with
// ERR_UNKNOWN_FILE_EXTENSION ".ts", which says nothing about the fix.
import { pathToFileURL } from 'node:url';

export const REQUIRED = [22, 18];

/** What to tell the reader when `version` (`20.20.2`) is too old for the project; null when it is fine. */
export function nodeProblem(version) {
  const [major, minor] = version.replace(/^v/, '').split('.').map(Number);
  if (major > REQUIRED[0] || (major === REQUIRED[0] && minor >= REQUIRED[1])) return null;
  return [
    `Budget Lens needs Node ≥ ${REQUIRED.join('.')} (Astro 7 needs Node 22); this is Node ${version.replace(/^v/, '')}.`,
    'Get Node 24 from the npm registry and put it first on PATH, then run the command again:',
    '  npm install --prefix ~/.cache/budget-lens-node node@24',
    '  export PATH=~/.cache/budget-lens-node/node_modules/.bin:$PATH',
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const problem = nodeProblem(process.versions.node);
  if (problem) {
    process.stderr.write(`${problem}\n`);
    process.exit(1);
  }
}
