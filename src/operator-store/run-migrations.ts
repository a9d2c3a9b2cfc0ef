// Applies the migrations a database has not seen yet, in one transaction (serialized across replicas).
import { migrations as allMigrations, type Migration } from './migrations.js';
import type { SqlDriver } from './sql-driver.js';

/** Any constant: replicas starting together take the same advisory lock while migrating. */
const migrationLockKey = 7_301_913;

/** Brings the schema up to date; returns the versions it applied. */
export async function runMigrations({ driver, migrations = allMigrations, now = () => new Date() }: { driver: SqlDriver; migrations?: Migration[]; now?: () => Date }): Promise<number[]> {
  return driver.transaction(async (runner) => {
    await runner.all('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    const applied = new Set((await runner.all<{ version: number }>('SELECT version FROM schema_migrations')).map((row) => Number(row.version)));
    const done: number[] = [];
    for (const migration of [...migrations].sort((left, right) => left.version - right.version)) {
      if (applied.has(migration.version)) continue;
      for (const statement of migration[driver.dialect]) await runner.all(statement);
      await runner.all('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [migration.version, migration.name, now().toISOString()]);
      done.push(migration.version);
    }
    return done;
  }, migrationLockKey);
}
