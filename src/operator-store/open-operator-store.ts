// Opens the configured operator store: PostgreSQL when a DATABASE_URL is given, else the SQLite file.
import type { OperatorStore } from './operator-store.js';
import { openPostgresDriver } from './postgres-driver.js';
import { runMigrations } from './run-migrations.js';
import { SqlOperatorStore } from './sql-operator-store.js';
import { openSqliteDriver } from './sqlite-driver.js';

/** Connects and migrates; throws when the database cannot be reached. */
export async function openOperatorStore({ databaseUrl, sqlitePath, now }: { databaseUrl?: string; sqlitePath: string; now?: () => Date }): Promise<OperatorStore> {
  const driver = databaseUrl ? openPostgresDriver({ connectionString: databaseUrl }) : openSqliteDriver({ path: sqlitePath });
  try {
    await runMigrations({ driver, now });
  } catch (error) {
    await driver.close().catch(() => undefined);
    throw error;
  }
  return new SqlOperatorStore(driver, now);
}
