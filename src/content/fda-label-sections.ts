import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Real FDA label sections (NLM/FDA TAC-2017 corpus via onsides), copied into data/ with licences. */
export const LABEL_SECTIONS_PATH = fileURLToPath(new URL('../../data/fda-labels/label_sections.jsonl', import.meta.url));

export interface LabelSection {
  labelId: string;
  sectionName: 'adverse reactions' | 'warnings and precautions' | 'boxed warnings';
  text: string;
}

let cache: LabelSection[] | undefined;

export function loadLabelSections(path = LABEL_SECTIONS_PATH): LabelSection[] {
  if (path === LABEL_SECTIONS_PATH && cache) return cache;
  const sections = readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const row = JSON.parse(line) as { label_id: string; section_name: LabelSection['sectionName']; section_text: string };
      return { labelId: row.label_id, sectionName: row.section_name, text: row.section_text };
    });
  if (path === LABEL_SECTIONS_PATH) cache = sections;
  return sections;
}

/** Collapses the corpus's layout whitespace ("(   5.1   )", blank runs) into readable prose. */
export function tidyLabelText(text: string): string {
  return text
    // The corpus's own extraction left Python error lines in four sections; they are not label text.
    .replace(/^.*dispatch: unexpected key:.*$/gm, '')
    .replace(/\(\s*([\d.,\s]+?)\s*\)/g, (_, reference: string) => `(${reference.replace(/\s+/g, ' ').trim()})`)
    .replace(/\s*\(r\)/g, '®')
    .replace(/[ \t]+/g, ' ')
    .replace(/\s*\n\s*/g, '\n')
    .replace(/\n{2,}/g, '\n')
    .trim();
}

/**
 * The highlights ("EXCERPT:") block of a section when it has one: the label's own short summary,
 * e.g. the bullet list that opens Warnings and Precautions.
 */
export function sectionHighlights(section: LabelSection): string {
  const match = /EXCERPT:([\s\S]*?)(?:\n\s*\n\s*\n|$)/.exec(section.text);
  return tidyLabelText(match ? match[1]! : section.text.slice(0, 1500));
}
