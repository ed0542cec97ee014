import { z } from 'zod';
import { Role } from './vocabulary.ts';
import { Id, requiredText, text } from './fields.ts';

/**
 * A person who uses Omni. `territories` scopes what they see: a rep or MSL their own territories,
 * a manager the territories of their team. Medical affairs and admins are not territory-bound.
 */
export const User = z.object({
  id: Id,
  name: requiredText(120),
  role: Role,
  territories: z.array(text(40)).max(50).default([]),
  team: text(80).default(''),
  slackUserId: z
    .string()
    .trim()
    .regex(/^([UW][A-Z0-9]{2,20})?$/, { message: 'is not a Slack user id (e.g. U024BE7LH)' })
    .transform((value) => (value === '' ? null : value))
    .nullable()
    .default(null),
  synthetic: z.boolean().default(false),
});
export type User = z.infer<typeof User>;
