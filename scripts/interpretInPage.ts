/**
 * The interpretation figures of `npm run bench:interpret` measured where the app computes them: the engine
 * worker in headless Chromium on the WebAssembly engine (`?backend=wasm`), each timed in the page around a
 * `window.lenet` call (so including the round trip to the worker and the structured clone of the answer).
 */
import type { AttributionMethod, AttributionOptions } from '../src/engine/interpret/attribute';
import type { NodeRef } from '../src/engine/model/nodeRef';
import { openApp } from './appBrowser';

/** Median milliseconds of each figure, and the renderer string the page reports. */
export interface PageFigures {
  readonly attribution: Record<string, number>;
  readonly portraitPass: number;
  readonly topImages: number;
  readonly featureImage: number;
  readonly backend: string;
}

/** Opens the app on the WebAssembly engine and times attributions, the portrait pass, top digits and feature images. */
export async function measureInPage(
  methods: readonly (readonly [string, AttributionMethod, AttributionOptions])[],
  repeats: number,
  featureNodes: readonly NodeRef[],
): Promise<PageFigures> {
  const session = await openApp('?backend=wasm', { reloadOnChange: false });
  try {
    // tsx keeps function names with a `__name` helper that the page does not have.
    await session.page.evaluate('globalThis.__name = (f) => f');
    return await session.page.evaluate(
      async ({ methods, repeats, featureNodes }) => {
        const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
        const time = async (job: () => Promise<unknown>) => {
          const started = performance.now();
          await job();
          return performance.now() - started;
        };
        const lenet = window.lenet;
        await lenet.loadTestDigit(0); // fetches the test images and hands them to the worker
        const attribution: Record<string, number> = {};
        for (const [name, method, options] of methods) {
          await lenet.attribution(method, options); // warm-up
          const times: number[] = [];
          for (let r = 0; r < repeats; r++) times.push(await time(() => lenet.attribution(method, options)));
          attribution[name] = median(times);
        }
        const portraitPass = await time(() => lenet.topImages({ layer: 'c3', c: 0, y: 0, x: 0 }, 9));
        const lookups: number[] = [];
        for (let c = 0; c < 16; c++)
          lookups.push(await time(() => lenet.topImages({ layer: 'c3', c, y: c % 10, x: 9 - (c % 10) }, 9)));
        const features: number[] = [];
        for (const node of featureNodes) features.push(await time(() => lenet.featureImage(node)));
        return {
          attribution,
          portraitPass,
          topImages: median(lookups),
          featureImage: median(features),
          backend: String(lenet.state().backend),
        };
      },
      { methods, repeats, featureNodes },
    );
  } finally {
    await session.close();
  }
}
