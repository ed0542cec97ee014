import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AppError } from '../core/app-error.ts';
import type { Role } from '../domain/vocabulary.ts';

/** A persona's system prompt as loaded: its name, text and sha256 (recorded with every decision). */
export interface PersonaPrompt {
  name: PersonaName;
  text: string;
  sha256: string;
}

export const personaNames = ['rep', 'medical-affairs', 'manager'] as const;
export type PersonaName = (typeof personaNames)[number];

export const PROMPTS_DIRECTORY = fileURLToPath(new URL('../../prompts/', import.meta.url));

/** The persona follows the user's role: MSLs work with medical affairs' prompt, admins with the manager's. */
export function personaFor(role: Role): PersonaName {
  switch (role) {
    case 'rep':
      return 'rep';
    case 'msl':
    case 'medical_affairs':
      return 'medical-affairs';
    case 'manager':
    case 'admin':
      return 'manager';
  }
}

/** Reads the persona prompts once; a missing or empty file is a configuration fault. */
export function loadPersonaPrompts(directory: string = PROMPTS_DIRECTORY): Record<PersonaName, PersonaPrompt> {
  const prompts = {} as Record<PersonaName, PersonaPrompt>;
  for (const name of personaNames) {
    let text: string;
    try {
      text = readFileSync(`${directory}/${name}.md`, 'utf8');
    } catch {
      throw new AppError('CONFIG_INVALID', `the ${name} prompt is missing: ${directory}/${name}.md`);
    }
    if (text.trim().length === 0) throw new AppError('CONFIG_INVALID', `the ${name} prompt is empty: ${directory}/${name}.md`);
    prompts[name] = { name, text, sha256: createHash('sha256').update(text).digest('hex') };
  }
  return prompts;
}
