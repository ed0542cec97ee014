import { describe, expect, it } from 'vitest';
import { ContentModule } from '../domain/content-module.ts';
import { demoLabelProducts, demoProducts } from '../demo/catalog.ts';
import { loadLabelSections, type LabelSection } from './fda-label-sections.ts';
import {
  LABEL_MODULE_CHANNELS,
  MAX_BODY_CHARS,
  genericNameFromText,
  labelSectionModules,
  modulesLackingGenericName,
  resolveGenericName,
  splitBoxedWarning,
  splitLongBody,
  splitSubsections,
} from './label-modules.ts';

const products = demoLabelProducts();
const options = { approvedAt: '2025-01-15', expiresAt: '2027-01-15', products };
const sections = loadLabelSections();
const modules = labelSectionModules(sections, options);
const byId = new Map(modules.map((module) => [module.id, module]));

function section(labelId: string, sectionName: LabelSection['sectionName']): LabelSection {
  const found = sections.find((candidate) => candidate.labelId === labelId && candidate.sectionName === sectionName);
  if (!found) throw new Error(`no ${sectionName} for ${labelId}`);
  return found;
}

describe('labelSectionModules over the real corpus', () => {
  it('yields modules for every one of the 200 labels and every section', () => {
    const labels = new Set(sections.map((candidate) => candidate.labelId));
    expect(labels.size).toBe(200);
    expect(new Set(modules.map((module) => module.brandName))).toEqual(labels);
    for (const candidate of sections) {
      const prefix = `FDA label ${candidate.labelId}: ${candidate.sectionName}`;
      expect(modules.some((module) => module.source.startsWith(prefix)), prefix).toBe(true);
    }
  });

  it('drops the extraction error lines the corpus carries in four sections (SAPHRIS, CAPRELSA, ...)', () => {
    expect(sections.filter((candidate) => candidate.text.includes('dispatch: unexpected key')).length).toBeGreaterThan(0);
    expect(modules.filter((module) => /dispatch: unexpected key|<function /.test(module.body)).map((module) => module.id)).toEqual([]);
  });

  it('gives every module a unique id and MLR code, and every module parses as a ContentModule', () => {
    expect(new Set(modules.map((module) => module.id)).size).toBe(modules.length);
    expect(new Set(modules.map((module) => module.mlrCode)).size).toBe(modules.length);
    for (const module of modules) {
      expect(ContentModule.parse(module)).toEqual(module);
      expect(module.id).toMatch(/^lbl-[a-z0-9][a-z0-9._:-]*$/);
      expect(module.mlrCode).toMatch(/^SYN-LBL-[A-Z0-9]+-/);
      expect(module.title).not.toMatch(/[\n\r]/);
      expect(module.body.length).toBeLessThanOrEqual(MAX_BODY_CHARS);
      expect(module.body.trim()).not.toBe('');
      expect(module).toMatchObject({
        version: 1,
        status: 'approved',
        purpose: 'promotional',
        market: 'US',
        synthetic: false,
        approvedAt: options.approvedAt,
        expiresAt: options.expiresAt,
        allowedChannels: [...LABEL_MODULE_CHANNELS],
      });
    }
  });

  it('makes each boxed warning one isi module and everything else safety', () => {
    const boxed = sections.filter((candidate) => candidate.sectionName === 'boxed warnings');
    const isi = modules.filter((module) => module.kind === 'isi');
    expect(isi).toHaveLength(boxed.length);
    expect(isi.every((module) => module.id.endsWith('-boxed') && module.source.endsWith('boxed warnings'))).toBe(true);
    expect(modules.filter((module) => module.kind !== 'isi').every((module) => module.kind === 'safety')).toBe(true);
    expect(byId.get('lbl-adcetris-boxed')).toMatchObject({
      kind: 'isi',
      title: 'ADCETRIS: Boxed Warning: PROGRESSIVE MULTIFOCAL LEUKOENCEPHALOPATHY (PML)',
    });
    expect(byId.get('lbl-adcetris-boxed')!.body).toMatch(/^WARNING: PROGRESSIVE MULTIFOCAL LEUKOENCEPHALOPATHY \(PML\)\nJC virus infection/);
    // A headline wrapped over two lines is read whole.
    expect(byId.get('lbl-pradaxa-boxed')!.title).toBe(
      'Pradaxa: Boxed Warning: (A) PREMATURE DISCONTINUATION OF PRADAXA INCREASES THE RISK OF THROMBOTIC EVENTS, (B) SPINAL/EPIDURAL HEMATOMA',
    );
  });

  it('splits ADCETRIS warnings and precautions into its numbered subsections, in order', () => {
    const subsections = modules.filter((module) => module.id.startsWith('lbl-adcetris-5-'));
    expect(subsections.length).toBeGreaterThanOrEqual(11);
    expect(subsections[0]!.title).toBe('ADCETRIS: 5.1 Peripheral Neuropathy');
    expect(subsections[1]!.title).toBe('ADCETRIS: 5.2 Anaphylaxis and Infusion Reactions');
    expect(subsections.map((module) => module.title.match(/^ADCETRIS: 5\.(\d+) /)?.[1])).toEqual(
      subsections.map((_, index) => String(index + 1)),
    );
    expect(subsections[0]!.body).toMatch(/^ADCETRIS treatment causes a peripheral neuropathy that is predominantly sensory\./);
    expect(subsections[0]!).toMatchObject({
      id: 'lbl-adcetris-5-1',
      mlrCode: 'SYN-LBL-ADCETRIS-5.1',
      source: 'FDA label ADCETRIS: warnings and precautions 5.1',
      brandName: 'ADCETRIS',
    });
    // The highlights block that opens the section is an overview module of its own, not part of 5.1.
    const overview = byId.get('lbl-adcetris-5')!;
    expect(overview.title).toBe('ADCETRIS: 5 Warnings and Precautions (overview)');
    expect(overview.body).toMatch(/^\* Peripheral neuropathy : Monitor patients for neuropathy/);
    expect(overview.body).not.toMatch(/EXCERPT|WARNINGS AND PRECAUTIONS/);
    expect(subsections[0]!.body).not.toMatch(/Anaphylaxis and infusion reactions : If an infusion reaction occurs/);
  });

  it('never leaves a subsection heading inside another module body', () => {
    const heading = /^\s*(\d{1,2})\.\s*(\d{1,2})(?:\.\s*(\d{1,2}))?\.?\s+[A-Z]/;
    for (const candidate of sections.filter((one) => one.sectionName !== 'boxed warnings')) {
      const number = candidate.sectionName === 'warnings and precautions' ? '5' : '6';
      const split = splitSubsections(candidate.text, number);
      const headings = split.subsections.map((subsection) => `${subsection.number} ${subsection.heading}`);
      const own = modules.filter((module) => module.source.startsWith(`FDA label ${candidate.labelId}: ${candidate.sectionName} `));
      for (const module of own) {
        for (const text of headings) {
          expect(module.body.includes(text), `${module.id} contains "${text}"`).toBe(false);
        }
        for (const line of module.body.split('\n')) {
          const match = heading.exec(line);
          expect(match && match[1] === number ? `${module.id}: ${line}` : '').toBe('');
        }
      }
    }
  });

  it('reads headings the corpus writes oddly: "5.   1", "6.1.", sub-subsections, and after a figure placeholder', () => {
    expect(byId.get('lbl-ulesfia-5-1')!.title).toBe('Ulesfia: 5.1 Neonatal Toxicity');
    expect(byId.get('lbl-ulesfia-5-3')!.title).toBe('Ulesfia: 5.3 Contact Dermatitis');
    expect(byId.get('lbl-caprelsa-6-1')!.title).toBe('CAPRELSA: 6.1 Clinical Studies Experience');
    expect(byId.get('lbl-kyprolis-6-1-2')!.title).toMatch(/^KYPROLIS: 6\.1\.2 Safety Experience with Kyprolis in Patients with Multiple Myeloma/);
    // "Figure 1    5.2 Coronary Artery Bypass ..." in Effient: the placeholder stays with 5.1.
    expect(byId.get('lbl-effient-5-2')!.title).toBe('Effient: 5.2 Coronary Artery Bypass Graft Surgery-Related Bleeding');
    expect(byId.get('lbl-effient-5-1')!.body).toMatch(/\nFigure 1$/);
    expect(byId.get('lbl-erwinaze-6-2')!.title).toBe('ERWINAZE: 6.2 Immunogenicity');
  });

  it('moves a highlights block found at the end of a subsection to the overview (FULYZAQ)', () => {
    expect(byId.get('lbl-fulyzaq-5-1')!.body).not.toMatch(/crofelemer|EXCERPT/);
    expect(byId.get('lbl-fulyzaq-5')!.body).toMatch(/^Rule out infectious etiologies of diarrhea before starting crofelemer\./);
    expect(byId.get('lbl-fulyzaq-6')!.body).toMatch(/^Most common adverse reactions \(incidence >= 3%\)/);
  });

  it('makes a section without numbered subsections one module', () => {
    const iclusig = modules.filter((module) => module.source.startsWith('FDA label Iclusig: adverse reactions'));
    expect(iclusig.map((module) => module.id)).toEqual(['lbl-iclusig-6']);
    expect(iclusig[0]!.title).toBe('Iclusig: 6 Adverse Reactions');
    expect(iclusig[0]!.body).toMatch(/^Because clinical trials are conducted under widely varying conditions/);
  });

  it('pairs every brand with a generic name: the demo table, the label text, else the brand standing in', () => {
    for (const product of demoProducts) {
      const own = modules.filter((module) => module.brandName === product.labelId);
      expect(own.length).toBeGreaterThan(0);
      expect(new Set(own.map((module) => module.genericName))).toEqual(new Set([product.genericName]));
      expect(new Set(own.map((module) => module.productId))).toEqual(new Set([product.id]));
    }
    expect(byId.get('lbl-saphris-5-1')!.genericName).toBe('asenapine');
    expect(byId.get('lbl-trulicity-5-1')!.genericName).toBe('dulaglutide');
    expect(byId.get('lbl-horizant-5-1')!.genericName).toBe('gabapentin enacarbil');
    expect(byId.get('lbl-besivance-5-1')!.genericName).toBe('besifloxacin');
    // "INLYTA (gastric hemorrhage)" and "KEYTRUDA (5 months after the last dose)" are not generic names.
    expect(byId.get('lbl-inlyta-5-1')!.genericName).toBe('INLYTA');
    const lacking = modulesLackingGenericName(modules);
    expect(lacking.length).toBeGreaterThan(0);
    expect(lacking.every((module) => module.genericName === module.brandName && module.productId === null)).toBe(true);
    expect(modules.every((module) => module.genericName !== '')).toBe(true);
  });

  it('gives the demo products their specialties, other labels none, and honours audienceFor and market', () => {
    expect(byId.get('lbl-keytruda-5-1')!.audienceSpecialties).toEqual(['Medical Oncology', 'Hematology & Oncology']);
    expect(byId.get('lbl-gilenya-5-1')!.audienceSpecialties).toEqual(['Neurology', 'Child Neurology']);
    expect(byId.get('lbl-adcetris-5-1')!.audienceSpecialties).toEqual([]);
    const custom = labelSectionModules([section('ADCETRIS', 'boxed warnings')], {
      approvedAt: '2025-01-15',
      expiresAt: null,
      market: 'CA',
      audienceFor: (labelId) => (labelId === 'ADCETRIS' ? ['Hematology & Oncology'] : []),
    });
    expect(custom).toHaveLength(1);
    expect(custom[0]).toMatchObject({ market: 'CA', expiresAt: null, audienceSpecialties: ['Hematology & Oncology'] });
  });

  it('is deterministic', () => {
    expect(labelSectionModules(sections, options)).toEqual(modules);
  });

  it('refuses options the schema refuses (expiry before approval)', () => {
    expect(() => labelSectionModules([section('ADCETRIS', 'boxed warnings')], { approvedAt: '2025-01-15', expiresAt: '2024-01-01' })).toThrow(
      /expires before it was approved/,
    );
  });
});

