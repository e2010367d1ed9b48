// What a rota dialog reports after a successful save, so the page can reload the week and say what happened (with new warnings).
import type { MessageKey } from '../../i18n';

export type SavedChange =
  /**
   * A shift saved (or an occurrence changed/restored): its warnings are shown with the confirmation; `date` is the
   * shift's date, so a shift saved in another week than the one shown says so and offers to go there.
   */
  | { kind: 'shift'; id: string; date: string; messageKey: MessageKey }
  /** An absence saved: shifts planned during it are named with the confirmation. */
  | { kind: 'absence'; id: string; messageKey: MessageKey }
  /** Anything else: removed shifts or absences, patterns, copied weeks. */
  | { kind: 'other'; messageKey: MessageKey; params?: Record<string, string | number> };
