/**
 * Sets the app in the state that shows a chapter's section: a digit to read (a test digit when the pad is
 * empty), the focused node, the forward or backward view, the camera, or the panel to open.
 */
import { useAppStore } from '../../store/appStore';
import type { EngineConnection } from '../../store/connectEngine';
import { flyTo } from '../../viz/sceneHolder';
import { strongestNode } from '../../viz/strongestNode';
import { randomWeight } from '../kernels/kernelImages';
import { chapterById, type Chapter } from './chapterList';

/** The MNIST test digit a chapter reads when the pad is empty (test image 0, a 7). */
export const CHAPTER_TEST_DIGIT = 0;

/** The input to show: the drawing if there is one, else the chapter's test digit (loaded and read). */
async function ensureInput(connection: EngineConnection): Promise<void> {
  const { input } = useAppStore.getState();
  if (input && input.some((v) => v !== 0)) return;
  await connection.explorer.loadTestDigit(CHAPTER_TEST_DIGIT);
}

/** Opens the control section `name` (a `<details data-section>`) and scrolls it into view. */
function openSection(name: string): void {
  const section = document.querySelector<HTMLDetailsElement>(`details[data-section="${name}"]`);
  if (!section) return;
  section.open = true;
  section.scrollIntoView({ block: 'start', behavior: 'smooth' });
}

/**
 * On a desktop, where the controls are a column of their own that scrolls, brings the pinned node's close-up (at its
 * top) into view in that column once it shows; elsewhere the page is left where it is (the view stays on screen).
 */
async function revealCloseup(): Promise<void> {
  const column = document.querySelector<HTMLElement>('.controls');
  if (column && getComputedStyle(column).overflowY === 'auto') await reveal('.controls .closeup', 'nearest');
}

/** Scrolls the element `selector` finds into view once it shows (its code may still be loading; at most ~10 s). */
async function reveal(selector: string, block: ScrollLogicalPosition): Promise<void> {
  for (let frame = 0; frame < 600; frame++) {
    const element = document.querySelector(selector);
    if (element) return element.scrollIntoView({ block, behavior: 'smooth' });
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}

/** The shift the equivariance chapter sets: whole pixels, c1 follows it exactly; dy = 1 is not a whole s2 cell. */
export const CHAPTER_SHIFT = { dx: 2, dy: 1 } as const;

/** Opens the transform probe's panel on the part a chapter is about. */
async function showProbe(connection: EngineConnection, part: 'equivariance' | 'invariance'): Promise<void> {
  const { set, probePanel } = useAppStore.getState();
  set({
    viewKind: 'forward',
    probePanel: { ...probePanel, open: true, ...(part === 'equivariance' ? { layer: 'c1' } : {}) },
  });
  await connection.probe.setProbe(part === 'equivariance' ? CHAPTER_SHIFT : null);
  openSection('probe');
  void reveal(part === 'equivariance' ? '[data-testid="equivariance-panel"]' : '.probe-section .sweeps', 'start');
}

/** The shipped run with learned combinations (when the page holds it, else the run shown) and its α panel. */
async function showCombinations(connection: EngineConnection): Promise<void> {
  const learned = connection.runs.get('lenet5-learned');
  if (learned && connection.selectedRun() !== learned) await connection.showRun(learned);
  const node = strongestNode(useAppStore.getState().layers, 'c3', false);
  useAppStore.getState().set({ viewKind: 'forward', focus: node, pinned: node !== null, traceMode: 'direct' });
  openSection('combinations');
}

/** The label a backward chapter teaches: the runner-up digit, so there is something to learn. */
function runnerUp(): number {
  const prediction = useAppStore.getState().prediction;
  if (!prediction) return 0;
  const order = prediction.probabilities.map((p, digit) => [p, digit]).sort((a, b) => b[0] - a[0]);
  return order[1][1];
}

async function showScene(connection: EngineConnection, chapter: Chapter): Promise<void> {
  const { set } = useAppStore.getState();
  const scene = chapter.scene;
  if (scene.kind === 'coming') return;
  await ensureInput(connection);
  if (scene.kind === 'probe') return showProbe(connection, scene.part);
  if (scene.kind === 'combinations') return showCombinations(connection);
  if (scene.kind === 'section') {
    if (scene.section === 'gradients') {
      set({ trueLabel: runnerUp(), viewKind: 'backward', sweepStart: null });
      await connection.backprop.read(useAppStore.getState().input!);
      const pick = randomWeight(useAppStore.getState().layers);
      await connection.backprop.checkGradient(pick.tensor, pick.index);
    }
    openSection(scene.section);
    if (scene.reveal) void reveal(`[data-testid="${scene.reveal}"]`, 'center');
    return;
  }

  if (scene.backward) {
    set({ trueLabel: runnerUp(), viewKind: 'backward', sweepStart: null, deltaPart: 'pre' });
    await connection.backprop.read(useAppStore.getState().input!);
  } else set({ viewKind: 'forward' });
  const node = strongestNode(useAppStore.getState().layers, scene.layer, scene.backward);
  // The pinned node's close-up shows its arithmetic beside the view (unfolded for the chapter).
  const { closeup } = useAppStore.getState();
  set({
    focus: node,
    pinned: node !== null,
    traceMode: 'direct',
    closeup: { ...closeup, folded: false },
    ...(scene.portrait ? { portraitOpen: true } : {}),
  });
  void revealCloseup();
  flyTo('overview');
}

/** Opens chapter `id`: records it (its text is shown, the address carries it) and sets its scene up. */
export async function openChapter(connection: EngineConnection, id: string): Promise<void> {
  const chapter = chapterById(id);
  if (!chapter) throw new Error(`no chapter ${id}`);
  useAppStore.getState().set({ chapter: chapter.id });
  await showScene(connection, chapter);
}
