import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { loadVersionedJson } from '../core/versioned-json.ts';
import { actionShapes } from './candidate-actions.ts';
import { channelSignals, signalNames } from './signals.ts';

/** The actions the engine can recommend. */
export const actionKinds = ['field_visit', 'remote_detail', 'approved_email', 'event_invitation', 'msl_handoff', 'medical_information_route', 'wait'] as const;
export type ActionKind = (typeof actionKinds)[number];

const SignalWeights = z.partialRecord(z.enum(signalNames), z.number().finite().min(-10).max(10));

export const NbaWeights = z
  .object({
    version: z.string().min(1).max(40),
    description: z.string().default(''),
    caps: z.object({ contacts7Days: z.number().int().min(1), contacts30Days: z.number().int().min(1) }).strict(),
    actions: z.object(Object.fromEntries(actionKinds.map((kind) => [kind, SignalWeights])) as Record<ActionKind, typeof SignalWeights>).strict(),
  })
  .strict()
  .superRefine((weights, context) => {
    // A channel signal on an action without a channel could never apply: refuse it rather than ignore it.
    for (const kind of actionKinds) {
      if (actionShapes[kind].channel !== null) continue;
      for (const signal of channelSignals) {
        if (weights.actions[kind][signal] !== undefined) {
          context.addIssue({ code: 'custom', path: ['actions', kind, signal], message: `${kind} has no channel, so ${signal} can never apply` });
        }
      }
    }
  });
export type NbaWeights = z.infer<typeof NbaWeights> & { sha256: string };

/** The weights file in the repository: data/nba/weights.json. */
export const DEFAULT_WEIGHTS_PATH = fileURLToPath(new URL('../../data/nba/weights.json', import.meta.url));

/** Reads and validates a weights file; its sha256 goes into the decision log beside the version. */
export function loadNbaWeights(path: string = DEFAULT_WEIGHTS_PATH): NbaWeights {
  return loadVersionedJson(path, NbaWeights, 'NBA weights file');
}
