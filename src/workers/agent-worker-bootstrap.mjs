// The entry of each agent worker thread (AgentWorkerPool). Node 20 loads a worker's entry before any
// --import in its execArgv, so the TypeScript loader is registered here, then the worker is loaded.
import { register } from 'tsx/esm/api';

register();
await import('./agent-worker.ts');
