import type { ContentModule } from '../domain/content-module.ts';
import { buildLabelModules, idPart, oneLineTitle, splitBoxedWarning } from './label-modules.ts';

/**
 * A reader for DailyMed Structured Product Labeling (HL7 SPL) XML, so that label updates can arrive
 * in their native format. No XML library is available, so this file holds a small, strict
 * tokenizer: elements, attributes, text, CDATA, comments and processing instructions, the five
 * predefined entities and numeric character references. Anything malformed is an Error with its
 * line and column, never a guess. A DOCTYPE is refused outright, so no entity can be defined and
 * nothing external (XXE) or exponential ("billion laughs") can be expanded.
 */

// ---------------------------------------------------------------------------------------------
// XML

export interface XmlElement {
  type: 'element';
  /** The qualified name as written ("section", "xsi:type"). */
  name: string;
  /** The name without its namespace prefix. */
  localName: string;
  attributes: Readonly<Record<string, string>>;
  children: XmlNode[];
  line: number;
}
export interface XmlText {
  type: 'text';
  text: string;
}
export type XmlNode = XmlElement | XmlText;

export class XmlError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`Malformed XML at line ${line}, column ${column}: ${message}`);
    this.name = 'XmlError';
  }
}

const MAX_DEPTH = 256;
const namePattern = /[A-Za-z_:\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD][-A-Za-z0-9._:\u00B7\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u037D\u037F-\u1FFF\u200C\u200D\u203F\u2040\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD]*/y;
const predefinedEntities: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
// Characters XML 1.0 forbids anywhere in a document (C0 controls other than tab, LF, CR; U+FFFE/U+FFFF).
const forbiddenCharacter = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/** Parses a whole XML document into its root element. Throws XmlError on anything malformed. */
export function parseXml(source: string): XmlElement {
  // XML reads CR LF and lone CR as LF before anything else.
  const xml = source.replace(/\r\n?/g, '\n');
  let position = xml.charCodeAt(0) === 0xfeff ? 1 : 0;
  const fail = (message: string, at = position): never => {
    const before = xml.slice(0, at);
    const line = before.split('\n').length;
    throw new XmlError(message, line, at - before.lastIndexOf('\n'));
  };
  // Start tags come in document order, so their line numbers are counted forward once.
  let lineCursor = 0;
  let lineNumber = 1;
  const lineAt = (at: number) => {
    for (let index = xml.indexOf('\n', lineCursor); index !== -1 && index < at; index = xml.indexOf('\n', index + 1)) {
      lineNumber++;
      lineCursor = index + 1;
    }
    return lineNumber;
  };
  const forbidden = forbiddenCharacter.exec(xml);
  if (forbidden) fail(`character U+${forbidden[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} is not allowed in XML`, forbidden.index);

  const decode = (raw: string, start: number): string => {
    if (!raw.includes('&')) return raw;
    return raw.replace(/&([^;&\s<]*);?/g, (whole, body: string, offset: number) => {
      const at = start + offset;
      if (!whole.endsWith(';')) fail("'&' must start an entity reference such as &amp;", at);
      if (body.startsWith('#')) {
        const hex = /^#x([0-9A-Fa-f]{1,6})$/.exec(body);
        const decimal = /^#([0-9]{1,7})$/.exec(body);
        if (!hex && !decimal) fail(`malformed character reference &${body};`, at);
        const code = hex ? parseInt(hex[1]!, 16) : Number(decimal![1]);
        const allowed =
          code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
        if (!allowed) fail(`character reference &${body}; is not a character XML allows`, at);
        return String.fromCodePoint(code);
      }
      const value = predefinedEntities[body];
      if (value === undefined) fail(`undefined entity &${body}; (only &amp; &lt; &gt; &quot; &apos; and numeric references are known)`, at);
      return value!;
    });
  };

  const readName = (what: string): string => {
    namePattern.lastIndex = position;
    const match = namePattern.exec(xml);
    if (!match) fail(`expected ${what}`);
    position += match![0].length;
    return match![0];
  };
  const skipSpace = () => {
    while (position < xml.length && ' \t\r\n'.includes(xml[position]!)) position++;
  };

  let root: XmlElement | undefined;
  const stack: XmlElement[] = [];
  let seenDeclaration = false;

  while (position < xml.length) {
    const start = position;
    if (xml[position] !== '<') {
      let end = xml.indexOf('<', position);
      if (end === -1) end = xml.length;
      const raw = xml.slice(position, end);
      position = end;
      const parent = stack.at(-1);
      if (!parent) {
        if (raw.trim() !== '') fail('text outside the root element', start);
        continue;
      }
      const cdataEnd = raw.indexOf(']]>');
      if (cdataEnd !== -1) fail("']]>' is not allowed in text", start + cdataEnd);
      parent.children.push({ type: 'text', text: decode(raw, start) });
      continue;
    }
    if (xml.startsWith('<?', position)) {
      const end = xml.indexOf('?>', position + 2);
      if (end === -1) fail('unclosed processing instruction (no ?>)');
      const target = /^<\?([^\s?]+)/.exec(xml.slice(position, end + 2))?.[1] ?? '';
      if (!target) fail('processing instruction without a target');
      if (target.toLowerCase() === 'xml') {
        if (position !== (xml.charCodeAt(0) === 0xfeff ? 1 : 0) || seenDeclaration) fail('the XML declaration may only stand at the very start');
        seenDeclaration = true;
      }
      position = end + 2;
      continue;
    }
    if (xml.startsWith('<!--', position)) {
      const end = xml.indexOf('-->', position + 4);
      if (end === -1) fail('unclosed comment (no -->)');
      if (xml.slice(position + 4, end).includes('--')) fail("'--' is not allowed inside a comment");
      position = end + 3;
      continue;
    }
    if (xml.startsWith('<![CDATA[', position)) {
      const parent = stack.at(-1);
      if (!parent) fail('CDATA outside the root element');
      const end = xml.indexOf(']]>', position + 9);
      if (end === -1) fail('unclosed CDATA section (no ]]>)');
      parent!.children.push({ type: 'text', text: xml.slice(position + 9, end) });
      position = end + 3;
      continue;
    }
    if (/^<!DOCTYPE/i.test(xml.slice(position, position + 9))) {
      fail('DOCTYPE declarations are refused: SPL needs none, and entity definitions could expand external or exponential content');
    }
    if (xml.startsWith('<!', position)) fail("unexpected markup declaration '<!'");
    if (xml.startsWith('</', position)) {
      position += 2;
      const name = readName('an element name after </');
      skipSpace();
      if (xml[position] !== '>') fail(`expected '>' to close </${name}`);
      position++;
      const open = stack.pop();
      if (!open) fail(`closing tag </${name}> without an opening tag`, start);
      if (open!.name !== name) fail(`closing tag </${name}> does not match <${open!.name}> opened at line ${open!.line}`, start);
      continue;
    }

    // A start tag.
    position++;
    const name = readName("an element name after '<'");
    const attributes: Record<string, string> = Object.create(null) as Record<string, string>;
    let selfClosing = false;
    for (;;) {
      const beforeSpace = position;
      skipSpace();
      if (xml.startsWith('/>', position)) {
        position += 2;
        selfClosing = true;
        break;
      }
      if (xml[position] === '>') {
        position++;
        break;
      }
      if (position >= xml.length) fail(`unclosed start tag <${name}`, start);
      if (position === beforeSpace) fail(`expected whitespace, '>' or '/>' in <${name}`);
      const attributeName = readName(`an attribute name in <${name}`);
      skipSpace();
      if (xml[position] !== '=') fail(`expected '=' after attribute ${attributeName}`);
      position++;
      skipSpace();
      const quote = xml[position];
      if (quote !== '"' && quote !== "'") fail(`attribute ${attributeName} needs a quoted value`);
      const valueEnd = xml.indexOf(quote!, position + 1);
      if (valueEnd === -1) fail(`unclosed value of attribute ${attributeName}`);
      const raw = xml.slice(position + 1, valueEnd);
      if (raw.includes('<')) fail(`'<' is not allowed in the value of attribute ${attributeName}`, position + 1 + raw.indexOf('<'));
      if (Object.hasOwn(attributes, attributeName)) fail(`attribute ${attributeName} appears twice in <${name}>`);
      attributes[attributeName] = decode(raw.replace(/[\t\n\r]/g, ' '), position + 1);
      position = valueEnd + 1;
    }
    const element: XmlElement = {
      type: 'element',
      name,
      localName: name.includes(':') ? name.slice(name.indexOf(':') + 1) : name,
      attributes,
      children: [],
      line: lineAt(start),
    };
    const parent = stack.at(-1);
    if (parent) parent.children.push(element);
    else if (root) fail(`a second root element <${name}>; a document has exactly one`, start);
    else root = element;
    if (!selfClosing) {
      if (stack.length >= MAX_DEPTH) fail(`elements nested deeper than ${MAX_DEPTH}`, start);
      stack.push(element);
    }
  }
  if (stack.length > 0) {
    const open = stack.at(-1)!;
    fail(`<${open.name}> opened at line ${open.line} is never closed`, xml.length);
  }
  if (!root) fail('no root element', xml.length);
  return root!;
}

