import { createInterface } from 'node:readline';
import { randomUUID } from 'node:crypto';
import { isAppError } from '../../core/app-error.ts';
import { createAgent } from '../../container.ts';
import type { Command } from '../command.ts';
import { formatAnswer } from '../format-answer.ts';
import { dataClockFor } from '../caller.ts';
import { agentUser, AS_OF_HELP, MODEL_HELP } from './ask-command.ts';

export const chatCommand: Command = {
  name: 'chat',
  summary: 'a conversation with Omni in the terminal (one thread; "exit" to leave)',
  usage: 'omni chat --as <user-id> [--thread <id>] [--as-of <date>] [--model local|openai]',
  details: ['Reads one question per line from standard input; the thread remembers who "she" is.', AS_OF_HELP, MODEL_HELP].join('\n'),
  options: { as: { type: 'string' }, thread: { type: 'string' }, 'as-of': { type: 'string' }, model: { type: 'string' } },
  async run({ values }, context) {
    const store = context.openStore();
    try {
      const user = agentUser(store, values.as);
      const clock = dataClockFor(store, values['as-of'], context.now);
      const agent = createAgent(store, context.config, { now: clock.now });
      const threadId = typeof values.thread === 'string' ? values.thread : `chat-${randomUUID()}`;
      context.out(`Omni (${user.name}, ${user.role}). Thread ${threadId}. Ask a question, or "exit".`);
      const lines = createInterface({ input: process.stdin, terminal: false });
      for await (const line of lines) {
        const question = line.trim();
        if (question === '') continue;
        if (question === 'exit' || question === 'quit') break;
        try {
          const answer = await agent.ask({ user, question, threadId });
          context.out(formatAnswer(answer, clock.demoDayAt(answer.asOf)));
        } catch (error) {
          // One failed turn does not end the conversation; the message is the error's safe text.
          if (!isAppError(error)) throw error;
          context.err(`error [${error.code}]: ${error.message}`);
        }
      }
      return 0;
    } finally {
      store.close();
    }
  },
};
