import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { constants } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';
import { VitePWA } from 'vite-plugin-pwa';
import { precompressedPreview } from './scripts/precompressedPreview';

/** A short hash of every file under `dir`: the service worker's cache of the shipped runs is named by it. */
function folderHash(dir: string): string {
  const hash = createHash('sha256');
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  for (const file of files.map((entry) => join(entry.parentPath, entry.name)).sort()) {
    hash.update(file.slice(dir.length)).update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 12);
}

const RUNS_CACHE = `lenet-runs-${folderHash(join(import.meta.dirname, 'public', 'models'))}`;

export default defineConfig({
  plugins: [
    react(),
    // Precompressed copies of everything text-like at the highest levels; the large binary files (checkpoints,
    // predictions, MNIST) at fast levels, which compress them within 1% as well in a fraction of the time.
    compression({
      include: /\.(html|js|mjs|css|json|webmanifest|svg|wasm|txt)$/,
      algorithms: [defineAlgorithm('brotliCompress'), defineAlgorithm('gzip')],
    }),
    compression({
      include: /\.(bin|u8)$/,
      algorithms: [
        defineAlgorithm('brotliCompress', { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }),
        defineAlgorithm('gzip', { level: 6 }),
      ],
    }),
    VitePWA({
      registerType: 'prompt', // a new version waits for the person's button (src/ui/shell/UpdateBanner.tsx)
      injectRegister: false, // registered from src/ui/shell/offline.ts once the app is ready
      includeAssets: ['icons/icon.svg', 'icons/apple-touch-icon-180.png'],
      manifest: {
        name: 'LeNet-5, neuron by neuron',
        short_name: 'LeNet-5',
        description: 'Draw a digit and watch every neuron of LeNet-5 light up in 3D; train it in the browser.',
        lang: 'en',
        theme_color: '#11151e',
        background_color: '#11151e',
        display: 'standalone',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // The app itself (every chunk, also the panels loaded later); not the runs or MNIST, cached as fetched.
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        navigateFallback: 'index.html',
        runtimeCaching: [
          {
            urlPattern: /\/models\/[\w.-]+\/[\w.-]+$/,
            handler: 'CacheFirst',
            options: {
              cacheName: RUNS_CACHE,
              cacheableResponse: { statuses: [200] },
              matchOptions: { ignoreVary: true },
            },
          },
          {
            urlPattern: /\/data\/mnist[\w.-]*$/,
            handler: 'CacheFirst',
            options: {
              cacheName: 'lenet-mnist',
              cacheableResponse: { statuses: [200] },
              matchOptions: { ignoreVary: true },
            },
          },
        ],
      },
    }),
    precompressedPreview(),
  ],
  define: { 'import.meta.env.VITE_RUNS_CACHE': JSON.stringify(RUNS_CACHE) },
  worker: { format: 'es' },
  server: { port: 5173 },
});
