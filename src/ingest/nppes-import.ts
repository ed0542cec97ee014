import { fileURLToPath } from 'node:url';
import { Hcp } from '../domain/hcp.ts';
import { isCsvFault, readCsvFile } from './csv-reader.ts';
import { hcpImport, type DecodedRow, type ImportKind } from './import-kinds.ts';

/**
 * Reads the two public NPPES layouts into HCP identities: the CMS dissemination file (330 columns,
 * taxonomy codes, entity types) and the cleaned extract (21 columns, specialty as text). Only
 * individual providers are imported; they carry identity only, never behaviour, because they are
 * real clinicians. Ids are `npi-<NPI>`, so importing again updates the same records.
 */
const CROSSWALK_PATH = fileURLToPath(new URL('../../data/reference/cms_medicare_provider_taxonomy_crosswalk.csv', import.meta.url));

const column = {
  npi: 'NPI',
  entityType: 'Entity Type Code',
  lastName: 'Provider Last Name (Legal Name)',
  firstName: 'Provider First Name',
  credential: 'Provider Credential Text',
  city: 'Provider Business Practice Location Address City Name',
  state: 'Provider Business Practice Location Address State Name',
  deactivationDate: 'NPI Deactivation Date',
  firstTaxonomy: 'Healthcare Provider Taxonomy Code_1',
} as const;

interface Crosswalk {
  /** NUCC code → readable specialty ("Medical Oncology"). */
  specialtyByCode: Map<string, string>;
  /**
   * Normalised Medicare specialty text ("medicaloncology") → NUCC code: the one code whose own name
   * is that specialty, or the only code listed. "Addiction Medicine" has four equally named codes
   * (anesthesiology, family medicine, ...), so it gets none rather than a guess.
   */
  codeBySpecialty: Map<string, string>;
}

let crosswalk: Crosswalk | undefined;

function loadCrosswalk(): Crosswalk {
  if (crosswalk) return crosswalk;
  const specialtyByCode = new Map<string, string>();
  const codesBySpecialty = new Map<string, Set<string>>();
  let header = true;
  for (const record of readCsvFile(CROSSWALK_PATH)) {
    if (isCsvFault(record)) continue;
    if (header) {
      header = false;
      continue;
    }
    const [, medicareType = '', rawCode = '', description = ''] = record.fields;
    const code = rawCode.trim();
    if (!/^\d{3}[0-9A-Z]{6}X$/.test(code)) continue;
    const readable = (description.split('/').pop() ?? '').split(',').pop()!.trim();
    if (readable && !specialtyByCode.has(code)) specialtyByCode.set(code, readable);
    const medicareSpecialty = normaliseSpecialty(medicareType.split('/').pop() ?? '');
    if (medicareSpecialty) codesBySpecialty.set(medicareSpecialty, (codesBySpecialty.get(medicareSpecialty) ?? new Set()).add(code));
  }
  const codeBySpecialty = new Map<string, string>();
  for (const [specialty, codes] of codesBySpecialty) {
    const named = [...codes].filter((code) => normaliseSpecialty(specialtyByCode.get(code) ?? '') === specialty);
    const chosen = named.length === 1 ? named[0] : named.length === 0 && codes.size === 1 ? [...codes][0] : undefined;
    if (chosen) codeBySpecialty.set(specialty, chosen);
  }
  crosswalk = { specialtyByCode, codeBySpecialty };
  return crosswalk;
}

function normaliseSpecialty(text: string): string {
  return text.toLowerCase().replace(/[^a-z]/g, '');
}

/** "MARY-JO O'NEIL" → "Mary-Jo O'Neil": NPPES stores names in capitals. */
function titleCase(text: string): string {
  return text.toLowerCase().replace(/(^|[\s'\-.])([a-z])/g, (_, separator: string, letter: string) => separator + letter.toUpperCase());
}

/** pandas wrote numbers as floats in the raw sample ("1.0", "688482168.0"). */
function integerText(text: string): string {
  return text.trim().replace(/\.0$/, '');
}

function primaryTaxonomy(row: Readonly<Record<string, string>>): string {
  for (let index = 1; index <= 15; index++) {
    if (row[`Healthcare Provider Primary Taxonomy Switch_${index}`]?.trim() === 'Y') {
      return row[`Healthcare Provider Taxonomy Code_${index}`]?.trim() ?? '';
    }
  }
  return row[column.firstTaxonomy]?.trim() ?? '';
}

function decodeNppesRow(row: Readonly<Record<string, string>>): DecodedRow {
  const isRawLayout = column.entityType in row;
  const { specialtyByCode, codeBySpecialty } = loadCrosswalk();
  if (isRawLayout) {
    const entityType = integerText(row[column.entityType] ?? '');
    if (entityType === '2') return { skip: 'organisation (entity type 2)' };
    if (entityType === '' && row[column.deactivationDate]?.trim()) return { skip: 'deactivated NPI' };
  }
  let taxonomyCode = '';
  let specialty = '';
  const taxonomyField = isRawLayout ? primaryTaxonomy(row) : (row[column.firstTaxonomy] ?? '').trim();
  if (/^\d{3}[0-9A-Z]{6}X$/.test(taxonomyField)) {
    taxonomyCode = taxonomyField;
    specialty = specialtyByCode.get(taxonomyField) ?? `Taxonomy ${taxonomyField}`;
  } else if (taxonomyField) {
    specialty = titleCase(taxonomyField.replace(/\s+/g, ' '));
    taxonomyCode = codeBySpecialty.get(normaliseSpecialty(taxonomyField)) ?? '';
  }
  const npi = integerText(row[column.npi] ?? '');
  return {
    value: {
      id: `npi-${npi}`,
      npi,
      firstName: titleCase(row[column.firstName] ?? ''),
      lastName: titleCase(row[column.lastName] ?? ''),
      credential: (row[column.credential] ?? '').trim(),
      specialty: specialty || 'Not reported',
      taxonomyCode,
      city: titleCase(row[column.city] ?? ''),
      state: (row[column.state] ?? '').trim().toUpperCase(),
      source: 'nppes',
      synthetic: false,
    },
  };
}

export const nppesImport: ImportKind<Hcp> = {
  ...hcpImport,
  name: 'nppes',
  description: 'Individual providers from an NPPES file (full 330-column layout or the cleaned extract)',
  columns: [],
  foreignLayout: {
    checkHeader(headers) {
      const required = [column.npi, column.lastName, column.firstName, column.firstTaxonomy];
      const missing = required.filter((name) => !headers.includes(name));
      return missing.length > 0 ? `not an NPPES layout: missing column(s) ${missing.join(', ')}` : undefined;
    },
    decode: decodeNppesRow,
  },
};
