// Flags a routine's ICPC-2 codes that are not in the code list (built-in plus imported), so the doctor sees that the log form cannot offer them.
import { icpc2CodesMissing } from '../../../../domain/consultations/icpc2-status';
import { Notice } from '../../components/page';
import { useT } from '../../i18n';
import { useQuery } from '../../stores/query';

/** Nothing while the list loads or when every code is known; `compact` is the short form for a table cell. */
export function RoutineCodeWarning({ codes, compact = false }: { codes: readonly string[]; compact?: boolean }) {
  const { t } = useT();
  const list = useQuery('consultations.icpc2Codes', {}, ['consultations']).data?.codes;
  if (!list) return null;
  const missing = icpc2CodesMissing(codes, list.map((code) => code.code));
  if (missing.length === 0) return null;
  const params = { count: missing.length, codes: missing.join(', ') };
  if (compact) {
    return (
      <span className="review-due routine-code-missing">
        <span aria-hidden="true">⚠ </span>
        {t('consultations.routineCodesMissingShort', params)}
      </span>
    );
  }
  return (
    <Notice kind="warning">
      <p>{t('consultations.routineCodesMissing', params)}</p>
    </Notice>
  );
}
