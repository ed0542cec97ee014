import { afterAll, describe, expect, it } from 'vitest';
import { startFakeOpenAiServer, toolResultIn, type FakeOpenAiServer } from '../src/testing/fake-openai-server.ts';
import { loadCases } from './lib/cases.ts';
import { datasetFiles, runEval, summarize } from './lib/runner.ts';

/**
 * The same runner against an OpenAI-compatible endpoint: the loopback fake server with scripted
 * replies, configured only through the environment the runner reads (OPENAI_API_KEY, OPENAI_BASE_URL,
 * OMNI_CHAT_MODEL), over real HTTP through the openai client and LangChain.
 */
const servers: FakeOpenAiServer[] = [];
afterAll(async () => Promise.all(servers.map((server) => server.close())));

describe('npm run eval -- --model openai', () => {
  it('runs a case k times through the configured endpoint and reports pass^1 and pass^k', async () => {
    const files = datasetFiles('persona');
    const evalCase = files.flatMap((file) => loadCases(file)).find((candidate) => candidate.category === 'consent' && candidate.turns[0]!.expectTools[0]!.args.channel === 'email')!;
    const expected = evalCase.turns[0]!.expectTools[0]!;
    const consentStep = { toolCalls: [{ name: 'check_consent', arguments: { hcpId: expected.args.hcpId, channel: 'email', purpose: 'promotional', productId: null } }] };
    const answerStep = (body: Parameters<typeof toolResultIn>[0]) => {
      const result = toolResultIn<{ reason: string; record: { id: string } | null; allowed: boolean }>(body, 'check_consent');
      return { content: `${result.allowed ? 'Yes' : 'No'}: ${result.reason} (record ${result.record?.id ?? 'none'}).` };
    };
    // Run 1 answers from the tool result; run 2 skips the tool (a model that guesses): pass^1 = 0.5, pass^2 = 0.
    const server = await startFakeOpenAiServer([consentStep, answerStep, { content: 'Yes, you can email them.' }], { apiKey: 'sk-eval-test-0123456789' });
    servers.push(server);
    const results = await runEval({
      suites: ['persona'],
      model: 'openai',
      k: 2,
      environment: { OPENAI_API_KEY: 'sk-eval-test-0123456789', OPENAI_BASE_URL: server.baseUrl, OMNI_CHAT_MODEL: 'fake-model-1', OMNI_EMBEDDER: 'hashed-ngram' },
      filter: (candidate) => candidate.id === evalCase.id,
    });
    expect(server.remaining).toBe(0);
    expect(server.requests.map((request) => request.body.model)).toEqual(['fake-model-1', 'fake-model-1', 'fake-model-1']);
    expect(results.model).toContain('fake-model-1');
    const [result] = results.cases;
    expect(result!.runs.map((run) => run.passed)).toEqual([true, false]);
    expect(result!.runs[1]!.failed.map((score) => score.scorer)).toContain('expected_tools');
    const summary = summarize(results);
    expect(summary.groups['persona-single']).toMatchObject({ cases: 1, pass1: 0.5, passK: 0 });
    expect(summary.hard.totalViolations).toBe(0);
  });
});