/** The element's child elements, optionally only those with a given local name. */
export function childElements(element: XmlElement, localName?: string): XmlElement[] {
  return element.children.filter(
    (child): child is XmlElement => child.type === 'element' && (localName === undefined || child.localName === localName),
  );
}

// ---------------------------------------------------------------------------------------------
// Readable text of SPL narrative blocks

const blockElements = new Set(['paragraph', 'list', 'item', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'caption', 'footnote', 'text', 'title']);
const skippedElements = new Set(['renderMultiMedia', 'observationMedia', 'excerpt', 'section', 'component', 'code', 'id', 'effectiveTime']);
const cellElements = new Set(['td', 'th']);

/**
 * The readable text of an SPL narrative element: one line per paragraph, list item ("• ..."),
 * table row (cells joined by " | ") and <br/>, whitespace inside a line collapsed. Images,
 * highlights (<excerpt>) and nested sections are left out.
 */
export function readableText(element: XmlElement): string {
  const lines: string[] = [];
  let current = '';
  const breakLine = () => {
    const line = current.replace(/\s+/g, ' ').trim();
    if (line) lines.push(line);
    current = '';
  };
  // Inside a table cell, line breaks and paragraphs become spaces so that a row stays on one line.
  const walk = (node: XmlNode, depth: number, inCell: boolean) => {
    if (node.type === 'text') {
      current += node.text;
      return;
    }
    if (skippedElements.has(node.localName) && depth > 0) return;
    const cell = cellElements.has(node.localName);
    if (node.localName === 'br') {
      if (inCell) current += ' ';
      else breakLine();
      return;
    }
    const block = blockElements.has(node.localName) && !inCell;
    if (block) breakLine();
    else if (inCell) current += ' ';
    if (node.localName === 'item') current += '• ';
    if (cell) current += current.trim() !== '' ? ' | ' : ' ';
    for (const child of node.children) walk(child, depth + 1, inCell || cell);
    if (cell || inCell) current += ' ';
    if (block) breakLine();
  };
  walk(element, 0, false);
  breakLine();
  // A bullet left alone by "• <br/>text" layouts joins its text.
  return lines.join('\n').replace(/^• *\n/gm, '• ');
}

