import { DataSource, DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { SnakeNamingStrategy } from './snake-naming.strategy';

export interface DatabaseSettings {
  url: string;
  poolSize?: number;
  applicationName?: string;
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
    extra: { max: settings.poolSize ?? 10, keepAlive: true, options: '-c jit=off' },
  };
}

export function createDataSource(settings: DatabaseSettings): DataSource {
  return new DataSource(dataSourceOptions(settings));
}
