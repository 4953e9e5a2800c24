// A static server with the headers a production host would send (unlike tests/e2e/browser.ts,
// which sends no-store), as README.md's "Deploying" section advises: correct types (application/wasm
// for the engine), gzip for text and wasm, a year's immutable cache for content-hashed files, a short
// one (5 minutes) for the rest, ETags (→ 304), and byte ranges.
// Pre-compressed copies: a file with `<name>.br` beside it is sent as that copy (`Content-Encoding:
// br`) to a client that accepts br, as nginx's `brotli_static on` or Caddy's `precompressed br` do.
// Chromium asks for br only over https; `{ brotli: 'always' }` sends the copy to any client that
// accepts gzip, so the benchmark (plain http) can measure what an https reader gets, and
// `{ brotli: 'never' }` what a host without the copies sends.
// Several folders can be mounted: `{ '/': dist, '/__bare/': tmp }`.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { listen, MIME } from '../../tests/e2e/browser.ts';

const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.mjs', '.json', '.csv', '.txt', '.svg', '.xml', '.wasm', '.map']);

/** Files whose name carries a content hash: Astro's `_astro/name.HASH.ext`, the engine's `name.HASH.ext`. */
export function isHashed(pathname: string): boolean {
  return pathname.startsWith('/_astro/') || /\.[0-9a-f]{10}\.[a-z]+$/.test(pathname);
}

export interface ProdServer {
  origin: string;
  /** Bytes sent on the wire (after compression), per path, since the last reset. */
  sent: Map<string, number>;
  close(): Promise<void>;
}

interface Cached {
  mtimeMs: number;
  raw: Buffer;
  gzip: Buffer | null;
  /** The `.br` copy beside the file, if there is one. */
  brotli: Buffer | null;
  etag: string;
}

const cache = new Map<string, Cached>();

/** The file's bytes and its gzip (level 6, as hosts commonly use), computed once per file version. */
export function fileEntry(file: string): Cached {
  const st = statSync(file);
  const hit = cache.get(file);
  if (hit && hit.mtimeMs === st.mtimeMs) return hit;
  const raw = readFileSync(file);
  const gzip = COMPRESSIBLE.has(extname(file).toLowerCase()) ? gzipSync(raw, { level: 6 }) : null;
  const brotli = existsSync(`${file}.br`) ? readFileSync(`${file}.br`) : null;
  const entry = { mtimeMs: st.mtimeMs, raw, gzip, brotli, etag: `"${createHash('sha1').update(raw).digest('hex').slice(0, 16)}"` };
  cache.set(file, entry);
  return entry;
}

export type BrotliCopies = 'when-accepted' | 'always' | 'never';

export async function startProdServer(mounts: Record<string, string>, opts: { brotli?: BrotliCopies } = {}): Promise<ProdServer> {
  const brotli = opts.brotli ?? 'when-accepted';
  const roots = Object.entries(mounts).map(([prefix, dir]) => [prefix, resolve(dir)] as const).sort((a, b) => b[0].length - a[0].length);
  const sent = new Map<string, number>();
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    const mount = roots.find(([prefix]) => pathname.startsWith(prefix));
    if (!mount) {
      res.writeHead(404).end();
      return;
    }
    const [prefix, base] = mount;
    let file = normalize(join(base, pathname.slice(prefix.length)));
    if (file !== base && !file.startsWith(base + sep)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': MIME['.html']! }).end('not found');
      return;
    }
    const entry = fileEntry(file);
    const headers: Record<string, string | number> = {
      'content-type': MIME[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'cache-control': isHashed(pathname) ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
      etag: entry.etag,
      'accept-ranges': 'bytes',
      vary: 'Accept-Encoding',
    };
    if (req.headers['if-none-match'] === entry.etag) {
      res.writeHead(304, headers).end();
      return;
    }
    const range = /^bytes=(\d*)-(\d*)$/.exec(String(req.headers.range ?? ''));
    let body: Buffer = entry.raw;
    let status = 200;
    if (range && (range[1] || range[2])) {
      const size = entry.raw.length;
      const start = range[1] ? Number(range[1]) : Math.max(0, size - Number(range[2]));
      const end = range[1] && range[2] ? Math.min(size - 1, Number(range[2])) : size - 1;
      if (start >= size || start > end) {
        res.writeHead(416, { 'content-range': `bytes */${size}` }).end();
        return;
      }
      body = entry.raw.subarray(start, end + 1);
      headers['content-range'] = `bytes ${start}-${end}/${size}`;
      status = 206;
    } else {
      const accepts = String(req.headers['accept-encoding'] ?? '');
      const gzip = /\bgzip\b/.test(accepts);
      if (entry.brotli && brotli !== 'never' && (/\bbr\b/.test(accepts) || (brotli === 'always' && gzip))) {
        body = entry.brotli;
        headers['content-encoding'] = 'br';
      } else if (entry.gzip && gzip) {
        body = entry.gzip;
        headers['content-encoding'] = 'gzip';
      }
    }
    headers['content-length'] = body.length;
    res.writeHead(status, headers);
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    sent.set(pathname, (sent.get(pathname) ?? 0) + body.length);
    res.end(body);
  };
  return { ...(await listen(createServer(handle))), sent };
}