describe('splitSubsections', () => {
  it('does not split at cross-references inside sentences, even when layout breaks them over lines', () => {
    const text = [
      '    5 WARNINGS AND PRECAUTIONS',
      '',
      '   EXCERPT:   * Hepatotoxicity: monitor liver tests (5.1). ',
      '',
      '   5.1 Hepatotoxicity',
      '',
      ' Monitor liver tests (5.1) before each dose. Severe cases were seen [see Adverse Reactions (',
      '      6.1',
      '      )] and in Warnings and Precautions (5.2) below; see also section',
      '5.2 of the prescribing information. Table values:',
      '  5.1 mg/kg    12%',
      '   5.2 Infections',
      '',
      ' Serious infections occurred (5.1, 5.2).',
      '   5.2 Repeated Heading Out Of Order',
    ].join('\n');
    const split = splitSubsections(text, '5');
    expect(split.subsections.map((subsection) => `${subsection.number} ${subsection.heading}`)).toEqual(['5.1 Hepatotoxicity', '5.2 Infections']);
    expect(split.subsections[0]!.text).toContain('Monitor liver tests (5.1) before each dose.');
    expect(split.subsections[0]!.text).toContain('5.2 of the prescribing information.');
    expect(split.subsections[0]!.text).toContain('5.1 mg/kg');
    expect(split.subsections[1]!.text).toContain('Repeated Heading Out Of Order');
    expect(split.skippedHeadings).toEqual(['5.2 Repeated Heading Out Of Order']);
    expect(split.preamble).toContain('Hepatotoxicity: monitor liver tests (5.1).');
    expect(split.preamble).not.toContain('WARNINGS AND PRECAUTIONS');
  });

  it('skips empty subsections when building modules', () => {
    const text = '6 ADVERSE REACTIONS\n6.1 Clinical Trials Experience\n\n6.1.1 Study A\nNausea occurred in 5%.\n6.2 Postmarketing Experience\n   \n';
    const built = labelSectionModules([{ labelId: 'KEYTRUDA', sectionName: 'adverse reactions', text }], options);
    expect(built.map((module) => module.title)).toEqual(['KEYTRUDA: 6.1.1 Study A']);
    expect(built[0]).toMatchObject({ id: 'lbl-keytruda-6-1-1', genericName: 'pembrolizumab', body: 'Nausea occurred in 5%.' });
  });
});

