import type { AgentAnswer } from '../agent/agent.ts';
import { demoDataLine } from '../core/demo-clock.ts';

/** The stable --json shape of an agent answer; `demoDay`: the demo's last day when answered past it (see DataClock). */
export function answerJson(answer: AgentAnswer, demoDay: string | null = null) {
  return {
    answer: answer.answer,
    toolCalls: answer.toolCalls.map(({ name, input }) => ({ name, input })),
    citations: answer.citations,
    model: answer.model,
    prompt: answer.prompt,
    threadId: answer.threadId,
    asOf: answer.asOf,
    demoAsOf: demoDay,
    choices: answer.choices,
  };
}

/** An answer for a terminal: the text, a demo's last day when answered past it, then what it rests on. */
export function formatAnswer(answer: AgentAnswer, demoDay: string | null = null): string {
  const cited = [
    answer.citations.hcps.length > 0 ? `HCPs ${answer.citations.hcps.join(', ')}` : '',
    answer.citations.modules.length > 0 ? `modules ${answer.citations.modules.join(', ')}` : '',
    answer.citations.recommendations.length > 0 ? `log ${answer.citations.recommendations.join(', ')}` : '',
  ].filter(Boolean);
  const tools = answer.toolCalls.map((call) => (call.status === 'ok' ? call.name : `${call.name} (${call.status})`));
  return [
    answer.answer,
    ...(demoDay ? [demoDataLine(demoDay)] : []),
    '',
    `— ${answer.model}, prompt ${answer.prompt.name} ${answer.prompt.sha256.slice(0, 12)}; tools: ${tools.join(', ') || 'none'}${cited.length > 0 ? `; cites ${cited.join('; ')}` : ''}`,
    `  thread ${answer.threadId} (continue with --thread ${answer.threadId})`,
  ].join('\n');
}
