/** What a person reads for a run: the shipped runs and "your run" by name, in the language shown; others by their id. */
import { useTranslation } from 'react-i18next';
import { en } from './strings';

/** A function from a run id to its name in the language shown now. */
export function useRunName(): (run: string | null) => string {
  const { t } = useTranslation('runs');
  return (run) => {
    if (run === null) return '';
    return Object.hasOwn(en.name, run) ? t(`name.${run as keyof typeof en.name}`) : run;
  };
}
