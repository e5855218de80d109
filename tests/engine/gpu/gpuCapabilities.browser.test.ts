import { expect, it } from 'vitest';
import { createComputeContext } from '../../../src/engine/gpu/glContext';

it('Chromium gives a WebGL2 OffscreenCanvas context with float render targets', () => {
  const { gl, capabilities } = createComputeContext();
  expect(gl).toBeTruthy();
  expect(capabilities.renderer).toMatch(/\S/);
  expect(capabilities.maxDrawBuffers).toBeGreaterThanOrEqual(4);
  console.log(`renderer: ${capabilities.renderer}, max texture ${capabilities.maxTextureSize}`);
});
