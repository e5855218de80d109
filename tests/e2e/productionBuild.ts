/**
 * The production build for end-to-end tests that need it (the service worker is active only there): built once
 * per test file into a temporary folder, under a base path, and served by `vite preview` under that path.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, preview, type PreviewServer } from 'vite';

const ROOT = join(import.meta.dirname, '..', '..');

/** A served build: the app's address (ending in the base path) and how to stop serving it. */
export interface ServedBuild {
  readonly url: string;
  close(): Promise<void>;
}

/** Builds the app with `base` (e.g. `/sub/lenet/`) and serves it; `close` stops the server and deletes the build. */
export async function buildAndServe(base: string): Promise<ServedBuild> {
  const outDir = mkdtempSync(join(tmpdir(), 'lenet-build-'));
  const options = { root: ROOT, base, build: { outDir, emptyOutDir: true }, logLevel: 'warn' as const };
  let server: PreviewServer | undefined;
  // Under vitest NODE_ENV is 'test', which would make Vite build React's and the app's development code.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build(options);
    server = await preview({ ...options, preview: { port: 0, host: '127.0.0.1' }, logLevel: 'error' });
  } catch (error) {
    rmSync(outDir, { recursive: true, force: true });
    throw error;
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  return {
    url: `${new URL(server.resolvedUrls!.local[0]).origin}${base}`,
    async close() {
      await server.close();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}
