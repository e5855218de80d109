/**
 * The story of a test digit across the checkpoints ("learned at epoch 1/8, forgotten at 3, learned again
 * at 5") as data, and its sentence in the language shown: each clause a catalog key of its own, so the
 * Chinese can put its words in its own order.
 */
import type { TFunction } from 'i18next';
import { epochLabel } from '../../store/explorerData';

/** More changes of mind than this are summarised rather than listed. */
const LISTED_CHANGES = 4;

/** One clause of a story: what happened to the reading at a checkpoint's epoch. */
export interface StoryClause {
  readonly kind: 'openedRight' | 'learnedFirst' | 'learned' | 'learnedAgain' | 'forgotten' | 'forgottenAgain';
  readonly epoch: number;
}

/** The shape of a digit's story over the checkpoints. */
export type Story =
  | { readonly kind: 'unread' }
  | { readonly kind: 'alwaysRight'; readonly epoch: number }
  | { readonly kind: 'neverLearned' }
  | { readonly kind: 'listed'; readonly clauses: readonly StoryClause[] }
  | {
      readonly kind: 'summarised';
      readonly first: StoryClause;
      readonly more: number;
      readonly endsRight: boolean;
      readonly since: number;
    };

/** The story of a digit read correctly or not (`correct[i]`) at the checkpoint of `epochs[i]`. */
export function learningStory(epochs: readonly number[], correct: readonly boolean[]): Story {
  if (epochs.length !== correct.length)
    throw new Error(`learningStory: ${epochs.length} epochs but ${correct.length} readings`);
  if (correct.length === 0) return { kind: 'unread' };
  if (correct.every((c) => c)) return { kind: 'alwaysRight', epoch: epochs[0] };
  if (correct.every((c) => !c)) return { kind: 'neverLearned' };
  const opening: StoryClause[] = correct[0] ? [{ kind: 'openedRight', epoch: epochs[0] }] : [];
  const seen = { learned: correct[0], forgotten: false };
  const changes: StoryClause[] = [];
  correct.forEach((learned, i) => {
    if (i === 0 || learned === correct[i - 1]) return;
    const again = learned ? seen.learned : seen.forgotten;
    const kind = learned
      ? again
        ? 'learnedAgain'
        : opening.length === 0 && changes.length === 0
          ? 'learnedFirst'
          : 'learned'
      : again
        ? 'forgottenAgain'
        : 'forgotten';
    if (learned) seen.learned = true;
    else seen.forgotten = true;
    changes.push({ kind, epoch: epochs[i] });
  });
  if (changes.length <= LISTED_CHANGES) return { kind: 'listed', clauses: [...opening, ...changes] };
  const last = changes[changes.length - 1];
  return {
    kind: 'summarised',
    first: opening[0] ?? changes[0],
    more: changes.length - (opening.length > 0 ? 1 : 2),
    endsRight: last.kind === 'learned' || last.kind === 'learnedAgain' || last.kind === 'learnedFirst',
    since: last.epoch,
  };
}

function clauseText(t: TFunction<'explorer'>, clause: StoryClause): string {
  return t(`story.${clause.kind}`, { epoch: epochLabel(clause.epoch) });
}

/** The story as one sentence under `t` (the explorer's namespace, in the language shown). */
export function storyText(t: TFunction<'explorer'>, story: Story): string {
  switch (story.kind) {
    case 'unread':
      return t('story.unread');
    case 'alwaysRight':
      return t('story.alwaysRight', { epoch: epochLabel(story.epoch) });
    case 'neverLearned':
      return t('story.neverLearned');
    case 'listed':
      return story.clauses.map((clause) => clauseText(t, clause)).join(t('story.separator'));
    case 'summarised': {
      const values = { first: clauseText(t, story.first), count: story.more, epoch: epochLabel(story.since) };
      return story.endsRight ? t('story.endsRight', values) : t('story.endsWrong', values);
    }
    default: {
      const unknown: never = story;
      throw new Error(`storyText: unknown story ${JSON.stringify(unknown)}`);
    }
  }
}
