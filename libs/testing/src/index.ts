export { createTestDatabase, openTestDatabase } from './test-database';
export type { TestDatabase, OpenTestDatabase } from './test-database';
export { testRedisPrefix, deleteRedisKeys } from './test-redis';
export { startRedisServer } from './redis-server';
export type { RedisServer } from './redis-server';
export {
  insertProvider,
  insertSetting,
  insertVacancy,
  insertAlliance,
  insertUser,
  buildReferral,
  openOn,
} from './factories';
export { resolveTestSettings, databaseUrl } from './test-settings';
export { loadEveryOpenVacancy } from './naive-matching';
export { sufficiencyFromRawTables } from './sufficiency-oracle';
export { until } from './until';
export { startTcpProxy } from './tcp-proxy';
export type { TcpProxy } from './tcp-proxy';
export { startTricklingReceiver } from './trickling-receiver';
export type { TricklingReceiver } from './trickling-receiver';
export { impatientSessions } from './impatient-sessions';
