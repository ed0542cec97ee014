import Database from 'better-sqlite3';

/** For tests: rows of one SQL query against a database file, opened read-only and closed again. */
export function queryDatabase<T>(path: string, sql: string, ...parameters: unknown[]): T[] {
  const database = new Database(path, { readonly: true });
  try {
    return database.prepare(sql).all(...parameters) as T[];
  } finally {
    database.close();
  }
}
