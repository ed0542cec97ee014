import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/**
 * The word lists the insight engine reads, each a data file in data/insights/ (reviewable and
 * editable without a code change): competitor products, seed terms of the known concerns, and the
 * adverse-event lexicon (derived from the FDA labels' adverse reactions sections plus a curated list).
 */
const dataFile = (name: string) => fileURLToPath(new URL(`../../data/insights/${name}`, import.meta.url));
export const COMPETITORS_PATH = dataFile('competitors.json');
export const THEME_SEEDS_PATH = dataFile('theme-seeds.json');
export const ADVERSE_EVENT_TERMS_PATH = dataFile('adverse-event-terms.json');

export const Competitor = z.object({
  brandName: z.string().min(1),
  genericName: z.string().min(1),
  competesWith: z.array(z.string()).default([]),
});
export type Competitor = z.infer<typeof Competitor>;

export const ThemeSeed = z.object({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/),
  label: z.string().min(1),
  /** What a user may call the concern when filtering by topic ("side effects", "reimbursement"). */
  aliases: z.array(z.string().min(1)).default([]),
  /** The terms count only in a note that asks something. */
  requiresQuestion: z.boolean(),
  /** A note with this concern that asks something is a medical question (for the unanswered list). */
  medicalQuestion: z.boolean(),
  terms: z.array(z.object({ phrase: z.string().min(1), weight: z.number().positive() })),
});
export type ThemeSeed = z.infer<typeof ThemeSeed>;

export const ThemeSeeds = z.object({
  minScore: z.number().positive(),
  competitorNameWeight: z.number().positive(),
  adverseEventWeight: z.number().positive(),
  seeds: z.array(ThemeSeed).min(1),
});
export type ThemeSeeds = z.infer<typeof ThemeSeeds>;

const AdverseEventTermsFile = z.object({
  curated: z.array(z.string().min(2)),
  excluded: z.array(z.string()).default([]),
  fromLabels: z.array(z.object({ term: z.string().min(2), labels: z.number().int().min(1) })).default([]),
});

export interface InsightLexicons {
  competitors: Competitor[];
  seeds: ThemeSeeds;
  /** Adverse-event terms: the label-derived and curated lists, less the excluded ones. */
  adverseEventTerms: string[];
}

function readJson<T>(path: string, schema: z.ZodType<T>): T {
  return schema.parse(JSON.parse(readFileSync(path, 'utf8')));
}

export function loadInsightLexicons(paths: { competitors?: string; seeds?: string; adverseEventTerms?: string } = {}): InsightLexicons {
  const competitors = readJson(paths.competitors ?? COMPETITORS_PATH, z.object({ competitors: z.array(Competitor) })).competitors;
  const seeds = readJson(paths.seeds ?? THEME_SEEDS_PATH, ThemeSeeds);
  const terms = readJson(paths.adverseEventTerms ?? ADVERSE_EVENT_TERMS_PATH, AdverseEventTermsFile);
  const excluded = new Set(terms.excluded.map((term) => term.toLowerCase()));
  const adverseEventTerms = [...new Set([...terms.fromLabels.map((entry) => entry.term), ...terms.curated].map((term) => term.toLowerCase()))].filter(
    (term) => !excluded.has(term),
  );
  return { competitors, seeds, adverseEventTerms };
}

let competitorNameList: string[] | null = null;
/** The competitors' brand and generic names (data/insights/competitors.json), read once. */
export function competitorNames(): string[] {
  competitorNameList ??= loadInsightLexicons().competitors.flatMap((competitor) => [competitor.brandName, competitor.genericName]);
  return competitorNameList;
}

let competitorPatterns: { name: string; pattern: RegExp }[] | null = null;
/** The first competitor name (brand or generic) a text names, as written in competitors.json, or null. */
export function competitorNamedIn(text: string): string | null {
  competitorPatterns ??= competitorNames().map((name) => ({ name, pattern: new RegExp(`(?<![a-z])${name.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![a-z])`) }));
  const lower = text.toLowerCase();
  return competitorPatterns.find(({ pattern }) => pattern.test(lower))?.name ?? null;
}
