/**
 * The words of the engine's status (which engine runs, its details, why it fell back: the worker's reason codes of
 * src/worker/protocol.ts `EngineReason`) and of the engine-down alert, in English and Chinese.
 */
import type { Catalog } from '../../i18n/catalog';
import { zhTerm } from '../../i18n/glossary';

export const en = {
  engine: 'engine: {{name}}',
  name: {
    webgl2: 'WebGL2 (GPU)',
    wasm: 'WebAssembly (CPU)',
    cpu: 'reference (CPU)',
    starting: 'starting…',
  },
  details: 'details',
  /** What each engine is, in the details. */
  about: {
    webgl2: 'The WebGL2 engine: fragment-shader draws on the GPU, in a worker thread. Renderer: {{renderer}}.',
    wasm: 'The WebAssembly SIMD engine: float32 matrix products four lanes at a time, in a worker thread.',
    cpu: 'The reference engine: plain TypeScript loops in float64, in a worker thread (the test oracle of the others).',
  },
  /** Why the engine running is not the one preferred, or changed (the cause; what runs instead follows). */
  reason: {
    asked: 'The address asks for this engine (?backend={{backend}}).',
    wasmMissing: 'The WebAssembly engine is not available here.',
    wasmFailed: 'The WebAssembly engine could not start: {{detail}}.',
    webgl2Failed: 'The WebGL2 engine could not start: {{detail}}.',
    softwareRenderer:
      'WebGL2 here is a software renderer ({{renderer}}), which the WebGL2 engine would share with the 3D view; an engine on the CPU answers your drawing sooner. Add ?backend=webgl2 to the address to use the WebGL2 engine anyway.',
    contextLost: 'The WebGL context was lost; the engine goes on from the last saved weights.',
    contextRestored: 'The WebGL context is back.',
  },
  /** What runs instead. */
  then: {
    wasm: 'Using the WebAssembly engine.',
    cpu: 'Using the reference engine.',
    wasmAlsoFailed: 'The WebAssembly engine could not start either ({{detail}}), so the reference engine runs.',
  },
  /** A cause and what runs instead; a note (e.g. a restart) and the reason for the engine it restarted on. */
  causeThen: '{{cause}} {{then}}',
  noteWithReason: '{{note}} {{reason}}',
  dismiss: 'dismiss',
  restart: 'restart the engine',
};

export const zh: Catalog<typeof en> = {
  engine: '计算引擎：{{name}}',
  name: {
    webgl2: 'WebGL2（GPU）',
    wasm: 'WebAssembly（CPU）',
    cpu: '参考实现（CPU）',
    starting: '正在启动…',
  },
  details: '详情',
  about: {
    webgl2: 'WebGL2 引擎：在 GPU 上用片段着色器计算，运行在 worker 线程中。渲染器：{{renderer}}。',
    wasm: 'WebAssembly SIMD 引擎：float32 矩阵乘法一次算四路，运行在 worker 线程中。',
    cpu: '参考引擎：用 float64 的普通 TypeScript 循环计算，运行在 worker 线程中（其他引擎以它为检验标准）。',
  },
  reason: {
    asked: '网址指定了这个引擎（?backend={{backend}}）。',
    wasmMissing: '这里无法使用 WebAssembly 引擎。',
    wasmFailed: 'WebAssembly 引擎无法启动：{{detail}}。',
    webgl2Failed: 'WebGL2 引擎无法启动：{{detail}}。',
    softwareRenderer:
      '这里的 WebGL2 是软件渲染器（{{renderer}}），WebGL2 引擎得与 3D 视图共用它；在 CPU 上运行的引擎能更快地识别你的手写数字。若仍想使用 WebGL2 引擎，请在网址中加上 ?backend=webgl2。',
    contextLost: `WebGL 上下文丢失了；引擎从最后保存的${zhTerm.weight}继续。`,
    contextRestored: 'WebGL 上下文已恢复。',
  },
  then: {
    wasm: '现在使用 WebAssembly 引擎。',
    cpu: '现在使用参考引擎。',
    wasmAlsoFailed: 'WebAssembly 引擎也无法启动（{{detail}}），所以由参考引擎运行。',
  },
  causeThen: '{{cause}}{{then}}',
  noteWithReason: '{{note}}{{reason}}',
  dismiss: '关闭',
  restart: '重新启动引擎',
};