// ---------------------------------------------------------------------------------------------
// SPL documents

export const LOINC_SYSTEM = '2.16.840.1.113883.6.1';

/** LOINC section codes used in SPL (the ones Omni turns into modules, and a few neighbours). */
export const splSectionCodes = {
  boxedWarning: '34066-1',
  indications: '34067-9',
  dosageAndAdministration: '34068-7',
  contraindications: '34070-3',
  warningsAndPrecautions: '43685-7',
  warnings: '34071-1',
  adverseReactions: '34084-4',
  medicationGuide: '42231-1',
  unclassified: '42229-5',
} as const;

export interface SplSection {
  /** The LOINC code of the section (an unclassified subsection has 42229-5), '' when it has none. */
  loincCode: string;
  /** The section's title on one line ("5.1 Serious Infections"), '' when it has none. */
  title: string;
  /** The readable text of the section's own <text> (nested sections and highlights excluded). */
  text: string;
  /** The section's ID attribute, or its <id root>, when present. */
  id?: string;
  /** 0 for a top-level section, 1 for its subsections, ... */
  depth: number;
  /** Index (in `sections`) of the enclosing section, or undefined for a top-level section. */
  parent?: number;
  /** The highlights (<excerpt>) text of the section, when it has one. */
  highlights?: string;
}

export interface SplDocument {
  title: string;
  setId?: string;
  /** The HL7 timestamp as written, e.g. "20130930". */
  effectiveTime?: string;
  versionNumber?: number;
  /** Products named in the product data elements: the name as written and its generic medicine. */
  products: { name: string; genericName?: string }[];
  /** Every section in document order (nested subsections follow their parent). */
  sections: SplSection[];
}

