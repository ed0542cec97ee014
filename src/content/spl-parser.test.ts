import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ContentModule } from '../domain/content-module.ts';
import {
  XmlError,
  childElements,
  descendantSections,
  parseSplDocument,
  parseXml,
  readableText,
  splModules,
  splSectionCodes,
  type XmlElement,
} from './spl-parser.ts';

const HUMIRA_PATH = fileURLToPath(new URL('../../data/fda-labels/spl_humira_adalimumab_2013.xml', import.meta.url));
const humiraXml = readFileSync(HUMIRA_PATH, 'utf8');
const humira = parseSplDocument(humiraXml);
const HUMIRA_SET_ID = '608d4f0d-b19f-46d3-749a-7159aa5f933d';

function textOf(element: XmlElement): string {
  return element.children.map((child) => (child.type === 'text' ? child.text : textOf(child))).join('');
}

describe('parseXml', () => {
  it('reads elements, attributes, text, CDATA, comments and processing instructions', () => {
    const root = parseXml(
      '<?xml version="1.0" encoding="UTF-8"?><?xml-stylesheet href="x.xsl"?>\n<!-- a comment -->\n' +
        '<doc xmlns="urn:hl7-org:v3" a="1" b=\'two\'><x:item x:id="i1">one<![CDATA[<not> &amp; markup]]></x:item><empty/><!-- inner --><?pi data?></doc>\n<!-- trailing -->',
    );
    expect(root.name).toBe('doc');
    expect(root.attributes).toEqual({ xmlns: 'urn:hl7-org:v3', a: '1', b: 'two' });
    const [item, empty] = childElements(root);
    expect(item).toMatchObject({ name: 'x:item', localName: 'item', attributes: { 'x:id': 'i1' } });
    expect(textOf(item!)).toBe('one<not> &amp; markup');
    expect(empty).toMatchObject({ name: 'empty', children: [] });
    expect(root.line).toBe(3);
  });

  it('decodes the five entities and numeric character references, in text and attributes', () => {
    const root = parseXml('<p title="a &amp; b &quot;q&quot; &#x3C;">Tom &amp; Jerry &lt;5% &gt; 1 &apos;x&apos; &#174; &#xAE; &#x1F600;</p>');
    expect(textOf(root)).toBe("Tom & Jerry <5% > 1 'x' ® ® 😀");
    expect(root.attributes.title).toBe('a & b "q" <');
  });

  it('does not let attribute names reach the object prototype', () => {
    const root = parseXml('<p __proto__="x" constructor="y"/>');
    expect(root.attributes.__proto__).toBe('x');
    expect(Object.getPrototypeOf(root.attributes)).toBeNull();
  });

  it.each([
    ['an unclosed tag', '<doc><section><title>x</title></doc>', /closing tag <\/doc> does not match <section> opened at line 1/],
    ['a tag never closed at the end', '<doc>\n<section>\n<p>text', /<p> opened at line 3 is never closed/],
    ['a mismatched tag', '<a><b></a></b>', /does not match <b>/],
    ['a closing tag without opening', '<a></a></b>', /<\/b> without an opening tag/],
    ['two root elements', '<a/><b/>', /second root element/],
    ['text outside the root', '<a/>text', /text outside the root/],
    ['no root at all', '  <!-- only a comment -->  ', /no root element/],
    ['a bare ampersand', '<a>fish & chips</a>', /'&' must start an entity reference/],
    ['an undefined entity', '<a>&nbsp;</a>', /undefined entity &nbsp;/],
    ['a malformed character reference', '<a>&#xZZ;</a>', /malformed character reference/],
    ['a forbidden character reference', '<a>&#0;</a>', /not a character XML allows/],
    ['a surrogate character reference', '<a>&#xD800;</a>', /not a character XML allows/],
    ['a duplicate attribute', '<a x="1" x="2"/>', /attribute x appears twice/],
    ['an unquoted attribute', '<a x=1/>', /needs a quoted value/],
    ['an attribute without value', '<a x/>', /expected '=' after attribute x/],
    ['"<" inside an attribute value', '<a x="1<2"/>', /'<' is not allowed in the value/],
    ['attributes without whitespace between them', '<a x="1"y="2"/>', /expected whitespace/],
    ['an unclosed comment', '<a><!-- never closed </a>', /unclosed comment/],
    ['"--" inside a comment', '<a><!-- a -- b --></a>', /'--' is not allowed inside a comment/],
    ['an unclosed CDATA section', '<a><![CDATA[ never </a>', /unclosed CDATA/],
    ['an unclosed start tag', '<a><b x="1"', /unclosed start tag <b/],
    ['a control character', '<a>\u0001</a>', /U\+0001 is not allowed/],
    ['"]]>" in text', '<a>x ]]> y</a>', /']]>' is not allowed in text/],
    ['an XML declaration that is not first', '<a/><?xml version="1.0"?>', /XML declaration may only stand at the very start/],
    ['a name starting with a digit', '<1a/>', /expected an element name/],
  ])('rejects %s with a clear error', (_, xml, message) => {
    expect(() => parseXml(xml)).toThrow(XmlError);
    expect(() => parseXml(xml)).toThrow(message);
    expect(() => parseXml(xml)).toThrow(/^Malformed XML at line \d+, column \d+: /);
  });

  it('refuses a DOCTYPE, so an external entity (XXE) or entity expansion can never happen', () => {
    const xxe = '<?xml version="1.0"?>\n<!DOCTYPE foo [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>\n<foo>&xxe;</foo>';
    expect(() => parseXml(xxe)).toThrow(/DOCTYPE declarations are refused/);
    const laughs =
      '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><lolz>&lol2;</lolz>';
    expect(() => parseXml(laughs)).toThrow(/DOCTYPE/);
    expect(() => parseXml('<!doctype html><html/>')).toThrow(/DOCTYPE/);
    // An entity reference without a DOCTYPE is simply undefined: nothing is fetched or expanded.
    expect(() => parseXml('<foo>&xxe;</foo>')).toThrow(/undefined entity &xxe;/);
    expect(() => parseXml('<foo><!ENTITY x "y"></foo>')).toThrow(/unexpected markup declaration/);
    expect(() => parseSplDocument(xxe)).toThrow(/DOCTYPE/);
  });

  it('refuses nesting deep enough to exhaust the stack', () => {
    expect(() => parseXml(`${'<a>'.repeat(300)}${'</a>'.repeat(300)}`)).toThrow(/nested deeper than 256/);
    expect(() => parseXml(`${'<a>'.repeat(200)}${'</a>'.repeat(200)}`)).not.toThrow();
  });
});

