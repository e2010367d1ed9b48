// The printed routine sheet (A4 portrait, print only): title, example mark, version and validity, criteria, medicine, what the nurse may do, follow-up, the nurses authorised today and who has confirmed reading the version.
import type { Routine } from '../../../../domain/routines/types';
import { EXAMPLE_MARK } from '../../../../domain/routines/examples';
import { useT } from '../../i18n';
import { formatStamp } from '../../format/dates';
import { DataTable } from '../../components/DataTable';
import { MedicineTable, NurseAdvice } from './routine-parts';
import { isExampleRoutine, shortTitle } from './routine-view';
import type { AuthorisedNurse } from './routine-view';
import { ConfirmationsTable } from './RoutineConfirmations';
import type { Confirmation } from './RoutineConfirmations';
import { formatDate } from '../../format/dates';

interface RoutineSheetProps {
  routine: Routine;
  /** 'I kraft', 'Utkast', … for the version printed. */
  stateText: string;
  responsibleDoctorName: string;
  competenceNames: string[];
  authorised: readonly AuthorisedNurse[];
  /** Who has confirmed reading this version (read and understood). */
  confirmed: readonly Confirmation[];
  /** The day the authorisations are listed for (today). */
  today: string;
  printedAt: string;
  cooperationName: string;
}

export function RoutineSheet(props: RoutineSheetProps) {
  const { t, language } = useT();
  const { routine } = props;
  const example = isExampleRoutine(routine);
  const date = (value: string) => formatDate(value, language);
  const redFlags = routine.exclusionCriteria.filter((criterion) => criterion.redFlag);
  const exclusions = routine.exclusionCriteria.filter((criterion) => !criterion.redFlag);
  return (
    <article className="routine-sheet print-only">
      <header className="sheet-header">
        <p className="sheet-kind">
          <span className="sheet-kind-label">{t('routines.sheet.kind')}</span>
          {props.cooperationName && ` · ${props.cooperationName}`}
        </p>
        {example && <p className="sheet-example">{EXAMPLE_MARK}</p>}
        <h2 className="sheet-title">{shortTitle(routine.title)}</h2>
        <table className="sheet-meta">
          <tbody>
            <tr>
              <th scope="row">{t('routines.sheet.version')}</th>
              <td>
                {t('routines.sheet.versionValue', { version: routine.version, state: props.stateText })}
              </td>
              <th scope="row">{t('routines.field.icpc2Codes')}</th>
              <td>{routine.icpc2Codes.join(', ')}</td>
            </tr>
            <tr>
              <th scope="row">{t('routines.field.validFrom')}</th>
              <td>{date(routine.validFrom)}</td>
              <th scope="row">{t('routines.field.responsibleDoctor')}</th>
              <td>{props.responsibleDoctorName || t('common.none')}</td>
            </tr>
            <tr>
              <th scope="row">{t('routines.field.reviewDate')}</th>
              <td>{date(routine.reviewDate)}</td>
              <th scope="row">{t('routines.field.expiresOn')}</th>
              <td>{date(routine.expiresOn)}</td>
            </tr>
          </tbody>
        </table>
      </header>

      <section className="sheet-section">
        <h3>{t('routines.field.indication')}</h3>
        <p className="pre-line">{routine.indication}</p>
      </section>

      <section className="sheet-section">
        <h3>{t('routines.sheet.inclusionTitle')}</h3>
        <ul className="sheet-checklist">
          {routine.inclusionCriteria.map((text, i) => (
            <li key={i}>{text}</li>
          ))}
        </ul>
      </section>

      <section className="sheet-section">
        <h3>{t('routines.sheet.exclusionTitle')}</h3>
        <ul className="sheet-checklist">
          {redFlags.map((criterion, i) => (
            <li key={`r${i}`} className="sheet-red-flag">
              <strong>{t('routines.sheet.redFlag')}:</strong> {criterion.text}
            </li>
          ))}
          {exclusions.map((criterion, i) => (
            <li key={`e${i}`}>{criterion.text}</li>
          ))}
        </ul>
      </section>

      <div className="sheet-columns">
        <section className="sheet-section sheet-keep">
          <h3>{t('routines.medicineTitle')}</h3>
          <MedicineTable medicine={routine.medicine} caption={t('routines.medicineTitle')} />
        </section>

        <section className="sheet-section sheet-keep">
          <NurseAdvice routine={routine} />
          {props.competenceNames.length > 0 && (
            <>
              <h3>{t('routines.field.requiredCompetences')}</h3>
              <p>{props.competenceNames.join(', ')}</p>
            </>
          )}
        </section>
      </div>

      <section className="sheet-section">
        <h3>{t('routines.sheet.authorisedTitle', { version: routine.version, date: date(props.today) })}</h3>
        {props.authorised.length === 0 ? (
          <p>{t('routines.sheet.noneAuthorised')}</p>
        ) : (
          <DataTable className="sheet-table" wrap={false} columns={[t('routines.auth.colNurse'), t('routines.auth.colSince'), t('routines.auth.colBy')]}>
            {props.authorised.map((nurse) => (
              <tr key={nurse.nurseId}>
                <td>{nurse.nurseName}</td>
                <td>{date(nurse.since)}</td>
                <td>{nurse.byDoctorName}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>

      <section className="sheet-section">
        <h3>{t('routines.sheet.confirmedTitle', { version: routine.version })}</h3>
        {props.confirmed.length === 0 ? (
          <p>{t('routines.sheet.noneConfirmed')}</p>
        ) : (
          <ConfirmationsTable confirmations={props.confirmed} caption={t('routines.sheet.confirmedTitle', { version: routine.version })} className="sheet-table" />
        )}
      </section>

      <footer className="sheet-footer">
        <span>{t('routines.sheet.printed', { stamp: formatStamp(props.printedAt) })}</span>
        <span>
          {shortTitle(routine.title)} · {t('routines.sheet.version')} {routine.version}
        </span>
      </footer>
    </article>
  );
}
