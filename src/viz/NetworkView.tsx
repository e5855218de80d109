import { Canvas } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import type { ActivationRanges } from '../engine/activationRanges';
import type { LayerSpec } from '../engine/model/layerSpec';
import { useAppStore } from '../store/appStore';
import { frameListeners } from '../store/frameHolder';
import { CameraRig } from './CameraRig';
import { FocusMarkers } from './FocusMarkers';
import { LayerLabels } from './LayerLabels';
import { networkLayout } from './layout/networkLayout';
import { NetworkNodes } from './NetworkNodes';
import { sceneHolder } from './sceneHolder';

/** The 3D node-link view: every neuron, the focused node's sources, labels and the camera. */
export function NetworkView({ layers, ranges, params }: { layers: readonly LayerSpec[]; ranges: ActivationRanges | null; params: () => Float32Array }) {
  const layout = useMemo(() => networkLayout(layers), [layers]);
  sceneHolder.layout = layout;
  // The canvas renders on demand: a new frame, focus or view mode asks for one.
  useEffect(() => {
    const redraw = () => sceneHolder.invalidate();
    frameListeners.add(redraw);
    const unsubscribe = useAppStore.subscribe(redraw);
    return () => { frameListeners.delete(redraw); unsubscribe(); };
  }, []);
  return (
    <>
    <Canvas
      className="network-canvas"
      data-testid="network-view"
      camera={{ fov: 40, near: 1, far: 2000 }}
      linear
      flat
      frameloop="demand"
      dpr={[1, 2]}
      gl={{ antialias: false, powerPreference: 'high-performance' }}
      onPointerMissed={() => useAppStore.getState().set({ focus: null, pinned: false })}
    >
      <color attach="background" args={['#0d1017']} />
      <NetworkNodes layout={layout} layers={layers} ranges={ranges} />
      <FocusMarkers layout={layout} layers={layers} params={params} />
      <CameraRig layout={layout} />
    </Canvas>
    <LayerLabels layout={layout} layers={layers} />
    </>
  );
}
