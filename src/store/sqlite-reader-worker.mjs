// A reader thread of SqliteReaderPool: one read-only connection to the database file, running the
// statements it is sent. Plain JavaScript, so the thread starts without the TypeScript loader.
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';

/** @type {{ path: string; cacheKiB: number; statementCache: number }} */
const { path, cacheKiB, statementCache } = workerData;
const port = parentPort;
if (!port) throw new Error('sqlite-reader-worker.mjs runs as a worker thread (SqliteReaderPool)');

// Read-only: even a statement that slipped past the reader check below could not write.
const database = new Database(path, { readonly: true, fileMustExist: true });
database.pragma(`cache_size = -${cacheKiB}`);
database.pragma('temp_store = MEMORY');
database.pragma('busy_timeout = 5000');

/** @type {Map<string, import('better-sqlite3').Statement>} */
const statements = new Map();

/** @param {string} sql */
function prepared(sql) {
  let statement = statements.get(sql);
  if (!statement) {
    statement = database.prepare(sql);
    if (statements.size >= statementCache) statements.delete(statements.keys().next().value);
    statements.set(sql, statement);
  }
  return statement;
}

port.on('message', (/** @type {{ type: 'all'; id: number; sql: string; parameters: Record<string, unknown> } | { type: 'close' }} */ message) => {
  if (message.type === 'close') {
    database.close();
    port.close();
    return;
  }
  let statement;
  try {
    statement = prepared(message.sql);
  } catch (error) {
    port.postMessage({ id: message.id, error: { kind: 'prepare', message: String(error) } });
    return;
  }
  if (!statement.reader) {
    port.postMessage({ id: message.id, error: { kind: 'not-reader', message: 'the statement does not return rows' } });
    return;
  }
  try {
    port.postMessage({ id: message.id, rows: statement.all(message.parameters) });
  } catch (error) {
    port.postMessage({ id: message.id, error: { kind: 'run', message: String(error) } });
  }
});
