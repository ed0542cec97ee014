import type { Agent, AgentAnswer } from '../../src/agent/agent.ts';
import { loadPersonaPrompts, personaFor, type PersonaPrompt } from '../../src/agent/persona-prompts.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import { createAgent } from '../../src/container.ts';
import { isAppError } from '../../src/core/app-error.ts';
import type { ChatModel } from '../../src/core/chat-model.ts';
import type { DecisionLog } from '../../src/domain/decision-record.ts';
import type { Channel, Outcome, Purpose } from '../../src/domain/vocabulary.ts';
import type { User } from '../../src/domain/user.ts';
import { answerMessage, type SlackMessage } from '../../src/slack/slack-blocks.ts';
import type { SqliteStore } from '../../src/store/sqlite-store.ts';
import { createTemporaryDemoStore, DEMO_AS_OF } from '../../src/testing/demo-store.ts';
import type { EvalCase, Plant } from './cases.ts';

export type ModelChoice = 'local' | 'openai';

/** One turn as the user saw it, plus what happened underneath. */
export interface TurnRun {
  question: string;
  /** Null when the turn failed (error set). */
  answer: AgentAnswer | null;
  /** A failed turn: the agent's error code and message (e.g. INVALID_INPUT for a question over 4,000 characters). */
  error: { code: string; message: string } | null;
  /** The answer as the Slack app would post it (null when the turn failed). */
  slack: SlackMessage | null;
  /** Decision-log records written during this turn. */
  newDecisionIds: string[];
  ms: number;
}

export interface CaseRun<S = unknown> {
  caseId: string;
  run: number;
  user: User;
  turns: TurnRun[];
  /** What `score` returned, computed before the case's writes were rolled back. */
  scores?: S;
}

/**
 * A private copy of a fresh demo database with the real agent over it, "now" pinned to the demo's
 * anchor. Cases run one after another; each runs inside a SAVEPOINT that is rolled back afterwards,
 * so data planted for a case, the decision records and the thread it wrote are gone for the next.
 */
export class EvalWorld {
  readonly store: SqliteStore;
  /** The agent's own decision log. */
  readonly decisionLog: DecisionLog;
  readonly prompts: Record<string, PersonaPrompt>;
  readonly asOf = DEMO_AS_OF;
  readonly modelId: string;
  private readonly agent: Agent;
  private readonly remove: () => void;
  /** The highest content revision a planted module produced (a cached catalog may be at any of them). */
  private highestRevision = 0;

  private constructor(world: ReturnType<typeof createTemporaryDemoStore>, agent: Agent) {
    this.store = world.store;
    this.remove = world.remove;
    this.agent = agent;
    this.decisionLog = agent.dependencies.decisionLog;
    this.prompts = loadPersonaPrompts();
    this.modelId = agent.modelId;
  }

  /**
   * `model`: the offline local model, or the OpenAI-compatible endpoint configured by the environment
   * (OPENAI_API_KEY, OPENAI_BASE_URL, OMNI_CHAT_MODEL, read by src/config.ts). `chatModel` overrides both (tests).
   */
  static create(options: { model?: ModelChoice; environment?: Record<string, string | undefined>; chatModel?: ChatModel; timeoutMs?: number } = {}): EvalWorld {
    const config: Config = loadConfig(options.environment ?? process.env, { model: options.model ?? 'local' });
    const world = createTemporaryDemoStore('omni-eval-');
    try {
      const agent = createAgent(world.store, { ...config, agentTimeoutMs: options.timeoutMs ?? config.agentTimeoutMs }, {
        now: () => new Date(DEMO_AS_OF),
        ...(options.chatModel ? { model: options.chatModel } : {}),
      });
      return new EvalWorld(world, agent);
    } catch (error) {
      world.remove();
      throw error;
    }
  }

  promptFor(user: User): PersonaPrompt {
    return this.prompts[personaFor(user.role)]!;
  }

