// Rutiner › Resepter: prepared prescriptions, by role: to sign (doctors), waiting too long (leads), mine (nurses and receptionists).
import { can } from '../../app/permissions';
import { FlashMessage, NoAccess, PageTitle } from '../../components/page';
import { useT } from '../../i18n';
import { useSession } from '../../stores/session';
import { PrescriptionsFlagged } from './PrescriptionsFlagged';
import { PrescriptionsMine } from './PrescriptionsMine';
import { PrescriptionsToSign } from './PrescriptionsToSign';
import { RoutineTabs } from './routine-parts';

export function PrescriptionsPage() {
  const { t } = useT();
  const user = useSession((state) => state.user);
  const roles = user?.roles ?? [];
  const isDoctor = roles.includes('doctor');
  const isLead = roles.includes('lead');
  const prepares = roles.includes('nurse') || roles.includes('receptionist');
  return (
    <section className="routines-page prescriptions-page page--wide">
      <RoutineTabs current="prescriptions" canEdit={can(user, 'editRoutines')} />
      <PageTitle>{t('prescriptions.title')}</PageTitle>
      <FlashMessage />
      {!isDoctor && !isLead && !prepares ? (
        <NoAccess />
      ) : (
        <>
          <p className="page-intro">{t('prescriptions.intro')}</p>
          {isDoctor && <PrescriptionsToSign />}
          {isLead && <PrescriptionsFlagged />}
          {prepares && <PrescriptionsMine />}
        </>
      )}
    </section>
  );
}
