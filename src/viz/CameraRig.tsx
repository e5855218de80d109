import { OrbitControls } from '@react-three/drei';
import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useRef } from 'react';
import { Vector3 } from 'three';
import type { OrbitControls as OrbitControlsImpl } from 'three-stdlib';
import type { NetworkLayout } from './layout/networkLayout';
import { useAppStore } from '../store/appStore';
import { presetFlight, sceneHolder } from './sceneHolder';

/** Orbit, zoom and pan, and smooth flights to the camera presets; also publishes the camera for the automation API. */
export function CameraRig({ layout }: { layout: NetworkLayout }) {
  const controls = useRef<OrbitControlsImpl>(null);
  const { camera, size, gl, invalidate } = useThree();
  sceneHolder.invalidate = invalidate;
  const target = useRef(new Vector3());
  const goal = useRef(new Vector3());

  useEffect(() => {
    const start = presetFlight(layout, useAppStore.getState().cameraPreset);
    camera.position.set(...start.position);
    controls.current?.target.set(...start.target);
    controls.current?.update();
  }, [camera, layout]);

  useFrame(() => {
    sceneHolder.camera = camera;
    sceneHolder.width = size.width;
    sceneHolder.height = size.height;
    sceneHolder.canvas = gl.domElement;
    sceneHolder.framesRendered++;
    const flight = sceneHolder.flight;
    const orbit = controls.current;
    if (!flight || !orbit) return;
    invalidate(); // keep rendering until the flight lands
    goal.current.set(...flight.position);
    target.current.set(...flight.target);
    camera.position.lerp(goal.current, 0.15);
    orbit.target.lerp(target.current, 0.15);
    orbit.update();
    if (camera.position.distanceTo(goal.current) < 0.05 && orbit.target.distanceTo(target.current) < 0.05) sceneHolder.flight = null;
  });

  return <OrbitControls ref={controls} makeDefault enableDamping={false} />;
}
