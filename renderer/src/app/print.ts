// Printing a page: Electron's print bridge (system dialog or "Lagre som PDF") when the preload offers one, else window.print().

export type PrintMode = 'dialog' | 'pdf';

/** What a print bridge may answer; only `ok`, `savedTo` and `reason` are read. */
interface PrintAnswer {
  ok?: boolean;
  savedTo?: string | null;
  reason?: string;
}

interface PrintBridge {
  print(mode: PrintMode, suggestedName: string): Promise<unknown>;
}

function isBridge(candidate: unknown): candidate is PrintBridge {
  return typeof candidate === 'object' && candidate !== null && typeof (candidate as { print?: unknown }).print === 'function';
}

/** The Electron preload's print function (window.samvaktPrint, or a print function on window.samvaktApi); null in the browser harness. */
function printBridge(): PrintBridge | null {
  const globals = window as unknown as { samvaktPrint?: unknown; samvaktApi?: unknown };
  if (isBridge(globals.samvaktPrint)) return globals.samvaktPrint;
  if (isBridge(globals.samvaktApi)) return globals.samvaktApi;
  return null;
}

/** "Lagre som PDF" is offered only where main can write the file (Electron); the browser's own print dialog has it anyway. */
export function canSaveAsPdf(): boolean {
  return printBridge() !== null;
}

export type PrintOutcome = { kind: 'printed' } | { kind: 'saved'; path: string } | { kind: 'cancelled' } | { kind: 'failed' };

export async function printPage(mode: PrintMode, suggestedName: string): Promise<PrintOutcome> {
  const bridge = printBridge();
  if (!bridge) {
    window.print();
    return { kind: 'printed' };
  }
  try {
    const answer = ((await bridge.print(mode, suggestedName)) ?? {}) as PrintAnswer;
    if (answer.ok === false) return answer.reason === 'cancelled' || answer.reason === 'canceled' ? { kind: 'cancelled' } : { kind: 'failed' };
    return answer.savedTo ? { kind: 'saved', path: answer.savedTo } : { kind: 'printed' };
  } catch {
    return { kind: 'failed' };
  }
}
