import { ContentModule } from '../domain/content-module.ts';
import type { Channel, ContentKind } from '../domain/vocabulary.ts';
import { tidyLabelText, type LabelSection } from './fda-label-sections.ts';

/**
 * Real label text (the FDA label-section corpus) cut into content modules at the label's own
 * numbered subsection boundaries ("5.1 Peripheral Neuropathy", "5.2 ..."). The text is real
 * labeling, so the modules are not synthetic; their MLR codes are (SYN-...).
 */

/** Label safety text may be shown on every promotional channel a rep or the website uses. */
export const LABEL_MODULE_CHANNELS: readonly Channel[] = [
  'email',
  'field_visit',
  'remote_detail',
  'website',
  'content_download',
  'webinar',
  'msl_meeting',
];

/** ContentModule.body's ceiling: longer text is cut into parts (the corpus never needs it). */
export const MAX_BODY_CHARS = 50_000;
const MAX_TITLE_CHARS = 300;

export interface LabelModuleOptions {
  approvedAt: string;
  expiresAt: string | null;
  market?: string;
  /** The products the labels belong to (the store's, or a catalogue's): their ids, generic names and audiences. None: generic names from the label text, no product, no audience. */
  products?: readonly LabelProduct[];
  /** Audience specialties for a label; by default its product's, else none. */
  audienceFor?(labelId: string): string[];
}

/** A product as label modules need it: the label it is sold under, its generic name and its audience specialties. */
export interface LabelProduct {
  id: string;
  labelId: string;
  genericName: string;
  audienceSpecialties: readonly string[];
}

/** One numbered subsection of a label section ("5.1" "Peripheral Neuropathy"). */
export interface LabelSubsection {
  number: string;
  heading: string;
  text: string;
}

export interface SplitSection {
  /** The section's number: 5 for Warnings and Precautions, 6 for Adverse Reactions. */
  number: string;
  /** Text before the first subsection (introduction and highlights), plus any highlights block found later. */
  preamble: string;
  subsections: LabelSubsection[];
  /** Headings that looked numbered but were out of order, so were kept as text. */
  skippedHeadings: string[];
}

const sectionNumbers: Record<Exclude<LabelSection['sectionName'], 'boxed warnings'>, string> = {
  'warnings and precautions': '5',
  'adverse reactions': '6',
};

const sectionTitles: Record<LabelSection['sectionName'], string> = {
  'warnings and precautions': 'Warnings and Precautions',
  'adverse reactions': 'Adverse Reactions',
  'boxed warnings': 'Boxed Warning',
};

/**
 * Splits a section's text at its numbered subsection headings. A heading is a line of its own that
 * starts with the section number ("   5.1 Peripheral Neuropathy", "5.   1   Neonatal Toxicity",
 * "6.1. Clinical Studies Experience", "6.1.2 ..."), optionally after a figure or table placeholder
 * left by the corpus ("Figure 1    5.2 Coronary ..."). Cross-references such as "(5.1)" inside a
 * sentence never start a line with a bare number followed by a capitalised title, so they do not
 * split. Numbers must increase; an out-of-order "heading" stays text.
 */
export function splitSubsections(text: string, sectionNumber: string): SplitSection {
  const heading = new RegExp(
    String.raw`^[ \t]*((?:(?:Table|Figure)[ \t]+\d+[A-Za-z]?[ \t]+)*)(${sectionNumber})\.[ \t]*(\d{1,2})(?:\.[ \t]*(\d{1,2}))?\.?[ \t]+([A-Z][^\n]*?)[ \t]*$`,
  );
  const sectionHeading = new RegExp(String.raw`^[ \t]*${sectionNumber}\.?[ \t]+(?:WARNINGS AND PRECAUTIONS|ADVERSE REACTIONS)[ \t]*$`, 'i');
  const preambleLines: string[] = [];
  const subsections: { number: string; heading: string; lines: string[] }[] = [];
  const skippedHeadings: string[] = [];
  let previous: number[] = [];
  let sawSectionHeading = false;
  for (const line of text.split('\n')) {
    const current = subsections.at(-1);
    if (!sawSectionHeading && sectionHeading.test(line)) {
      sawSectionHeading = true;
      continue;
    }
    const match = heading.exec(line);
    const title = match ? match[5]!.replace(/\s+/g, ' ') : '';
    if (match && title.length <= 200) {
      const parts = [Number(match[2]), Number(match[3])];
      if (match[4] !== undefined) parts.push(Number(match[4]));
      if (compareNumbers(parts, previous) > 0) {
        const residue = match[1]!.trim();
        if (residue) (current ? current.lines : preambleLines).push(residue);
        subsections.push({ number: parts.join('.'), heading: title, lines: [] });
        previous = parts;
        continue;
      }
      skippedHeadings.push(line.trim());
    }
    (current ? current.lines : preambleLines).push(line);
  }

  // A highlights block ("EXCERPT: ...") found after a heading runs to the end of that subsection in
  // the corpus (FULYZAQ): it belongs to the section's highlights, not to the subsection.
  const movedHighlights: string[] = [];
  const result = subsections.map(({ number, heading: title, lines }) => {
    const body = lines.join('\n');
    const excerptAt = body.search(/EXCERPT:/);
    if (excerptAt >= 0) movedHighlights.push(body.slice(excerptAt));
    return { number, heading: title, text: excerptAt >= 0 ? body.slice(0, excerptAt) : body };
  });
  return {
    number: sectionNumber,
    preamble: [preambleLines.join('\n'), ...movedHighlights].join('\n'),
    subsections: result,
    skippedHeadings,
  };
}

