/**
 * A Postgres server of the chaos run's own: a fresh cluster in a temporary directory on a free
 * loopback port, which the run may stop and start again without touching the shared one.
 */
import { chownSync, existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, runToCompletion } from '../bench/support/child-processes';
import { removeDirectory } from '../bench/support/run-logs';
import { LOOPBACK } from '../bench/support/services';

export interface PrivatePostgres {
  port: number;
  /** The `postgres` database, for CREATE DATABASE. */
  adminUrl: string;
  /** Stops it as an operator would (`pg_ctl stop -m fast`): sessions are cut, nothing is lost. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops it and removes its directory. */
  remove(): Promise<void>;
}

/** The directory of initdb and pg_ctl: CHAOS_PG_BIN, or the newest /usr/lib/postgresql/<n>/bin. */
function postgresBin(): string {
  if (process.env.CHAOS_PG_BIN) return process.env.CHAOS_PG_BIN;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin/pg_ctl'))) : [];
  versions.sort((a, b) => Number(b) - Number(a));
  if (versions.length === 0) throw new Error('no Postgres binaries found: set CHAOS_PG_BIN to the directory of initdb and pg_ctl');
  return join(root, versions[0], 'bin');
}

/** Postgres refuses to run as root; as root the cluster belongs to the `postgres` user. */
const asRoot = process.getuid?.() === 0;

function postgresCommand(bin: string, tool: string, args: string[], timeoutMs: number): Promise<string> {
  const command = asRoot ? 'runuser' : join(bin, tool);
  const fullArgs = asRoot ? ['-u', 'postgres', '--', join(bin, tool), ...args] : args;
  return runToCompletion(command, fullArgs, { cwd: tmpdir(), timeoutMs, label: tool });
}

export async function startPrivatePostgres(maxConnections: number): Promise<PrivatePostgres> {
  const bin = postgresBin();
  const base = mkdtempSync(join(tmpdir(), 'pm-chaos-pg-'));
  const data = join(base, 'data');
  if (asRoot) {
    const idOf = async (flag: string) => Number((await runToCompletion('id', [flag, 'postgres'], { timeoutMs: 5_000, label: 'id' })).trim());
    chownSync(base, await idOf('-u'), await idOf('-g'));
  }
  const port = await freePort();
  const options = [
    `-p ${port}`,
    `-c listen_addresses=${LOOPBACK}`,
    `-c unix_socket_directories=${base}`,
    `-c max_connections=${maxConnections}`,
    // Every stop is a clean one (-m fast), so skipping fsync loses nothing and spares the disk.
    '-c fsync=off',
    '-c full_page_writes=off',
  ].join(' ');
  const pgCtl = (args: string[]) => postgresCommand(bin, 'pg_ctl', ['-D', data, ...args], 90_000);
  let running = false;
  const server: PrivatePostgres = {
    port,
    adminUrl: `postgres://postgres@${LOOPBACK}:${port}/postgres`,
    async start() {
      await pgCtl(['-l', join(base, 'postgres.log'), '-o', options, '-w', '-t', '60', 'start']);
      running = true;
    },
    async stop() {
      running = false;
      await pgCtl(['-m', 'fast', '-w', '-t', '60', 'stop']);
    },
    async remove() {
      if (running) await pgCtl(['-m', 'immediate', '-w', '-t', '30', 'stop']).catch(() => undefined);
      running = false;
      removeDirectory(base);
    },
  };
  try {
    await postgresCommand(bin, 'initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-sync'], 120_000);
    await server.start();
  } catch (error) {
    await server.remove();
    throw error;
  }
  return server;
}
