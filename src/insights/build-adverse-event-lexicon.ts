import { readFileSync, writeFileSync } from 'node:fs';
import { loadLabelSections, type LabelSection } from '../content/fda-label-sections.ts';
import { ADVERSE_EVENT_TERMS_PATH } from './lexicons.ts';

/**
 * Rebuilds the `fromLabels` part of data/insights/adverse-event-terms.json from the adverse reactions
 * sections of the 200 real FDA labels in data/fda-labels/: the bulleted list of serious adverse
 * reactions ("* Peripheral Neuropathy [see Warnings and Precautions (5.1)]") and the "most common
 * adverse reactions (>=20%) were: a, b and c" sentences. The curated and excluded lists in the file
 * are kept as they are. Run: npx tsx src/insights/build-adverse-event-lexicon.ts
 */
export function adverseEventTermsFromLabels(sections: readonly LabelSection[]): { term: string; labels: number }[] {
  const labels = new Map<string, Set<string>>();
  const add = (raw: string, labelId: string) => {
    const term = raw.replace(/\([^)]*\)/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase();
    const words = term.split(' ');
    if (words.length < 1 || words.length > 4 || !/^[a-z][a-z '/-]*[a-z]$/.test(term)) return;
    if (/\b(the|of the|see|were|was|include|including|patients?|reactions? were|in the presence)\b/.test(term)) return;
    const set = labels.get(term) ?? new Set<string>();
    set.add(labelId);
    labels.set(term, set);
  };
  for (const section of sections) {
    if (section.sectionName !== 'adverse reactions') continue;
    for (const match of section.text.matchAll(/\*\s+([A-Za-z][A-Za-z ,/'-]{2,80}?)\s*\[see/g)) add(match[1]!, section.labelId);
    for (const match of section.text.matchAll(/most common adverse reactions[^:.]{0,120}?(?:were|are|include|included|was)\s*:?\s*([^.]{5,600})\./gi)) {
      for (const part of match[1]!.replace(/\([^)]*\)/g, ' ').split(/,|;|\band\b|\bor\b/)) add(part, section.labelId);
    }
  }
  return [...labels.entries()]
    .map(([term, ids]) => ({ term, labels: ids.size }))
    .sort((a, b) => b.labels - a.labels || (a.term < b.term ? -1 : 1));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = JSON.parse(readFileSync(ADVERSE_EVENT_TERMS_PATH, 'utf8')) as Record<string, unknown>;
  const fromLabels = adverseEventTermsFromLabels(loadLabelSections());
  writeFileSync(ADVERSE_EVENT_TERMS_PATH, `${JSON.stringify({ ...file, fromLabels }, null, 1)}\n`);
  console.log(`${fromLabels.length} terms from the labels written to ${ADVERSE_EVENT_TERMS_PATH}`);
}
