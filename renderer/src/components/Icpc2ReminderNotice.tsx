// The yearly ICPC-2 reminder for whoever may import the code list: on Innstillinger (the admin's start screen) and in the ICPC-2 view.
import { can } from '../app/permissions';
import { useT } from '../i18n';
import { useQuery } from '../stores/query';
import { useSession } from '../stores/session';
import { Notice } from './page';

/**
 * Shows "Ny ICPC-2-versjon" when the last import is from an earlier year (the rule is icpc2ImportReminder in
 * domain/consultations/icpc2-status.ts). `withNever` also shows the milder hint when nothing was ever imported.
 */
export function Icpc2ReminderNotice(props: ReminderProps) {
  const user = useSession((state) => state.user);
  return can(user, 'importIcpc2') ? <Reminder {...props} /> : null;
}

interface ReminderProps {
  withNever?: boolean;
  withLink?: boolean;
}

function Reminder({ withNever = false, withLink = false }: ReminderProps) {
  const { t } = useT();
  const reminder = useQuery('consultations.icpc2Codes', {}, ['consultations']).data?.reminder;
  if (!reminder) return null;
  if (reminder.kind === 'outdated') {
    return (
      <Notice kind="warning">
        <p>{t('consultations.importReminderOutdated', { lastYear: reminder.lastImportYear, year: reminder.year })}</p>
        {withLink && (
          <p>
            <a href="#/consultations/codes">{t('consultations.importReminderLink')}</a>
          </p>
        )}
      </Notice>
    );
  }
  if (reminder.kind === 'neverImported' && withNever) {
    return (
      <Notice kind="info">
        <p>{t('consultations.importReminderNever')}</p>
      </Notice>
    );
  }
  return null;
}
