import { Canvas } from '@react-three/fiber';
import { useMemo } from 'react';
import type { ActivationRanges } from '../engine/activationRanges';
import type { LayerSpec } from '../engine/model/layerSpec';
import { useAppStore } from '../store/appStore';
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
  return (
    <>
    <Canvas
      className="network-canvas"
      data-testid="network-view"
      camera={{ fov: 40, near: 1, far: 2000 }}
      linear
      flat
      dpr={[1, 2]}
      gl={{ antialias: true, preserveDrawingBuffer: true }}
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
