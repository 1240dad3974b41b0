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
  TEST_LOCAL_AUTHORITY,
  TEST_DISTRICT,
} from './factories';
export { TEST_ENV, currentTestRun, resolveTestSettings, databaseUrl } from './test-settings';
export type { TestRun, TestSettings } from './test-settings';
export { loadEveryOpenVacancy } from './naive-matching';
export { sufficiencyFromRawTables } from './sufficiency-oracle';
export { until } from './until';
export { startTcpProxy } from './tcp-proxy';
export type { TcpProxy } from './tcp-proxy';
export { startTricklingReceiver } from './trickling-receiver';
export type { TricklingReceiver } from './trickling-receiver';
export { impatientSessions } from './impatient-sessions';
export type { ImpatientSessions } from './impatient-sessions';
