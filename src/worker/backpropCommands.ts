/**
 * The worker's answers to the backward view: one image's backward pass, teaching on a scratch copy
 * of the loaded weights (teachingCopy.ts), its cost in test accuracy, and the check of one weight's
 * derivative against a finite difference.
 */
import type { MnistSet } from '../engine/data/mnistInput';
import { lenet5Layers } from '../engine/model/lenet5';
import { tensorSpec, parameterLayout } from '../engine/model/parameters';
import { checkWeight } from '../engine/reference/weightCheck';
import type { ComputeBackend } from './computeBackend';
import type { EngineSlot } from './engineSlot';
import type { EngineCommand, EngineEvent } from './protocol';
import { checkInput } from './runGuards';
import { TeachingCopy } from './teachingCopy';
import { pollSleep } from './waitTurn';

/** The commands this module answers. */
export type BackpropCommand = Extract<
  EngineCommand,
  { type: 'backward' | 'teach' | 'undoTeach' | 'evaluateTeaching' | 'checkGradient' }
>;

/** True for the commands `BackpropCommands.execute` answers. */
export function isBackpropCommand(command: EngineCommand): command is BackpropCommand {
  return ['backward', 'teach', 'undoTeach', 'evaluateTeaching', 'checkGradient'].includes(command.type);
}

function checkLabel(label: number | null): void {
  if (label !== null && !(Number.isInteger(label) && label >= 0 && label <= 9)) {
    throw new RangeError(`a label is a digit 0-9, got ${String(label)}`);
  }
}

/** Answers the backward view's commands with the backend in the slot. */
export class BackpropCommands {
  readonly teaching = new TeachingCopy();

  constructor(
    private readonly slot: EngineSlot,
    private readonly post: (event: EngineEvent) => void,
    private readonly testSet: () => MnistSet | null,
  ) {}

  private backend(): ComputeBackend {
    const backend = this.slot.require();
    if (!this.slot.weights) throw new Error('no weights: send loadWeights first');
    this.teaching.sync(backend);
    return backend;
  }

  async execute(command: BackpropCommand): Promise<void> {
    switch (command.type) {
      case 'backward': {
        checkInput(command.input);
        checkLabel(command.label);
        const backend = this.backend();
        const label = command.label ?? predictedLabel(backend, command.input);
        const { frame, backward } = backend.backward(command.input, label);
        this.post({
          type: 'backwardComputed',
          requestId: command.requestId,
          frame,
          backward,
          teachingSteps: this.teaching.steps,
        });
        return;
      }
      case 'teach': {
        checkInput(command.input);
        checkLabel(command.label);
        const backend = this.backend();
        const taught = this.teaching.teach(
          backend,
          this.slot.weights!,
          command.input,
          command.label,
          command.steps,
          command.learningRate,
        );
        this.post({ type: 'taught', requestId: command.requestId, ...taught, teachingSteps: this.teaching.steps });
        return;
      }
      case 'undoTeach':
        this.teaching.undo(this.slot.require());
        this.post({ type: 'teachingUndone', requestId: command.requestId });
        return;
      case 'evaluateTeaching': {
        const test = this.testSet();
        if (!test) throw new Error('no test images: load MNIST first');
        const result = await this.teaching.evaluate(this.backend(), test, command.limit, pollSleep);
        this.post({ type: 'teachingEvaluated', requestId: command.requestId, ...result });
        return;
      }
      case 'checkGradient': {
        checkInput(command.input);
        checkLabel(command.label);
        const backend = this.backend();
        const { architecture } = this.slot.weights!;
        const layers = lenet5Layers(architecture);
        const offset = tensorSpec(parameterLayout(layers), command.tensor).offset;
        const check = checkWeight(
          layers,
          architecture.loss,
          backend.parameters(),
          command.input,
          command.label,
          command.tensor,
          command.index,
          command.epsilon,
        );
        const engineGradient = backend.backward(command.input, command.label).backward.gradients[
          offset + command.index
        ];
        this.post({ type: 'gradientChecked', requestId: command.requestId, check, engineGradient });
        return;
      }
      default: {
        const never: never = command;
        throw new Error(`unknown command ${JSON.stringify(never)}`);
      }
    }
  }
}

/** The digit the backend reads in `input`. */
function predictedLabel(backend: ComputeBackend, input: Float32Array): number {
  const frame = backend.infer(input);
  const output = frame.layers[frame.layers.length - 1].out;
  const probabilities = frame.values.subarray(output[0], output[0] + output[1]);
  return probabilities.indexOf(Math.max(...probabilities));
}
