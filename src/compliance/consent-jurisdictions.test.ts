import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '../core/app-error.ts';
import { DEFAULT_CONSENT_RULES_PATH, jurisdictionRuleFor, loadConsentRules, satisfiesRule } from './consent-jurisdictions.ts';

let directory: string;
beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), 'omni-consent-rules-'));
});
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const write = (name: string, text: string) => {
  const path = join(directory, name);
  writeFileSync(path, text);
  return path;
};
const valid = () => JSON.parse(readFileSync(DEFAULT_CONSENT_RULES_PATH, 'utf8')) as { version: string; rules: Record<string, unknown>[] };

/** The AppError a load throws: CONFIG_INVALID, its message naming the file and matching `message`. */
function loadFails(path: string, message: RegExp): void {
  let thrown: unknown;
  try {
    loadConsentRules(path);
  } catch (error) {
    thrown = error;
  }
  expect(isAppError(thrown)).toBe(true);
  if (!isAppError(thrown)) return;
  expect(thrown.code).toBe('CONFIG_INVALID');
  expect(thrown.message).toContain(path);
  expect(thrown.message).toMatch(message);
}

describe('the consent jurisdiction policy file', () => {
  it('loads the repository file with its version and sha256, labelled a demo policy', () => {
    const text = readFileSync(DEFAULT_CONSENT_RULES_PATH, 'utf8');
    const rules = loadConsentRules();
    expect(rules.version).toBe(JSON.parse(text).version);
    expect(rules.sha256).toBe(createHash('sha256').update(text).digest('hex'));
    expect(rules.description).toMatch(/DEMO POLICY, NOT LEGAL ADVICE/);
    expect(rules.rules.length).toBeGreaterThan(0);
    for (const rule of rules.rules) expect(rule.rule).toMatch(/^Demo rule/);
  });

  it('finds the rule for a jurisdiction, channel and purpose (jurisdiction without case), and compares sources without case', () => {
    const rules = loadConsentRules(write('one.json', JSON.stringify({ ...valid(), rules: [{ ...valid().rules[0], jurisdiction: 'US-XX', explicitSources: ['Signed consent form'] }] })));
    const rule = jurisdictionRuleFor(rules, 'us-xx', 'email', 'promotional');
    expect(rule?.id).toBe(valid().rules[0]!.id);
    expect(jurisdictionRuleFor(rules, 'US-XX', 'sms', 'promotional')).toBeUndefined();
    expect(jurisdictionRuleFor(rules, 'US-XX', 'email', 'events')).toBeUndefined();
    expect(jurisdictionRuleFor(rules, 'US', 'email', 'promotional')).toBeUndefined();
    expect(satisfiesRule(rule!, ' signed CONSENT form ')).toBe(true);
    expect(satisfiesRule(rule!, 'preference center')).toBe(false);
  });

  it('a file that cannot be read or is not JSON is CONFIG_INVALID naming the file', () => {
    loadFails(join(directory, 'absent.json'), /cannot read the consent jurisdiction policy/);
    loadFails(write('broken.json', '{ "version": "x", "rules": [ '), /is not valid JSON/);
  });

  it('names the field that is wrong', () => {
    const noVersion: Record<string, unknown> = valid();
    delete noVersion.version;
    loadFails(write('no-version.json', JSON.stringify(noVersion)), /invalid: version:/);
    loadFails(write('channel.json', JSON.stringify({ ...valid(), rules: [{ ...valid().rules[0], channel: 'carrier_pigeon' }] })), /rules\.0\.channel:/);
    loadFails(write('requires.json', JSON.stringify({ ...valid(), rules: [{ ...valid().rules[0], requires: 'a nod' }] })), /rules\.0\.requires:/);
    loadFails(write('sources.json', JSON.stringify({ ...valid(), rules: [{ ...valid().rules[0], explicitSources: [] }] })), /rules\.0\.explicitSources:/);
    loadFails(write('extra.json', JSON.stringify({ ...valid(), rules: [{ ...valid().rules[0], strictness: 'high' }] })), /rules\.0: Unrecognized key: "strictness"/);
    loadFails(write('id.json', JSON.stringify({ ...valid(), rules: [{ ...valid().rules[0], id: 'Rule One' }] })), /rules\.0\.id:/);
  });

  it('refuses two rules for one jurisdiction, channel and purpose, and a repeated id', () => {
    const rule = valid().rules[0]!;
    loadFails(write('twice.json', JSON.stringify({ ...valid(), rules: [rule, { ...rule, id: 'another-id', jurisdiction: String(rule.jurisdiction).toLowerCase() }] })), /rules\.1: a second rule for/);
    loadFails(write('same-id.json', JSON.stringify({ ...valid(), rules: [rule, { ...rule, channel: 'sms' }] })), /rules\.1\.id: duplicate rule id/);
  });
});
