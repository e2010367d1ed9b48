// The Turnus page's dialogs: which one is open (a shift, an absence, a pattern or the week copy, with what to fill in) and rendering it.
import type { Absence, RecurringPattern } from '../../../../domain/rota/types';
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
  | { type: 'copy' };

interface RotaDialogProps {
  dialog: RotaDialogState;
  rota: RotaWeek;
  /** The office in view (the week copy offers to copy only its shifts); null in the person view. */
  officeId: string | null;
  onClose: () => void;
  onSaved: (change: SavedChange) => void;
}

export function RotaDialog({ dialog, rota, officeId, onClose, onSaved }: RotaDialogProps) {
  switch (dialog.type) {
    case 'shift':
      return <ShiftDialog rota={rota} shift={dialog.shift} prefill={dialog.prefill} onClose={onClose} onSaved={onSaved} />;
    case 'absence':
      return <AbsenceDialog rota={rota} absence={dialog.absence} prefill={dialog.prefill} onClose={onClose} onSaved={onSaved} />;
    case 'pattern':
      return <PatternDialog rota={rota} pattern={dialog.pattern} prefill={dialog.prefill} onClose={onClose} onSaved={onSaved} />;
    case 'copy':
      return <CopyWeekDialog rota={rota} officeId={officeId} onClose={onClose} onSaved={onSaved} />;
  }
}
