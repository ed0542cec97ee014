import { AppError } from '../../core/app-error.ts';
import { createAgent } from '../../container.ts';
import type { User } from '../../domain/user.ts';
import type { OmniStore } from '../../domain/repositories.ts';
import { dataClockFor } from '../caller.ts';
import type { Command } from '../command.ts';
import { answerJson, formatAnswer } from '../format-answer.ts';

export const AS_OF_HELP = [
  '--as-of <date>: answer as of that moment. By default, now; on a demo database whose data ends',
  '  before today, the end of its last day, and the answer says "Demo data as of <day>."',
].join('\n');

export const MODEL_HELP = [
  'Model: --model local|openai, else OMNI_MODEL, else openai when OPENAI_API_KEY is set, else local.',
  '  local   the offline default: deterministic rules over your data, no language model, no network.',
  '          It handles briefs, next actions and why, consent, approved content, follow-up drafts,',
  '          territory plans and "why not"; for MSLs and medical affairs, field insights; for',
  '          managers, team performance and omnichannel maturity. Anything else it says it cannot',
  '          answer offline.',
  '  openai  any OpenAI-compatible chat-completions endpoint: OPENAI_API_KEY, OPENAI_BASE_URL',
  '          (Azure OpenAI v1, vLLM, Ollama, llama.cpp), OMNI_CHAT_MODEL (default gpt-4o-mini).',
].join('\n');

/** The signed-in user for --as: the agent always acts as someone, whose access decides what tools return. */
export function agentUser(store: OmniStore, as: string | boolean | undefined): User {
  if (typeof as !== 'string') throw new AppError('INVALID_INPUT', 'who is asking? --as <user-id> is required (see omni users)');
  const user = store.users.getById(as);
  if (!user) throw new AppError('NOT_FOUND', `no user with id "${as}" (see omni users)`);
  return user;
}

export const askCommand: Command = {
  name: 'ask',
  summary: 'ask Omni a question as a user: briefs, next actions, consent, content, drafts, plans',
  usage: 'omni ask "<question>" --as <user-id> [--thread <id>] [--as-of <date>] [--model local|openai] [--json]',
  details: [
    'The agent answers from its tools only, as the user given by --as sees the data. Every',
    'recommendation, content suggestion and draft it shows is written to the decision log first,',
    'with the model and the prompt hash. --thread continues a conversation ("and can I email her?").',
    AS_OF_HELP,
    MODEL_HELP,
    'JSON output: {answer, toolCalls: [{name, input}], citations: {hcps, modules, recommendations},',
    '  model, prompt: {name, sha256}, threadId, asOf, demoAsOf (the demo\'s last day, or null),',
    '  choices (a clarifying answer\'s readings, each a question to ask back with --thread; else [])}',
    'Exit codes: 0 ok, 2 bad arguments, 3 no such user, 6 model not configured, 7 log not writable,',
    '9 the model failed or timed out.',
  ].join('\n'),
  options: { as: { type: 'string' }, thread: { type: 'string' }, 'as-of': { type: 'string' }, model: { type: 'string' }, json: { type: 'boolean', default: false } },
  async run({ positionals, values }, context) {
    const question = positionals.join(' ').trim();
    if (!question) throw new AppError('INVALID_INPUT', 'what is the question? usage: omni ask "<question>" --as <user-id>');
    const store = context.openStore();
    try {
      const user = agentUser(store, values.as);
      const clock = dataClockFor(store, values['as-of'], context.now);
      const agent = createAgent(store, context.config, { now: clock.now });
      const answer = await agent.ask({ user, question, threadId: typeof values.thread === 'string' ? values.thread : undefined });
      const demoDay = clock.demoDayAt(answer.asOf);
      context.out(values.json ? JSON.stringify(answerJson(answer, demoDay)) : formatAnswer(answer, demoDay));
      return 0;
    } finally {
      store.close();
    }
  },
};
