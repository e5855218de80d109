/**
 * The worker's answers to the interpretation views: attributions of an input by the network shown
 * (the backend in the slot, with a teaching copy when one is taught), and the neuron portraits, a node's
 * ranking of the test images and feature images of a checkpoint's weights, computed on a network of their own
 * (probeNetwork.ts). The passes over the test images and the feature image's ascent yield to the event loop
 * as they go, so that a drawing sent meanwhile is answered.
 */
import type { MnistSet } from '../engine/data/mnistInput';
import { attribute } from '../engine/interpret/attribute';
import { synthesizeFeatureYielding } from '../engine/interpret/featureImage';
import { rankTestImages } from '../engine/interpret/nodeRanking';
import { portraitPass } from '../engine/interpret/portraitPass';
import type { EngineSlot } from './engineSlot';
import { ProbeNetwork } from './probeNetwork';
import type { EngineCommand, EngineEvent } from './protocol';
import { checkInput } from './runGuards';
import type { TeachingCopy } from './teachingCopy';
import { createWaitTurn, pollSleep } from './waitTurn';

/** The portrait pass reports its progress at most this often (ms). */
const PROGRESS_MS = 100;

/** The commands this module answers. */
export type InterpretCommand = Extract<
  EngineCommand,
  { type: 'attribute' | 'computePortraits' | 'rankTestImages' | 'synthesizeFeature' }
>;

/** True for the commands `InterpretCommands.execute` answers. */
export function isInterpretCommand(command: EngineCommand): command is InterpretCommand {
  return ['attribute', 'computePortraits', 'rankTestImages', 'synthesizeFeature'].includes(command.type);
}

/** Answers the interpretation commands. */
export class InterpretCommands {
  readonly probe = new ProbeNetwork();
  /** The feature image's turns: they resume as soon as the messages already queued are handled (a timer would add 1 to 4 ms each). */
  private readonly waitTurn = createWaitTurn();

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
      case 'rankTestImages': {
        const test = this.testSet();
        if (!test) throw new Error('no test images: send setTestSet first');
        const ranking = await this.probe.run(() =>
          rankTestImages(
            this.probe.engine(command.architecture, command.params),
            test,
            command.limit,
            command.node,
            command.k,
            pollSleep,
          ),
        );
        this.post({ type: 'testImagesRanked', requestId: command.requestId, ranking });
        return;
      }
      case 'synthesizeFeature': {
        const feature = await this.probe.run(() =>
          synthesizeFeatureYielding(
            this.probe.engine(command.architecture, command.params),
            command.node,
            this.waitTurn,
          ),
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
