// A logged lookup by identity number ("Søk på fødselsnummer", "Hvem har sett denne pasienten?"): the number and a reason, then the result.
import { useState } from 'react';
import type { ReactNode } from 'react';
import { TextField } from '../../components/fields';
import { Form } from '../../components/Form';
import { ErrorNotice } from '../../components/page';
import { TitledSection } from '../../components/TitledSection';
import { useAction } from '../../components/use-action';
import { useT } from '../../i18n';

interface IdentityLookupProps<R> {
  /** The fields' ids are `<idPrefix>-number` and `<idPrefix>-reason`. */
  idPrefix: string;
  titleId: string;
  title: string;
  hint: string;
  className?: string;
  submitLabel: string;
  /** The button's text while the lookup runs; the same as `submitLabel` when not given. */
  busyLabel?: string;
  /** The call; both the number and the reason go to the audit log. */
  lookup: (identityNumber: string, reason: string) => Promise<R>;
  /** The last successful lookup's answer. */
  children: (result: R) => ReactNode;
}

export function IdentityLookup<R>({ idPrefix, titleId, title, hint, className, submitLabel, busyLabel, lookup, children }: IdentityLookupProps<R>) {
  const { t } = useT();
  const [number, setNumber] = useState('');
  const [reason, setReason] = useState('');
  const [result, setResult] = useState<{ value: R } | null>(null);
  const { busy, error, run } = useAction();

  async function search() {
    const ok = await run(async () => setResult({ value: await lookup(number, reason) }));
    if (!ok) setResult(null);
  }

  // The backend explains a wrong number (check digit, not a D-number …) in `identityMessage`.
  const numberError = error?.fields?.identityNumber ? String(error.params?.identityMessage ?? t('consultations.error.identity')) : undefined;
  return (
    <TitledSection titleId={titleId} title={title} className={className}>
      <p className="field-hint">{hint}</p>
      <Form className="consultation-filters" onSubmit={() => void search()}>
        <TextField id={`${idPrefix}-number`} label={t('consultations.field.identityNumber')} inputMode="numeric" width="medium" maxLength={13} value={number} onChange={setNumber} error={numberError} />
        <TextField
          id={`${idPrefix}-reason`}
          label={t('consultations.field.reason')}
          width="medium"
          maxLength={300}
          value={reason}
          onChange={setReason}
          error={error?.fields?.reason ? t('consultations.error.reasonRequired') : undefined}
        />
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy}>
            {busy && busyLabel ? busyLabel : submitLabel}
          </button>
        </div>
      </Form>
      {error && !error.fields && <ErrorNotice error={error} />}
      {result && children(result.value)}
    </TitledSection>
  );
}