describe('readableText', () => {
  it('puts paragraphs, list items and table rows on their own lines with whitespace normalised', () => {
    const text = parseXml(
      `<text>
        <paragraph>First   paragraph
           continues <content styleCode="bold">here</content>.</paragraph>
        <list><item>one</item><item><paragraph>two</paragraph></item></list>
        <table><caption>Table 1</caption><tbody>
          <tr><td>HUMIRA<br/>40 mg</td><td>Placebo</td></tr>
          <tr><td>Nausea</td><td><paragraph>9%</paragraph></td></tr>
        </tbody></table>
        <paragraph>Line<br/>break &amp; more<renderMultiMedia referencedObject="img"/></paragraph>
        <excerpt><highlight><text><paragraph>left out</paragraph></text></highlight></excerpt>
      </text>`,
    );
    expect(readableText(text)).toBe(
      ['First paragraph continues here.', '• one', '• two', 'Table 1', 'HUMIRA 40 mg | Placebo', 'Nausea | 9%', 'Line', 'break & more'].join('\n'),
    );
  });
});

describe('parseSplDocument on the HUMIRA SPL (2013)', () => {
  it('reads the document header', () => {
    expect(humira.title).toMatch(/^These highlights do not include all the information needed to use HUMIRA safely and effectively\./);
    expect(humira.title).toContain('HUMIRA (adalimumab) injection, for subcutaneous use');
    expect(humira.setId).toBe(HUMIRA_SET_ID);
    expect(humira.effectiveTime).toBe('20130930');
    expect(humira.versionNumber).toBe(1560);
    expect(humira.products).toContainEqual({ name: 'Humira', genericName: 'Adalimumab' });
  });

  it('finds the boxed warning, with serious infections and malignancy, and without its highlights', () => {
    const boxed = humira.sections.filter((section) => section.loincCode === splSectionCodes.boxedWarning);
    expect(boxed).toHaveLength(1);
    expect(boxed[0]!.title).toBe('WARNING: SERIOUS INFECTIONS AND MALIGNANCY');
    expect(boxed[0]!.text).toMatch(/serious infections that may lead to hospitalization or death/);
    expect(boxed[0]!.text).toMatch(/Lymphoma and other malignancies, some fatal/);
    expect(boxed[0]!.text).toContain('• Active tuberculosis (TB)');
    expect(boxed[0]!.text).not.toContain('See full prescribing information for complete boxed warning');
    expect(boxed[0]!.highlights).toContain('See full prescribing information for complete boxed warning');
    expect(boxed[0]!.text).not.toMatch(/<|styleCode|linkHtml/);
  });

  it('finds warnings and precautions with its numbered subsections nested under it', () => {
    const index = humira.sections.findIndex((section) => section.loincCode === splSectionCodes.warningsAndPrecautions);
    expect(humira.sections[index]!.title).toBe('5 WARNINGS AND PRECAUTIONS');
    const subsections = descendantSections(humira, index);
    expect(subsections.map((section) => section.title)).toEqual([
      '5.1 Serious Infections',
      '5.2 Malignancies',
      '5.3 Hypersensitivity Reactions',
      '5.4 Hepatitis B Virus Reactivation',
      '5.5 Neurologic Reactions',
      '5.6 Hematological Reactions',
      '5.7 Use with Anakinra',
      '5.8 Heart Failure',
      '5.9 Autoimmunity',
      '5.10 Immunizations',
      '5.11 Use with Abatacept',
    ]);
    expect(subsections.every((section) => section.parent === index && section.depth === 1)).toBe(true);
    expect(subsections[0]!.text).toMatch(/^Patients treated with HUMIRA are at increased risk for developing serious infections/);
  });

  it('finds the other sections by LOINC code', () => {
    const codes = new Set(humira.sections.map((section) => section.loincCode));
    for (const code of [
      splSectionCodes.indications,
      splSectionCodes.dosageAndAdministration,
      splSectionCodes.adverseReactions,
      splSectionCodes.medicationGuide,
      splSectionCodes.contraindications,
    ]) {
      expect(codes.has(code), code).toBe(true);
    }
    const adverse = humira.sections.filter((section) => section.loincCode === splSectionCodes.adverseReactions).map((section) => section.title);
    expect(adverse).toEqual(['6 ADVERSE REACTIONS', '6.1 Clinical Trials Experience', '6.2 Postmarketing Experience']);
    const table = humira.sections.find((section) => section.title === '6.1 Clinical Trials Experience')!.text;
    expect(table).toContain('Upper respiratory infection | 17% | 13%');
    expect(humira.sections.find((section) => section.loincCode === splSectionCodes.medicationGuide)!.text).toMatch(/Medication Guide/i);
  });

  it('refuses XML that is not an SPL document', () => {
    expect(() => parseSplDocument('<html><body/></html>')).toThrow(/Not an SPL document: the root element is <html>/);
    expect(() => parseSplDocument(humiraXml.replace('</document>', ''))).toThrow(/<document> opened at line 2 is never closed/);
  });
});

