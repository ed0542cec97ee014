import { z } from 'zod';

/** The channels Omni knows. Every interaction, consent and content module uses these names. */
export const channels = [
  'field_visit',
  'remote_detail',
  'email',
  'webinar',
  'website',
  'content_download',
  'phone',
  'sms',
  'whatsapp',
  'congress_booth',
  'msl_meeting',
  'medical_inquiry',
  'call_center',
] as const;
export const Channel = z.enum(channels);
export type Channel = z.infer<typeof Channel>;

const channelNames: Record<Channel, string> = {
  field_visit: 'field visit',
  remote_detail: 'remote detail',
  email: 'email',
  webinar: 'webinar',
  website: 'website',
  content_download: 'content download',
  phone: 'phone',
  sms: 'SMS',
  whatsapp: 'WhatsApp',
  congress_booth: 'congress booth',
  msl_meeting: 'MSL meeting',
  medical_inquiry: 'medical inquiry',
  call_center: 'call center',
};

/** A channel as a sentence names it: "remote detail", "SMS", "MSL meeting". */
export function channelName(channel: Channel): string {
  return channelNames[channel];
}

/** What happened in an interaction. `completed` covers visits, calls and meetings that took place. */
export const outcomes = [
  'sent',
  'opened',
  'clicked',
  'registered',
  'attended',
  'downloaded',
  'replied',
  'requested',
  'completed',
] as const;
export const Outcome = z.enum(outcomes);
export type Outcome = z.infer<typeof Outcome>;

export const purposes = ['promotional', 'medical', 'market_research', 'events'] as const;
export const Purpose = z.enum(purposes);
export type Purpose = z.infer<typeof Purpose>;

export const roles = ['rep', 'msl', 'medical_affairs', 'manager', 'admin'] as const;
export const Role = z.enum(roles);
export type Role = z.infer<typeof Role>;

export const contentKinds = ['claim', 'safety', 'isi', 'education', 'invitation', 'template', 'medical_response'] as const;
export const ContentKind = z.enum(contentKinds);
export type ContentKind = z.infer<typeof ContentKind>;

export const contentStatuses = ['draft', 'approved', 'withdrawn', 'expired'] as const;
export const ContentStatus = z.enum(contentStatuses);
export type ContentStatus = z.infer<typeof ContentStatus>;

export const segments = ['A', 'B', 'C', 'D'] as const;
export const Segment = z.enum(segments);
export type Segment = z.infer<typeof Segment>;
