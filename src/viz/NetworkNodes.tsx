import { useFrame, type ThreeEvent } from '@react-three/fiber';
import { useLayoutEffect, useMemo, useRef } from 'react';
import { DoubleSide, InstancedBufferAttribute, InstancedMesh, Matrix4, MeshBasicMaterial, PlaneGeometry } from 'three';
import type { ActivationFrame } from '../engine/activationFrame';
import type { ActivationRanges, ValueRange } from '../engine/activationRanges';
import type { LayerSpec } from '../engine/model/layerSpec';
import { useAppStore } from '../store/appStore';
import { frameHolder } from '../store/frameHolder';
import { BASE_COLOUR, deltaT, divergingColour, normalise, rampColour, rangeOf } from './colourRamp';
import { deltaLayerValues, deltaScale, sweepDuration, sweepReached } from './deltaView';
import { nodeRef, type NetworkLayout } from './layout/networkLayout';
import { flyTo, sceneHolder } from './sceneHolder';

/** A layer's activations, or in difference mode their change from the previous checkpoint's frame. */
function layerValues(frame: ActivationFrame, previous: ActivationFrame | null, mode: string, l: number): Float32Array {
  const [offset, count] = frame.layers[l].out;
  const values = frame.values.slice(offset, offset + count);
  if (mode !== 'difference' || !previous) return mode === 'difference' ? values.fill(0) : values;
  const [before] = previous.layers[l].out;
  for (let i = 0; i < count; i++) values[i] -= previous.values[before + i];
  return values;
}

/** A range symmetric about 0 with the larger magnitude of `range`, for signed differences. */
function symmetric(range: ValueRange): ValueRange {
  const r = Math.max(Math.abs(range[0]), Math.abs(range[1]));
  return [-r, r];
}

