/** Turns a stored `Message` into text in the language shown now. */
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Message } from './message';

/** The text of `message` (its nested messages translated too) under `t`. */
export function messageText(t: TFunction, message: Message): string {
  const values = Object.fromEntries(
    Object.entries(message.values ?? {}).map(([name, value]) => [
      name,
      typeof value === 'object' ? messageText(t, value) : value,
    ]),
  );
  return (t as unknown as (key: string, options: object) => string)(`${message.ns}:${message.key}`, values);
}

/** A function from a message to its text; re-renders the caller when the language changes. */
export function useMessageText(): (message: Message) => string {
  const { t } = useTranslation();
  return (message) => messageText(t, message);
}
