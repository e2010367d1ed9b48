// Test fakes for Electron's ipcMain and utility process, so the Electron layer's wiring is tested in plain Node.
import { EventEmitter } from 'node:events';
import type { ChildProcessLike } from '../backend-host';
import type { ParentPortLike } from '../backend-service';
import type { InvokeEventLike, IpcMainLike } from '../ipc-bridge';
import type { FromBackendMessage, ToBackendMessage } from '../protocol';

type InvokeListener = (event: InvokeEventLike, ...args: unknown[]) => unknown;

/** Records handlers like ipcMain.handle and lets a test invoke them like ipcRenderer.invoke. */
export class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, InvokeListener>();

  handle(channel: string, listener: InvokeListener): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }

  /** Calls the handler as Electron would; the payload is structured-cloned like real IPC. */
  async invoke(channel: string, payload: unknown, event: InvokeEventLike = { senderFrame: { url: 'file:///app/dist/renderer/index.html' } }): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return structuredClone(await handler(event, structuredClone(payload)));
  }
}

/** A child process whose messages are only recorded; the test answers and crashes it by hand. */
export class FakeChild extends EventEmitter implements ChildProcessLike {
  readonly sent: ToBackendMessage[] = [];
  killed = false;

  postMessage(message: ToBackendMessage): void {
    this.sent.push(structuredClone(message));
  }

  kill(): boolean {
    this.killed = true;
    return true;
  }

  /** Sends a message as the backend process would. */
  reply(message: FromBackendMessage | Record<string, unknown>): void {
    this.emit('message', structuredClone(message));
  }

  exit(code: number): void {
    this.emit('exit', code);
  }
}

/**
 * A child "process" that runs the backend service in this process: messages cross as structured
 * clones on later ticks, as they would between Electron's main and utility processes.
 */
export class InProcessChild extends EventEmitter implements ChildProcessLike {
  readonly sent: ToBackendMessage[] = [];
  private readonly portListeners: ((messageEvent: { data: unknown }) => void)[] = [];
  private alive = true;

  constructor(start: (port: ParentPortLike, exit: (code: number) => void) => void) {
    super();
    const port: ParentPortLike = {
      on: (_event, listener) => {
        this.portListeners.push(listener);
        return port;
      },
      postMessage: (message) => {
        if (!this.alive) return;
        const copy = structuredClone(message);
        setImmediate(() => this.alive && this.emit('message', copy));
      },
    };
    start(port, (code) => this.end(code));
  }

  postMessage(message: ToBackendMessage): void {
    if (!this.alive) throw new Error('process is gone');
    this.sent.push(message);
    const copy = structuredClone(message);
    setImmediate(() => {
      if (this.alive) for (const listener of this.portListeners) listener({ data: copy });
    });
  }

  kill(): boolean {
    this.end(null);
    return true;
  }

  private end(code: number | null): void {
    if (!this.alive) return;
    this.alive = false;
    setImmediate(() => this.emit('exit', code ?? 1));
  }
}
