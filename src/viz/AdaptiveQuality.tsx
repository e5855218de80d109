import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useRef } from 'react';
import { initialQuality, observeFrame } from './renderQuality';

/** The current animation frame's time stamp (the one requestAnimationFrame callbacks receive). */
const frameStamp = () => (document.timeline?.currentTime as number | null) ?? performance.now();

/**
 * Sets the canvas's pixel ratio by renderQuality.ts from measured frame times. A frame time is the
 * interval between two 3D frames rendered in consecutive animation frames (under load: drawing,
 * hovering, turning the camera), which stretches when the GPU or the software rasterizer falls
 * behind; a frame rendered after idle animation frames says nothing and is not counted.
 */
export function AdaptiveQuality() {
  const setDpr = useThree((state) => state.setDpr);
  const quality = useRef(initialQuality(window.devicePixelRatio));
  const last = useRef({ stamp: -1, next: -1, pending: false });

  useEffect(() => {
    setDpr(quality.current.ratio);
  }, [setDpr]);

  useFrame(() => {
    const stamp = frameStamp();
    const previous = last.current;
    // The callback requested by the previous 3D frame runs in the animation frame after it: still pending, or stamped with this frame.
    const consecutive =
      previous.stamp >= 0 && stamp > previous.stamp && (previous.pending || Math.abs(previous.next - stamp) < 1);
    if (consecutive) {
      const before = quality.current.ratio;
      quality.current = observeFrame(quality.current, stamp - previous.stamp, window.devicePixelRatio);
      if (quality.current.ratio !== before) setDpr(quality.current.ratio);
    }
    const now = { stamp, next: -1, pending: true };
    last.current = now;
    requestAnimationFrame((next) => {
      now.pending = false;
      now.next = next;
    });
  });
  return null;
}
