/**
 * The backward view's side of the engine connection: reads a drawing's backward pass, teaches the
 * network the drawing on the worker's scratch copy of the selected checkpoint (and undoes it), measures
 * what teaching cost on test images, and checks one weight's derivative against a finite difference.
 */
import type { ActivationFrame } from '../engine/activationFrame';
import type { EngineClient } from '../worker/engineClient';
import { useAppStore, type AppState } from './appStore';
import { frameHolder, predictionOf, showBackward, showFrame } from './frameHolder';
import { networkInput } from './networkInput';
import { taughtState } from './teachingStep';

/** Test images the cost of teaching is measured on. */
export const TEACHING_TEST_IMAGES = 1000;

/** What the panels, the view and the automation API call. */
export interface BackpropController {
  /** The backward pass of `input` against the chosen label (or the reading); shows its deltas, returns its frame. */
  read(input: Float32Array): Promise<ActivationFrame>;
  /** `steps` SGD steps on the drawing with `label`; the view and reading follow the taught copy. */
  teach(label: number, steps: number, learningRate: number): Promise<{ lossBefore: number; lossAfter: number }>;
  /** Returns to the selected checkpoint exactly. */
  undo(): Promise<void>;
  /** Test accuracy on 1,000 test images before and after the teaching (fetches MNIST on first use). */
  measureCost(): Promise<void>;
  /** Checks the derivative of `tensor`[`index`] for the drawing and label. */
  checkGradient(tensor: string, index: number): Promise<void>;
  /** The teaching copy's weights, or null when not teaching. */
  taughtParams(): Float32Array | null;
  /** Forgets the teaching (the worker's copy went with a weights load). */
  forget(): void;
}

interface Dependencies {
  client: EngineClient;
  /** Loads the selected checkpoint's weights into the worker (the teaching starts from them). */
  loadSelected(): Promise<void>;
  pauseTraining(): Promise<void>;
  ensureDataset(): Promise<void>;
  /** Re-reads the drawing with the weights the worker holds. */
  refresh(): Promise<void>;
}

const set = (partial: Partial<AppState>) => useAppStore.getState().set(partial);

/** The label a backward pass uses: the person's choice, or null for the network's reading. */
export function chosenLabel(): number | null {
  return useAppStore.getState().trueLabel;
}

/** The input the backward view reads: the network's, under the probe (an empty pad reads as a blank 32x32 input). */
export function currentInput(): Float32Array {
  return networkInput() ?? new Float32Array(1024);
}

/** Creates the controller. */
export function createBackpropController(deps: Dependencies): BackpropController {
  const { client } = deps;
  let taught: Float32Array | null = null;

  const controller: BackpropController = {
    async read(input) {
      const reply = await client.backward(input, chosenLabel());
      showBackward(reply.backward);
      set({ backward: { loss: reply.backward.loss, label: reply.backward.label } });
      return reply.frame;
    },
    async teach(label, steps, learningRate) {
      const state = useAppStore.getState();
      if (!state.teaching) {
        await deps.pauseTraining();
        await deps.loadSelected();
      }
      const input = currentInput();
      const reply = await client.teach(input.slice(), label, steps, learningRate);
      taught = reply.params;
      const prediction = predictionOf(reply.frame);
      const teaching = taughtState(useAppStore.getState().teaching, {
        label,
        input,
        steps: reply.teachingSteps,
        lossBefore: reply.lossBefore,
        lossAfter: reply.lossAfter,
        reads: prediction.label === label,
      });
      showFrame(reply.frame);
      showBackward(reply.backward);
      set({ prediction, trueLabel: label, backward: { loss: reply.backward.loss, label }, teaching });
      return { lossBefore: reply.lossBefore, lossAfter: reply.lossAfter };
    },
    async undo() {
      await client.undoTeach();
      controller.forget();
      await deps.refresh();
    },
    async measureCost() {
      if (!useAppStore.getState().teaching) throw new Error('nothing has been taught yet');
      await deps.ensureDataset();
      const cost = await client.evaluateTeaching(TEACHING_TEST_IMAGES);
      const teaching = useAppStore.getState().teaching;
      if (teaching)
        set({ teaching: { ...teaching, cost: { before: cost.before, after: cost.after, images: cost.images } } });
    },
    async checkGradient(tensor, index) {
      const label = chosenLabel() ?? frameHolder.backward?.label ?? useAppStore.getState().prediction?.label ?? 0;
      set({ selectedWeight: { tensor, index } });
      const { check, engineGradient } = await client.checkGradient(currentInput(), label, tensor, index);
      set({ gradientCheck: { ...check, engineGradient } });
    },
    taughtParams: () => taught,
    forget() {
      taught = null;
      set({ teaching: null });
    },
  };
  return controller;
}