function compareNumbers(a: number[], b: number[]): number {
  for (let index = 0; index < Math.max(a.length, b.length); index++) {
    const difference = (a[index] ?? -1) - (b[index] ?? -1);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** Label text ready for a module body: layout whitespace tidied, the corpus's "EXCERPT:" marker dropped. */
export function labelBody(text: string): string {
  return tidyLabelText(text.replace(/EXCERPT:/g, '\n'));
}

/** A one-line title: whitespace collapsed, "(r)" as ®, "Hypersensitivity /Drug" joined, length capped. */
export function oneLineTitle(text: string): string {
  const line = text
    .replace(/\s*\(r\)/g, '®')
    .replace(/\s+/g, ' ')
    .replace(/ ([/-])(?=\w)/g, '$1')
    .trim();
  return line.length <= MAX_TITLE_CHARS ? line : `${line.slice(0, MAX_TITLE_CHARS - 1).trimEnd()}…`;
}

/** Ids may hold letters, digits, '.', '_', ':' and '-' only. */
export function idPart(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9._:-]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

// ---------------------------------------------------------------------------------------------
// Generic names

/** WHO INN stems that end a generic name (a sample broad enough to tell "asenapine" from "gastric hemorrhage"). */
const innStem =
  /(?:mab|cept|nib|ciclib|parib|zomib|lisib|degib|ase|tide|glutide|gliptin|gliflozin|floxacin|mycin|cillin|penem|cef\w+|vir|virine|azole|apine|idone|perone|azepam|zolam|statin|xaban|gatran|parin|sartan|pril|olol|dipine|setron|pitant|tropium|terol|sone|olone|dronate|platin|taxel|rubicin|mustine|lukast|fungin|oxetine|faxine|triptan|trexed|lutamide|darone|relin|caftor|glustat|imod|fumarate|stim|grastim|poetin|kinra|vastatin|profen|coxib|zosin|tidine|prazole|semide|thiazide|ciclovir|tegravir|buvir|previr|asvir)$/;
/** English words that happen to end like a stem. */
const commonWord = /^(?:phase|release|increase|decrease|disease|case|base|purchase|database|ease|lease|erase|chase|prior|favor|before|outside|inside|beside|aside|tone|zone|stone|alone|none|someone|ozone)$/;
/** Salt and ester words that may follow the active moiety ("ingenol mebutate", "gabapentin enacarbil"). */
const saltOrEster =
  /^(?:acetate|mebutate|enacarbil|fumarate|hydrochloride|hydrobromide|sodium|potassium|calcium|magnesium|mesylate|maleate|besylate|tartrate|citrate|succinate|bromide|sulfate|phosphate|propionate|furoate|dipropionate|tosylate|malate|medoxomil|etexilate|axetil|dimesylate|vedotin|emtansine)$/;
/** Dosage-form words that may follow a generic name inside the parentheses. */
const dosageFormWord =
  /^(?:ophthalmic|otic|oral|topical|nasal|inhalation|injection|injectable|for|use|suspension|solution|tablets?|capsules?|gel|lotion|cream|ointment|powder|film|film-coated|extended-release|delayed-release|and|intravenous|subcutaneous|spray)$/;

/**
 * The generic name written beside the brand in the label text ("SAPHRIS (r) (asenapine)",
 * "TRULICITY (i.e., dulaglutide)"), when it can be told apart from other parentheticals
 * ("KEYTRUDA (5 months after the last dose)", "INLYTA (gastric hemorrhage)"): lowercase words
 * only, dosage-form words dropped, and the name must end in an INN stem or carry a salt or ester.
 */
export function genericNameFromText(brand: string, text: string): string | undefined {
  const escaped = brand.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(String.raw`\b${escaped}\s*(?:®|\(r\)|\(TM\)|™)?\s*\(\s*(?:i\.e\.,?\s*)?([^()]{3,80}?)\s*\)`, 'gi');
  const counts = new Map<string, number>();
  for (const match of text.matchAll(pattern)) {
    const words = match[1]!.trim().split(/\s+/);
    if (!words.every((word) => /^[a-z][a-z-]*[a-z]$/.test(word))) continue;
    while (words.length > 1 && dosageFormWord.test(words.at(-1)!)) words.pop();
    if (words.length === 0 || words.length > 3 || words.some((word) => dosageFormWord.test(word))) continue;
    const drugLike = (innStem.test(words[0]!) && !commonWord.test(words[0]!)) || (words.length === 2 && saltOrEster.test(words[1]!));
    if (!drugLike || words.join(' ').toLowerCase() === brand.toLowerCase()) continue;
    const name = words.join(' ');
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
}

const productOfLabel = (labelId: string, products: readonly LabelProduct[]) => products.find((product) => product.labelId.toLowerCase() === labelId.toLowerCase());

/**
 * A label's generic name: the known products' first (KEYTRUDA pembrolizumab, ...), then the label
 * text. `real` is false when neither knows it and the brand name stands in.
 */
export function resolveGenericName(labelId: string, text: string, products: readonly LabelProduct[] = []): { genericName: string; real: boolean } {
  const known = productOfLabel(labelId, products)?.genericName ?? genericNameFromText(labelId, text);
  return known ? { genericName: known, real: true } : { genericName: labelId, real: false };
}

// ---------------------------------------------------------------------------------------------
// Building modules

/** What a label module needs beyond the shared defaults; used by the corpus and the SPL reader. */
export interface LabelModuleInput {
  id: string;
  mlrCode: string;
  title: string;
  body: string;
  kind: Extract<ContentKind, 'safety' | 'isi'>;
  brandName: string;
  genericName: string;
  productId: string | null;
  audienceSpecialties: string[];
  source: string;
  approvedAt: string;
  expiresAt: string | null;
  market: string;
  version?: number;
}

/**
 * Parses one label module (throws on anything ContentModule refuses). A body over the schema's
 * limit is cut at line boundaries into numbered parts ("(part 2 of 3)", id suffix "-p2").
 */
export function buildLabelModules(input: LabelModuleInput): ContentModule[] {
  const parts = splitLongBody(input.body, MAX_BODY_CHARS);
  return parts.map((body, index) => {
    const suffix = parts.length > 1 ? `-p${index + 1}` : '';
    return ContentModule.parse({
      id: `${input.id}${suffix}`,
      version: input.version ?? 1,
      mlrCode: `${input.mlrCode}${suffix.toUpperCase()}`,
      title: parts.length > 1 ? oneLineTitle(`${input.title} (part ${index + 1} of ${parts.length})`) : oneLineTitle(input.title),
      body,
      productId: input.productId,
      brandName: input.brandName,
      genericName: input.genericName,
      kind: input.kind,
      audienceSpecialties: input.audienceSpecialties,
      allowedChannels: [...LABEL_MODULE_CHANNELS],
      purpose: 'promotional',
      market: input.market,
      approvedAt: input.approvedAt,
      expiresAt: input.expiresAt,
      status: 'approved',
      requiredModuleIds: [],
      source: oneLineTitle(input.source).slice(0, 200),
      synthetic: false,
    });
  });
}

/** Cuts text at line boundaries into pieces of at most `max` characters (a single longer line is cut hard). */
export function splitLongBody(body: string, max: number): string[] {
  if (body.length <= max) return [body];
  const parts: string[] = [];
  let current = '';
  for (const line of body.split('\n')) {
    for (let start = 0; start < Math.max(line.length, 1); start += max) {
      const piece = line.slice(start, start + max);
      if (current && current.length + 1 + piece.length > max) {
        parts.push(current);
        current = '';
      }
      current = current ? `${current}\n${piece}` : piece;
    }
  }
  if (current.trim()) parts.push(current);
  return parts;
}

/**
 * Separates the corpus's "BOXED WARNING: <headline>" prefix from the boxed warning itself. The
 * headline may wrap over several lines; it ends where the label repeats it ("WARNING: ..."), which
 * is where the body starts. `headline` is the warning's own title without "WARNING:", when it has one.
 */
export function splitBoxedWarning(text: string): { headline?: string; body: string } {
  const prefix = /^\s*BOXED WARNING:[ \t]*/.exec(text);
  if (!prefix) return { body: text };
  const rest = text.slice(prefix[0].length);
  const firstLine = rest.split('\n').find((line) => line.trim() !== '')?.trim();
  if (!firstLine) return { body: rest };
  const firstAt = rest.indexOf(firstLine);
  const words = firstLine.split(/\s+/).map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const repeat = new RegExp(words.join('\\s+')).exec(rest.slice(firstAt + firstLine.length));
  if (!repeat) {
    // No repeat: only the text on the prefix's own line can be a headline.
    const sameLine = rest.split('\n')[0]!.trim();
    return { headline: cleanHeadline(sameLine), body: sameLine ? rest.slice(rest.indexOf('\n') + 1) : rest };
  }
  const repeatAt = firstAt + firstLine.length + repeat.index;
  return { headline: cleanHeadline(rest.slice(0, repeatAt)), body: rest.slice(repeatAt) };
}

function cleanHeadline(text: string): string | undefined {
  const headline = text.replace(/\s+/g, ' ').replace(/^\s*WARNINGS?\s*:?\s*/i, '').trim();
  return headline.length >= 3 && headline.length <= 240 ? headline : undefined;
}

/**
 * Cuts the corpus's label sections into modules: one per numbered subsection of Warnings and
 * Precautions and of Adverse Reactions (kind 'safety'), one for a section's introduction and
 * highlights when it has any, one for a section without subsections, and one per boxed warning
 * (kind 'isi'). Empty subsections are skipped.
 */
export function labelSectionModules(sections: LabelSection[], options: LabelModuleOptions): ContentModule[] {
  const textByLabel = new Map<string, string[]>();
  for (const section of sections) {
    const texts = textByLabel.get(section.labelId) ?? [];
    texts.push(section.text);
    textByLabel.set(section.labelId, texts);
  }
  const products = options.products ?? [];
  const genericNames = new Map<string, string>();
  for (const [labelId, texts] of textByLabel) genericNames.set(labelId, resolveGenericName(labelId, texts.join('\n'), products).genericName);

  const audienceFor = options.audienceFor ?? ((labelId: string) => [...(productOfLabel(labelId, products)?.audienceSpecialties ?? [])]);
  const modules: ContentModule[] = [];
  const usedIds = new Set<string>();
  for (const section of sections) {
    const brand = section.labelId;
    const shared = {
      brandName: brand,
      genericName: genericNames.get(brand)!,
      productId: productOfLabel(brand, products)?.id ?? null,
      audienceSpecialties: audienceFor(brand),
      approvedAt: options.approvedAt,
      expiresAt: options.expiresAt,
      market: options.market ?? 'US',
    };
    const base = `lbl-${idPart(brand)}`;
    const mlrBase = `SYN-LBL-${brand.toUpperCase().replace(/[^A-Z0-9]+/g, '')}`;
    const sectionTitle = sectionTitles[section.sectionName];
    const add = (input: Omit<LabelModuleInput, keyof typeof shared>) => {
      if (!input.body) return;
      let id = input.id;
      for (let copy = 2; usedIds.has(id); copy++) id = `${input.id}-${copy}`;
      usedIds.add(id);
      modules.push(...buildLabelModules({ ...shared, ...input, id }));
    };

    if (section.sectionName === 'boxed warnings') {
      const { headline, body } = splitBoxedWarning(section.text);
      add({
        id: `${base}-boxed`,
        mlrCode: `${mlrBase}-BW`,
        title: `${brand}: Boxed Warning${headline ? `: ${headline}` : ''}`,
        body: labelBody(body),
        kind: 'isi',
        source: `FDA label ${brand}: boxed warnings`,
      });
      continue;
    }

    const split = splitSubsections(section.text, sectionNumbers[section.sectionName]);
    const preamble = labelBody(split.preamble);
    add({
      id: `${base}-${split.number}`,
      mlrCode: `${mlrBase}-${split.number}`,
      title: `${brand}: ${split.number} ${sectionTitle}${split.subsections.length > 0 ? ' (overview)' : ''}`,
      body: preamble,
      kind: 'safety',
      source: `FDA label ${brand}: ${section.sectionName} ${split.number}`,
    });
    for (const subsection of split.subsections) {
      add({
        id: `${base}-${subsection.number.replace(/\./g, '-')}`,
        mlrCode: `${mlrBase}-${subsection.number}`,
        title: `${brand}: ${subsection.number} ${subsection.heading}`,
        body: labelBody(subsection.text),
        kind: 'safety',
        source: `FDA label ${brand}: ${section.sectionName} ${subsection.number}`,
      });
    }
  }
  return modules;
}

/** Modules whose generic name is only the brand name standing in (no real generic name known). */
export function modulesLackingGenericName(modules: ContentModule[]): ContentModule[] {
  return modules.filter((module) => module.brandName !== '' && module.genericName === module.brandName);
}
