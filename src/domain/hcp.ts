import { z } from 'zod';
import { Channel, Segment } from './vocabulary.ts';
import { Id, Npi, requiredText, text } from './fields.ts';

/**
 * The territory of an HCP no territory is assigned to (an NPPES import, an import without the column):
 * a real value that every filter and tool accepts, never "".
 */
export const UNASSIGNED_TERRITORY = 'unassigned';

/** Where an HCP record came from. Only `synthetic` records carry made-up behaviour. */
export const HcpSource = z.enum(['synthetic', 'nppes', 'import']);

/** A healthcare professional: the identity at the centre of the unified view. */
export const Hcp = z.object({
  id: Id,
  npi: Npi.nullable().default(null),
  firstName: requiredText(100),
  lastName: requiredText(100),
  credential: text(40).default(''),
  specialty: requiredText(120),
  taxonomyCode: z
    .string()
    .trim()
    .regex(/^(\d{3}[0-9A-Z]{6}X)?$/, { message: 'is not a NUCC taxonomy code (e.g. 207RX0202X)' })
    .default(''),
  subspecialtyFocus: text(200).default(''),
  institution: text(200).default(''),
  city: text(100).default(''),
  state: z
    .string()
    .trim()
    .regex(/^([A-Z]{2})?$/, { message: 'must be a two-letter state code' })
    .default(''),
  territory: text(40)
    .default(UNASSIGNED_TERRITORY)
    .transform((territory) => territory || UNASSIGNED_TERRITORY),
  segment: Segment.nullable().default(null),
  tier: z.number().int().min(1).max(5).nullable().default(null),
  influenceScore: z.number().min(0).max(100).nullable().default(null),
  clinicalTrialInvolvement: z.boolean().default(false),
  patientMixTags: z.array(text(60)).max(20).default([]),
  preferredChannel: Channel.nullable().default(null),
  source: HcpSource.default('import'),
  synthetic: z.boolean().default(false),
});
export type Hcp = z.infer<typeof Hcp>;
export type HcpInput = z.input<typeof Hcp>;

/**
 * The market whose approved content an HCP may receive. Every HCP Omni holds is a US clinician (NPPES
 * records, US state codes), so it is US; a market field on Hcp would replace this one place.
 */
export function hcpMarket(_hcp: Pick<Hcp, 'state'>): string {
  return 'US';
}

export function hcpDisplayName(hcp: Pick<Hcp, 'firstName' | 'lastName' | 'credential'>): string {
  const name = `${hcp.firstName} ${hcp.lastName}`;
  return hcp.credential ? `${name}, ${hcp.credential}` : name;
}

/** A name reduced for matching: lower case, no accents, no titles or punctuation. */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\b(dr|doctor|prof|professor|mr|mrs|ms)\b\.?/g, ' ')
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
