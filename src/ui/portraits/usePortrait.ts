/**
 * A node's portrait data for the selected checkpoint, as the panel needs it: its top test digits (with the
 * test images to draw them) and its histogram, once the checkpoint's pass over the test set is done (cached
 * per checkpoint by the interpretation controller), and its feature image (cached per node). Asked again when
 * the node or the checkpoint changes; an answer for an earlier node or checkpoint is dropped.
 */
import { useEffect, useRef, useState } from 'react';
import type { MnistSet } from '../../engine/data/mnistInput';
import type { FeatureImage } from '../../engine/interpret/featureImage';
import type { NodeHistogram } from '../../engine/interpret/neuronPortraits';
import type { NodeRef } from '../../engine/model/nodeRef';
import { errorText } from '../../i18n/message';
import { useAppStore } from '../../store/appStore';
import type { EngineConnection } from '../../store/connectEngine';

/** The top digits shown (the k). */
export const TOP_DIGITS = 9;

/** A node's top digits and histogram, or why there are none yet. */
export interface PortraitData {
  readonly top: readonly { index: number; value: number }[];
  readonly histogram: NodeHistogram;
  readonly test: MnistSet;
}

/** Changes whenever the checkpoint whose portraits are shown may have changed. */
function useCheckpointKey(): string {
  const run = useAppStore((s) => s.run);
  const index = useAppStore((s) => s.checkpointIndex);
  const count = useAppStore((s) => s.checkpoints.length);
  return `${run}|${index}|${count}`;
}

/** `compute` for `key` (null: nothing asked), its result or failure; results for an older key are dropped. */
function useAsync<T>(key: string | null, compute: () => Promise<T>): { value: T | null; problem: string | null } {
  const [state, setState] = useState<{ key: string | null; value: T | null; problem: string | null }>({
    key: null,
    value: null,
    problem: null,
  });
  const latest = useRef(compute);
  useEffect(() => {
    latest.current = compute;
  });
  useEffect(() => {
    if (key === null) return;
    let live = true;
    latest.current().then(
      (value) => live && setState({ key, value, problem: null }),
      (error: unknown) => live && setState({ key, value: null, problem: errorText(error) }),
    );
    return () => {
      live = false;
    };
  }, [key]);
  return state.key === key ? state : { value: null, problem: null };
}

const nodeKey = (node: NodeRef) => `${node.layer}.${node.c}.${node.y}.${node.x}`;

/** The top digits and histogram of `node` at the selected checkpoint. */
export function usePortraitData(engine: EngineConnection, node: NodeRef) {
  const key = `${nodeKey(node)}|${useCheckpointKey()}`;
  return useAsync<PortraitData>(key, async () => {
    const [top, histogram] = await Promise.all([
      engine.interpret.topImages(node, TOP_DIGITS),
      engine.interpret.histogram(node),
    ]);
    return { top, histogram, test: engine.explorer.loadedTestSet()! };
  });
}

/** The feature image of `node` at the selected checkpoint (null: not asked for). */
export function useFeatureImage(engine: EngineConnection, node: NodeRef | null) {
  const checkpoint = useCheckpointKey();
  const key = node ? `${nodeKey(node)}|${checkpoint}` : null;
  return useAsync<FeatureImage>(key, () => engine.interpret.featureImage(node!));
}
