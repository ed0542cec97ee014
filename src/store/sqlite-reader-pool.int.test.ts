import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '../core/app-error.ts';
import { SqliteReaderPool } from './sqlite-reader-pool.ts';
import { openSqliteStore, type SqliteStore } from './sqlite-store.ts';

let directory: string;
let store: SqliteStore;
let path: string;
beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), 'omni-readers-'));
  path = join(directory, 'omni.db');
  store = openSqliteStore(path);
  store.database.exec('CREATE TABLE numbers (n INTEGER); WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 50000) INSERT INTO numbers SELECT n FROM s;');
});
afterAll(() => {
  store.close();
  rmSync(directory, { recursive: true, force: true });
});

const codeOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
    return 'resolved';
  } catch (error) {
    return isAppError(error) ? error.code : `not an AppError: ${String(error)}`;
  }
};

describe('SqliteReaderPool', () => {
  it('answers read-only statements with named parameters, side by side, as the main connection would', async () => {
    const pool = new SqliteReaderPool(path);
    const sql = 'SELECT count(*) AS rows, sum(n) AS total FROM numbers WHERE n >= @from AND n < @to';
    const asked = [{ from: 1, to: 25001 }, { from: 25001, to: 50001 }, { from: 10, to: 20 }];
    const answers = await Promise.all(asked.map((parameters) => pool.all(sql, parameters)));
    expect(answers).toEqual(asked.map((parameters) => store.database.prepare(sql).all(parameters)));
    expect(answers[2]).toEqual([{ rows: 10, total: 145 }]);
    await pool.close();
  });

  it('sees what the writer has committed', async () => {
    const pool = new SqliteReaderPool(path);
    const count = () => pool.all('SELECT count(*) AS rows FROM numbers', {});
    const before = (await count())[0]!.rows as number;
    store.database.prepare('INSERT INTO numbers VALUES (?)').run(-1);
    expect((await count())[0]!.rows).toBe(before + 1);
    store.database.prepare('DELETE FROM numbers WHERE n = -1').run();
    await pool.close();
  });

  it('refuses writes (no row changes), reports bad SQL as an AppError, and keeps answering', async () => {
    const pool = new SqliteReaderPool(path);
    const rows = () => store.database.prepare('SELECT count(*) FROM numbers').pluck().get();
    const before = rows();
    expect(await codeOf(pool.all('INSERT INTO numbers VALUES (0)', {}))).toBe('INTERNAL');
    // Returns rows, so it passes the reader check: the read-only connection refuses it.
    expect(await codeOf(pool.all('DELETE FROM numbers WHERE n < 10 RETURNING n', {}))).toBe('STORE_FAILURE');
    expect(await codeOf(pool.all('SELECT nothing FROM nowhere', {}))).toBe('INTERNAL');
    expect(await codeOf(pool.all('SELECT @missing AS value', {}))).toBe('STORE_FAILURE');
    expect(rows()).toBe(before);
    expect(await pool.all('SELECT 1 AS one', {})).toEqual([{ one: 1 }]);
    await pool.close();
    expect(await codeOf(pool.all('SELECT 1 AS one', {}))).toBe('INTERNAL');
  });

  it('fails with STORE_FAILURE for a file that does not exist, and creates none', async () => {
    const missing = join(directory, 'missing.db');
    const pool = new SqliteReaderPool(missing);
    expect(await codeOf(pool.all('SELECT 1', {}))).toBe('STORE_FAILURE');
    expect(spawnSync('test', ['-e', missing]).status).not.toBe(0);
    await pool.close();
  });

  it('holds the process open only while a statement is under way', () => {
    // A script that asks once and does nothing else: it must print the answer and exit by itself.
    const script = [
      "import { SqliteReaderPool } from './src/store/sqlite-reader-pool.ts';",
      `const pool = new SqliteReaderPool(${JSON.stringify(path)});`,
      "console.log(JSON.stringify(await pool.all('SELECT count(*) AS rows FROM numbers WHERE n <= 3', {})));",
    ].join('\n');
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 30_000 });
    expect(run.error).toBeUndefined();
    expect(run.stdout.trim()).toBe('[{"rows":3}]');
    expect(run.status).toBe(0);
  });

  it('the store gives readers for a file and none for an in-memory database', () => {
    expect(store.readers()).toBeInstanceOf(SqliteReaderPool);
    expect(store.readers()).toBe(store.readers());
    const memory = openSqliteStore(':memory:');
    expect(memory.readers()).toBeNull();
    memory.close();
  });
});
