// The language switch in the header (nb/en), remembered on this computer.
import { useT } from '../i18n';
import { LANGUAGES, parseLanguage, useLanguage } from '../stores/language';

export function LanguageSelect({ id }: { id: string }) {
  const { t } = useT();
  const language = useLanguage((state) => state.language);
  const setLanguage = useLanguage((state) => state.setLanguage);
  return (
    <div className="language-select">
      <label htmlFor={id}>{t('lang.label')}</label>
      <select id={id} className="input input--compact" value={language} onChange={(event) => setLanguage(parseLanguage(event.target.value))}>
        {LANGUAGES.map((option) => (
          <option key={option} value={option} lang={option}>
            {t(`lang.${option}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
