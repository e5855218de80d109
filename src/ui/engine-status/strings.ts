/** The words of the engine's status (which engine runs, the checkpoint shown) and of the engine-down alert, in English and Chinese. */
import type { Catalog } from '../../i18n/catalog';

export const en = {
  engine: 'engine: {{name}}',
  name: {
    webgl2: 'WebGL2 (worker)',
    wasm: 'WebAssembly SIMD (worker)',
    cpu: 'CPU reference (worker)',
    starting: 'starting…',
  },
  checkpoint: '{{run}}, epoch {{epoch}}',
  checkpointWithAccuracy: '{{run}}, epoch {{epoch}}, test accuracy {{accuracy}}',
  restart: 'restart the engine',
};

export const zh: Catalog<typeof en> = {
  engine: '计算引擎：{{name}}',
  name: {
    webgl2: 'WebGL2（worker 线程）',
    wasm: 'WebAssembly SIMD（worker 线程）',
    cpu: 'CPU 参考实现（worker 线程）',
    starting: '正在启动…',
  },
  checkpoint: '{{run}}，训练 {{epoch}} 轮',
  checkpointWithAccuracy: '{{run}}，训练 {{epoch}} 轮，测试准确率 {{accuracy}}',
  restart: '重新启动引擎',
};
