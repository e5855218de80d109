/** The words for an architecture's options (the catalog's `choice.*` keys), and a whole architecture in one line. */
import type { TFunction } from 'i18next';
import type { ArchitectureOptions } from '../../engine/model/layerSpec';

/** The catalog key of every value of every option: the typecheck fails if the catalog misses one. */
export type ChoiceKey = {
  [K in keyof ArchitectureOptions]: `choice.${K}.${ArchitectureOptions[K]}`;
}[keyof ArchitectureOptions];

/** The key of `value` of `option`. */
export function choiceKey(option: keyof ArchitectureOptions, value: string): ChoiceKey {
  return `choice.${option}.${value}` as ChoiceKey;
}

/** `architecture` as one line in the language shown ("ReLU, max pooling, C3 full, cross-entropy"). */
export function architectureText(t: TFunction<'training'>, architecture: ArchitectureOptions): string {
  return t('origin.architecture', {
    activation: t(choiceKey('activation', architecture.activation)),
    pooling: t(choiceKey('pooling', architecture.pooling)),
    c3: t(choiceKey('c3Connectivity', architecture.c3Connectivity)),
    loss: t(choiceKey('loss', architecture.loss)),
  });
}
