// The Turnus page's dialogs: which one is open (a shift, an absence, a pattern, the week copy or "Hvem kan dekke?", with what to fill in) and rendering it.
import type { CoverGap } from '../../../../domain/rota/cover';
import type { Absence, RecurringPattern } from '../../../../domain/rota/types';
import { CoverDialog } from '../../components/CoverDialog';
import { AbsenceDialog } from './AbsenceDialog';
import { CopyWeekDialog } from './CopyWeekDialog';
import { PatternDialog } from './PatternDialog';
import type { ShiftPrefill } from './rota-form';
import type { PlannedShift, RotaWeek } from './rota-view';
import type { SavedChange } from './saved-change';
import { ShiftDialog } from './ShiftDialog';

export type RotaDialogState =
  | { type: 'shift'; shift: PlannedShift | null; prefill: ShiftPrefill }
  | { type: 'absence'; absence: Absence | null; prefill: { staffId: string | null; date: string } }
  | { type: 'pattern'; pattern: RecurringPattern | null; prefill: { staffId?: string | null; officeId?: string | null; from: string } }
  | { type: 'copy' }
  | { type: 'cover'; gap: CoverGap };

interface RotaDialogProps {
  dialog: RotaDialogState;
  rota: RotaWeek;
  /** The office in view (the week copy offers to copy only its shifts); null in the person view. */
  officeId: string | null;
  onClose: () => void;
  onSaved: (change: SavedChange) => void;
  /** Opens "Hvem kan dekke?" for a shift (from the shift dialog). */
  onCover: (gap: CoverGap) => void;
}

export function RotaDialog({ dialog, rota, officeId, onClose, onSaved, onCover }: RotaDialogProps) {
  switch (dialog.type) {
    case 'shift':
      return <ShiftDialog rota={rota} shift={dialog.shift} prefill={dialog.prefill} onClose={onClose} onSaved={onSaved} onCover={onCover} />;
    case 'absence':
      return <AbsenceDialog rota={rota} absence={dialog.absence} prefill={dialog.prefill} onClose={onClose} onSaved={onSaved} />;
    case 'pattern':
      return <PatternDialog rota={rota} pattern={dialog.pattern} prefill={dialog.prefill} onClose={onClose} onSaved={onSaved} />;
    case 'copy':
      return <CopyWeekDialog rota={rota} officeId={officeId} onClose={onClose} onSaved={onSaved} />;
    case 'cover':
      return <CoverDialog gap={dialog.gap} onClose={onClose} onBooked={(name) => onSaved({ kind: 'other', messageKey: 'cover.booked', params: { name } })} />;
  }
}