describe('splModules', () => {
  const modules = splModules(humira, { approvedAt: '2025-01-15', expiresAt: '2026-01-15', audienceSpecialties: ['Rheumatology'] });
  const byId = new Map(modules.map((module) => [module.id, module]));

  it('makes valid, uniquely named modules with HUMIRA and adalimumab', () => {
    expect(modules.length).toBeGreaterThanOrEqual(14);
    expect(new Set(modules.map((module) => module.id)).size).toBe(modules.length);
    expect(new Set(modules.map((module) => module.mlrCode)).size).toBe(modules.length);
    for (const module of modules) {
      expect(ContentModule.parse(module)).toEqual(module);
      expect(module).toMatchObject({
        brandName: 'HUMIRA',
        genericName: 'adalimumab',
        status: 'approved',
        purpose: 'promotional',
        synthetic: false,
        audienceSpecialties: ['Rheumatology'],
      });
      expect(module.source.startsWith(`DailyMed SPL ${HUMIRA_SET_ID} `)).toBe(true);
      expect(module.body).not.toMatch(/<\/?[a-zA-Z]+[ >\/]|styleCode|&amp;/);
    }
  });

  it('makes the boxed warning one isi module', () => {
    const isi = modules.filter((module) => module.kind === 'isi');
    expect(isi.map((module) => module.id)).toEqual(['spl-humira-boxed']);
    expect(isi[0]).toMatchObject({
      title: 'HUMIRA: Boxed Warning: SERIOUS INFECTIONS AND MALIGNANCY',
      source: `DailyMed SPL ${HUMIRA_SET_ID} 34066-1`,
      mlrCode: 'SYN-SPL-HUMIRA-BW',
    });
    expect(isi[0]!.body).toMatch(/^WARNING: SERIOUS INFECTIONS AND MALIGNANCY\nSERIOUS INFECTIONS\nPatients treated with HUMIRA/);
    expect(isi[0]!.body).toMatch(/MALIGNANCY\nLymphoma and other malignancies/);
  });

  it('makes one safety module per warnings-and-precautions subsection, and adverse reactions by subsection', () => {
    const warnings = modules.filter((module) => module.source.includes(` ${splSectionCodes.warningsAndPrecautions} `));
    expect(warnings.map((module) => module.title)).toEqual([
      'HUMIRA: 5 Warnings and Precautions (overview)',
      'HUMIRA: 5.1 Serious Infections',
      'HUMIRA: 5.2 Malignancies',
      'HUMIRA: 5.3 Hypersensitivity Reactions',
      'HUMIRA: 5.4 Hepatitis B Virus Reactivation',
      'HUMIRA: 5.5 Neurologic Reactions',
      'HUMIRA: 5.6 Hematological Reactions',
      'HUMIRA: 5.7 Use with Anakinra',
      'HUMIRA: 5.8 Heart Failure',
      'HUMIRA: 5.9 Autoimmunity',
      'HUMIRA: 5.10 Immunizations',
      'HUMIRA: 5.11 Use with Abatacept',
    ]);
    expect(warnings.every((module) => module.kind === 'safety')).toBe(true);
    expect(byId.get('spl-humira-5')!.body).toMatch(/^• Serious infections: Do not start HUMIRA during an active infection/);
    expect(byId.get('spl-humira-5-2')).toMatchObject({ source: `DailyMed SPL ${HUMIRA_SET_ID} 43685-7 5.2`, mlrCode: 'SYN-SPL-HUMIRA-5.2' });
    expect(byId.get('spl-humira-5-2')!.body).not.toMatch(/5\.3 Hypersensitivity Reactions/);
    expect(byId.get('spl-humira-6')!.body).toMatch(/^The most serious adverse reactions described elsewhere/);
    expect(byId.get('spl-humira-6-1')!.title).toBe('HUMIRA: 6.1 Clinical Trials Experience');
    expect(byId.get('spl-humira-6-2')!.title).toBe('HUMIRA: 6.2 Postmarketing Experience');
  });

  it('reads a small SPL document: names from the title, a section without subsections as one module', () => {
    const doc = parseSplDocument(`<?xml version="1.0"?>
      <document xmlns="urn:hl7-org:v3">
        <title>EXAMPLAR (examplumab) injection</title>
        <setId root="set-1"/>
        <component><structuredBody>
          <component><section><code code="34066-1" codeSystem="2.16.840.1.113883.6.1"/>
            <title>WARNING: RISK OF X &amp; Y</title><text><paragraph>Boxed text &lt;5%.</paragraph></text></section></component>
          <component><section><code code="43685-7" codeSystem="2.16.840.1.113883.6.1"/>
            <title>5 WARNINGS AND PRECAUTIONS</title><text><paragraph>One warning for all.</paragraph></text></section></component>
          <component><section><code code="34067-9" codeSystem="2.16.840.1.113883.6.1"/>
            <title>1 INDICATIONS AND USAGE</title><text><paragraph>Not a safety module.</paragraph></text></section></component>
        </structuredBody></component>
      </document>`);
    const built = splModules(doc, { approvedAt: '2025-01-15', expiresAt: null });
    expect(built.map((module) => [module.id, module.kind, module.title])).toEqual([
      ['spl-examplar-boxed', 'isi', 'EXAMPLAR: Boxed Warning: RISK OF X & Y'],
      ['spl-examplar-5', 'safety', 'EXAMPLAR: 5 Warnings and Precautions'],
    ]);
    expect(built[0]).toMatchObject({ genericName: 'examplumab', body: 'WARNING: RISK OF X & Y\nBoxed text <5%.', source: 'DailyMed SPL set-1 34066-1' });
    expect(() => splModules({ ...doc, title: 'no names here', products: [] }, { approvedAt: '2025-01-15', expiresAt: null })).toThrow(
      /brand and generic name not found/,
    );
  });
});
