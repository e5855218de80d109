/**
 * The worker's answers to the interpretation views: attributions of an input by the network shown
 * (the backend in the slot, with a teaching copy when one is taught), and the neuron portraits and
 * feature images of a checkpoint's weights, computed on a network of their own (probeNetwork.ts).
 */
import type { MnistSet } from '../engine/data/mnistInput';
import { attribute } from '../engine/interpret/attribute';
import { synthesizeFeature } from '../engine/interpret/featureImage';
import { portraitPass } from '../engine/interpret/portraitPass';
import type { EngineSlot } from './engineSlot';
import { ProbeNetwork } from './probeNetwork';
import type { EngineCommand, EngineEvent } from './protocol';
import { checkInput } from './runGuards';
import type { TeachingCopy } from './teachingCopy';
import { pollSleep } from './waitTurn';

/** The portrait pass reports its progress at most this often (ms). */
const PROGRESS_MS = 100;

/** The commands this module answers. */
export type InterpretCommand = Extract<EngineCommand, { type: 'attribute' | 'computePortraits' | 'synthesizeFeature' }>;

/** True for the commands `InterpretCommands.execute` answers. */
export function isInterpretCommand(command: EngineCommand): command is InterpretCommand {
  return command.type === 'attribute' || command.type === 'computePortraits' || command.type === 'synthesizeFeature';
}

/** Answers the interpretation commands. */
export class InterpretCommands {
  readonly probe = new ProbeNetwork();

  constructor(
    private readonly slot: EngineSlot,
    private readonly teaching: TeachingCopy,
    private readonly post: (event: EngineEvent) => void,
    private readonly testSet: () => MnistSet | null,
  ) {}

  async execute(command: InterpretCommand): Promise<void> {
    switch (command.type) {
      case 'attribute': {
        checkInput(command.input);
        const backend = this.slot.require();
        if (!this.slot.weights) throw new Error('no weights: send loadWeights first');
        this.teaching.sync(backend);
        const attribution = attribute(backend.attributionEngine(), command.input, command.method, command.options);
        this.post({ type: 'attributed', requestId: command.requestId, attribution });
        return;
      }
      case 'computePortraits': {
        const test = this.testSet();
        if (!test) throw new Error('no test images: send setTestSet first');
        let reported = performance.now();
        const turn = (done: number) => {
          if (performance.now() - reported >= PROGRESS_MS) {
            reported = performance.now();
            this.post({ type: 'portraitsProgressed', requestId: command.requestId, done });
          }
          return pollSleep();
        };
        const portraits = await this.probe.run(() =>
          portraitPass(this.probe.engine(command.architecture, command.params), test, command.limit, turn),
        );
        this.post({ type: 'portraitsComputed', requestId: command.requestId, portraits });
        return;
      }
      case 'synthesizeFeature': {
        const feature = await this.probe.run(async () =>
          synthesizeFeature(this.probe.engine(command.architecture, command.params), command.node),
        );
        this.post({ type: 'featureSynthesized', requestId: command.requestId, feature });
        return;
      }
      default: {
        const never: never = command;
        throw new Error(`unknown command ${JSON.stringify(never)}`);
      }
    }
  }
}
