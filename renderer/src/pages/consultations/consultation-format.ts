// How consultation entries read on screen: date and time, masked patient, names by id; pure, so lists and details agree.
import type { Translator } from '../../i18n';

export interface MaskedPatient {
  kind: string;
  idNumber: string | null;
  birthYear: number | null;
  sex: string | null;
}

/** '26.11.2026 kl. 10:15' from '2026-11-26T10:15'. */
export function formatAt(at: string): string {
  const [date, time] = at.split('T') as [string, string | undefined];
  const [y, m, d] = date.split('-');
  return `${d}.${m}.${y}${time ? ` kl. ${time.slice(0, 5)}` : ''}`;
}

/** The masked number, or "Uten fnr. (f. 1950, kvinne)". */
export function patientText(t: Translator['t'], patient: MaskedPatient): string {
  if (patient.idNumber) return patient.idNumber;
  const sex = patient.sex === 'female' || patient.sex === 'male' ? t(`consultations.sex.${patient.sex}`).toLowerCase() : '';
  return t('consultations.withoutNumberShort', { year: patient.birthYear ?? '?', sex });
}

export function nameOf(list: readonly { id: string; name: string }[] | null | undefined, id: string | null): string {
  if (!id) return '';
  return list?.find((item) => item.id === id)?.name ?? '';
}

/** A logged moment in Norwegian time as the history and the access log show it: "26.11.2026, 10:15:07". */
export function formatMoment(iso: string): string {
  return new Date(iso).toLocaleString('nb-NO', { timeZone: 'Europe/Oslo' });
}

/** Reads a chosen file as base64 for the API. */
export async function fileToBase64(file: File): Promise<string> {
  const buffer = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < buffer.length; i += 0x8000) binary += String.fromCharCode(...buffer.subarray(i, i + 0x8000));
  return btoa(binary);
}
