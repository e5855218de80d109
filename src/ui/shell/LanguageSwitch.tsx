import { useTranslation } from 'react-i18next';
import { LANGUAGES, isLanguage } from '../../i18n/catalog';
import { applyLanguage } from '../../i18n/i18n';
import { useAppStore } from '../../store/appStore';

/** English / 简体中文: the choice is applied at once, remembered in this browser and kept in the address. */
export function LanguageSwitch() {
  const { t } = useTranslation('shell');
  const language = useAppStore((s) => s.language);
  return (
    <select
      className="language-switch"
      data-testid="language-switch"
      aria-label={t('language')}
      value={language}
      onChange={(event) => {
        const chosen = event.target.value;
        if (!isLanguage(chosen)) return;
        applyLanguage(chosen, true);
        useAppStore.getState().set({ language: chosen });
      }}
    >
      {LANGUAGES.map((code) => (
        <option key={code} value={code} lang={code === 'zh' ? 'zh-CN' : 'en'}>
          {t(`languageName.${code}`)}
        </option>
      ))}
    </select>
  );
}
