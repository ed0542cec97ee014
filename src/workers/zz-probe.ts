import { AgentWorkerPool } from './agent-worker-pool.ts';
const e = await AgentWorkerPool.start({ databasePath: '/nonexistent/omni.db', config: { deadEndDays: 14, chatModel: { kind: 'local' }, agentTimeoutMs: 1000 }, fixedNow: null, workers: 1 }).catch((x) => x);
console.log(e, e?.constructor?.name);
