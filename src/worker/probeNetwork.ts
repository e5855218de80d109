/**
 * The network the neuron portraits and feature images are computed on: weights sent with each
 * command (a checkpoint's), kept apart from the weights loaded for the view and from a teaching
 * copy. It is the WebAssembly engine where it starts, else the reference engine (float32). Jobs run
 * one at a time, so a job that yields as it goes (a pass over the test images, a feature image) is never mixed
 * with other weights.
 */
import type { NodeEngine } from '../engine/interpret/attributionEngine';
import type { ArchitectureOptions } from '../engine/model/layerSpec';
import { lenet5Layers } from '../engine/model/lenet5';
import { referenceEngine } from '../engine/reference/referenceAttribution';
import { ReferenceNetwork } from '../engine/reference/referenceNetwork';
import { wasmEngine } from '../engine/wasm/wasmAttribution';
import { WasmNetwork } from '../engine/wasm/wasmNetwork';

/** A private network for weights sent with a command. */
export class ProbeNetwork {
  private wasm: WasmNetwork | null | undefined;
  private loaded: { architecture: string; params: Float32Array; engine: NodeEngine } | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  /** Runs `job` once every earlier job has finished. */
  run<T>(job: () => Promise<T>): Promise<T> {
    const next = this.queue.then(job, job);
    this.queue = next.catch(() => {});
    return next;
  }

  /** Which engine computes: 'wasm' or 'cpu' (decided on first use). */
  get kind(): 'wasm' | 'cpu' {
    return this.wasmNetwork() ? 'wasm' : 'cpu';
  }

  private wasmNetwork(): WasmNetwork | null {
    if (this.wasm === undefined) {
      try {
        this.wasm = new WasmNetwork();
      } catch {
        this.wasm = null; // no WebAssembly here: the reference engine computes
      }
    }
    return this.wasm;
  }

  /** The engine holding these weights (loaded again only when they differ from the last ones). */
  engine(architecture: ArchitectureOptions, params: Float32Array): NodeEngine {
    const key = JSON.stringify(architecture);
    const last = this.loaded;
    if (
      last &&
      last.architecture === key &&
      last.params.length === params.length &&
      last.params.every((v, i) => v === params[i])
    )
      return last.engine;
    const wasm = this.wasmNetwork();
    let engine: NodeEngine;
    if (wasm) {
      wasm.load(architecture, params, null);
      engine = wasmEngine(wasm);
    } else {
      engine = referenceEngine(new ReferenceNetwork(lenet5Layers(architecture), architecture.loss, params.slice()));
    }
    this.loaded = { architecture: key, params: params.slice(), engine };
    return engine;
  }
}
