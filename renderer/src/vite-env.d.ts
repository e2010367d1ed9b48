// Ambient types for the renderer: Vite's client types (CSS imports) and the transport the Electron preload exposes.
/// <reference types="vite/client" />

import type { ApiTransport } from '../../backend/api-types';

declare global {
  interface Window {
    /** Set by the Electron preload (contextBridge); absent in the browser harness. */
    samvaktApi?: ApiTransport;
  }
}
