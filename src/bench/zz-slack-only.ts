import { runSlackBench } from './slack-bench.ts';
const { lines } = await runSlackBench('/work/main/.bench/demo.db', '2026-11-20T18:00:00.000Z');
console.log(lines.join('\n'));
