import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoDatabase } from '../demo/seed-store.ts';
import { CLARIFIED_QUESTION } from '../testing/clarifying-question.ts';
import { DEMO_ANCHOR_DAY } from '../testing/demo-store.ts';
import { openSqliteStore } from '../store/sqlite-store.ts';
import { queryDatabase } from '../testing/query-database.ts';

/** `omni ask` and `omni chat` through the real executable, with the offline local model. */
const OMNI = fileURLToPath(new URL('../../bin/omni.js', import.meta.url));

let directory: string;
let databasePath: string;

function omni(args: string[], options: { stdin?: string; env?: Record<string, string> } = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const environment: Record<string, string | undefined> = { ...process.env, OMNI_LOG_LEVEL: 'error', ...options.env };
    delete environment.OPENAI_API_KEY;
    delete environment.OMNI_MODEL;
    const child = spawn(process.execPath, [OMNI, ...args, '--db', databasePath], { env: environment });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(options.stdin ?? '');
  });
}

beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), 'omni-agent-cli-'));
  databasePath = join(directory, 'omni.db');
  createDemoDatabase(databasePath, { scale: 'demo', replace: true, anchorDay: DEMO_ANCHOR_DAY });
  openSqliteStore(databasePath).close();
});
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('omni ask', () => {
  it('answers with --json in the documented shape, and the plan it shows is in the log with the model and prompt', async () => {
    const run = await omni(['ask', 'who should I see this week?', '--as', 'u-rep-mw-1', '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const answer = JSON.parse(run.stdout);
    expect(Object.keys(answer)).toEqual(expect.arrayContaining(['answer', 'toolCalls', 'citations', 'model']));
    expect(answer.model).toMatch(/^local:omni-nlu-1\+[0-9a-f]{8}$/);
    expect(answer.toolCalls).toEqual([{ name: 'plan_territory', input: { limit: 10 } }]);
    expect(Object.keys(answer.citations).sort()).toEqual(['hcps', 'modules', 'recommendations']);
    expect(answer.choices).toEqual([]);
    const [planId] = answer.citations.recommendations;
    const [record] = queryDatabase<{ kind: string; actor_id: string; payload: string }>(databasePath, 'SELECT kind, actor_id, payload FROM decision_log WHERE id = ?', planId);
    expect(record).toMatchObject({ kind: 'plan', actor_id: 'u-rep-mw-1' });
    expect(JSON.parse(record!.payload)).toMatchObject({ model: expect.stringMatching(/^local:omni-nlu-1\+[0-9a-f]{8}$/), prompt: { name: 'rep' } });
  });

  it('continues a thread: "her" is the HCP of the turn before', async () => {
    const first = JSON.parse((await omni(['ask', 'what should I do next with hcp-000020?', '--as', 'u-rep-mw-1', '--thread', 'cli-thread', '--json'])).stdout);
    expect(first.citations.hcps).toEqual(['hcp-000020']);
    const second = JSON.parse((await omni(['ask', 'can I email her?', '--as', 'u-rep-mw-1', '--thread', 'cli-thread', '--json'])).stdout);
    expect(second.toolCalls).toEqual([{ name: 'check_consent', input: { hcpId: 'hcp-000020', channel: 'email', purpose: 'promotional', productId: null } }]);
  });

  it('gives a clarifying answer\'s choices in --json (else []), and a choice asked back in the thread is answered', async () => {
    const run = await omni(['ask', CLARIFIED_QUESTION, '--as', 'u-rep-mw-1', '--thread', 'cli-choices', '--json']);
    expect(run.code).toBe(0);
    const clarifying = JSON.parse(run.stdout);
    expect(clarifying.toolCalls).toEqual([]);
    expect(clarifying.choices.length).toBeGreaterThan(1);
    for (const [index, choice] of clarifying.choices.entries()) expect(clarifying.answer).toContain(`${index + 1}. ${choice}`);
    const picked = JSON.parse((await omni(['ask', clarifying.choices[0], '--as', 'u-rep-mw-1', '--thread', 'cli-choices', '--json'])).stdout);
    expect(picked.choices).toEqual([]);
    expect(picked.answer).not.toContain('Did you want');
  });

  it('needs a user, a question and a configured model', async () => {
    const [noUser, noQuestion, unknownUser, openai, unknownModel] = await Promise.all([
      omni(['ask', 'hello']),
      omni(['ask', '--as', 'u-rep-mw-1']),
      omni(['ask', 'hello', '--as', 'u-nobody']),
      omni(['ask', 'hello', '--as', 'u-rep-mw-1', '--model', 'openai']),
      omni(['ask', 'hello', '--as', 'u-rep-mw-1', '--model', 'gpt-9']),
    ]);
    expect([noUser.code, noQuestion.code, unknownUser.code, openai.code, unknownModel.code]).toEqual([2, 2, 3, 6, 2]);
    expect(openai.stderr).toMatch(/OPENAI_API_KEY/);
  });
});

describe('omni chat', () => {
  it('keeps one thread across lines of standard input', async () => {
    const run = await omni(['chat', '--as', 'u-rep-mw-1'], { stdin: 'brief me on hcp-000020\ncan I email them?\nexit\n' });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Pre-call brief:');
    expect(run.stdout).toMatch(/tools: check_consent; cites HCPs hcp-000020/);
  });

  it('takes a number as the choice of a clarifying question asked before it in the thread', async () => {
    const asked = JSON.parse((await omni(['ask', CLARIFIED_QUESTION, '--as', 'u-rep-mw-1', '--json'])).stdout);
    const byText = await omni(['chat', '--as', 'u-rep-mw-1'], { stdin: `${asked.choices[1]}\nexit\n` });
    const run = await omni(['chat', '--as', 'u-rep-mw-1'], { stdin: `${CLARIFIED_QUESTION}\n2\nexit\n` });
    expect(run.code).toBe(0);
    const [clarifying, reply] = answersIn(run.stdout);
    expect(clarifying).toContain(`2. ${asked.choices[1]}`);
    // "2" is answered as the second choice would be, typed out.
    expect(firstLine(reply!)).toBe(firstLine(answersIn(byText.stdout)[0]!));
    expect(reply).not.toContain('Did you want');
  });
});

/** The answers in a chat transcript: the text before each "— model…" footer (after the greeting line). */
function answersIn(stdout: string): string[] {
  const lines = stdout.split('\n').slice(1);
  const answers: string[] = [];
  let current: string[] = [];
  for (const line of lines) {
    if (line.startsWith('— ')) {
      answers.push(current.join('\n').trim());
      current = [];
    } else if (!line.startsWith('  thread ')) current.push(line);
  }
  return answers;
}

const firstLine = (text: string) => text.split('\n')[0];
