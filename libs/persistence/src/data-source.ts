import { DataSource, DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { SnakeNamingStrategy } from './snake-naming.strategy';

export interface DatabaseSettings {
  url: string;
  poolSize?: number;
  applicationName?: string;
  /** Postgres cancels any one statement running longer; none when left out (migrations, the demo seed). */
  statementTimeoutMs?: number;
  /** How long taking a connection may wait (for a free one, or for a new one to open); for ever when left out. */
  connectTimeoutMs?: number;
}

/** One definition of the connection, shared by the api, the worker, the migrate script and tests. */
export function dataSourceOptions(settings: DatabaseSettings): DataSourceOptions {
  return {
    type: 'postgres',
    url: settings.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    namingStrategy: new SnakeNamingStrategy(),
    applicationName: settings.applicationName,
    // gen_random_uuid() is built into Postgres 13+; nothing to install, no superuser needed.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    // keepAlive: a peer that vanishes is noticed in minutes, not after the kernel's two hours.
    // jit=off: the JIT compiles a plan whose estimated cost is high, as the sufficiency reports' are
    // (their raw-table branches are costed for months that are usually served by rollups), and
    // compiling took ~1.9 s of a 2 s report that runs in tens of ms without it.
    // statement_timeout: one runaway statement cannot hold a connection; connectionTimeoutMillis: while
    // Postgres is away a request fails in seconds (503) rather than queueing for ever.
    extra: {
      max: settings.poolSize ?? 10,
      keepAlive: true,
      options: `-c jit=off${settings.statementTimeoutMs ? ` -c statement_timeout=${settings.statementTimeoutMs}` : ''}`,
      ...(settings.connectTimeoutMs ? { connectionTimeoutMillis: settings.connectTimeoutMs } : {}),
    },
  };
}

export function createDataSource(settings: DatabaseSettings): DataSource {
  return new DataSource(dataSourceOptions(settings));
}
