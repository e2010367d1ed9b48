// Preload (sandboxed, bundled to dist/electron/preload.cjs): exposes window.samvaktApi and nothing else to the page.
import { contextBridge, ipcRenderer } from 'electron';
import { createPreloadApi } from './preload-api';
import { API_GLOBAL_NAME } from './protocol';

contextBridge.exposeInMainWorld(API_GLOBAL_NAME, createPreloadApi(ipcRenderer));
