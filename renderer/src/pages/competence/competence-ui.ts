// Screen choices of the competence pages that survive switching tabs: the expiry list's day count and the matrix's profession filter.
import { create } from 'zustand';
import { DEFAULT_WARN_DAYS } from '../../../../domain/competence/state';
import type { Profession } from '../../../../domain/staff';

interface CompetenceUiState {
  expiringDays: number;
  setExpiringDays(days: number): void;
  /** null = all professions. */
  matrixProfession: Profession | null;
  setMatrixProfession(profession: Profession | null): void;
  /** "Registrer fornyelse" in the expiry list: the person page opens the renewal dialog for this type once. */
  pendingRenewal: { staffId: string; competenceTypeId: string } | null;
  setPendingRenewal(renewal: { staffId: string; competenceTypeId: string } | null): void;
}

export const useCompetenceUi = create<CompetenceUiState>((set) => ({
  expiringDays: DEFAULT_WARN_DAYS,
  setExpiringDays: (expiringDays) => set({ expiringDays }),
  matrixProfession: null,
  setMatrixProfession: (matrixProfession) => set({ matrixProfession }),
  pendingRenewal: null,
  setPendingRenewal: (pendingRenewal) => set({ pendingRenewal }),
}));

/** Areas whose 'data.changed' events alter what the competence pages show. */
export const COMPETENCE_AREAS = ['competence', 'staff', 'setup'] as const;
/** Coverage also depends on the rota and the offices' opening hours. */
export const COVERAGE_AREAS = ['competence', 'staff', 'setup', 'rota', 'offices'] as const;
