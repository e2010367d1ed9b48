// Preload (sandboxed, bundled to dist/electron/preload.cjs): exposes window.samvaktApi and window.samvaktPrint, nothing else.
import { contextBridge, ipcRenderer } from 'electron';
import { createPreloadApi } from './preload-api';
import { API_GLOBAL_NAME, PRINT_CHANNEL, PRINT_GLOBAL_NAME } from './protocol';

contextBridge.exposeInMainWorld(API_GLOBAL_NAME, createPreloadApi(ipcRenderer));
// Printing is a window action, not a backend call: print(mode, suggestedName) → { ok, savedTo } | { ok: false, reason }.
contextBridge.exposeInMainWorld(PRINT_GLOBAL_NAME, {
  print: (mode: 'dialog' | 'pdf', suggestedName: string) => ipcRenderer.invoke(PRINT_CHANNEL, { mode, suggestedName }),
});
