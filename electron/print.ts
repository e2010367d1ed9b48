// Printing the current page from main: the system print dialog, or "Save as PDF" with printToPDF and a save dialog.
import type { InvokeEventLike } from './ipc-bridge';
import { PRINT_CHANNEL } from './protocol';

export type PrintMode = 'dialog' | 'pdf';

export interface PrintRequest {
  mode: PrintMode;
  /** File name suggested in the save dialog, e.g. "ukeoversikt-uke-48-2026.pdf". */
  suggestedName: string;
}

export type PrintResult = { ok: true; savedTo: string | null } | { ok: false; reason: 'cancelled' | 'failed' };

/** The webContents functions printing needs; tests pass a fake. */
export interface PrintableContents {
  print(options: Record<string, unknown>, callback: (success: boolean, failureReason: string) => void): void;
  printToPDF(options: Record<string, unknown>): Promise<Uint8Array>;
}

export interface PrintDependencies {
  ipcMain: { handle(channel: string, listener: (event: InvokeEventLike & { sender?: unknown }, ...args: unknown[]) => unknown): void };
  /** The webContents that sent the request (Electron: event.sender). */
  contentsOf(event: unknown): PrintableContents | null;
  /** Asks where to save; null when the user cancels. */
  chooseSavePath(suggestedName: string): Promise<string | null>;
  writeFile(filePath: string, data: Uint8Array): Promise<void>;
  isTrustedSender?: (event: InvokeEventLike) => boolean;
}

/** A4 landscape, the page's own @page rules, backgrounds on (for shaded holidays and headers). */
export const PDF_OPTIONS = { landscape: true, pageSize: 'A4', printBackground: true, preferCSSPageSize: true } as const;

export function parsePrintRequest(payload: unknown): PrintRequest | null {
  if (typeof payload !== 'object' || payload === null) return null;
  const { mode, suggestedName } = payload as Record<string, unknown>;
  if (mode !== 'dialog' && mode !== 'pdf') return null;
  const name = typeof suggestedName === 'string' ? [...suggestedName].map((char) => (char < ' ' || '\\/:*?"<>|'.includes(char) ? '-' : char)).join('').slice(0, 120) : '';
  return { mode, suggestedName: name.toLowerCase().endsWith('.pdf') ? name : `${name || 'samvakt'}.pdf` };
}

export function registerPrintHandler(deps: PrintDependencies): void {
  deps.ipcMain.handle(PRINT_CHANNEL, async (event, payload): Promise<PrintResult> => {
    if (deps.isTrustedSender && !deps.isTrustedSender(event)) return { ok: false, reason: 'failed' };
    const request = parsePrintRequest(payload);
    const contents = deps.contentsOf(event);
    if (!request || !contents) return { ok: false, reason: 'failed' };
    if (request.mode === 'dialog') {
      return new Promise<PrintResult>((resolve) => {
        contents.print({ printBackground: true, landscape: true }, (success, failureReason) =>
          resolve(success ? { ok: true, savedTo: null } : { ok: false, reason: failureReason === 'cancelled' ? 'cancelled' : 'failed' }),
        );
      });
    }
    const target = await deps.chooseSavePath(request.suggestedName);
    if (!target) return { ok: false, reason: 'cancelled' };
    try {
      await deps.writeFile(target, await contents.printToPDF(PDF_OPTIONS));
      return { ok: true, savedTo: target };
    } catch (error) {
      console.error('[main] printToPDF failed', error);
      return { ok: false, reason: 'failed' };
    }
  });
}
