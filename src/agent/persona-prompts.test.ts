import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../core/app-error.ts';
import { roles } from '../domain/vocabulary.ts';
import { loadPersonaPrompts, personaFor, personaNames } from './persona-prompts.ts';

describe('persona prompts', () => {
  // A prompt change is a reviewed change: it moves the hash every decision records.
  it('are the reviewed texts, hashed', () => {
    const prompts = loadPersonaPrompts();
    for (const name of personaNames) expect({ name, sha256: prompts[name].sha256, text: prompts[name].text }).toMatchSnapshot();
  });

  it('follow the role', () => {
    expect(Object.fromEntries(roles.map((role) => [role, personaFor(role)]))).toEqual({ rep: 'rep', msl: 'medical-affairs', medical_affairs: 'medical-affairs', manager: 'manager', admin: 'manager' });
  });

  it('refuse to start on a missing or empty prompt', () => {
    const directory = mkdtempSync(join(tmpdir(), 'omni-prompts-'));
    try {
      expect(() => loadPersonaPrompts(directory)).toThrow(/rep prompt is missing/);
      for (const name of personaNames) writeFileSync(join(directory, `${name}.md`), name === 'manager' ? '  \n' : 'text');
      try {
        loadPersonaPrompts(directory);
        expect.unreachable();
      } catch (error) {
        expect(isAppError(error) && error.code).toBe('CONFIG_INVALID');
      }
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
