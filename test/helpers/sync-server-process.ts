// Test helper: runs the shared service's command line as a real process (node with the tsx loader), and its admin commands.
import { execFile } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnUntilReady } from './spawn-process';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = path.join(root, 'server', 'cli.ts');

export interface ServerProcess {
  url: string;
  port: number;
  child: ChildProcess;
  /** Everything the server has logged so far (JSON lines on stdout, and stderr). */
  output(): string;
  /** Ends the process: SIGTERM for a clean stop, SIGKILL for a crash. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts `server/cli.ts` in one node process (no wrapper process, so SIGKILL really kills the server) and waits for its "listening" log line. */
export async function startServerProcess(dataDir: string, options: { port?: number; env?: Record<string, string>; args?: string[] } = {}): Promise<ServerProcess> {
  const server = await spawnUntilReady(process.execPath, ['--import', 'tsx', cli, '--data-dir', dataDir, '--port', String(options.port ?? 0), ...(options.args ?? [])], {
    name: 'sync server',
    ready: /"msg":"listening","url":"([^"]+)"/,
    cwd: root,
    env: { ...process.env, ...options.env },
  });
  const url = server.ready[1]!;
  return { url, port: Number(new URL(url).port), child: server.child, output: server.output, stop: server.stop };
}

/** Runs an admin command of the server CLI and returns its output. */
export function runServerCommand(dataDir: string, args: string[], env: Record<string, string> = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--import', 'tsx', cli, ...args, '--data-dir', dataDir], { cwd: root, env: { ...process.env, ...env } }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${error.message}\n${stdout}\n${stderr}`));
      else resolve(stdout);
    });
  });
}

/** Creates a one-time enrolment code with the CLI. */
export async function createEnrolmentCode(dataDir: string, cooperation: string, office: string, env: Record<string, string> = {}): Promise<string> {
  const output = await runServerCommand(dataDir, ['enrol-code', '--cooperation', cooperation, '--office', office], env);
  const code = /: ([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})/.exec(output)?.[1];
  if (!code) throw new Error(`no code in:\n${output}`);
  return code;
}
