/**
 * The built apps and other commands as child processes, on loopback, each wait bounded; any still
 * running when this process exits is killed.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, WriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { REPO_ROOT } from './repo-root';
import { LOOPBACK } from './services';
import { sleep } from './teardown';

/** Every child process started here that is still running; killed if this process exits first. */
const liveChildren = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of liveChildren) child.kill('SIGKILL');
});

function keepTrack(child: ChildProcess): void {
  liveChildren.add(child);
  child.once('exit', () => liveChildren.delete(child));
}

/** Runs a command to the end with a time limit; rejects with its output when it fails. */
export function runToCompletion(
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs: number; label: string },
): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd ?? REPO_ROOT,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    keepTrack(child);
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-20_000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${options.label} took longer than ${options.timeoutMs / 1000}s\n${output}`));
    }, options.timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolvePromise(output);
      else reject(new Error(`${options.label} failed (${signal ?? `exit ${code}`})\n${output.trim()}`));
    });
  });
}

/** A port the kernel says is free on loopback now (there is a small window before the app binds it). */
export function freePort(): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, LOOPBACK, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolvePromise(port) : reject(new Error('no free port'))));
    });
  });
}

export interface AppProcess {
  name: string;
  child: ChildProcess;
  logFile: string;
  /** The last lines the process wrote (stdout and stderr). */
  tail(lines?: number): string;
  /** Rejects when the process exits before `stop` is called. */
  exited: Promise<never>;
  alive(): boolean;
  /** SIGTERM, then SIGKILL after `graceMs`. Resolves when it has exited. */
  stop(graceMs?: number): Promise<void>;
}

/** Runs a built app (`node <script>`) with the environment given on top of this process's. */
export function startApp(
  name: string,
  script: string,
  env: Record<string, string>,
  options: { logDir: string; nodeArgs?: string[] },
): AppProcess {
  const logFile = join(options.logDir, `${name}.log`);
  const log: WriteStream = createWriteStream(logFile);
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), script], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  keepTrack(child);
  let recent = '';
  const keep = (chunk: Buffer) => {
    log.write(chunk);
    recent = (recent + chunk.toString()).slice(-16_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let stopping = false;
  const done = new Promise<void>((resolvePromise) => child.once('exit', () => resolvePromise()));
  const exited = new Promise<never>((_, reject) => {
    child.once('exit', (code, signal) => {
      if (!stopping) reject(new Error(`${name} exited (${signal ?? `code ${code}`}); last output:\n${recent.trim()}`));
    });
  });
  exited.catch(() => undefined); // observed by whoever awaits it; never an unhandled rejection
  const tail = (lines = 20) => recent.trim().split('\n').slice(-lines).join('\n');
  return {
    name,
    child,
    logFile,
    tail,
    exited,
    alive: () => child.exitCode === null && child.signalCode === null,
    stop: async (graceMs = 10_000) => {
      stopping = true;
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), graceMs);
        await done;
        clearTimeout(killer);
      }
      await new Promise<void>((closed) => log.end(closed));
    },
  };
}

/** Polls GET <baseUrl>/health until 200, the process dies, or the time is up. */
export async function waitForHealth(baseUrl: string, app: AppProcess, timeoutMs: number): Promise<unknown> {
  const until = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < until) {
    if (!app.alive()) await app.exited;
    try {
      const response = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(2_000) });
      const body = await response.json().catch(() => undefined);
      if (response.status === 200) return body;
      last = `${response.status} ${JSON.stringify(body)}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await sleep(250);
  }
  throw new Error(`${app.name} was not healthy within ${timeoutMs / 1000}s (${last}); last output:\n${app.tail()}`);
}
