import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/appStore';
import { chapterById } from './chapterList';
import type { en } from './strings';

/** The open chapter: the tutorial's section title as the tutorial writes it, and what the app now shows of it. */
export function ChapterText() {
  const { t } = useTranslation('chapters');
  const id = useAppStore((s) => s.chapter);
  const language = useAppStore((s) => s.language);
  const chapter = id ? chapterById(id) : undefined;
  if (!chapter) return null;
  const key = chapter.id as keyof typeof en.chapter;
  return (
    <section className="chapter-text" data-testid="chapter-text" aria-live="polite">
      <header>
        <h2 lang="zh-CN">{chapter.section}</h2>
        {language === 'en' && <span className="muted">{t(`chapter.${key}.title`)}</span>}
        <button
          type="button"
          className="chapter-close"
          aria-label={t('close')}
          onClick={() => useAppStore.getState().set({ chapter: null })}
        >
          ×
        </button>
      </header>
      <p>{t(`chapter.${key}.text`)}</p>
      {chapter.scene.kind === 'coming' && <p className="muted">{t('comingNote')}</p>}
    </section>
  );
}
