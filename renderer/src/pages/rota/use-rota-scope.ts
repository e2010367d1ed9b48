// Which view, office and person the Turnus page shows: the one chosen (kept across pages), else this computer's office or the signed-in user, else the first.
import type { RotaView } from '../../stores/ui';
import { useUi } from '../../stores/ui';
import { useList } from '../../stores/query';
import { useSession } from '../../stores/session';
import type { RotaWeek } from './rota-view';

export interface RotaScope {
  view: RotaView;
  setView(view: RotaView): void;
  setOffice(officeId: string): void;
  setStaff(staffId: string): void;
  /** The office in view: the one chosen, else this computer's office, else the first. */
  officeIdFor(rota: RotaWeek): string | null;
  /** The person in view: the one chosen, else the signed-in user, else the first active person. */
  staffIdFor(rota: RotaWeek): string | null;
}

/** Planners start per office, everyone else with their own week. */
export function useRotaScope(planner: boolean): RotaScope {
  const user = useSession((state) => state.user);
  const settings = useList('settings.get');
  const chosenView = useUi((state) => state.rotaView);
  const setView = useUi((state) => state.setRotaView);
  const chosenOffice = useUi((state) => state.rotaOfficeId);
  const setOffice = useUi((state) => state.setRotaOfficeId);
  const chosenStaff = useUi((state) => state.rotaStaffId);
  const setStaff = useUi((state) => state.setRotaStaffId);
  return {
    view: chosenView ?? (planner ? 'office' : 'person'),
    setView,
    setOffice,
    setStaff,
    officeIdFor(rota) {
      const candidates = [chosenOffice, settings.data?.deviceOfficeId ?? null, rota.offices[0]?.id ?? null];
      return candidates.find((id) => id && rota.offices.some((office) => office.id === id)) ?? null;
    },
    staffIdFor(rota) {
      const candidates = [chosenStaff, user?.staffId ?? null, rota.staff.find((member) => member.active)?.id ?? null];
      return candidates.find((id) => id && rota.staff.some((member) => member.id === id)) ?? null;
    },
  };
}
