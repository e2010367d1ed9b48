// The one label map for the audit log: actions and the app's coded reasons in words, used by the access log, the access report and Min logg.
import { auditReasonCode } from '../../../domain/audit/actions';
import type { AuditAction } from '../../../domain/audit/actions';
import type { Translator } from './index';

/**
 * "Logget ut", "Åpnet konsultasjon" … A new action without an `audit.actions.<action>` text in audit.nb.ts fails
 * type-checking here, because the key is built from the AuditAction union.
 */
export function auditActionText(t: Translator['t'], action: AuditAction): string {
  return t(`audit.actions.${action}`);
}

/** Who did it: the person's name, or "Samvakt (automatisk)" for what the app did by itself (the daily backup). */
export function auditActorName(t: Translator['t'], event: { userId: string | null; username: string; name: string }): string {
  return event.userId === null && event.username === 'system' ? t('audit.systemActor') : event.name;
}

/** The reason in words: the app's codes ("signOut" → "logget ut selv"), anything a person typed as typed, none as ''. */
export function auditReasonText(t: Translator['t'], action: AuditAction, reason: string | null): string {
  const code = auditReasonCode(action, reason);
  if (code) return t(`audit.reasons.${code}`);
  return reason ?? '';
}