  /** Runs every turn of a case in one thread, with its planted data, then rolls everything back. */
  async runCase<S = unknown>(evalCase: EvalCase, run = 0, score?: (caseRun: CaseRun<S>) => S): Promise<CaseRun<S>> {
    const user = this.store.users.getById(evalCase.user);
    if (!user) throw new Error(`${evalCase.id}: no user ${evalCase.user}`);
    const database = this.store.database;
    const plantsContent = evalCase.plant.some((plant) => plant.kind === 'content');
    database.exec('SAVEPOINT eval_case');
    try {
      for (const plant of evalCase.plant) this.plant(plant);
      if (plantsContent) this.highestRevision = Math.max(this.highestRevision, this.store.contentModules.revision());
      const threadId = `t-eval-${evalCase.id.replace(/[^A-Za-z0-9-]/g, '-')}-${run}`.slice(0, 100);
      const turns: TurnRun[] = [];
      for (const turn of evalCase.turns) {
        const before = this.lastSequence();
        const started = performance.now();
        let answer: AgentAnswer | null = null;
        let error: TurnRun['error'] = null;
        try {
          answer = await this.agent.ask({ user, question: turn.question, threadId });
        } catch (caught) {
          error = isAppError(caught) ? { code: caught.code, message: caught.message } : { code: 'UNEXPECTED', message: caught instanceof Error ? caught.message : String(caught) };
        }
        const ms = performance.now() - started;
        const newDecisionIds = database.prepare('SELECT id FROM decision_log WHERE sequence > ? ORDER BY sequence').pluck().all(before) as string[];
        turns.push({ question: turn.question, answer, error, slack: answer ? answerMessage(answer) : null, newDecisionIds, ms });
      }
      const caseRun: CaseRun<S> = { caseId: evalCase.id, run, user, turns };
      // Scored while the case's planted data and decision records are still there.
      if (score) caseRun.scores = score(caseRun);
      return caseRun;
    } finally {
      database.exec('ROLLBACK TO eval_case');
      database.exec('RELEASE eval_case');
      if (plantsContent) this.refreshContentCaches();
    }
  }

  private lastSequence(): number {
    return (this.store.database.prepare('SELECT coalesce(max(sequence), 0) FROM decision_log').pluck().get() as number) ?? 0;
  }

  private plant(plant: Plant): void {
    switch (plant.kind) {
      case 'note':
        this.store.notes.upsert({ id: plant.id, hcpId: plant.hcpId, authorId: plant.authorId, writtenAt: plant.writtenAt, kind: plant.noteKind, text: plant.text, synthetic: true });
        return;
      case 'interaction':
        this.store.interactions.upsert({
          id: plant.id,
          hcpId: plant.hcpId,
          actorId: plant.actorId,
          channel: plant.channel as Channel,
          outcome: plant.outcome as Outcome,
          purpose: plant.purpose as Purpose,
          occurredAt: plant.occurredAt,
          productId: plant.productId,
          topic: plant.topic,
          contentModuleId: null,
          sourceSystem: plant.sourceSystem,
          synthetic: true,
        });
        return;
      case 'content': {
        const original = this.store.contentModules.get(plant.copyOf);
        if (!original) throw new Error(`planted content copies unknown module ${plant.copyOf}`);
        this.store.contentModules.upsert({ ...original, id: plant.id, version: 1, mlrCode: `${original.mlrCode}-X`.slice(0, 60), body: `${original.body} ${plant.appendText}` });
        return;
      }
    }
  }

  /**
   * A rolled-back module write takes the content revision back to a number a cached catalog was built
   * at (with the planted module in it). Writing one module again, unchanged, moves the revision past
   * every number seen and clears the store's term statistics, so the next search sees the library as it is.
   */
  private refreshContentCaches(): void {
    const any = this.store.contentModules.list()[0];
    if (!any) return;
    do this.store.contentModules.upsert(any);
    while (this.store.contentModules.revision() <= this.highestRevision);
  }

  close(): void {
    this.remove();
  }
}
