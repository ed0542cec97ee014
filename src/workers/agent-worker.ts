import { parentPort, workerData } from 'node:worker_threads';
import { createAgent } from '../container.ts';
import { isAppError } from '../core/app-error.ts';
import { chooseDataClock } from '../core/demo-clock.ts';
import { openSqliteStore } from '../store/sqlite-store.ts';
import type { AgentWorkerData, FromWorker, SerializedError, ToWorker } from './agent-worker-protocol.ts';

/**
 * A worker thread that runs agent turns (started by AgentWorkerPool). It opens its own connection to
 * the database (WAL: readers do not block; decision-log appends take the write lock in turn, so the
 * chain stays one line across threads) and builds the same agent as the main thread would.
 */
function serialize(error: unknown): SerializedError {
  const cause = error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : String(error);
  if (isAppError(error)) return { code: error.code, message: error.message, details: error.details, cause: error.cause === undefined ? undefined : String((error.cause as Error)?.stack ?? error.cause) };
  return { code: 'INTERNAL', message: 'an agent turn failed', details: undefined, cause };
}

const port = parentPort;
if (!port) throw new Error('agent-worker.ts runs as a worker thread (AgentWorkerPool)');
const send = (message: FromWorker) => port.postMessage(message);
const data = workerData as AgentWorkerData;

try {
  const store = openSqliteStore(data.databasePath);
  // The same clock as the main thread's: the fixed as-of, else the database's data clock.
  const clock = chooseDataClock({ demoAsOf: store.settings.demoAsOf(), explicitAsOf: data.fixedNow ?? undefined });
  const agent = createAgent(store, data.config, { now: clock.now });
  port.on('message', (message: ToWorker) => {
    if (message.type === 'close') {
      store.close();
      port.close();
      return;
    }
    const { id } = message;
    agent
      .ask({
        user: message.user,
        question: message.question,
        threadId: message.threadId,
        ...(message.streamToolCalls ? { onToolCall: (call) => send({ type: 'tool-call', id, call }) } : {}),
      })
      // A plain copy: the log's records read their payload lazily through a getter.
      .then((answer) => send({ type: 'answer', id, answer: JSON.parse(JSON.stringify(answer)) }))
      .catch((error: unknown) => send({ type: 'error', id, error: serialize(error) }));
  });
  send({ type: 'ready', modelId: agent.modelId });
} catch (error) {
  send({ type: 'failed-to-start', error: serialize(error) });
}
