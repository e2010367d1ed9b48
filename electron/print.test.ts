// Tests for the print handler with fakes: dialog printing, Save as PDF, cancelled dialogs, bad requests, untrusted senders.
import { describe, expect, it, vi } from 'vitest';
import { PRINT_CHANNEL } from './protocol';
import { PDF_OPTIONS, parsePrintRequest, registerPrintHandler } from './print';
import type { PrintableContents, PrintDependencies } from './print';

function setup(overrides: Partial<PrintDependencies> = {}, printSucceeds = true) {
  let handler: ((event: unknown, payload: unknown) => Promise<unknown>) | null = null;
  const contents: PrintableContents = {
    print: vi.fn((_options, callback) => callback(printSucceeds, printSucceeds ? '' : 'cancelled')),
    printToPDF: vi.fn(async () => new Uint8Array([37, 80, 68, 70])),
  };
  const writeFile = vi.fn(async () => undefined);
  registerPrintHandler({
    ipcMain: { handle: (channel, listener) => channel === PRINT_CHANNEL && (handler = listener as typeof handler) },
    contentsOf: () => contents,
    chooseSavePath: async (name) => `/home/leder/${name}`,
    writeFile,
    ...overrides,
  });
  return { invoke: (payload: unknown, event: unknown = { senderFrame: { url: 'file:///app/index.html' } }) => handler!(event, payload), contents, writeFile };
}

describe('print handler', () => {
  it('opens the system print dialog in landscape', async () => {
    const { invoke, contents } = setup();
    expect(await invoke({ mode: 'dialog', suggestedName: 'x' })).toEqual({ ok: true, savedTo: null });
    expect(contents.print).toHaveBeenCalledWith(expect.objectContaining({ landscape: true }), expect.any(Function));
  });

  it('saves an A4 landscape PDF where the user chooses', async () => {
    const { invoke, contents, writeFile } = setup();
    expect(await invoke({ mode: 'pdf', suggestedName: 'ukeoversikt-uke-48' })).toEqual({ ok: true, savedTo: '/home/leder/ukeoversikt-uke-48.pdf' });
    expect(contents.printToPDF).toHaveBeenCalledWith(PDF_OPTIONS);
    expect(writeFile).toHaveBeenCalledWith('/home/leder/ukeoversikt-uke-48.pdf', new Uint8Array([37, 80, 68, 70]));
  });

  it('reports a cancelled save dialog or print dialog and writes nothing', async () => {
    const cancelled = setup({ chooseSavePath: async () => null });
    expect(await cancelled.invoke({ mode: 'pdf', suggestedName: 'a.pdf' })).toEqual({ ok: false, reason: 'cancelled' });
    expect(cancelled.writeFile).not.toHaveBeenCalled();
    const dialog = setup({}, false);
    expect(await dialog.invoke({ mode: 'dialog', suggestedName: 'a' })).toEqual({ ok: false, reason: 'cancelled' });
  });

  it('refuses bad requests and untrusted senders', async () => {
    const { invoke, contents } = setup({ isTrustedSender: (event) => event.senderFrame?.url.startsWith('file://') ?? false });
    expect(await invoke({ mode: 'fax' })).toEqual({ ok: false, reason: 'failed' });
    expect(await invoke({ mode: 'pdf', suggestedName: 'a' }, { senderFrame: { url: 'https://evil.example' } })).toEqual({ ok: false, reason: 'failed' });
    expect(contents.printToPDF).not.toHaveBeenCalled();
  });

  it('cleans suggested file names', () => {
    expect(parsePrintRequest({ mode: 'pdf', suggestedName: '../../etc/passwd' })).toEqual({ mode: 'pdf', suggestedName: '..-..-etc-passwd.pdf' });
    expect(parsePrintRequest({ mode: 'dialog' })).toEqual({ mode: 'dialog', suggestedName: 'samvakt.pdf' });
  });
});
