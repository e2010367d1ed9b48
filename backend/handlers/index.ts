// Combines every area's handlers into the one Handlers map the transports serve.
import type { AnyHandler } from '../handler';
import { officesHandlers } from './offices';
import type { OfficesHandlers } from './offices';
import { auditHandlers } from './audit';
import type { AuditHandlers } from './audit';
import { competenceHandlers } from './competence';
import { consultationsHandlers } from './consultations';
import type { ConsultationsHandlers } from './consultations';
import type { CompetenceHandlers } from './competence';
import { overviewHandlers } from './overview';
import { routinesHandlers } from './routines';
import type { RoutinesHandlers } from './routines';
import type { OverviewHandlers } from './overview';
import { rotaHandlers } from './rota';
import type { RotaHandlers } from './rota';
import { sessionHandlers } from './session';
import type { SessionHandlers } from './session';
import { settingsHandlers } from './settings';
import type { SettingsHandlers } from './settings';
import { setupHandlers } from './setup';
import type { SetupHandlers } from './setup';
import { staffHandlers } from './staff';
import type { StaffHandlers } from './staff';
import { usersHandlers } from './users';
import type { UsersHandlers } from './users';
import { syncHandlers } from './sync';
import type { SyncHandlers } from './sync';
import { backupsHandlers } from './backups';
import type { BackupsHandlers } from './backups';

export type Handlers = SessionHandlers & SetupHandlers & OfficesHandlers & StaffHandlers & UsersHandlers & SettingsHandlers & RotaHandlers & OverviewHandlers & CompetenceHandlers & RoutinesHandlers & BackupsHandlers & ConsultationsHandlers & AuditHandlers & SyncHandlers;

export const handlers: Handlers = {
  ...sessionHandlers,
  ...setupHandlers,
  ...officesHandlers,
  ...staffHandlers,
  ...usersHandlers,
  ...settingsHandlers,
  ...rotaHandlers,
  ...overviewHandlers,
  ...competenceHandlers,
  ...routinesHandlers,
  ...backupsHandlers,
  ...consultationsHandlers,
  ...auditHandlers,
  ...syncHandlers,
};

export const METHOD_NAMES = Object.keys(handlers) as (keyof Handlers)[];

export function findHandler(method: string): AnyHandler | null {
  return Object.hasOwn(handlers, method) ? (handlers as unknown as Record<string, AnyHandler>)[method]! : null;
}