describe('generic names and boxed warnings', () => {
  it('reads "BRAND (generic)" only when it looks like a drug name', () => {
    expect(genericNameFromText('SAPHRIS', 'treated with SAPHRIS (r) (asenapine) in trials')).toBe('asenapine');
    expect(genericNameFromText('Besivance', 'Besivance (besifloxacin ophthalmic suspension) 0.6%')).toBe('besifloxacin');
    expect(genericNameFromText('Picato', 'Picato (r) (ingenol mebutate) gel')).toBe('ingenol mebutate');
    expect(genericNameFromText('INLYTA', 'INLYTA (gastric hemorrhage)')).toBeUndefined();
    expect(genericNameFromText('BRILINTA', 'BRILINTA (PLATO) and BRILINTA (6.0%)')).toBeUndefined();
    expect(genericNameFromText('ACTEMRA', 'ACTEMRA (ACTEMRA-IV) and ACTEMRA (safety population)')).toBeUndefined();
    expect(resolveGenericName('Tecfidera', '', products)).toEqual({ genericName: 'dimethyl fumarate', real: true });
    expect(resolveGenericName('Tecfidera', '')).toEqual({ genericName: 'Tecfidera', real: false });
    expect(resolveGenericName('ADCETRIS', 'ADCETRIS (5.9, 6.2)')).toEqual({ genericName: 'ADCETRIS', real: false });
  });

  it('separates the corpus prefix and wrapped headline from the boxed warning body', () => {
    const text = '\n\n  BOXED WARNING: WARNING: RISK OF A\n\n   AND RISK OF B\n\n  WARNING: RISK OF A\n\n AND RISK OF B\n\n Body text.';
    const split = splitBoxedWarning(text);
    expect(split.headline).toBe('RISK OF A AND RISK OF B');
    expect(split.body.trim()).toMatch(/^WARNING: RISK OF A\n\n AND RISK OF B\n\n Body text\.$/);
    expect(splitBoxedWarning('BOXED WARNING: \n\n Do Not Substitute X\n\n WARNING: Y').headline).toBeUndefined();
    expect(splitBoxedWarning('No prefix here').body).toBe('No prefix here');
  });

  it('cuts an over-long body at line boundaries without losing text', () => {
    const lines = Array.from({ length: 400 }, (_, index) => `Line ${index} ${'x'.repeat(200)}`);
    const body = lines.join('\n');
    const parts = splitLongBody(body, 10_000);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.every((part) => part.length <= 10_000)).toBe(true);
    expect(parts.join('\n')).toBe(body);
    expect(splitLongBody('short', 10)).toEqual(['short']);
    const oneLine = 'y'.repeat(25);
    expect(splitLongBody(oneLine, 10).join('')).toBe(oneLine);
  });

  it('cuts a real module over the schema limit into numbered parts', () => {
    const long = Array.from({ length: 2_000 }, (_, index) => `Adverse reaction line ${index}: ${'text '.repeat(10)}`).join('\n');
    const built = labelSectionModules([{ labelId: 'XELJANZ', sectionName: 'adverse reactions', text: `6 ADVERSE REACTIONS\n6.1 Clinical Trials\n${long}` }], options);
    expect(built.length).toBeGreaterThan(1);
    expect(built[0]!.id).toBe('lbl-xeljanz-6-1-p1');
    expect(built[0]!.title).toBe(`XELJANZ: 6.1 Clinical Trials (part 1 of ${built.length})`);
    expect(built.every((module) => module.body.length <= MAX_BODY_CHARS)).toBe(true);
  });
});
