import { existsSync } from 'node:fs';
import { playwright } from '@vitest/browser-playwright';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

/** Debian's Chromium: the only browser this project uses (nothing is downloaded). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags from shared/PERFORMANCE.md: software WebGL2 through SwiftShader, no background traffic. */
export const CHROMIUM_FLAGS = [
  '--enable-unsafe-swiftshader',
  '--use-angle=swiftshader',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-sandbox',
];

if (!existsSync(CHROMIUM)) {
  throw new Error(
    `The browser tests need Chromium at ${CHROMIUM}, which is missing.\n` +
      "Install Debian's package with `sudo apt-get update && sudo apt-get install chromium` " +
      '(or set CHROMIUM_PATH to a Chromium binary), then run `npm test` again.',
  );
}

export default defineConfig({
  plugins: [react()],
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/**/*.browser.test.ts', 'tests/**/*.e2e.test.ts'],
          testTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          // Each file starts a dev server and a Chromium: one at a time on a 2-core machine.
          fileParallelism: false,
          include: ['tests/**/*.e2e.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      {
        plugins: [react()],
        // Cross-origin isolation lets the worker test measure the worker's JS heap
        // (performance.measureUserAgentSpecificMemory).
        server: {
          headers: { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' },
        },
        test: {
          name: 'browser',
          include: ['tests/**/*.browser.test.ts'],
          testTimeout: 300_000,
          hookTimeout: 120_000,
          browser: {
            enabled: true,
            headless: true,
            screenshotFailures: false,
            provider: playwright({
              launchOptions: {
                executablePath: CHROMIUM,
                args: [...CHROMIUM_FLAGS, '--enable-blink-features=ForceEagerMeasureMemory'],
              },
            }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
});
