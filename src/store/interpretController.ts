/**
 * The interpretation views' side of the engine connection: attributions of the current input by the
 * network shown, and the neuron portraits and feature images of the selected checkpoint, computed by
 * the worker once per checkpoint (portraits over the test images the checkpoint is evaluated on) and
 * cached here, keyed by the checkpoint's weights, never recomputed on a render. While a pass runs, the store's
 * `portraitProgress` follows it. Top digits beyond the PORTRAIT_KEEP the portraits keep are ranked by the worker
 * on request, in a pass of their own (not cached).
 */
import { heldParams, type RunRecord } from './runRecord';
import type { Attribution, AttributionMethod, AttributionOptions } from '../engine/interpret/attribute';
import type { FeatureImage } from '../engine/interpret/featureImage';
import {
  histogramOf,
  PORTRAIT_KEEP,
  topImagesOf,
  type NeuronPortraits,
  type NodeHistogram,
} from '../engine/interpret/neuronPortraits';
import { nodeIndex, type NodeRef } from '../engine/model/nodeRef';
import type { EngineClient } from '../worker/engineClient';
import type { ExplorerController } from './explorerController';
import { useAppStore } from './appStore';

/** What the interpretation panels and the automation API call. */
export interface InterpretController {
  /** One attribution of the current input (a blank one when the pad is empty) by the network shown. */
  attribution(method: AttributionMethod, options?: AttributionOptions): Promise<Attribution>;
  /** The selected checkpoint's portraits (computed on first use, then cached). */
  portraits(): Promise<NeuronPortraits>;
  /** The selected checkpoint's portraits if already computed, else null (no work started). */
  knownPortraits(): NeuronPortraits | null;
  /**
   * The `k` test digits that excite `node` most at the selected checkpoint, best first (ties to the lower index; all
   * of them when k exceeds the images; a RangeError unless k is a whole number ≥ 1).
   */
  topImages(node: NodeRef, k: number): Promise<{ index: number; value: number }[]>;
  /** The distribution of `node`'s value over the checkpoint's test images. */
  histogram(node: NodeRef): Promise<NodeHistogram>;
  /** The input that maximizes `node` at the selected checkpoint (cached per checkpoint and node). */
  featureImage(node: NodeRef): Promise<FeatureImage>;
}

interface Dependencies {
  client: EngineClient;
  explorer: ExplorerController;
  selected(): { run: RunRecord; index: number };
  /** The network's input now (null: the pad is empty). */
  input(): Float32Array | null;
}

/** Creates the controller. */
export function createInterpretController(deps: Dependencies): InterpretController {
  const { client } = deps;
  // Keyed by a checkpoint's weights: a run trained again under the same name has new arrays.
  const portraits = new WeakMap<Float32Array, Promise<NeuronPortraits>>();
  const known = new WeakMap<Float32Array, NeuronPortraits>();
  const features = new WeakMap<Float32Array, Map<string, Promise<FeatureImage>>>();
  const progress = (portraitProgress: number | null) => useAppStore.getState().set({ portraitProgress });
  let passes = 0; // passes asked for and not yet over (the progress shown is the latest one's)
  client.subscribe((event) => {
    if (event.type === 'portraitsProgressed' && passes > 0) progress(event.done);
  });

  const selectedCheckpoint = () => {
    const { run, index } = deps.selected();
    const checkpoint = run.checkpoints[index];
    if (!checkpoint) throw new RangeError(`no checkpoint ${index} in ${run.name}`);
    return { run, params: heldParams(run, index) };
  };
  const checkNode = (run: RunRecord, node: NodeRef) => {
    const layer = run.architecture.layers.find((l) => l.id === node?.layer);
    if (!layer) throw new RangeError(`no layer ${String(node?.layer)}`);
    nodeIndex(layer, node);
  };
  const controller: InterpretController = {
    async attribution(method, options = {}) {
      const input = deps.input() ?? new Float32Array(1024);
      return (await client.request({ type: 'attribute', input: input.slice(), method, options }, 'attributed'))
        .attribution;
    },
    portraits() {
      const { run, params } = selectedCheckpoint();
      let pending = portraits.get(params);
      if (!pending) {
        passes++;
        progress(0);
        pending = deps.explorer
          .testSet()
          .then(() =>
            client.request(
              {
                type: 'computePortraits',
                architecture: run.architecture,
                params: params.slice(),
                limit: run.testImages,
              },
              'portraitsComputed',
            ),
          )
          .then(({ portraits: computed }) => {
            known.set(params, computed);
            return computed;
          })
          .finally(() => {
            if (--passes === 0) progress(null);
          });
        pending.catch(() => portraits.delete(params)); // a failed pass is tried again next time
        portraits.set(params, pending);
      }
      return pending;
    },
    knownPortraits() {
      return known.get(selectedCheckpoint().params) ?? null;
    },
    async topImages(node, k) {
      const { run, params } = selectedCheckpoint();
      checkNode(run, node);
      if (!(Number.isInteger(k) && k >= 1))
        throw new RangeError(`k must be a whole number, at least 1, got ${String(k)}`);
      if (k <= PORTRAIT_KEEP) return topImagesOf(await controller.portraits(), run.architecture.layers, node, k);
      await deps.explorer.testSet();
      const { ranking } = await client.request(
        {
          type: 'rankTestImages',
          architecture: run.architecture,
          params: params.slice(),
          node: { layer: node.layer, c: node.c, y: node.y, x: node.x },
          limit: run.testImages,
          k,
        },
        'testImagesRanked',
      );
      return Array.from(ranking.index, (index, i) => ({ index, value: ranking.value[i] }));
    },
    async histogram(node) {
      const { run } = selectedCheckpoint();
      checkNode(run, node);
      return histogramOf(await controller.portraits(), run.architecture.layers, node);
    },
    featureImage(node) {
      const { run, params } = selectedCheckpoint();
      checkNode(run, node);
      const byNode = features.get(params) ?? new Map<string, Promise<FeatureImage>>();
      features.set(params, byNode);
      const key = `${node.layer}.${node.c}.${node.y}.${node.x}`;
      let pending = byNode.get(key);
      if (!pending) {
        pending = client
          .request(
            {
              type: 'synthesizeFeature',
              architecture: run.architecture,
              params: params.slice(),
              node: { layer: node.layer, c: node.c, y: node.y, x: node.x },
            },
            'featureSynthesized',
          )
          .then((reply) => reply.feature);
        pending.catch(() => byNode.delete(key));
        byNode.set(key, pending);
      }
      return pending;
    },
  };
  return controller;
}
