import { createAgent } from '../container.ts';
import { percentile, privateCopy } from './bench-support.ts';
import type { Hcp } from '../domain/hcp.ts';
import { openSqliteStore } from '../store/sqlite-store.ts';
import { agentTools, type AgentTool } from '../../tools/index.ts';
import type { OmniStore } from '../domain/repositories.ts';
import type { User } from '../domain/user.ts';
import { EMPTY_FOCUS } from '../agent/conversation-memory.ts';
import { parseQuestion } from '../agent/local-model/question-parser.ts';
import { loadUnderstanding } from '../agent/local-model/understanding/load-understanding.ts';
import { LocalModel } from '../agent/local-model/local-model.ts';

/**
 * Understanding time per question, the trained pipeline beside the rules reader, over the same
 * questions and the user's own lexicon. Each question names a different HCP, so no reading is reused.
 */
async function benchUnderstanding(store: OmniStore, user: User, hcps: Hcp[], asOf: string): Promise<UnderstandingBench> {
  const lexicon = new LocalModel(store).lexiconFor(user.id);
  const { understanding } = loadUnderstanding();
  await understanding.understand({ question: 'warm up', lexicon, role: user.role, now: asOf, focus: EMPTY_FOCUS });
  const focus = { ...EMPTY_FOCUS, hcpId: hcps[0]!.id, hcpName: hcps[0]!.lastName, intent: 'brief', lastQuery: { tool: 'query_performance', input: { metric: 'follow_up_rate' } } };
  const pipeline: number[] = [];
  const rules: number[] = [];
  for (const hcp of hcps) {
    for (const template of UNDERSTANDING_QUESTIONS) {
      const question = template.replace('{name}', `${hcp.firstName} ${hcp.lastName}`);
      let started = performance.now();
      await understanding.understand({ question, lexicon, role: user.role, now: asOf, focus });
      pipeline.push(performance.now() - started);
      started = performance.now();
      parseQuestion(question, lexicon, asOf);
      rules.push(performance.now() - started);
    }
  }
  return { questions: pipeline.length, pipelineP50Ms: percentile(pipeline, 0.5), pipelineP95Ms: percentile(pipeline, 0.95), rulesP50Ms: percentile(rules, 0.5), rulesP95Ms: percentile(rules, 0.95) };
}

/**
 * The agent part of `npm run bench` (issue 5): one turn of the offline local model, end to end in
 * process (question parsing, every tool call, the answer, the thread memory write), over the seven rep
 * questions for many HCPs of the demo data. Tool time is measured inside each tool, so the loop's
 * own overhead (turn minus tools) shows apart from the work the tools do.
 */
export interface AgentBenchResults {
  understanding: UnderstandingBench;
  turns: number;
  turnP50Ms: number;
  turnP95Ms: number;
  toolsP50Ms: number;
  toolsP95Ms: number;
  overheadP50Ms: number;
  overheadP95Ms: number;
  byQuestion: { question: string; p50Ms: number; p95Ms: number }[];
}

const TARGET_OVERHEAD_P95_MS = 50;
const TARGET_UNDERSTANDING_P95_MS = 60;
const TARGET_BRIEF_TURN_P95_MS = 150;

export interface UnderstandingBench {
  questions: number;
  /** The trained pipeline: typo repair, entities, masking, sentence embedding and n-grams, classifier, dialogue state. */
  pipelineP50Ms: number;
  pipelineP95Ms: number;
  /** The rules reader it replaced (question-parser.ts parseQuestion), on the same questions in the same run. */
  rulesP50Ms: number;
  rulesP95Ms: number;
}

/** Questions of every persona for the understanding timing: varied lengths, typos, follow-ups. */
const UNDERSTANDING_QUESTIONS = [
  'brief me on {name} before tomorrow',
  'can i emial {name}?',
  'what should I do next with {name}, and why?',
  'whos overdue for a visit in my territory',
  'which of my rheumatologists have open medical questions?',
  'approved content on KEYTRUDA immune-mediated adverse reactions',
  'ok draft it',
  'what about her phone?',
  'snooze it till monday',
  'how is the northeast doing on follow-ups vs last quarter?',
  'and by rep?',
  'any safety signals in the notes in the last 90 days?',
  'where are we on omnichannel maturity?',
  'can I take {name} to lunch?',
  'brief me on {name} and can I email her?',
  'what is the weather in paris',
];
const HCPS = 20;

const questions: { label: string; turns: (hcp: Hcp) => string[] }[] = [
  { label: 'pre-call brief', turns: (hcp) => [`brief me on ${hcp.firstName} ${hcp.lastName}`] },
  { label: 'next action and why', turns: (hcp) => [`what should I do next with ${hcp.id}, and why?`] },
  { label: 'can I email her (thread)', turns: (hcp) => [`what should I do next with ${hcp.id}?`, 'can I email her?'] },
  { label: 'approved content', turns: () => ['approved content on KEYTRUDA immune-mediated adverse reactions'] },
  { label: 'draft after the webinar', turns: (hcp) => [`draft a follow-up email to ${hcp.id} after the webinar`] },
  { label: 'who to see this week', turns: () => ['who should I see this week?'] },
  { label: 'why not email (thread)', turns: (hcp) => [`what should I do next with ${hcp.id}?`, 'why not email her?'] },
];


