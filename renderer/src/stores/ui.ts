// Small bits of screen state that should survive moving between pages (e.g. the staff filter text).
import { create } from 'zustand';

interface UiState {
  staffFilter: string;
  setStaffFilter(filter: string): void;
}

export const useUi = create<UiState>((set) => ({
  staffFilter: '',
  setStaffFilter: (staffFilter) => set({ staffFilter }),
}));
