/**
 * A message kept as data (a catalog key and its values) rather than as text, so the store holds no
 * language: the words are looked up when the message is shown, in the language chosen then.
 */
import type { Resources } from './resources';

/** A key of namespace N's catalog (nested keys joined with '.'). */
export type KeyOf<T> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}.${KeyOf<T[K]>}`;
}[keyof T & string];

/** Any key of any catalog, with its namespace, and the values it interpolates. */
export type Message = {
  [N in keyof Resources]: {
    readonly ns: N;
    readonly key: KeyOf<Resources[N]>;
    readonly values?: MessageValues;
  };
}[keyof Resources];

/** What a message interpolates: text and numbers as they are, nested messages in the language shown. */
export type MessageValues = Readonly<Record<string, string | number | Message>>;

/** A message of namespace `ns`. */
export function message<N extends keyof Resources>(ns: N, key: KeyOf<Resources[N]>, values?: MessageValues): Message {
  return { ns, key, values } as Message;
}

/** The text of an error as the engine or the browser gave it. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
