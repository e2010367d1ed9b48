// Test helper: spawns a command, waits for a stdout line matching a pattern (timing out with the collected output), and stops it.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';

export interface SpawnedProcess {
  child: ChildProcess;
  /** The match of `ready` on the line that announced the process as ready. */
  ready: RegExpExecArray;
  /** Everything the process has written to stdout and stderr so far. */
  output(): string;
  /** Ends the process (SIGTERM by default) and resolves once it has exited. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export interface SpawnOptions {
  /** Names the process in error messages. */
  name: string;
  /** A stdout line matching this means the process is ready. */
  ready: RegExp;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}

function stopChild(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

/** Spawns `command args` and resolves when a stdout line matches `ready`; rejects (and kills the process) if it exits or times out first. */
export async function spawnUntilReady(command: string, args: string[], options: SpawnOptions): Promise<SpawnedProcess> {
  const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  let pendingLine = '';
  const ready = await new Promise<RegExpExecArray>((resolve, reject) => {
    const fail = (reason: string) => {
      clearTimeout(timer);
      child.stdout?.off('data', onStdout);
      reject(new Error(`${options.name} ${reason}:\n${output}`));
    };
    const timer = setTimeout(() => {
      fail(`did not start within ${options.timeoutMs ?? 30_000} ms`);
      child.kill('SIGKILL');
    }, options.timeoutMs ?? 30_000);
    const onStdout = (chunk: Buffer) => {
      pendingLine += chunk.toString();
      const lines = pendingLine.split('\n');
      pendingLine = lines.pop() ?? '';
      for (const line of lines) {
        const match = options.ready.exec(line);
        if (match) {
          clearTimeout(timer);
          child.stdout?.off('data', onStdout);
          child.off('exit', onExit);
          resolve(match);
          return;
        }
      }
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null) => fail(`exited with ${code ?? signal}`);
    child.stdout?.on('data', onStdout);
    child.once('exit', onExit);
  });
  return { child, ready, output: () => output, stop: (signal = 'SIGTERM') => stopChild(child, signal) };
}
