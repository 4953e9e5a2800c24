// Loaded with `node --import` into Observable Framework's build (bench/lib/framework.ts): answers the
// requests Framework makes to cdn.jsdelivr.net from packages installed from the npm registry, so the
// build needs no network but the registry. Framework asks jsDelivr for `<name>@<version>/+esm` (an
// ES module of the package) and for package files (`package.json`, `dist/duckdb-eh.wasm`, …). A
// `+esm` is made here the way jsDelivr makes it, with esbuild, but with its dependencies bundled in
// (jsDelivr leaves them as imports of their own `+esm`). Any other request to another host fails.
//   FW_NPM_DIRS   node_modules folders to look in, ':'-separated, first match wins
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { extname, join } from 'node:path';

const dirs = (process.env['FW_NPM_DIRS'] ?? '').split(':').filter(Boolean);
const realFetch = globalThis.fetch;
const esbuildFrom = createRequire(join(process.env['FW_ESBUILD_FROM'] ?? process.cwd(), 'package.json'));
const served: string[] = [];

function packageDir(name: string, version: string): string {
  const found = dirs.map((d) => join(d, name)).filter((d) => existsSync(join(d, 'package.json')));
  const exact = found.find((d) => (JSON.parse(readFileSync(join(d, 'package.json'), 'utf8')) as { version: string }).version === version);
  const dir = exact ?? found[0];
  if (!dir) throw new Error(`framework-offline: ${name} is not installed in ${dirs.join(', ')}`);
  return dir;
}

async function esm(name: string, dir: string, sub: string): Promise<string> {
  const esbuild = esbuildFrom('esbuild') as typeof import('esbuild');
  // The node_modules folder the chosen version is in comes first, so its dependencies are its own.
  const root = dir.slice(0, dir.length - name.length - 1);
  const entry = sub ? `${name}/${sub}` : name;
  const out = await esbuild.build({
    stdin: { contents: `export * from ${JSON.stringify(entry)};\nimport * as m from ${JSON.stringify(entry)};\nexport default (m.default ?? m);`, resolveDir: root, loader: 'js' },
    bundle: true, format: 'esm', platform: 'browser', target: 'es2022', minify: true, write: false, logLevel: 'silent',
    nodePaths: [root, ...dirs],
  });
  return out.outputFiles[0]!.text;
}

const TYPES: Record<string, string> = { '.js': 'application/javascript', '.mjs': 'application/javascript', '.json': 'application/json', '.wasm': 'application/wasm', '.css': 'text/css' };

globalThis.fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
  const url = new URL(typeof input === 'string' || input instanceof URL ? String(input) : input.url);
  if (url.hostname === 'registry.npmjs.org') return realFetch(input, init);
  if (url.hostname !== 'cdn.jsdelivr.net' || !url.pathname.startsWith('/npm/')) {
    throw new Error(`framework-offline: no request to ${url.href} (only jsDelivr's npm files are answered, from local packages)`);
  }
  const parts = decodeURIComponent(url.pathname.slice('/npm/'.length)).split('/');
  const nameVersion = parts[0]!.startsWith('@') ? `${parts.shift()}/${parts.shift()}` : parts.shift()!;
  const at = nameVersion.lastIndexOf('@');
  const name = nameVersion.slice(0, at);
  const version = nameVersion.slice(at + 1);
  const path = parts.join('/');
  const dir = packageDir(name, version);
  served.push(`${name}@${version}/${path} ← ${dir}`);
  if (path === '+esm' || path.endsWith('/+esm')) {
    return new Response(await esm(name, dir, path.replace(/\/?\+esm$/, '')), { headers: { 'content-type': 'application/javascript; charset=utf-8' } });
  }
  const file = join(dir, path);
  if (!existsSync(file)) return new Response('not found', { status: 404 });
  return new Response(readFileSync(file), { headers: { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' } });
};

process.on('exit', () => {
  if (process.env['FW_OFFLINE_LOG']) process.stderr.write(`framework-offline: served\n  ${served.join('\n  ')}\n`);
});