/** Every neuron as a tile, one InstancedMesh per layer, recoloured in place when the frame changes. */
export function NetworkNodes({ layout, layers, ranges }: { layout: NetworkLayout; layers: readonly LayerSpec[]; ranges: ActivationRanges | null }) {
  const meshes = useRef<(InstancedMesh | null)[]>([]);
  const seen = useRef({ version: -1, mode: '' });
  const swept = useRef(-1);
  // A flat square facing up: two triangles per neuron (software renderers draw 9,118 of them every frame).
  const geometry = useMemo(() => new PlaneGeometry(1, 1).rotateX(-Math.PI / 2), []);
  const material = useMemo(() => new MeshBasicMaterial({ color: 0xffffff, side: DoubleSide }), []);

  useLayoutEffect(() => {
    const matrix = new Matrix4();
    layout.layers.forEach((layer, l) => {
      const mesh = meshes.current[l];
      if (!mesh) return;
      const colours = new Float32Array(layer.count * 3);
      for (let i = 0; i < layer.count; i++) {
        const p = layer.positions;
        matrix.makeScale(layer.nodeSize, layer.nodeSize, layer.nodeSize).setPosition(p[3 * i], p[3 * i + 1], p[3 * i + 2]);
        mesh.setMatrixAt(i, matrix);
        colours.set(BASE_COLOUR, 3 * i);
      }
      mesh.instanceColor = new InstancedBufferAttribute(colours, 3);
      mesh.instanceMatrix.needsUpdate = true;
      mesh.computeBoundingSphere();
    });
    seen.current.version = -1;
  }, [layout]);

  useFrame((state) => {
    const { colourMode, viewKind, deltaPart, sweepStart, set } = useAppStore.getState();
    const backward = viewKind === 'backward' ? frameHolder.backward : null;
    // The sweep lights the layers up from the output down, one every SWEEP_MS_PER_LAYER, then ends.
    const elapsed = sweepStart === null || !backward ? Infinity : performance.now() - sweepStart;
    const reached = layout.layers.filter((_, l) => sweepReached(layout.layers.length, l, elapsed)).length;
    if (elapsed !== Infinity) {
      if (elapsed >= sweepDuration(layout.layers.length)) set({ sweepStart: null });
      else state.invalidate();
    }
    const mode = `${colourMode}|${viewKind}|${deltaPart}|${backward ? 'b' : ''}`;
    if (frameHolder.version === seen.current.version && mode === seen.current.mode && reached === swept.current) return;
    seen.current = { version: frameHolder.version, mode };
    swept.current = reached;
    if (backward) {
      paintDeltas(backward, deltaPart, elapsed);
      return;
    }
    const frame = frameHolder.frame;
    if (frameHolder.inputTime > 0) {
      sceneHolder.latencies.push(performance.now() - frameHolder.inputTime);
      if (sceneHolder.latencies.length > 2000) sceneHolder.latencies.shift();
    }
    layout.layers.forEach((layer, l) => {
      const mesh = meshes.current[l];
      if (!mesh?.instanceColor) return;
      const colours = mesh.instanceColor.array as Float32Array;
      const part = frame?.layers[l];
      if (!frame || !part) {
        for (let i = 0; i < layer.count; i++) colours.set(BASE_COLOUR, 3 * i);
      } else {
        const values = layerValues(frame, frameHolder.previous, colourMode, l);
        const fixed = layer.id === 'input' || layer.id === 'output' ? ([0, 1] as const) : ranges?.[layer.id]?.out;
        const range = colourMode === 'fixed' && fixed ? fixed
          : colourMode === 'difference' ? symmetric(fixed ?? rangeOf(values)) : rangeOf(values);
        for (let i = 0; i < layer.count; i++) rampColour(normalise(values[i], range), colours, 3 * i);
      }
      mesh.instanceColor.needsUpdate = true;
    });
  });

  /** Colours every layer the sweep has reached by its error terms, the rest as empty nodes. */
  const paintDeltas = (backward: NonNullable<typeof frameHolder.backward>, part: 'pre' | 'out', elapsed: number) => {
    layout.layers.forEach((layer, l) => {
      const mesh = meshes.current[l];
      if (!mesh?.instanceColor) return;
      const colours = mesh.instanceColor.array as Float32Array;
      if (!sweepReached(layout.layers.length, l, elapsed) || !backward.layers[l]) {
        for (let i = 0; i < layer.count; i++) colours.set(BASE_COLOUR, 3 * i);
      } else {
        const values = deltaLayerValues(backward, l, part);
        const scale = deltaScale(values);
        for (let i = 0; i < layer.count; i++) divergingColour(deltaT(values[i], scale), colours, 3 * i);
      }
      mesh.instanceColor.needsUpdate = true;
    });
  };

  const hover = (l: number) => (event: ThreeEvent<PointerEvent>) => {
    event.stopPropagation();
    if (event.instanceId === undefined || useAppStore.getState().pinned) return;
    const focus = nodeRef(layers[l], event.instanceId);
    const current = useAppStore.getState().focus;
    if (!current || current.layer !== focus.layer || current.c !== focus.c || current.y !== focus.y || current.x !== focus.x) {
      useAppStore.getState().set({ focus });
    }
  };
  const click = (l: number) => (event: ThreeEvent<MouseEvent>) => {
    event.stopPropagation();
    if (event.instanceId === undefined) return;
    useAppStore.getState().set({ focus: nodeRef(layers[l], event.instanceId), pinned: true });
  };

  return (
    <group>
      {layout.layers.map((layer, l) => (
        <instancedMesh
          key={layer.id}
          ref={(mesh) => { meshes.current[l] = mesh; }}
          args={[geometry, material, layer.count]}
          onPointerMove={hover(l)}
          onPointerOut={() => { if (!useAppStore.getState().pinned) useAppStore.getState().set({ focus: null }); }}
          onClick={click(l)}
          onDoubleClick={(event) => { event.stopPropagation(); flyTo(layer.id); }}
        />
      ))}
    </group>
  );
}
