import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgent } from '../container.ts';
import { chooseDataClock } from '../core/demo-clock.ts';
import { createLogger } from '../logger.ts';
import { SqliteApiTokens } from '../store/sqlite-api-tokens.ts';
import { CLARIFIED_QUESTION } from '../testing/clarifying-question.ts';
import { createTemporaryDemoStore, DEMO_AS_OF } from '../testing/demo-store.ts';
import { createHttpApp } from './create-http-app.ts';
import { startHttpServer } from './start-http-server.ts';

/**
 * The web chat page in headless Chromium (Debian's, driven by playwright-core): sign in with a token,
 * ask for a brief, see the profile card; answer a clarifying question with a choice button. CI installs Chromium (.ci/run); on a machine without it the
 * test fails with how to install it rather than passing silently.
 */
const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOTS = fileURLToPath(new URL('../../var/screenshots/', import.meta.url));

let world: ReturnType<typeof createTemporaryDemoStore>;
let server: Awaited<ReturnType<typeof startHttpServer>>;
let browser: Browser;
let token: string;
let managerToken: string;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is not installed at ${CHROMIUM}: apt-get install -y chromium (.ci/run does this)`);
  world = createTemporaryDemoStore('omni-browser-');
  const { store } = world;
  const tokens = new SqliteApiTokens(store.database);
  token = tokens.create('u-rep-mw-1', 'browser test');
  managerToken = tokens.create('u-mgr-east', 'browser test');
  const agent = createAgent(store, { deadEndDays: 14, chatModel: { kind: 'local' }, agentTimeoutMs: 20_000 }, { now: () => new Date(DEMO_AS_OF) });
  const app = createHttpApp({ agent, store, decisionLog: agent.dependencies.decisionLog, userIdForToken: (value) => tokens.userIdFor(value), logger: createLogger('silent'), limits: { bodyLimitBytes: 65_536, rateLimitPerMinute: 1_000 } });
  server = await startHttpServer(app, { host: '127.0.0.1', port: 0 });
  // Flags from this machine's notes: no background networking (the network is closed). playwright gives
  // each launch a fresh temporary profile of its own.
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  world?.remove();
});

describe('the web chat page', () => {
  it('signs in with a token, asks for a brief, shows the profile card, and keeps note text inert', async () => {
    const hcp = world.store.hcps.listInTerritories(['T-MW']).find((candidate) => world.store.hcps.listInTerritories(['T-MW']).filter((other) => other.lastName === candidate.lastName && other.firstName === candidate.firstName).length === 1)!;
    // A note that tries to run script in the page: it must show as text.
    world.store.notes.upsert({ id: 'note-xss-1', hcpId: hcp.id, authorId: 'u-rep-mw-2', writtenAt: '2026-11-20T09:00:00.000Z', kind: 'rep', text: '<img src=x onerror="document.title=\'pwned\'">', synthetic: true });
    const page = await browser.newPage();
    // The page runs under its Content-Security-Policy: nothing it does may be refused by it.
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.goto(server.url);
    await page.getByTestId('token').fill('omni_wrong-token-000000000');
    await page.getByTestId('signin').locator('button').click();
    await expect.poll(() => page.locator('#who').textContent()).toBe('that token was not accepted');
    await page.getByTestId('token').fill(token);
    await page.getByTestId('signin').locator('button').click();
    await expect.poll(() => page.locator('#who').textContent()).toContain('Jordan Ferreira');

    await page.getByTestId('question').fill(`brief me on ${hcp.firstName} ${hcp.lastName}`);
    await page.getByTestId('ask').locator('button').click();
    const card = page.getByTestId('profile-card');
    await card.waitFor({ timeout: 20_000 });
    expect(await card.textContent()).toContain(hcp.specialty);
    expect(await page.getByTestId('answer').first().textContent()).toContain(hcp.id);
    expect(await page.getByTestId('nba-card').count()).toBe(1);
    expect(await page.getByTestId('demo-as-of').count()).toBe(0);
    expect(await page.title()).toBe('Omni');
    expect(violations).toEqual([]);
    // An inline script that is not the page's own does not run.
    await page.evaluate("document.body.append(Object.assign(document.createElement('script'), { textContent: \"document.title = 'pwned'\" }))");
    await expect.poll(() => violations.length).toBeGreaterThan(0);
    expect(await page.title()).toBe('Omni');

    mkdirSync(SCREENSHOTS, { recursive: true });
    const path = join(SCREENSHOTS, 'web-chat-brief.png');
    await page.screenshot({ path, fullPage: true });
    expect(existsSync(path)).toBe(true);
  });

  it('shows a chart with the answer as an image (alt text from the data), for a manager asking about maturity', async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.getByTestId('token').fill(managerToken);
    await page.getByTestId('signin').locator('button').click();
    await expect.poll(() => page.locator('#who').textContent()).toContain('manager');
    await page.getByTestId('question').fill('where are we on omnichannel maturity?');
    await page.getByTestId('ask').locator('button').click();
    const chart = page.getByTestId('chart').locator('img');
    await chart.waitFor({ timeout: 20_000 });
    expect(await chart.getAttribute('alt')).toMatch(/stage/i);
    // The SVG decoded and drew: an image that failed to load has no natural size.
    await expect.poll(() => chart.evaluate((image) => { const drawn = image as unknown as { complete: boolean; naturalWidth: number }; return drawn.complete && drawn.naturalWidth > 0; })).toBe(true);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'web-chat-maturity-chart.png'), fullPage: true });
  });

  it('shows a clarifying answer\'s choices as buttons; one click asks that choice in the same thread and disables them', async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.getByTestId('token').fill(token);
    await page.getByTestId('signin').locator('button').click();
    await expect.poll(() => page.locator('#who').textContent()).toContain('Jordan Ferreira');
    await page.getByTestId('question').fill(CLARIFIED_QUESTION);
    await page.getByTestId('ask').locator('button').click();
    // Turns are prepended and locators re-resolve: on this fresh page the clarifying turn stays the last.
    const clarifying = page.getByTestId('turn').last();
    const buttons = clarifying.getByTestId('choice');
    await buttons.first().waitFor({ timeout: 20_000 });
    const choices = await buttons.allTextContents();
    expect(choices.length).toBeGreaterThan(1);
    // The same choices the answer lists by number, each as its own button, as text.
    const answerText = (await clarifying.getByTestId('answer').textContent()) ?? '';
    for (const [index, choice] of choices.entries()) expect(answerText).toContain(`${index + 1}. ${choice}`);
    const threadId = await page.evaluate('sessionStorage.getItem("omni-thread")');

    const asked = page.waitForRequest((request) => request.url().endsWith('/v1/ask'));
    await buttons.nth(1).click();
    expect((await asked).postDataJSON()).toEqual({ question: choices[1], threadId });
    for (const index of choices.keys()) expect(await buttons.nth(index).isDisabled()).toBe(true);
    // The choice shows as the newest turn's question, and its answer arrives under it.
    const next = page.getByTestId('turn').first();
    await expect.poll(() => next.locator('.question').textContent()).toBe(choices[1]);
    await expect.poll(() => next.locator('.footer').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await next.getByTestId('answer').textContent()).not.toMatch(/^…$|Did you want/);
    expect(await page.getByTestId('turn').count()).toBe(2);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'web-chat-choices.png'), fullPage: true });
  });

  it('says once, under the answer, when a demo database answered as of its last day', async () => {
    const demoAsOf = world.store.settings.demoAsOf();
    const clock = chooseDataClock({ demoAsOf, wallClock: () => new Date('2026-12-07T10:00:00.000Z') });
    const agent = createAgent(world.store, { deadEndDays: 14, chatModel: { kind: 'local' }, agentTimeoutMs: 20_000 }, { now: clock.now });
    const tokens = new SqliteApiTokens(world.store.database);
    const app = createHttpApp({ agent, store: world.store, decisionLog: agent.dependencies.decisionLog, userIdForToken: (value) => tokens.userIdFor(value), logger: createLogger('silent'), limits: { bodyLimitBytes: 65_536, rateLimitPerMinute: 1_000 }, dataNow: clock.now, demoAsOf });
    const demo = await startHttpServer(app, { host: '127.0.0.1', port: 0 });
    try {
      const page = await browser.newPage();
      await page.goto(demo.url);
      await page.getByTestId('token').fill(token);
      await page.getByTestId('signin').locator('button').click();
      await expect.poll(() => page.locator('#who').textContent()).toContain('Jordan Ferreira');
      await page.getByTestId('question').fill('who should I see this week?');
      await page.getByTestId('ask').locator('button').click();
      await page.getByTestId('plan-card').waitFor({ timeout: 20_000 });
      const line = page.getByTestId('demo-as-of');
      expect(await line.count()).toBe(1);
      expect(await line.textContent()).toBe('Demo data as of 2026-11-20.');
    } finally {
      await demo.close();
    }
  });
});
