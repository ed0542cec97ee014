import type Database from 'better-sqlite3';
import { AppError } from '../core/app-error.ts';
import type { ConversationFocus } from '../core/chat-model.ts';

/** One question and answer in a thread, with what the thread was about afterwards. */
export interface ConversationTurn {
  turn: number;
  askedAt: string;
  question: string;
  answer: string;
  focus: ConversationFocus;
  toolCalls: { name: string; input: unknown }[];
  model: string;
}

export const EMPTY_FOCUS: ConversationFocus = { hcpId: null, hcpName: null, recommendationId: null, lastQuery: null, listed: [] };

/** Per-thread memory, so "and can I email her?" after a question about one HCP means that HCP. */
export interface ConversationMemory {
  /** The thread's last `limit` turns, oldest first. Threads are per user: another user's id sees nothing. */
  recent(actorId: string, threadId: string, limit: number): ConversationTurn[];
  append(actorId: string, threadId: string, turn: Omit<ConversationTurn, 'turn'>): ConversationTurn;
}

/** Thread ids come from front ends (Slack thread timestamps, CLI --thread): short and printable. */
export function assertThreadId(threadId: string): void {
  if (!/^[\w.:-]{1,120}$/.test(threadId)) throw new AppError('INVALID_INPUT', 'a thread id is 1–120 letters, digits, dots, colons, dashes or underscores');
}

export class SqliteConversationMemory implements ConversationMemory {
  private readonly select;
  private readonly insert;

  constructor(database: Database.Database) {
    this.select = database.prepare(
      'SELECT * FROM (SELECT * FROM conversation_turns WHERE actor_id = ? AND thread_id = ? ORDER BY turn DESC LIMIT ?) ORDER BY turn',
    );
    this.insert = database.prepare(`
      INSERT INTO conversation_turns (actor_id, thread_id, turn, asked_at, question, answer, focus, tool_calls, model)
      VALUES (@actorId, @threadId, (SELECT coalesce(max(turn), 0) + 1 FROM conversation_turns WHERE actor_id = @actorId AND thread_id = @threadId),
        @askedAt, @question, @answer, @focus, @toolCalls, @model)
      RETURNING turn`);
  }

  recent(actorId: string, threadId: string, limit: number): ConversationTurn[] {
    assertThreadId(threadId);
    const rows = this.select.all(actorId, threadId, limit) as Record<string, string | number>[];
    return rows.map((row) => ({
      turn: Number(row.turn),
      askedAt: String(row.asked_at),
      question: String(row.question),
      answer: String(row.answer),
      focus: { ...EMPTY_FOCUS, ...(JSON.parse(String(row.focus)) as Partial<ConversationFocus>) },
      toolCalls: JSON.parse(String(row.tool_calls)) as ConversationTurn['toolCalls'],
      model: String(row.model),
    }));
  }

  append(actorId: string, threadId: string, turn: Omit<ConversationTurn, 'turn'>): ConversationTurn {
    assertThreadId(threadId);
    const inserted = this.insert.get({
      actorId,
      threadId,
      askedAt: turn.askedAt,
      question: turn.question,
      answer: turn.answer,
      focus: JSON.stringify(turn.focus),
      toolCalls: JSON.stringify(turn.toolCalls),
      model: turn.model,
    }) as { turn: number };
    return { ...turn, turn: inserted.turn };
  }
}
