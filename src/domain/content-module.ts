import { z } from 'zod';
import { Channel, ContentKind, ContentStatus, Purpose } from './vocabulary.ts';
import { Id, IsoDate, MarketCode, requiredMultilineText, requiredText, text } from './fields.ts';

/** An MLR-approved piece of content. Drafts are assembled only from approved, unexpired modules. */
export const ContentModule = z
  .object({
    id: Id,
    version: z.number().int().min(1),
    mlrCode: requiredText(60),
    title: requiredText(300),
    body: requiredMultilineText(50_000),
    productId: Id.nullable().default(null),
    brandName: text(80).default(''),
    genericName: text(120).default(''),
    kind: ContentKind,
    audienceSpecialties: z.array(text(120)).max(40).default([]),
    allowedChannels: z.array(Channel).min(1, { message: 'needs at least one channel' }),
    purpose: Purpose,
    market: MarketCode.default('US'),
    approvedAt: IsoDate,
    /**
     * The user who approved it in MLR review (a user id). An approved module must carry it, with its MLR
     * code and approval date (src/compliance/content-provenance.ts); drafts need none.
     */
    approvedBy: Id.nullable().default(null),
    expiresAt: IsoDate.nullable().default(null),
    status: ContentStatus,
    requiredModuleIds: z.array(Id).max(20).default([]),
    source: text(200).default(''),
    synthetic: z.boolean().default(false),
  })
  .refine((module) => !module.brandName || module.genericName, {
    message: 'a brand name needs its generic name',
    path: ['genericName'],
  })
  .refine((module) => !module.expiresAt || module.expiresAt > module.approvedAt, {
    message: 'expires before it was approved',
    path: ['expiresAt'],
  });
export type ContentModule = z.infer<typeof ContentModule>;

/** `id@version`: one key per module version, so searches "as of" a past date can find old versions. */
export function moduleKey(module: Pick<ContentModule, 'id' | 'version'>): string {
  return `${module.id}@${module.version}`;
}
