// "Bekreft at du har lest versjon N": the nurse's read-and-understood confirmation, offered in her check when it is what is missing.
import type { ApiOutput } from '../../../../backend/api-types';
import { api } from '../../api/client';
import { useAction } from '../../components/use-action';
import { useT } from '../../i18n';
import { invalidateArea } from '../../stores/query';

type CheckEntry = ApiOutput<'routines.check'>['routines'][number];

export function ConfirmRead({ entry, self }: { entry: CheckEntry; self: boolean }) {
  const { t, errorText } = useT();
  const { busy, error, run } = useAction();
  const { routine, result } = entry;
  if (!self || result.allowed || !result.reasons.some((reason) => reason.code === 'notConfirmed')) return null;

  async function confirm() {
    const done = await run(() => api.call('routines.confirmRead', { routineId: routine.routineId, routineVersion: routine.version }));
    if (!done) return;
    invalidateArea('routines');
    // The button goes away once the check says yes: the verdict takes the focus, so a keyboard user hears the answer.
    document.querySelector<HTMLElement>('.check-panel .verdict')?.focus();
  }

  return (
    <div className="confirm-read">
      <p id="confirm-read-hint">{t('routines.confirm.hint', { version: routine.version })}</p>
      <button type="button" className="button button--primary" aria-describedby="confirm-read-hint" disabled={busy} onClick={() => void confirm()}>
        {t('routines.confirm.button', { version: routine.version })}
      </button>
      {error && (
        <p className="field-error" role="alert">
          {t('routines.confirm.failed')} {errorText(error)}
        </p>
      )}
    </div>
  );
}
