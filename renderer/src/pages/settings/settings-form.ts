// Settings form logic without React: which settings changed, validation of the cooperation name.
import { z } from 'zod';
import { requiredText, validate } from '../../../../domain/validation';
import type { FormFieldErrors } from '../../i18n/codes';

export interface SettingsForm {
  /** '' means no office. */
  deviceOfficeId: string;
  cooperationName: string;
}

const settingsSchema = z.object({ cooperationName: requiredText(100) });

export function settingsFormErrors(form: SettingsForm): FormFieldErrors {
  const result = validate(settingsSchema, { cooperationName: form.cooperationName });
  return result.ok ? {} : result.fields;
}

/** The calls a save needs: only what differs from the saved settings. */
export function settingsChanges(
  form: SettingsForm,
  saved: { deviceOfficeId: string | null; cooperationName: string },
): { deviceOfficeId?: string | null; cooperationName?: string } {
  const changes: { deviceOfficeId?: string | null; cooperationName?: string } = {};
  const officeId = form.deviceOfficeId === '' ? null : form.deviceOfficeId;
  if (officeId !== saved.deviceOfficeId) changes.deviceOfficeId = officeId;
  const name = form.cooperationName.trim();
  if (name !== saved.cooperationName) changes.cooperationName = name;
  return changes;
}
