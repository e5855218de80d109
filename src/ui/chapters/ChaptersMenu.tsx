import { useRef } from 'react';
import './chapters.css';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/appStore';
import { CHAPTERS, type Chapter } from './chapterList';

/** "Chapters / 章节": the tutorial's sections the app shows, in the tutorial's order; picking one opens it. */
export function ChaptersMenu({ open }: { open: (id: string) => Promise<void> }) {
  const { t } = useTranslation('chapters');
  const current = useAppStore((s) => s.chapter);
  const menu = useRef<HTMLDetailsElement>(null);
  return (
    <details className="chapters-menu" data-testid="chapters-menu" ref={menu}>
      <summary>{t('menu')}</summary>
      <ol aria-label={t('menuLabel')}>
        {CHAPTERS.map((chapter: Chapter) => (
          <li key={chapter.id}>
            <button
              type="button"
              data-testid="chapter-item"
              data-chapter={chapter.id}
              aria-current={chapter.id === current ? 'true' : undefined}
              onClick={() => {
                if (menu.current) menu.current.open = false;
                void open(chapter.id);
              }}
            >
              <span lang="zh-CN">{chapter.section}</span>
              {chapter.scene.kind === 'coming' && <span className="chapter-coming">{t('coming')}</span>}
            </button>
          </li>
        ))}
      </ol>
    </details>
  );
}
