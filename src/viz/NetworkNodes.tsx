import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import { BufferAttribute, DoubleSide, MeshBasicMaterial } from 'three';
import type { ActivationFrame } from '../engine/activationFrame';
import type { ActivationRanges, ValueRange } from '../engine/activationRanges';
import { useAppStore } from '../store/appStore';
import { frameHolder } from '../store/frameHolder';
import { attributionColour, attributionScale } from './attributionColours';
import { BASE_COLOUR, deltaT, divergingColour, normalise, rampColour, rangeOf } from './colourRamp';
import { deltaLayerValues, deltaScales, sweepDuration, sweepReached, type DeltaScaleMode } from './deltaView';
import type { NetworkLayout } from './layout/networkLayout';
import { layerTileGeometry, spreadColours } from './nodeTiles';
import { sceneHolder } from './sceneHolder';

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

/** Every neuron as a tile, one merged mesh per layer (see nodeTiles.ts), recoloured in place when the frame changes. */
export function NetworkNodes({ layout, ranges }: { layout: NetworkLayout; ranges: ActivationRanges | null }) {
  const swept = useRef(-1);
  const material = useMemo(() => new MeshBasicMaterial({ vertexColors: true, side: DoubleSide }), []);
  const tiles = useMemo(
    () =>
      layout.layers.map((layer) => ({
        geometry: layerTileGeometry(layer.positions, layer.nodeSize, layer.upright),
        nodeColours: new Float32Array(layer.count * 3),
      })),
    [layout],
  );
  useEffect(() => () => tiles.forEach((t) => t.geometry.dispose()), [tiles]);
  useEffect(() => () => material.dispose(), [material]);
  const seen = useRef({
    version: -1,
    mode: '',
    ranges: null as ActivationRanges | null,
    tiles: null as typeof tiles | null,
  });

  /** Copies each layer's node colours to its tiles and marks them for upload. */
  const upload = () =>
    tiles.forEach(({ geometry, nodeColours }) => {
      const attribute = geometry.getAttribute('color') as BufferAttribute;
      spreadColours(nodeColours, attribute.array as Float32Array);
      attribute.needsUpdate = true;
    });

  /** Colours every layer the sweep has reached by its error terms (scaled per layer or shared), the rest as empty nodes. */
  const paintDeltas = (
    backward: NonNullable<typeof frameHolder.backward>,
    part: 'pre' | 'out',
    scaling: DeltaScaleMode,
    elapsed: number,
  ) => {
    const scales = deltaScales(backward, part, scaling);
    layout.layers.forEach((layer, l) => {
      const colours = tiles[l].nodeColours;
      if (!sweepReached(layout.layers.length, l, elapsed) || !backward.layers[l]) {
        for (let i = 0; i < layer.count; i++) colours.set(BASE_COLOUR, 3 * i);
      } else {
        const values = deltaLayerValues(backward, l, part);
        for (let i = 0; i < layer.count; i++) divergingColour(deltaT(values[i], scales[l]), colours, 3 * i);
      }
    });
  };

  useFrame((state) => {
    const { colourMode, viewKind, deltaPart, deltaScale, sweepStart, set, attributionOnView } = useAppStore.getState();
    // The attribution frame kind: the input plane shows the heatmap of the pad instead of the pixels.
    const attribution = attributionOnView && viewKind === 'forward' ? frameHolder.attribution : null;
    const backward = viewKind === 'backward' ? frameHolder.backward : null;
    // The sweep lights the layers up from the output down, one every SWEEP_MS_PER_LAYER, then ends.
    const elapsed = sweepStart === null || !backward ? Infinity : performance.now() - sweepStart;
    const reached = layout.layers.filter((_, l) => sweepReached(layout.layers.length, l, elapsed)).length;
    if (elapsed !== Infinity) {
      if (elapsed >= sweepDuration(layout.layers.length)) set({ sweepStart: null });
      else state.invalidate();
    }
    const mode = `${colourMode}|${viewKind}|${deltaPart}|${deltaScale}|${backward ? 'b' : ''}|${attribution ? frameHolder.attributionVersion : ''}`;
    const last = seen.current;
    if (
      frameHolder.version === last.version &&
      mode === last.mode &&
      ranges === last.ranges &&
      reached === swept.current &&
      tiles === last.tiles
    )
      return;
    seen.current = { version: frameHolder.version, mode, ranges, tiles };
    swept.current = reached;
    if (backward) {
      paintDeltas(backward, deltaPart, deltaScale, elapsed);
      upload();
      return;
    }
    const frame = frameHolder.frame;
    if (frameHolder.inputTime > 0) {
      sceneHolder.latencies.push(performance.now() - frameHolder.inputTime);
      if (sceneHolder.latencies.length > 2000) sceneHolder.latencies.shift();
    }
    layout.layers.forEach((layer, l) => {
      const colours = tiles[l].nodeColours;
      const part = frame?.layers[l];
      if (!frame || !part) {
        for (let i = 0; i < layer.count; i++) colours.set(BASE_COLOUR, 3 * i);
      } else {
        const values = layerValues(frame, frameHolder.previous, colourMode, l);
        const fixed = layer.id === 'input' || layer.id === 'output' ? ([0, 1] as const) : ranges?.[layer.id]?.out;
        const range =
          colourMode === 'fixed' && fixed
            ? fixed
            : colourMode === 'difference'
              ? symmetric(fixed ?? rangeOf(values))
              : rangeOf(values);
        for (let i = 0; i < layer.count; i++) rampColour(normalise(values[i], range), colours, 3 * i);
      }
    });
    if (attribution && layout.layers[0]?.count === attribution.map.length) {
      const scale = attributionScale(attribution.method, attribution.map);
      attribution.map.forEach((value, i) => attributionColour(value, scale, tiles[0].nodeColours, 3 * i));
    }
    upload();
  });

  return (
    <group>
      {layout.layers.map((layer, l) => (
        <mesh key={layer.id} geometry={tiles[l].geometry} material={material} raycast={() => null} />
      ))}
    </group>
  );
}