export async function runAgentBench(demoPath: string, asOf: string): Promise<{ results: AgentBenchResults; lines: string[] }> {
  // A private copy: turns write the decision log and thread memory.
  const copy = await privateCopy(demoPath, 'omni-agent-bench-');
  const path = copy.path;
  const store = openSqliteStore(path);
  try {
    let toolMs = 0;
    const timed: AgentTool[] = agentTools.map((tool) => ({
      ...tool,
      async execute(input: unknown, ctx) {
        const started = performance.now();
        try {
          return await tool.execute(input, ctx);
        } finally {
          toolMs += performance.now() - started;
        }
      },
    }));
    const agent = createAgent(store, { deadEndDays: 14, chatModel: { kind: 'local' }, agentTimeoutMs: 60_000 }, { now: () => new Date(asOf), tools: timed });
    const user = store.users.getById('u-rep-mw-1')!;
    const hcps = store.hcps.listInTerritories(user.territories).slice(0, HCPS);

    await agent.ask({ user, question: 'who should I see this week?' }); // warm-up: statements, catalog, lexicon, sentence encoder
    const understanding = await benchUnderstanding(store, user, hcps, asOf);
    const turns: number[] = [];
    const tools: number[] = [];
    const overhead: number[] = [];
    const byQuestion: AgentBenchResults['byQuestion'] = [];
    let thread = 0;
    for (const question of questions) {
      const own: number[] = [];
      for (const hcp of hcps) {
        const threadId = `bench-${++thread}`;
        for (const text of question.turns(hcp)) {
          toolMs = 0;
          const started = performance.now();
          await agent.ask({ user, question: text, threadId });
          const elapsed = performance.now() - started;
          turns.push(elapsed);
          own.push(elapsed);
          tools.push(toolMs);
          overhead.push(elapsed - toolMs);
        }
      }
      byQuestion.push({ question: question.label, p50Ms: percentile(own, 0.5), p95Ms: percentile(own, 0.95) });
    }
    const results: AgentBenchResults = {
      understanding,
      turns: turns.length,
      turnP50Ms: percentile(turns, 0.5),
      turnP95Ms: percentile(turns, 0.95),
      toolsP50Ms: percentile(tools, 0.5),
      toolsP95Ms: percentile(tools, 0.95),
      overheadP50Ms: percentile(overhead, 0.5),
      overheadP95Ms: percentile(overhead, 0.95),
      byQuestion,
    };
    const fixed = (value: number) => value.toFixed(1);
    const brief = byQuestion.find((entry) => entry.question === 'pre-call brief')!;
    const lines = [
      '',
      `understanding, local model (${understanding.questions} questions, each new to the pipeline, embedding included)`,
      `  trained pipeline: p50 ${fixed(understanding.pipelineP50Ms)} ms, p95 ${fixed(understanding.pipelineP95Ms)} ms  [target p95 < ${TARGET_UNDERSTANDING_P95_MS} ms]  ${understanding.pipelineP95Ms < TARGET_UNDERSTANDING_P95_MS ? 'MET' : 'MISSED'}`,
      `    the rules reader it replaced, same questions: p50 ${fixed(understanding.rulesP50Ms)} ms, p95 ${fixed(understanding.rulesP95Ms)} ms (${(understanding.pipelineP95Ms / Math.max(understanding.rulesP95Ms, 0.001)).toFixed(0)}× at p95)`,
      `  whole local turn, pre-call brief: p95 ${fixed(brief.p95Ms)} ms  [target p95 < ${TARGET_BRIEF_TURN_P95_MS} ms]  ${brief.p95Ms < TARGET_BRIEF_TURN_P95_MS ? 'MET' : 'MISSED'}`,
      '',
      `agent, local model, demo scale (${results.turns} turns as u-rep-mw-1 over ${hcps.length} HCPs; no network model)`,
      `  agent overhead per turn (turn minus time inside tools): p50 ${fixed(results.overheadP50Ms)} ms, p95 ${fixed(results.overheadP95Ms)} ms  [target p95 < ${TARGET_OVERHEAD_P95_MS} ms]  ${results.overheadP95Ms < TARGET_OVERHEAD_P95_MS ? 'MET' : 'MISSED'}`,
      `    whole turn: p50 ${fixed(results.turnP50Ms)} ms, p95 ${fixed(results.turnP95Ms)} ms; inside tools (the baseline: the same work without the agent): p50 ${fixed(results.toolsP50Ms)} ms, p95 ${fixed(results.toolsP95Ms)} ms`,
      ...byQuestion.map((entry) => `    ${entry.question}: p50 ${fixed(entry.p50Ms)} ms, p95 ${fixed(entry.p95Ms)} ms`),
    ];
    return { results, lines };
  } finally {
    store.close();
    copy.remove();
  }
}
