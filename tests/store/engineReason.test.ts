/** The engine's reason codes worded by the engine-status catalog, in English and Chinese. */
import { describe, expect, it } from 'vitest';
import { i18n } from '../../src/i18n/i18n';
import { messageText } from '../../src/i18n/useMessage';
import { engineReasonMessage } from '../../src/store/engineReason';
import type { Backend, EngineReason } from '../../src/worker/protocol';

const words = (language: 'en' | 'zh', reason: EngineReason, backend: Backend) =>
  messageText(i18n.getFixedT(language), engineReasonMessage(reason, backend));

describe('engine reasons', () => {
  it('name the software renderer, then the engine that runs instead', () => {
    const reason: EngineReason = { code: 'softwareRenderer', renderer: 'ANGLE (SwiftShader Device)' };
    expect(words('en', reason, 'wasm')).toBe(
      'WebGL2 here is a software renderer (ANGLE (SwiftShader Device)), which the WebGL2 engine would share with the 3D view; an engine on the CPU answers your drawing sooner. Add ?backend=webgl2 to the address to use the WebGL2 engine anyway. Using the WebAssembly engine.',
    );
    expect(words('zh', reason, 'wasm')).toBe(
      '这里的 WebGL2 是软件渲染器（ANGLE (SwiftShader Device)），WebGL2 引擎得与 3D 视图共用它；在 CPU 上运行的引擎能更快地识别你的手写数字。若仍想使用 WebGL2 引擎，请在网址中加上 ?backend=webgl2。现在使用 WebAssembly 引擎。',
    );
  });

  it('say when the WebAssembly engine failed too, so the reference engine runs', () => {
    const reason: EngineReason = { code: 'webgl2Failed', detail: 'no OffscreenCanvas', wasmDetail: 'no SIMD' };
    expect(words('en', reason, 'cpu')).toBe(
      'The WebGL2 engine could not start: no OffscreenCanvas. The WebAssembly engine could not start either (no SIMD), so the reference engine runs.',
    );
    expect(words('en', { code: 'webgl2Failed', detail: 'no OffscreenCanvas' }, 'cpu')).toBe(
      'The WebGL2 engine could not start: no OffscreenCanvas. Using the reference engine.',
    );
  });

  it('add nothing after a cause that says it all', () => {
    expect(words('en', { code: 'asked' }, 'cpu')).toBe('The address asks for this engine (?backend=cpu).');
    expect(words('zh', { code: 'contextRestored' }, 'webgl2')).toBe('WebGL 上下文已恢复。');
  });

  it('follow the engine that took over after a lost context, whichever it is', () => {
    expect(words('en', { code: 'contextLost' }, 'cpu')).toBe(
      'The WebGL context was lost; the engine goes on from the last saved weights. Using the reference engine.',
    );
    expect(words('zh', { code: 'contextLost' }, 'wasm')).toBe(
      'WebGL 上下文丢失了；引擎从最后保存的权值继续。现在使用 WebAssembly 引擎。',
    );
  });
});