/** Parses an SPL XML document. Throws on malformed XML and on XML that is not an SPL <document>. */
export function parseSplDocument(xml: string): SplDocument {
  const root = parseXml(xml);
  if (root.localName !== 'document') throw new Error(`Not an SPL document: the root element is <${root.name}>, expected <document>`);
  const first = (element: XmlElement, localName: string) => childElements(element, localName)[0];
  const oneLine = (element: XmlElement | undefined) => (element ? readableText(element).replace(/\s*\n\s*/g, ' ').trim() : '');

  const sections: SplSection[] = [];
  const visit = (element: XmlElement, depth: number, parent: number | undefined) => {
    for (const child of childElements(element)) {
      if (child.localName === 'section') {
        const code = childElements(child, 'code').find((candidate) => (candidate.attributes.codeSystem ?? LOINC_SYSTEM) === LOINC_SYSTEM);
        const textElement = first(child, 'text');
        const excerpt = first(child, 'excerpt');
        const index = sections.length;
        const id = child.attributes.ID ?? first(child, 'id')?.attributes.root;
        const highlights = excerpt ? readableText(excerpt) : '';
        sections.push({
          loincCode: code?.attributes.code ?? '',
          title: oneLine(first(child, 'title')),
          text: textElement ? readableText(textElement) : '',
          depth,
          ...(id ? { id } : {}),
          ...(parent !== undefined ? { parent } : {}),
          ...(highlights ? { highlights } : {}),
        });
        visit(child, depth + 1, index);
      } else if (child.localName === 'component' || child.localName === 'structuredBody') {
        visit(child, depth, parent);
      }
    }
  };
  const body = first(root, 'component');
  if (body) visit(body, 0, undefined);

  const products: SplDocument['products'] = [];
  const collectProducts = (element: XmlElement) => {
    for (const child of childElements(element)) {
      if (child.localName === 'manufacturedProduct') {
        const name = oneLine(first(child, 'name'));
        const generic = childElements(child, 'asEntityWithGeneric').flatMap((entity) => childElements(entity, 'genericMedicine'))[0];
        const genericName = oneLine(generic && first(generic, 'name'));
        if (name && !products.some((product) => product.name === name && product.genericName === (genericName || undefined))) {
          products.push(genericName ? { name, genericName } : { name });
        }
      }
      collectProducts(child);
    }
  };
  collectProducts(root);

  const setId = first(root, 'setId')?.attributes.root;
  const effectiveTime = first(root, 'effectiveTime')?.attributes.value;
  const version = Number(first(root, 'versionNumber')?.attributes.value);
  return {
    title: oneLine(first(root, 'title')),
    ...(setId ? { setId } : {}),
    ...(effectiveTime ? { effectiveTime } : {}),
    ...(Number.isInteger(version) ? { versionNumber: version } : {}),
    products,
    sections,
  };
}

/** The sections nested anywhere under section `index`, in document order. */
export function descendantSections(doc: SplDocument, index: number): SplSection[] {
  const result: SplSection[] = [];
  const within = new Set([index]);
  doc.sections.forEach((section, at) => {
    if (section.parent !== undefined && within.has(section.parent)) {
      within.add(at);
      result.push(section);
    }
  });
  return result;
}

/**
 * Brand and generic name from the highlights title ("HUMIRA (adalimumab) injection, for
 * subcutaneous use"), else from the product data elements (name and generic medicine).
 */
export function splProductNames(doc: SplDocument): { brandName?: string; genericName?: string } {
  const fromTitle = /\b([A-Z][A-Z0-9-]{2,}(?:\s[A-Z][A-Z0-9-]+)*)\s*(?:®|\(r\))?\s*\(([a-z][a-z0-9 ,/-]{2,80})\)/.exec(doc.title);
  if (fromTitle) return { brandName: fromTitle[1]!, genericName: fromTitle[2]!.trim() };
  const product = doc.products.find((candidate) => candidate.genericName);
  return product ? { brandName: product.name.toUpperCase(), genericName: product.genericName!.toLowerCase() } : {};
}

export interface SplModuleOptions {
  approvedAt: string;
  expiresAt: string | null;
  /** The MLR code of the label's approval; each module's code is it plus the section ("MLR-2026-0142-5.1"). Default SYN-SPL-<BRAND>. */
  mlrCode?: string;
  market?: string;
  audienceSpecialties?: string[];
  productId?: string | null;
  /** Overrides for the names read from the document. */
  brandName?: string;
  genericName?: string;
  version?: number;
}

const splSectionTitles: Record<string, string> = {
  [splSectionCodes.warningsAndPrecautions]: 'Warnings and Precautions',
  [splSectionCodes.adverseReactions]: 'Adverse Reactions',
};

/**
 * Turns an SPL document's boxed warning (kind 'isi'), and each subsection of Warnings and
 * Precautions and of Adverse Reactions (kind 'safety'), into modules like the corpus's: a section's
 * own introductory text becomes an overview module; a section without subsections becomes one module.
 */
