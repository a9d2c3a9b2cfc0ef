// PostgreSQL through `pg` (DATABASE_URL), so that replicas share the operator data.
import pg from 'pg';
import type { SqlDriver, SqlRunner } from './sql-driver.js';

/** `?` placeholders → `$1, $2…` (the store's SQL never has a literal `?`). */
export function numberedPlaceholders(sql: string): string {
  let position = 0;
  return sql.replace(/\?/g, () => `$${++position}`);
}

export function openPostgresDriver({ connectionString, maxConnections = 5 }: { connectionString: string; maxConnections?: number }): SqlDriver {
  const pool = new pg.Pool({ connectionString, max: maxConnections });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  const runnerOf = (client: pg.Pool | pg.PoolClient): SqlRunner => ({
    async all<Row>(sql: string, parameters: unknown[] = []) {
      return (await client.query(numberedPlaceholders(sql), parameters)).rows as Row[];
    },
  });
  return {
    dialect: 'postgres',
    all: runnerOf(pool).all,
    async transaction(work, lockKey) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        if (lockKey !== undefined) await client.query('SELECT pg_advisory_xact_lock($1)', [lockKey]);
        const result = await work(runnerOf(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}
