import type { EntityManager } from 'typeorm';

/**
 * Runs a data-modifying statement and returns the rows it RETURNING-ed. TypeORM's raw `query` answers
 * UPDATE and DELETE with `[rows, rowCount]` but INSERT with the rows alone; the structured result
 * removes the guesswork, which matters when a row count decides between 200 and 412.
 */
export async function returningRows<T>(manager: EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  if (!manager.queryRunner) throw new Error('returningRows must run inside a transaction');
  const result = await manager.queryRunner.query(sql, params, true);
  return result.records as T[];
}