export function splModules(doc: SplDocument, options: SplModuleOptions): ContentModule[] {
  const names = splProductNames(doc);
  const brandName = options.brandName ?? names.brandName;
  const genericName = options.genericName ?? names.genericName;
  if (!brandName || !genericName) throw new Error('SPL document: brand and generic name not found; pass brandName and genericName');
  const setId = doc.setId ?? 'unknown-set-id';
  const base = `spl-${idPart(brandName)}`;
  const mlrBase = options.mlrCode ?? `SYN-SPL-${brandName.toUpperCase().replace(/[^A-Z0-9]+/g, '')}`;
  const shared = {
    brandName,
    genericName,
    productId: options.productId ?? null,
    audienceSpecialties: options.audienceSpecialties ?? [],
    approvedAt: options.approvedAt,
    expiresAt: options.expiresAt,
    market: options.market ?? 'US',
    ...(options.version !== undefined ? { version: options.version } : {}),
  };
  const modules: ContentModule[] = [];
  const usedIds = new Set<string>();
  const add = (input: { id: string; mlrCode: string; title: string; body: string; kind: 'safety' | 'isi'; source: string }) => {
    if (!input.body.trim()) return;
    let id = input.id;
    for (let copy = 2; usedIds.has(id); copy++) id = `${input.id}-${copy}`;
    usedIds.add(id);
    modules.push(...buildLabelModules({ ...shared, ...input, id }));
  };
  /** A section's text with its nested subsections' titles and text, for a module that covers them all. */
  const fullText = (index: number) => {
    const section = doc.sections[index]!;
    return [section.text, ...descendantSections(doc, index).flatMap((nested) => [nested.title, nested.text])].filter(Boolean).join('\n');
  };
  // A section of a kind counts once: the outermost one (subsections may repeat their parent's code).
  const outermost = (code: string) =>
    doc.sections
      .map((section, index) => ({ section, index }))
      .filter(({ section }) => section.loincCode === code)
      .filter(({ section }) => {
        for (let parent = section.parent; parent !== undefined; parent = doc.sections[parent]!.parent) {
          if (doc.sections[parent]!.loincCode === code) return false;
        }
        return true;
      });

  for (const { section, index } of outermost(splSectionCodes.boxedWarning)) {
    const headline = splitBoxedWarning(`BOXED WARNING: ${section.title}\n${section.title}`).headline;
    add({
      id: `${base}-boxed`,
      mlrCode: `${mlrBase}-BW`,
      title: `${brandName}: Boxed Warning${headline ? `: ${headline}` : ''}`,
      body: [section.title, fullText(index)].filter(Boolean).join('\n'),
      kind: 'isi',
      source: `DailyMed SPL ${setId} ${section.loincCode}`,
    });
  }

  for (const code of [splSectionCodes.warningsAndPrecautions, splSectionCodes.adverseReactions]) {
    for (const { section, index } of outermost(code)) {
      const number = /^(\d+)\b/.exec(section.title)?.[1] ?? (code === splSectionCodes.warningsAndPrecautions ? '5' : '6');
      const sectionTitle = splSectionTitles[code]!;
      const children = doc.sections.map((child, at) => ({ child, at })).filter(({ child }) => child.parent === index);
      add({
        id: `${base}-${number}`,
        mlrCode: `${mlrBase}-${number}`,
        title: `${brandName}: ${number} ${sectionTitle}${children.length > 0 ? ' (overview)' : ''}`,
        body: [children.length > 0 ? section.text : fullText(index), section.highlights ?? ''].filter(Boolean).join('\n'),
        kind: 'safety',
        source: `DailyMed SPL ${setId} ${code} ${number}`,
      });
      children.forEach(({ child, at }, position) => {
        const subsectionNumber = /^(\d+(?:\.\d+)+)\.?\s/.exec(child.title)?.[1] ?? `${number}.${position + 1}`;
        const heading = child.title.replace(/^\d+(?:\.\d+)+\.?\s*/, '') || child.title;
        add({
          id: `${base}-${subsectionNumber.replace(/\./g, '-')}`,
          mlrCode: `${mlrBase}-${subsectionNumber}`,
          title: oneLineTitle(`${brandName}: ${subsectionNumber} ${heading}`),
          body: fullText(at),
          kind: 'safety',
          source: `DailyMed SPL ${setId} ${code} ${subsectionNumber}`,
        });
      });
    }
  }
  return modules;
}
