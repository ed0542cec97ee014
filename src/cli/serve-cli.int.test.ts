import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

/** `omni serve --init-if-missing --demo-tokens` (what npm start runs) on a machine with no database yet. */
const OMNI = fileURLToPath(new URL('../../bin/omni.js', import.meta.url));
const directory = mkdtempSync(join(tmpdir(), 'omni-serve-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('omni serve', () => {
  it('creates the demo database, serves the API and the page, prints working demo tokens, and stops on SIGTERM', async () => {
    const environment: Record<string, string | undefined> = { ...process.env, OMNI_LOG_LEVEL: 'warn', OMNI_PORT: '0' };
    delete environment.OPENAI_API_KEY;
    delete environment.SLACK_BOT_TOKEN;
    const child = spawn(process.execPath, [OMNI, 'serve', '--init-if-missing', '--demo-tokens', '--db', join(directory, 'omni.db')], { env: environment });
    let stdout = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    try {
      const started = Date.now();
      while (!/Slack: /.test(stdout)) {
        if (Date.now() - started > 60_000) throw new Error(`no start-up banner: ${stdout}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const url = /Omni is up: (http:\/\/\S+)/.exec(stdout)![1]!;
      const token = /(omni_\S+)\s+Jordan Ferreira \(u-rep-mw-1, rep\)/.exec(stdout)![1]!;
      expect(stdout).toMatch(/model local:omni-nlu-1\+[0-9a-f]{8}/);
      expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ status: 'ok', hcps: 600 });
      expect((await fetch(`${url}/`)).status).toBe(200);
      const me = await fetch(`${url}/v1/whoami`, { headers: { authorization: `Bearer ${token}` } });
      expect(await me.json()).toMatchObject({ id: 'u-rep-mw-1' });
      // Turns run in a worker thread over its own connection; the recommendation it logged is readable here.
      expect(stdout).toMatch(/agent turns in \d worker threads?/);
      const asked = await fetch(`${url}/v1/ask`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ question: 'who should I see this week?' }) });
      expect(asked.status).toBe(200);
      const answer = (await asked.json()) as { toolCalls: { name: string }[]; citations: { recommendations: string[] } };
      expect(answer.toolCalls.map((call) => call.name)).toEqual(['plan_territory']);
      const planId = answer.citations.recommendations[0]!;
      const record = await fetch(`${url}/v1/recommendations/${planId}`, { headers: { authorization: `Bearer ${token}` } });
      expect(record.status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });
});
