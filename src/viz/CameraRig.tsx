import { OrbitControls } from '@react-three/drei';
import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useLayoutEffect, useRef } from 'react';
import { Vector3 } from 'three';
import type { OrbitControls as OrbitControlsImpl } from 'three-stdlib';
import type { NetworkLayout } from './layout/networkLayout';
import { useAppStore } from '../store/appStore';
import { presetFlight, sceneHolder } from './sceneHolder';

/**
 * Orbit, zoom and pan, and smooth flights to the camera presets; also publishes the camera for the
 * automation API and tells the frame listeners. While the camera rests on its preset (nobody has
 * turned it since), a resized canvas gets the preset fitted again.
 */
export function CameraRig({ layout }: { layout: NetworkLayout }) {
  const controls = useRef<OrbitControlsImpl>(null);
  const { camera, size, gl, invalidate } = useThree();
  // Published before the effects below (and any flight) fit a preset to the canvas's size.
  useLayoutEffect(() => {
    sceneHolder.invalidate = invalidate;
    sceneHolder.width = size.width;
    sceneHolder.height = size.height;
  }, [invalidate, size.width, size.height]);
  const target = useRef(new Vector3());
  const goal = useRef(new Vector3());
  const onPreset = useRef(true);

  useEffect(() => {
    const orbit = controls.current;
    if (!orbit) return;
    const turned = () => {
      onPreset.current = false;
      sceneHolder.flight = null;
    };
    orbit.addEventListener('start', turned);
    return () => orbit.removeEventListener('start', turned);
  }, []);

  useEffect(() => {
    if (!onPreset.current && !sceneHolder.flight) return;
    const start = presetFlight(layout, useAppStore.getState().cameraPreset);
    if (sceneHolder.flight) {
      sceneHolder.flight = start;
      return;
    }
    camera.position.set(...start.position);
    controls.current?.target.set(...start.target);
    controls.current?.update();
    invalidate();
  }, [camera, layout, size.width, size.height, invalidate]);

  useFrame(() => {
    sceneHolder.camera = camera;
    sceneHolder.canvas = gl.domElement;
    sceneHolder.framesRendered++;
    const flight = sceneHolder.flight;
    const orbit = controls.current;
    if (flight && orbit) {
      invalidate(); // keep rendering until the flight lands
      goal.current.set(...flight.position);
      target.current.set(...flight.target);
      camera.position.lerp(goal.current, 0.15);
      orbit.target.lerp(target.current, 0.15);
      orbit.update();
      const close = 1e-3 * goal.current.distanceTo(target.current) + 1e-3;
      if (camera.position.distanceTo(goal.current) < close && orbit.target.distanceTo(target.current) < close) {
        sceneHolder.flight = null;
        onPreset.current = true;
      }
    }
    camera.updateMatrixWorld();
    sceneHolder.frameListeners.forEach((listener) => listener());
  });

  return <OrbitControls ref={controls} makeDefault enableDamping={false} />;
}
