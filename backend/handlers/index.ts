// Combines every area's handlers into the one Handlers map the transports serve.
import type { AnyHandler } from '../core/handler';
import { auditHandlers } from './audit';
import type { AuditHandlers } from './audit';
import { backupsHandlers } from './backups';
import type { BackupsHandlers } from './backups';
import { competenceHandlers } from './competence';
import type { CompetenceHandlers } from './competence';
import { consultationFormHandlers } from './consultations-form';
import type { ConsultationFormHandlers } from './consultations-form';
import { icpc2Handlers } from './consultations-icpc2';
import type { Icpc2Handlers } from './consultations-icpc2';
import { consultationLogHandlers } from './consultations-log';
import type { ConsultationLogHandlers } from './consultations-log';
import { consultationLookupHandlers } from './consultations-lookup';
import type { ConsultationLookupHandlers } from './consultations-lookup';
import { consultationRetentionHandlers } from './consultations-retention';
import type { ConsultationRetentionHandlers } from './consultations-retention';
import { consultationStatisticsHandlers } from './consultations-statistics';
import type { ConsultationStatisticsHandlers } from './consultations-statistics';
import { devicesHandlers } from './devices';
import { logReviewHandlers } from './log-review';
import type { LogReviewHandlers } from './log-review';
import type { DevicesHandlers } from './devices';
import { officesHandlers } from './offices';
import type { OfficesHandlers } from './offices';
import { overviewHandlers } from './overview';
import type { OverviewHandlers } from './overview';
import { prescriptionsHandlers } from './prescriptions';
import type { PrescriptionsHandlers } from './prescriptions';
import { requestsHandlers } from './requests';
import type { RequestsHandlers } from './requests';
import { rotaHandlers } from './rota';
import { rotaCoverHandlers } from './rota-cover';
import type { RotaCoverHandlers } from './rota-cover';
import type { RotaHandlers } from './rota';
import { rotaPublicationHandlers } from './rota-publication';
import type { RotaPublicationHandlers } from './rota-publication';
import { routinesHandlers } from './routines';
import type { RoutinesHandlers } from './routines';
import { sessionHandlers } from './session';
import type { SessionHandlers } from './session';
import { settingsHandlers } from './settings';
import type { SettingsHandlers } from './settings';
import { setupHandlers } from './setup';
import type { SetupHandlers } from './setup';
import { staffHandlers } from './staff';
import type { StaffHandlers } from './staff';
import { syncHandlers } from './sync';
import type { SyncHandlers } from './sync';
import { trustHandlers } from './trust';
import type { TrustHandlers } from './trust';
import { usersHandlers } from './users';
import type { UsersHandlers } from './users';

type ConsultationsHandlers = ConsultationFormHandlers &
  ConsultationLogHandlers &
  ConsultationLookupHandlers &
  ConsultationStatisticsHandlers &
  Icpc2Handlers &
  ConsultationRetentionHandlers &
  PrescriptionsHandlers;

export type Handlers = SessionHandlers &
  SetupHandlers &
  OfficesHandlers &
  StaffHandlers &
  UsersHandlers &
  SettingsHandlers &
  RotaHandlers &
  RequestsHandlers &
  RotaPublicationHandlers &
  RotaCoverHandlers &
  OverviewHandlers &
  CompetenceHandlers &
  RoutinesHandlers &
  BackupsHandlers &
  ConsultationsHandlers &
  AuditHandlers &
  LogReviewHandlers &
  SyncHandlers &
  DevicesHandlers &
  TrustHandlers;

export const handlers: Handlers = {
  ...sessionHandlers,
  ...setupHandlers,
  ...officesHandlers,
  ...staffHandlers,
  ...usersHandlers,
  ...settingsHandlers,
  ...rotaHandlers,
  ...requestsHandlers,
  ...rotaPublicationHandlers,
  ...rotaCoverHandlers,
  ...overviewHandlers,
  ...competenceHandlers,
  ...routinesHandlers,
  ...backupsHandlers,
  ...consultationFormHandlers,
  ...consultationLogHandlers,
  ...consultationLookupHandlers,
  ...consultationStatisticsHandlers,
  ...icpc2Handlers,
  ...consultationRetentionHandlers,
  ...prescriptionsHandlers,
  ...auditHandlers,
  ...logReviewHandlers,
  ...syncHandlers,
  ...devicesHandlers,
  ...trustHandlers,
};

export const METHOD_NAMES = Object.keys(handlers) as (keyof Handlers)[];

export function findHandler(method: string): AnyHandler | null {
  return Object.hasOwn(handlers, method) ? (handlers as unknown as Record<string, AnyHandler>)[method]! : null;
}
