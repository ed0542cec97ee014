import { z } from 'zod';
import { Channel, Outcome, Purpose } from './vocabulary.ts';
import { Id, IsoDateTime, text } from './fields.ts';

/** One touchpoint with an HCP on any channel, from any source system. */
export const Interaction = z.object({
  id: Id,
  hcpId: Id,
  /** The user who made the contact, or a system actor such as "system:marketing-automation". */
  actorId: Id,
  channel: Channel,
  outcome: Outcome,
  purpose: Purpose.default('promotional'),
  occurredAt: IsoDateTime,
  productId: Id.nullable().default(null),
  topic: text(80).default(''),
  contentModuleId: Id.nullable().default(null),
  sourceSystem: text(60).default(''),
  synthetic: z.boolean().default(false),
});
export type Interaction = z.infer<typeof Interaction>;

/** The fields signals are computed from: what `InteractionRepository.activityForHcp` reads. */
export type InteractionActivity = Pick<Interaction, 'id' | 'actorId' | 'channel' | 'outcome' | 'purpose' | 'occurredAt' | 'productId' | 'topic'>;

/** Interactions that show an HCP's own intent: the moments a follow-up is owed. */
export function isIntentSignal(interaction: Pick<Interaction, 'channel' | 'outcome'>): boolean {
  const { channel, outcome } = interaction;
  return (
    (channel === 'webinar' && outcome === 'attended') ||
    (channel === 'content_download' && outcome === 'downloaded') ||
    (channel === 'email' && outcome === 'clicked') ||
    (channel === 'congress_booth' && outcome === 'completed') ||
    (channel === 'website' && outcome === 'requested')
  );
}

/** Interactions in which a person from the company reached out: a follow-up, and a contact for caps. */
export function isPersonalContact(interaction: Pick<Interaction, 'channel' | 'outcome' | 'actorId'>): boolean {
  if (interaction.actorId.startsWith('system:')) return false;
  const { channel, outcome } = interaction;
  return (
    ((channel === 'field_visit' || channel === 'remote_detail' || channel === 'msl_meeting' || channel === 'phone') &&
      outcome === 'completed') ||
    ((channel === 'email' || channel === 'sms' || channel === 'whatsapp') && outcome === 'sent') ||
    (channel === 'medical_inquiry' && outcome === 'replied')
  );
}

/** Any outbound touch that counts towards an HCP's contact load, personal or automated. */
export function isOutboundContact(interaction: Pick<Interaction, 'channel' | 'outcome' | 'actorId'>): boolean {
  if (isPersonalContact(interaction)) return true;
  return (interaction.channel === 'email' || interaction.channel === 'sms') && interaction.outcome === 'sent';
}
