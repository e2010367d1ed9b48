// The office form's two grouped sections: opening hours per weekday (open checkbox, opens and closes) and driving minutes to the other offices.
import type { Office, Weekday } from '../../../../domain/offices';
import { CheckboxField, FieldError, NumberField } from '../../components/fields';
import { TimeField } from '../../components/TimeField';
import type { FormState } from '../../components/use-form';
import { useT } from '../../i18n';
import { capitalise, weekdayName } from '../../i18n/labels';
import { DAY_KEYS } from './office-form';
import type { OfficeForm } from './office-form';

export function OpeningHoursFieldset({ form }: { form: FormState<OfficeForm> }) {
  const { t } = useT();
  return (
    <fieldset className="fieldset">
      <legend>{t('offices.openingHours')}</legend>
      <p className="field-hint" id="office-hours-hint">
        {t('offices.openingHoursHint')}
      </p>
      <div className="hours-grid">
        {DAY_KEYS.map((key) => {
          const isOpen = form.values.openingHours[key].isOpen;
          const day = capitalise(weekdayName(t, Number(key) as Weekday));
          const opens = `openingHours.${key}.open`;
          const closes = `openingHours.${key}.close`;
          return (
            <div className="hours-row" key={key}>
              <CheckboxField {...form.bindCheckbox(`openingHours.${key}.isOpen`, [opens, closes])} label={day} className="hours-day" />
              {isOpen ? (
                <div className="hours-times">
                  <TimeField {...form.bind(opens, [closes])} label={t('offices.opens', { day })} hideLabel errorPlacement="external" />
                  <span aria-hidden="true">{t('offices.timeSeparator')}</span>
                  <TimeField {...form.bind(closes, [opens])} label={t('offices.closes', { day })} hideLabel errorPlacement="external" />
                </div>
              ) : (
                <span className="hours-closed">{t('offices.closed')}</span>
              )}
              <div className="hours-errors">
                <FieldError id={form.fieldId(opens)} error={isOpen ? form.errorText(opens) : undefined} />
                <FieldError id={form.fieldId(closes)} error={isOpen ? form.errorText(closes) : undefined} />
              </div>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

export function DrivingFieldset({ form, others }: { form: FormState<OfficeForm>; others: readonly Office[] }) {
  const { t } = useT();
  return (
    <fieldset className="fieldset">
      <legend>{t('offices.drivingTitle')}</legend>
      {others.length === 0 ? (
        <p className="field-hint">{t('offices.drivingNone')}</p>
      ) : (
        <>
          <p className="field-hint">{t('offices.drivingHint')}</p>
          <div className="driving-grid">
            {others.map((other) => (
              <NumberField
                key={other.id}
                {...form.bind(`drivingMinutes.${other.id}`)}
                // An office added since the form opened has no minutes typed yet.
                value={form.values.drivingMinutes[other.id] ?? ''}
                label={t('offices.drivingTo', { office: other.name })}
                min={0}
                max={1440}
                suffix={t('common.minutes')}
              />
            ))}
          </div>
        </>
      )}
    </fieldset>
  );
}
