import { Canvas } from '@react-three/fiber';
import { useEffect, useLayoutEffect, useMemo } from 'react';
import type { ActivationRanges } from '../engine/activationRanges';
import type { LayerSpec } from '../engine/model/layerSpec';
import { useAppStore, type AppState } from '../store/appStore';
import { frameListeners } from '../store/frameHolder';
import { AdaptiveQuality } from './AdaptiveQuality';
import { CAMERA_FOV } from './cameraPresets';
import { CameraRig } from './CameraRig';
import { FocusMarkers } from './FocusMarkers';
import { LayerLabels } from './LayerLabels';
import { networkLayout } from './layout/networkLayout';
import { NetworkNodes } from './NetworkNodes';
import { NodePointer } from './NodePointer';
import { sceneHolder } from './sceneHolder';

/** The store fields the picture is drawn from: a change to any other field (training figures, the pad's strokes) needs no frame. */
const VIEW_FIELDS = [
  'focus',
  'pinned',
  'traceMode',
  'edgeMode',
  'colourMode',
  'viewKind',
  'deltaPart',
  'sweepStart',
  'ranges',
] as const satisfies readonly (keyof AppState)[];

/** The 3D node-link view: every neuron, the focused node's sources, labels and the camera. */
export function NetworkView({
  layers,
  ranges,
  params,
}: {
  layers: readonly LayerSpec[];
  ranges: ActivationRanges | null;
  params: () => Float32Array;
}) {
  const layout = useMemo(() => networkLayout(layers), [layers]);
  useLayoutEffect(() => {
    sceneHolder.layout = layout;
  }, [layout]);
  // The canvas renders on demand: a new frame, or a change to what the view shows, asks for one.
  useEffect(() => {
    const redraw = () => sceneHolder.invalidate();
    frameListeners.add(redraw);
    const unsubscribe = useAppStore.subscribe((state, previous) => {
      if (VIEW_FIELDS.some((field) => state[field] !== previous[field])) redraw();
    });
    return () => {
      frameListeners.delete(redraw);
      unsubscribe();
    };
  }, []);
  return (
    <>
      <Canvas
        className="network-canvas"
        camera={{ fov: CAMERA_FOV, near: 1, far: 4000 }}
        linear
        flat
        frameloop="demand"
        gl={{ antialias: false, powerPreference: 'high-performance' }}
      >
        <color attach="background" args={['#0d1017']} />
        <NetworkNodes layout={layout} ranges={ranges} />
        <FocusMarkers layout={layout} layers={layers} params={params} />
        <NodePointer layout={layout} layers={layers} />
        <CameraRig layout={layout} />
        <AdaptiveQuality />
      </Canvas>
      <LayerLabels layout={layout} layers={layers} />
    </>
  );
}
