/** What the training buttons do for the run shown, and which run's progress may be shown. */
import { describe, expect, it } from 'vitest';
import { i18n } from '../../../src/i18n/i18n';
import { DEFAULT_ARCHITECTURE } from '../../../src/engine/model/lenet5';
import { architectureText } from '../../../src/ui/training/architectureWords';
import { belongsToShown, trainingIntent } from '../../../src/ui/training/trainingIntent';

const idle = { run: null, status: 'idle' } as const;

describe('training intent', () => {
  it('on a shipped or imported run starts a new run, named with the first free name', () => {
    expect(trainingIntent('lenet5-default', ['lenet5-default', 'lenet5-classic'], idle)).toEqual({
      kind: 'newRun',
      name: 'my-run',
    });
    expect(
      trainingIntent('my-run (2)', ['lenet5-default', 'my-run', 'my-run (2)'], { run: 'my-run', status: 'paused' }),
    ).toEqual({ kind: 'newRun', name: 'my-run-2' });
  });

  it('on a run trained here continues it; Resume only when its own training is paused in this tab', () => {
    expect(trainingIntent('my-run', ['my-run'], idle)).toEqual({ kind: 'continue', resumable: false });
    expect(trainingIntent('my-run', ['my-run'], { run: 'my-run', status: 'paused' })).toEqual({
      kind: 'continue',
      resumable: true,
    });
    expect(trainingIntent('my-run-2', ['my-run', 'my-run-2'], { run: 'my-run', status: 'paused' })).toEqual({
      kind: 'continue',
      resumable: false,
    });
  });

  it("shows progress only beside the run it belongs to (never the shipped run's panel with my-run's progress)", () => {
    expect(belongsToShown('my-run', 'my-run')).toBe(true);
    expect(belongsToShown('my-run', 'lenet5-default')).toBe(false);
    expect(belongsToShown(null, 'lenet5-default')).toBe(false);
    expect(belongsToShown(null, null)).toBe(false);
  });

  it('names an architecture in one line in either language', () => {
    expect(architectureText(i18n.getFixedT('en', 'training'), DEFAULT_ARCHITECTURE)).toBe(
      'ReLU, max pooling, C3 full, cross-entropy',
    );
    expect(
      architectureText(i18n.getFixedT('zh', 'training'), {
        ...DEFAULT_ARCHITECTURE,
        pooling: 'subsample',
        loss: 'mean-squared-error',
      }),
    ).toBe('ReLU、可训练的降采样层（LeCun）、C3 全部连接、均方误差');
  });
});
