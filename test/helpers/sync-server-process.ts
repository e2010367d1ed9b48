// Test helper: runs the shared service's command line as a real process (node with the tsx loader), and its admin commands.
import { execFile, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = path.join(root, 'server', 'cli.ts');

export interface ServerProcess {
  url: string;
  port: number;
  child: ChildProcess;
  /** Ends the process: SIGTERM for a clean stop, SIGKILL for a crash. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts `server/cli.ts` in one node process (no wrapper process, so SIGKILL really kills the server) and waits for its "listening" log line. */
export async function startServerProcess(dataDir: string, options: { port?: number; env?: Record<string, string> } = {}): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', cli, '--data-dir', dataDir, '--port', String(options.port ?? 0)], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...options.env },
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`sync server did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /"msg":"listening","url":"([^"]+)"/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`sync server exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    port: Number(new URL(url).port),
    child,
    stop: (signal = 'SIGTERM') =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      }),
  };
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
