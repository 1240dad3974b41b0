import { ChildProcess, spawn } from 'node:child_process';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';

/**
 * A redis-server of the test's own, so a test can take Redis away and bring it back on the same
 * port (an outage) without touching the shared one. Nothing is persisted unless the server is
 * given a directory of its own and stopped with `save`: then the next start loads what it saved,
 * as a Redis restarted cleanly with persistence does.
 */
export interface RedisServer {
  readonly url: string;
  readonly port: number;
  readonly running: boolean;
  /** Starts the server again on the same port; resolves once it answers PING. */
  start(): Promise<void>;
  /**
   * Stops the server; resolves once the process has exited and the port refuses connections.
   * `save` writes its data to its directory first (SHUTDOWN SAVE); `kill` is a crash (SIGKILL).
   */
  stop(options?: { save?: boolean; kill?: boolean }): Promise<void>;
}

export interface RedisServerOptions {
  /** Where `stop({ save: true })` leaves the data the next start loads; the OS temp dir otherwise. */
  dir?: string;
}

const READY_TIMEOUT_MS = 10_000;
const STOP_GRACE_MS = 5_000;

/** Children still running when the test process exits are killed, so no redis-server outlives a run. */
const live = new Set<ChildProcess>();
let exitHookInstalled = false;

export async function startRedisServer(port?: number, options: RedisServerOptions = {}): Promise<RedisServer> {
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once('exit', () => {
      for (const child of live) child.kill('SIGKILL');
    });
  }
  const chosen = port ?? (await freePort());
  let child: ChildProcess | undefined;

  const server: RedisServer = {
    url: `redis://127.0.0.1:${chosen}`,
    port: chosen,
    get running() {
      return child !== undefined;
    },
    async start() {
      if (child) return;
      child = await spawnRedis(chosen, options.dir ?? tmpdir());
    },
    async stop({ save = false, kill = false } = {}) {
      if (!child) return;
      const stopping = child;
      child = undefined;
      if (kill) stopping.kill('SIGKILL');
      else if (save) await sendCommand(chosen, 'SHUTDOWN SAVE');
      await terminate(stopping);
      await waitFor(() => refusesConnections(chosen), READY_TIMEOUT_MS, `port ${chosen} to close`);
    },
  };
  await server.start();
  return server;
}

async function spawnRedis(port: number, dir: string): Promise<ChildProcess> {
  const child = spawn(
    'redis-server',
    [
      '--port', String(port),
      '--bind', '127.0.0.1',
      '--save', '',
      '--appendonly', 'no',
      '--maxmemory-policy', 'noeviction',
      '--dir', dir,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  live.add(child);
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let exited: string | undefined;
  child.once('exit', (code, signal) => {
    live.delete(child);
    exited = `redis-server exited (${signal ?? code})`;
  });
  child.once('error', (error) => {
    live.delete(child);
    exited = `redis-server could not start: ${error.message}`;
  });
  try {
    await waitFor(
      async () => {
        if (exited) throw new Error(`${exited}:\n${output}`);
        return answersPing(port);
      },
      READY_TIMEOUT_MS,
      `redis-server on port ${port} to answer PING`,
    );
  } catch (error) {
    await terminate(child);
    throw error;
  }
  return child;
}

async function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
  await exited;
  clearTimeout(timer);
}

function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    let reply = '';
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk.toString();
      if (reply.includes('\r\n')) done(reply.startsWith('+PONG'));
    });
  });
}

/** Sends one inline command and waits until the server answers or closes the connection. */
function sendCommand(port: number, command: string): Promise<void> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    const done = () => {
      socket.destroy();
      resolve();
    };
    socket.setTimeout(STOP_GRACE_MS, done);
    socket.once('error', done);
    socket.once('close', done);
    socket.once('data', done);
    socket.once('connect', () => socket.write(`${command}\r\n`));
  });
}

function refusesConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => {
      socket.destroy();
      resolve(true);
    });
  });
}

async function waitFor(condition: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A port nothing listens on right now (the kernel picks it). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}
