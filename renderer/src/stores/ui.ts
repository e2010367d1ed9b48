// Small bits of screen state that should survive moving between pages (staff filter, the chosen week, rota view).
import { create } from 'zustand';
import type { IsoWeek } from '../../../domain/calendar/isoWeek';

export type RotaView = 'office' | 'person';

interface UiState {
  staffFilter: string;
  setStaffFilter(filter: string): void;
  /** The week shown in Oversikt and Turnus (shared, so planning a week and then printing it needs no second search); null = this week. */
  week: IsoWeek | null;
  setWeek(week: IsoWeek | null): void;
  /** Oversikt's office filter; null = all offices. */
  overviewOfficeId: string | null;
  setOverviewOfficeId(officeId: string | null): void;
  /** null: not chosen yet (planners start with the office view, everyone else with their own week). */
  rotaView: RotaView | null;
  setRotaView(view: RotaView): void;
  /** The office shown in Turnus "Per kontor"; null = this computer's office or the first one. */
  rotaOfficeId: string | null;
  setRotaOfficeId(officeId: string | null): void;
  /** The person shown in Turnus "Per person"; null = the signed-in user's own week. */
  rotaStaffId: string | null;
  setRotaStaffId(staffId: string | null): void;
  /** Set by Rutiner's "Start konsultasjonslogg": the next new consultation form starts with this nurse, routine and code. */
  consultationPrefill: ConsultationPrefill | null;
  setConsultationPrefill(prefill: ConsultationPrefill | null): void;
}

export interface ConsultationPrefill {
  nurseId: string;
  routineId: string;
  icpc2Code: string;
}

export const useUi = create<UiState>((set) => ({
  staffFilter: '',
  setStaffFilter: (staffFilter) => set({ staffFilter }),
  week: null,
  setWeek: (week) => set({ week }),
  overviewOfficeId: null,
  setOverviewOfficeId: (overviewOfficeId) => set({ overviewOfficeId }),
  rotaView: null,
  setRotaView: (rotaView) => set({ rotaView }),
  rotaOfficeId: null,
  setRotaOfficeId: (rotaOfficeId) => set({ rotaOfficeId }),
  rotaStaffId: null,
  setRotaStaffId: (rotaStaffId) => set({ rotaStaffId }),
  consultationPrefill: null,
  setConsultationPrefill: (consultationPrefill) => set({ consultationPrefill }),
}));
