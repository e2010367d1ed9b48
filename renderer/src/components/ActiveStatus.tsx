// Active/inactive shown with an icon and a word as well as colour.
import { useT } from '../i18n';

export function ActiveStatus({ active }: { active: boolean }) {
  const { t } = useT();
  return (
    <span className={`status status--${active ? 'ok' : 'off'}`}>
      <span aria-hidden="true">{active ? '✓' : '○'}</span> {active ? t('common.active') : t('common.inactive')}
    </span>
  );
}
