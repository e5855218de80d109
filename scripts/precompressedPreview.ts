/**
 * A Vite plugin for `vite preview`: serves the build's precompressed files (`x.br`, `x.gz` written beside `x` by
 * vite-plugin-compression2) to browsers that accept them, as a static host with brotli_static / gzip_static does,
 * with the original file's type, `Vary: Accept-Encoding` and an ETag. Anything else falls through to Vite's own
 * serving (which gzips text on the fly and sends binary files as they are).
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import type { Plugin } from 'vite';

/** Content types of the files the build holds, by extension. */
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** The encodings tried, best first, with the suffix of their files. */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

/** Whether an Accept-Encoding header accepts `encoding` (and does not refuse it with q=0). */
export function accepts(header: string | undefined, encoding: string): boolean {
  return (header ?? '').split(',').some((part) => {
    const [name, ...params] = part.trim().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return name.trim() === encoding && (q === undefined || Number(q.slice(2)) > 0);
  });
}

/** Serves `<file>.br` / `<file>.gz` from the build directory in `vite preview`. */
export function precompressedPreview(): Plugin {
  let outDir = '';
  let base = '/';
  return {
    name: 'lenet:precompressed-preview',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
      base = config.base;
    },
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => {
        if (req.method !== 'GET' && req.method !== 'HEAD') return next();
        let path: string;
        try {
          path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
        } catch {
          return next(); // a malformed address: Vite answers it
        }
        if (!path.startsWith(base)) return next();
        const relative = path.slice(base.length);
        const file = resolve(
          outDir,
          relative === '' || relative.endsWith('/') ? join(relative, 'index.html') : relative,
        );
        if (!file.startsWith(outDir + sep) || !existsSync(file) || !statSync(file).isFile()) return next();
        const encoding = ENCODINGS.find(
          (e) => accepts(req.headers['accept-encoding'], e.name) && existsSync(file + e.suffix),
        );
        if (!encoding) return next();
        const stats = statSync(file + encoding.suffix);
        const etag = `W/"${encoding.name}-${stats.size}-${Math.floor(stats.mtimeMs)}"`;
        res.setHeader('Vary', 'Accept-Encoding');
        res.setHeader('Cache-Control', 'no-cache');
        res.setHeader('ETag', etag);
        if (req.headers['if-none-match'] === etag) {
          res.statusCode = 304;
          return res.end();
        }
        res.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
        res.setHeader('Content-Encoding', encoding.name);
        res.setHeader('Content-Length', stats.size);
        if (req.method === 'HEAD') return res.end();
        createReadStream(file + encoding.suffix).pipe(res);
      });
    },
  };
}
