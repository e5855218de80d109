import { useFrame } from '@react-three/fiber';
import { useMemo, useRef } from 'react';
import { BufferAttribute, BufferGeometry, Color, DoubleSide, LineBasicMaterial, MeshBasicMaterial } from 'three';
import type { LayerSpec } from '../engine/model/layerSpec';
import { tensorSpec, parameterLayout } from '../engine/model/parameters';
import { useAppStore } from '../store/appStore';
import { frameHolder } from '../store/frameHolder';
import { edgeColour } from './colourRamp';
import { edgeDeltas } from './deltaExplanation';
import { edgeOpacities, focusAlphas } from './combinationEdges';
import { effectiveParams } from './effectiveWeights';
import { focusSources, highlightedNodes } from './highlights';
import { type NetworkLayout } from './layout/networkLayout';
import { nodeIndex, type NodeRef } from '../engine/model/nodeRef';
import { paintTile, tileGeometry, writeTile } from './nodeTiles';

const SOURCE = new Color(0.2, 0.95, 1.0);
const WINNER = new Color(0.45, 1.0, 0.3);
const FOCUS = new Color(1, 1, 1);
const MAX_EDGES = 1024;

/** Marks the focused node and its sources (or receptive field), and draws its incoming edges coloured by weight. */
export function FocusMarkers({
  layout,
  layers,
  params,
}: {
  layout: NetworkLayout;
  layers: readonly LayerSpec[];
  params: () => Float32Array;
}) {
  const capacity = layout.layers.reduce((n, l) => n + l.count, 0) + 1;
  const seen = useRef('');
  // Tiles a third wider than a node (a fifth for the large upright outputs), a hair above its plane or in front of it
  // (merged quads, as in nodeTiles.ts).
  const geometry = useMemo(() => tileGeometry(capacity), [capacity]);
  const material = useMemo(
    () =>
      new MeshBasicMaterial({
        vertexColors: true,
        transparent: true,
        opacity: 0.55,
        depthWrite: false,
        side: DoubleSide,
      }),
    [],
  );
  const edgeGeometry = useMemo(() => {
    const g = new BufferGeometry();
    g.setAttribute('position', new BufferAttribute(new Float32Array(MAX_EDGES * 6), 3));
    // RGBA: an edge's opacity is its α for a c3 node with learned combinations (combinationEdges.ts), else 1.
    g.setAttribute('color', new BufferAttribute(new Float32Array(MAX_EDGES * 8), 4));
    g.setDrawRange(0, 0);
    return g;
  }, []);
  const edgeMaterial = useMemo(
    () => new LineBasicMaterial({ vertexColors: true, transparent: true, opacity: 0.8 }),
    [],
  );
  const weightOffsets = useMemo(() => {
    const parameters = parameterLayout(layers);
    return new Map(
      layers
        .filter((l) => l.kind === 'conv' || l.kind === 'dense')
        .map((l) => [l.id, tensorSpec(parameters, `${l.id}.weight`).offset]),
    );
  }, [layers]);

  const position = (ref: NodeRef): [number, number, number] => {
    const l = layers.findIndex((s) => s.id === ref.layer);
    const i = nodeIndex(layers[l], ref);
    const p = layout.layers[l].positions;
    return [p[3 * i], p[3 * i + 1], p[3 * i + 2]];
  };

  useFrame(() => {
    const { focus, traceMode, edgeMode, viewKind } = useAppStore.getState();
    const key = `${JSON.stringify(focus)}|${traceMode}|${edgeMode}|${viewKind}|${frameHolder.version}`;
    if (key === seen.current) return;
    seen.current = key;
    const marked = highlightedNodes(layers, focus, traceMode, frameHolder.frame);
    const corners = geometry.getAttribute('position') as BufferAttribute;
    const tints = geometry.getAttribute('color') as BufferAttribute;
    const place = (i: number, ref: NodeRef, colour: Color) => {
      const { nodeSize: size, upright } = layout.layers[layers.findIndex((s) => s.id === ref.layer)];
      const [x, y, z] = position(ref);
      const lift = 0.05 * size; // toward the viewer: above a lying tile, in front of an upright one
      const tiles = corners.array as Float32Array;
      if (upright) writeTile(tiles, i, x, y, z + lift, 1.2 * size, true);
      else writeTile(tiles, i, x, y + lift, z, 1.35 * size);
      paintTile(tints.array as Float32Array, i, colour.r, colour.g, colour.b);
    };
    const count = Math.min(capacity, marked.length + (focus ? 1 : 0));
    marked.slice(0, count).forEach((node, i) => place(i, node, node.winner ? WINNER : SOURCE));
    if (focus) place(count - 1, focus, FOCUS);
    geometry.setDrawRange(0, count * 6);
    for (const attribute of [corners, tints]) {
      attribute.clearUpdateRanges();
      attribute.addUpdateRange(0, Math.max(1, count) * 12); // upload the tiles in use, not all 9,119
      attribute.needsUpdate = true;
    }

    const sources = focus ? focusSources(layers, focus, frameHolder.frame).slice(0, MAX_EDGES) : [];
    const positions = edgeGeometry.getAttribute('position') as BufferAttribute;
    const colours = edgeGeometry.getAttribute('color') as BufferAttribute;
    const raw = params();
    const w = effectiveParams(layers, raw); // a learned c3's edges carry α k
    const opacities = edgeOpacities(focus ? focusAlphas(layers, raw, focus) : null, sources);
    const frame = frameHolder.frame;
    // The backward view: each edge carries W × δ from the focused node down to its source.
    const backward = viewKind === 'backward' && frame ? frameHolder.backward : null;
    const strengths =
      focus && backward
        ? edgeDeltas(layers, raw, frame!, backward, focus).slice(0, MAX_EDGES)
        : sources.map((s) => {
            const offset = weightOffsets.get(focus!.layer);
            const weight = offset === undefined || s.weightIndex === undefined ? 1 : w[offset + s.weightIndex];
            if (edgeMode === 'weight' || !frame) return weight;
            const part = frame.layers[layers.findIndex((l) => l.id === s.layer)];
            return (
              weight *
              frame.values[
                part.out[0] +
                  nodeIndex(
                    layers.find((l) => l.id === s.layer)!,
                    s,
                  )
              ]
            );
          });
    const scale = Math.max(1e-9, ...strengths.map(Math.abs));
    const from = focus ? position(focus) : [0, 0, 0];
    const rgb = [0, 0, 0];
    sources.forEach((s, i) => {
      positions.array.set([...from, ...position(s)], i * 6);
      edgeColour(strengths[i] / scale, rgb);
      colours.array.set([...rgb, opacities[i], ...rgb, opacities[i]], i * 8);
    });
    positions.needsUpdate = true;
    colours.needsUpdate = true;
    edgeGeometry.setDrawRange(0, sources.length * 2);
  });

  return (
    <group>
      <mesh geometry={geometry} material={material} frustumCulled={false} raycast={() => null} renderOrder={2} />
      <lineSegments geometry={edgeGeometry} material={edgeMaterial} frustumCulled={false} raycast={() => null} />
    </group>
  );
}
