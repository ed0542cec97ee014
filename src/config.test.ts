import { describe, expect, it } from 'vitest';
import { isAppError } from './core/app-error.ts';
import { loadConfig } from './config.ts';

const failure = (environment: Record<string, string>, overrides = {}) => {
  try {
    loadConfig(environment, overrides);
  } catch (error) {
    if (isAppError(error)) return { code: error.code, message: error.message, variables: error.details?.variables };
  }
  throw new Error('expected CONFIG_INVALID');
};

describe('loadConfig', () => {
  it('runs on embedded defaults: the offline local model', () => {
    const config = loadConfig({});
    expect(config.chatModel).toEqual({ kind: 'local' });
    expect(config.agentTimeoutMs).toBe(60_000);
    expect(config.agentWorkers).toBeGreaterThanOrEqual(1);
    expect(config.agentWorkers).toBeLessThanOrEqual(4);
  });

  it('uses an OpenAI-compatible endpoint when a key is configured, and --model overrides the environment', () => {
    const environment = { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1', OMNI_CHAT_MODEL: 'llama3.1' };
    expect(loadConfig(environment).chatModel).toEqual({ kind: 'openai', apiKey: 'sk-test', baseUrl: 'http://127.0.0.1:11434/v1', model: 'llama3.1' });
    expect(loadConfig(environment, { model: 'local' }).chatModel).toEqual({ kind: 'local' });
    expect(loadConfig({ ...environment, OMNI_MODEL: 'local' }).chatModel).toEqual({ kind: 'local' });
  });

  it('names every missing or invalid variable', () => {
    expect(failure({}, { model: 'openai' })).toMatchObject({ code: 'CONFIG_INVALID', variables: ['OPENAI_API_KEY'] });
    expect(failure({ OMNI_MODEL: 'gpt', OMNI_AGENT_TIMEOUT_MS: '5' })).toMatchObject({ variables: ['OMNI_MODEL', 'OMNI_AGENT_TIMEOUT_MS'] });
    expect(failure({ OMNI_AGENT_WORKERS: '-1' })).toMatchObject({ variables: ['OMNI_AGENT_WORKERS'] });
    expect(loadConfig({ OMNI_AGENT_WORKERS: '0' }).agentWorkers).toBe(0);
  });

  it('limits failed sign-ins per socket address by default; X-Forwarded-For only when configured', () => {
    expect(loadConfig({}).http).toMatchObject({ authFailuresPerMinute: 10, clientAddress: 'socket' });
    expect(loadConfig({ OMNI_AUTH_FAILURES_PER_MINUTE: '3', OMNI_CLIENT_ADDRESS: 'x-forwarded-for' }).http).toMatchObject({ authFailuresPerMinute: 3, clientAddress: 'x-forwarded-for' });
    expect(failure({ OMNI_AUTH_FAILURES_PER_MINUTE: '0', OMNI_CLIENT_ADDRESS: 'header' })).toMatchObject({ variables: ['OMNI_AUTH_FAILURES_PER_MINUTE', 'OMNI_CLIENT_ADDRESS'] });
  });

  it('refuses LangChain tracing, which would send prompts with HCP data off the machine', () => {
    expect(failure({ LANGSMITH_TRACING: 'true' })).toMatchObject({ code: 'CONFIG_INVALID', variables: ['LANGSMITH_TRACING'] });
    expect(loadConfig({ LANGSMITH_TRACING: 'false' }).chatModel.kind).toBe('local');
  });

  it('starts Slack only with both credentials, and names the missing one', () => {
    expect(loadConfig({}).slack).toBeNull();
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'secret-123' }).slack).toMatchObject({ botToken: 'xoxb-1', appToken: undefined });
    expect(failure({ SLACK_BOT_TOKEN: 'xoxb-1' })).toMatchObject({ variables: ['SLACK_SIGNING_SECRET'] });
    expect(failure({ SLACK_BOT_TOKEN: 'oops', SLACK_SIGNING_SECRET: 'secret-123' })).toMatchObject({ variables: ['SLACK_BOT_TOKEN'] });
  });

  it('reads the link domains approved content may use, with a default covering the label links', () => {
    expect(loadConfig({}).contentLinkDomains).toEqual(['fda.gov', 'dailymed.nlm.nih.gov', 'cdc.gov']);
    expect(loadConfig({ OMNI_CONTENT_LINK_DOMAINS: 'fda.gov, Pfizer.com  dailymed.nlm.nih.gov' }).contentLinkDomains).toEqual(['fda.gov', 'pfizer.com', 'dailymed.nlm.nih.gov']);
    expect(failure({ OMNI_CONTENT_LINK_DOMAINS: 'https://evil.example/login' })).toMatchObject({ code: 'CONFIG_INVALID', variables: ['OMNI_CONTENT_LINK_DOMAINS'] });
    expect(failure({ OMNI_CONTENT_LINK_DOMAINS: ' , ' })).toMatchObject({ variables: ['OMNI_CONTENT_LINK_DOMAINS'] });
  });
});
