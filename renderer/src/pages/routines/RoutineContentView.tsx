// The content of one routine version as the screen shows it: facts, criteria, medicine, what the nurse may do and follow-up.
import type { Routine } from '../../../../domain/routines/types';
import { formatDate } from '../../format/dates';
import { useT } from '../../i18n';
import { ExclusionList, InclusionList, MedicineTable, NurseAdvice } from './routine-parts';

/** The content of one version as the screen shows it (the printed sheet has its own layout). */
export function RoutineContentView({ routine, doctorName, competenceNames }: { routine: Routine; doctorName: string; competenceNames: string[] }) {
  const { t, language } = useT();
  const date = (value: string) => formatDate(value, language);
  return (
    <div className="routine-content-body">
      <dl className="details">
        <dt>{t('routines.field.icpc2Codes')}</dt>
        <dd>{routine.icpc2Codes.join(', ')}</dd>
        <dt>{t('routines.field.indication')}</dt>
        <dd className="pre-line">{routine.indication}</dd>
        <dt>{t('routines.field.validity')}</dt>
        <dd>{t('routines.detail.validity', { from: date(routine.validFrom), review: date(routine.reviewDate), to: date(routine.expiresOn) })}</dd>
        <dt>{t('routines.field.responsibleDoctor')}</dt>
        <dd>{doctorName || t('common.none')}</dd>
        <dt>{t('routines.field.requiredCompetences')}</dt>
        <dd>{competenceNames.length > 0 ? competenceNames.join(', ') : t('routines.detail.noCompetences')}</dd>
      </dl>
      <div className="routine-columns">
        <div>
          <h3>{t('routines.field.inclusionCriteria')}</h3>
          <InclusionList criteria={routine.inclusionCriteria} />
        </div>
        <div>
          <h3>{t('routines.field.exclusionCriteria')}</h3>
          <ExclusionList criteria={routine.exclusionCriteria} />
        </div>
      </div>
      <div className="routine-columns">
        <div>
          <h3>{t('routines.medicineTitle')}</h3>
          <MedicineTable medicine={routine.medicine} caption={t('routines.medicineTitle')} />
        </div>
        <div>
          <NurseAdvice routine={routine} />
        </div>
      </div>
    </div>
  );
}
