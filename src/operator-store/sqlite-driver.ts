// The embedded default: an SQLite file through better-sqlite3.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { SqlDriver, SqlRunner } from './sql-driver.js';

/** Opens (and creates) the SQLite database at `path` (`:memory:` for a private one). */
export function openSqliteDriver({ path }: { path: string }): SqlDriver {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const database = new Database(path);
  database.pragma('journal_mode = WAL');
  database.pragma('busy_timeout = 5000');
  const runner: SqlRunner = {
    async all<Row>(sql: string, parameters: unknown[] = []) {
      const statement = database.prepare(sql);
      return (statement.reader ? statement.all(...parameters) : (statement.run(...parameters), [])) as Row[];
    },
  };
  return {
    dialect: 'sqlite',
    all: runner.all,
    async transaction(work) {
      database.exec('BEGIN IMMEDIATE');
      try {
        const result = await work(runner);
        database.exec('COMMIT');
        return result;
      } catch (error) {
        database.exec('ROLLBACK');
        throw error;
      }
    },
    async close() {
      database.close();
    },
  };
}
