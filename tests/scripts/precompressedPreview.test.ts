/**
 * The preview server's precompressed files (scripts/precompressedPreview.ts): the best encoding the browser
 * accepts and the build holds, with the original's type, Vary and an ETag; everything else left to Vite.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accepts, precompressedPreview } from '../../scripts/precompressedPreview';

type Handler = (req: unknown, res: unknown, next: () => void) => void;

const dir = mkdtempSync(join(tmpdir(), 'precompressed-'));
const files = { 'index.html': '<!doctype html><p>hello</p>', 'app.js': 'console.log(1);'.repeat(50) };
let server: Server;
let port = 0;

beforeAll(async () => {
  writeFileSync(join(dir, 'index.html'), files['index.html']);
  writeFileSync(join(dir, 'index.html.br'), brotliCompressSync(files['index.html']));
  writeFileSync(join(dir, 'index.html.gz'), gzipSync(files['index.html']));
  writeFileSync(join(dir, 'app.js'), files['app.js']);
  writeFileSync(join(dir, 'app.js.gz'), gzipSync(files['app.js']));
  writeFileSync(join(dir, 'data.bin'), new Uint8Array(10));
  const plugin = precompressedPreview() as unknown as {
    configResolved(config: object): void;
    configurePreviewServer(server: object): void;
  };
  plugin.configResolved({ root: dir, base: '/x/', build: { outDir: '.' } });
  let handler: Handler = () => undefined;
  plugin.configurePreviewServer({ middlewares: { use: (h: Handler) => (handler = h) } });
  server = createServer((req, res) =>
    handler(req, res, () => {
      res.statusCode = 404; // "next": what Vite would serve itself
      res.end('fallthrough');
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A raw GET (no decoding): status, headers and body bytes. */
function get(path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('precompressed files in vite preview', () => {
  it('reads Accept-Encoding, q=0 included', () => {
    expect(accepts('gzip, deflate, br, zstd', 'br')).toBe(true);
    expect(accepts('gzip;q=0, br;q=0.5', 'gzip')).toBe(false);
    expect(accepts('gzip;q=0, br;q=0.5', 'br')).toBe(true);
    expect(accepts('', 'gzip')).toBe(false);
    expect(accepts(undefined, 'gzip')).toBe(false);
  });

  it('serves the brotli file where accepted and present, with the original type', async () => {
    const res = await get('/x/', { 'accept-encoding': 'gzip, br' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers.vary).toBe('Accept-Encoding');
    expect(res.body).toEqual(brotliCompressSync(files['index.html']));
  });

  it('falls back to gzip where there is no brotli file, and answers an unchanged ETag with 304', async () => {
    const res = await get('/x/app.js?v=1', { 'accept-encoding': 'br, gzip' });
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['content-type']).toMatch(/^text\/javascript/);
    expect(Number(res.headers['content-length'])).toBe(res.body.length);
    const again = await get('/x/app.js', { 'accept-encoding': 'gzip', 'if-none-match': String(res.headers.etag) });
    expect(again.status).toBe(304);
  });

  it('leaves to Vite what it cannot serve compressed: no encoding accepted, no compressed file, outside the base or the build', async () => {
    for (const [path, encoding] of [
      ['/x/app.js', 'identity'],
      ['/x/data.bin', 'br, gzip'],
      ['/app.js', 'br, gzip'],
      ['/x/../app.js', 'br, gzip'],
      ['/x/%2e%2e/secret', 'br, gzip'],
      ['/x/missing.js', 'br, gzip'],
      ['/x/%E0%A4%A', 'br, gzip'],
    ]) {
      const res = await get(path, { 'accept-encoding': encoding });
      expect([path, res.status, res.body.toString()]).toEqual([path, 404, 'fallthrough']);
    }
  });
});
