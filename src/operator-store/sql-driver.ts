// The little a SQL store needs from a database: queries with `?` parameters, transactions, close.
export interface SqlRunner {
  /** Rows of a statement; `?` marks parameters in both dialects. */
  all<Row>(sql: string, parameters?: unknown[]): Promise<Row[]>;
}

export interface SqlDriver extends SqlRunner {
  readonly dialect: 'sqlite' | 'postgres';
  /** Runs `work` in one transaction; `lockKey` serializes it across processes where the database can (PostgreSQL). */
  transaction<T>(work: (runner: SqlRunner) => Promise<T>, lockKey?: number): Promise<T>;
  close(): Promise<void>;
}
