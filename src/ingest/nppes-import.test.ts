import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Hcp } from '../domain/hcp.ts';
import { isValidNpi } from '../domain/fields.ts';
import { openSqliteStore, type SqliteStore } from '../store/sqlite-store.ts';
import { isCsvFault, readCsvFile } from './csv-reader.ts';
import { nppesImport } from './nppes-import.ts';
import { runImport } from './run-import.ts';
import { SHARED_DATA_DIR } from '../testing/shared-data.ts';

const NPPES_DIR = join(SHARED_DATA_DIR, 'nppes');
const CLEAN = join(NPPES_DIR, 'nppes_sample_5000_clean.csv');
const RAW = join(NPPES_DIR, 'nppes_sample_1000_raw_v2format.csv');

let dir: string;
let store: SqliteStore;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'omni-nppes-'));
  store = openSqliteStore(join(dir, 'omni.db'));
});

afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

function snapshot(): Record<string, unknown[]> {
  const tables = store.database
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  return Object.fromEntries(tables.map((table) => [table, store.database.prepare(`SELECT * FROM "${table}" ORDER BY 1, 2`).all()]));
}

/** The data rows of an NPPES file as header → cell maps, read independently of the importer. */
function rowsOf(path: string): Record<string, string>[] {
  let header: string[] | undefined;
  const rows: Record<string, string>[] = [];
  for (const record of readCsvFile(path)) {
    if (isCsvFault(record)) throw new Error(`fault in ${path}:${record.line}`);
    if (!header) {
      header = record.fields;
      continue;
    }
    const row: Record<string, string> = {};
    header.forEach((name, index) => (row[name] = record.fields[index] ?? ''));
    rows.push(row);
  }
  return rows;
}

const sql = (query: string): unknown => store.database.prepare(query).pluck().get();

describe('nppesImport: the cleaned 5000-row extract', () => {
  it('creates exactly 5000 HCPs with source nppes, synthetic false and ids npi-<NPI>', () => {
    const report = runImport(store, nppesImport, CLEAN);
    expect(report).toMatchObject({
      kind: 'nppes',
      format: 'csv',
      rowsRead: 5000,
      accepted: 5000,
      rejected: 0,
      skipped: {},
      inserted: 5000,
      updated: 0,
      committed: true,
      problems: [],
    });
    expect(store.hcps.count()).toBe(5000);
    expect(sql("SELECT count(*) FROM hcps WHERE source = 'nppes' AND synthetic = 0 AND id = 'npi-' || npi")).toBe(5000);
    expect(sql("SELECT count(*) FROM hcps WHERE id GLOB 'npi-[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]'")).toBe(5000);

    const npis = rowsOf(CLEAN).map((row) => row.NPI!);
    expect(new Set(npis).size).toBe(5000);
    for (const npi of npis) expect(store.hcps.exists(`npi-${npi}`), npi).toBe(true);
    const stored = store.database.prepare('SELECT npi FROM hcps').pluck().all() as string[];
    expect(stored.every(isValidNpi)).toBe(true);
  });

  it('maps names, credential, place and specialty from the extract', () => {
    runImport(store, nppesImport, CLEAN);
    expect(store.hcps.getById('npi-1932106788')).toEqual(
      Hcp.parse({
        id: 'npi-1932106788',
        npi: '1932106788',
        firstName: 'Jason',
        lastName: 'Atkinson',
        credential: 'DC',
        specialty: 'Acupuncturist',
        city: 'Kaysville',
        state: 'UT',
        source: 'nppes',
        synthetic: false,
      }),
    );
    // A quoted credential with commas survives as one field.
    expect(store.hcps.getById('npi-1386640134')).toMatchObject({ lastName: 'Laurenza', credential: 'MSN, APRN,BC', city: 'Reston', state: 'VA' });
    // Medicare specialty text is mapped back to a NUCC code through the CMS crosswalk.
    expect(sql("SELECT count(*) FROM hcps WHERE specialty = 'Internal Medicine' AND taxonomy_code = '207R00000X'")).toBeGreaterThan(500);
  });

  it('is idempotent: importing the same file again inserts nothing and changes nothing', () => {
    runImport(store, nppesImport, CLEAN);
    const after = snapshot();
    const again = runImport(store, nppesImport, CLEAN);
    expect(again).toMatchObject({ committed: true, accepted: 5000, inserted: 0, updated: 5000, problems: [] });
    expect(store.hcps.count()).toBe(5000);
    expect(snapshot()).toEqual(after);
  });
});

describe('nppesImport: the raw 330-column dissemination layout', () => {
  it('accepts individual providers only, counting organisations and deactivated NPIs as skipped', () => {
    const report = runImport(store, nppesImport, RAW);
    expect(report).toMatchObject({
      rowsRead: 1000,
      accepted: 733,
      rejected: 0,
      inserted: 733,
      committed: true,
      problems: [],
      skipped: { 'organisation (entity type 2)': 188, 'deactivated NPI': 79 },
    });
    const skipped = Object.values(report.skipped).reduce((sum, count) => sum + count, 0);
    expect(report.accepted + skipped).toBe(report.rowsRead);
    expect(store.hcps.count()).toBe(733);

    // The same split, derived from the file itself.
    const rows = rowsOf(RAW);
    const organisations = rows.filter((row) => row['Entity Type Code'] === '2.0');
    const deactivated = rows.filter((row) => row['Entity Type Code'] === '' && row['NPI Deactivation Date'] !== '');
    const individuals = rows.filter((row) => row['Entity Type Code'] === '1.0');
    expect([organisations.length, deactivated.length, individuals.length]).toEqual([188, 79, 733]);
    for (const row of organisations) expect(store.hcps.exists(`npi-${row.NPI}`), row.NPI).toBe(false);
    for (const row of deactivated) expect(store.hcps.exists(`npi-${row.NPI}`), row.NPI).toBe(false);
    for (const row of individuals) expect(store.hcps.exists(`npi-${row.NPI}`), row.NPI).toBe(true);
    expect(sql("SELECT count(*) FROM hcps WHERE source = 'nppes' AND synthetic = 0 AND id = 'npi-' || npi")).toBe(733);
  });

  it('maps taxonomy code 207X00000X to Orthopedic Surgery and title-cases names', () => {
    runImport(store, nppesImport, RAW);
    expect(store.hcps.getById('npi-1679576722')).toMatchObject({
      npi: '1679576722',
      firstName: 'David',
      lastName: 'Wiebe',
      credential: 'M.D.',
      taxonomyCode: '207X00000X',
      specialty: 'Orthopedic Surgery',
      state: 'NE',
      source: 'nppes',
      synthetic: false,
    });
    expect(sql("SELECT count(*) FROM hcps WHERE taxonomy_code = '207X00000X' AND specialty <> 'Orthopedic Surgery'")).toBe(0);
    expect(sql("SELECT count(*) FROM hcps WHERE taxonomy_code = '207X00000X'")).toBeGreaterThan(10);
  });

  it('uses the taxonomy flagged primary, not simply the first one', () => {
    runImport(store, nppesImport, RAW);
    const row = rowsOf(RAW).find((candidate) => candidate.NPI === '1437152469')!;
    expect(row['Healthcare Provider Taxonomy Code_1']).toBe('207X00000X');
    expect(row['Healthcare Provider Primary Taxonomy Switch_1']).toBe('N');
    expect(store.hcps.getById('npi-1437152469')).toMatchObject({
      taxonomyCode: '207XS0114X',
      specialty: 'Adult Reconstructive Orthopedic Surgery',
    });
  });

  it('is idempotent', () => {
    runImport(store, nppesImport, RAW);
    const after = snapshot();
    expect(runImport(store, nppesImport, RAW)).toMatchObject({ committed: true, accepted: 733, inserted: 0, updated: 733 });
    expect(snapshot()).toEqual(after);
  });
});

describe('nppesImport: a broken copy of the clean extract', () => {
  const BAD_NPI_LINE = 101;
  const EXTRA_CELL_LINE = 2001;

  function brokenCopy(): { path: string; badNpi: string; originalNpi: string; extraCellNpi: string } {
    const lines = readFileSync(CLEAN, 'utf8').split('\n');
    expect(lines).toHaveLength(5002); // header, 5000 rows, '' after the final newline
    const npiLine = lines[BAD_NPI_LINE - 1]!;
    const extraLine = lines[EXTRA_CELL_LINE - 1]!;
    expect(npiLine).toMatch(/^\d{10},/);
    expect(extraLine).toMatch(/^\d{10},/);
    const originalNpi = npiLine.slice(0, 10);
    // Changing one digit always breaks the Luhn check.
    const badNpi = originalNpi.slice(0, 9) + String((Number(originalNpi[9]) + 1) % 10);
    expect(isValidNpi(badNpi)).toBe(false);
    lines[BAD_NPI_LINE - 1] = badNpi + npiLine.slice(10);
    lines[EXTRA_CELL_LINE - 1] = `${extraLine.replace(/\r$/, '')},SURPLUS CELL\r`;
    const path = join(dir, 'nppes_broken.csv');
    writeFileSync(path, lines.join('\n'));
    return { path, badNpi, originalNpi, extraCellNpi: extraLine.slice(0, 10) };
  }

  it('commits nothing, names both lines, and leaves the database unchanged', () => {
    // Existing data the broken import would otherwise update (the two samples share ~100 NPIs).
    runImport(store, nppesImport, RAW);
    store.hcps.upsert(Hcp.parse({ id: 'hcp-1', firstName: 'Maria', lastName: 'Reyes', specialty: 'Medical Oncology' }));
    const before = snapshot();
    const countBefore = store.hcps.count();
    const { path } = brokenCopy();

    const report = runImport(store, nppesImport, path);
    expect(report).toMatchObject({ committed: false, rowsRead: 5000, accepted: 4998, rejected: 2, inserted: 0, updated: 0 });
    expect(report.problems).toEqual([
      { line: BAD_NPI_LINE, field: 'npi', reason: 'fails the NPI check digit' },
      { line: EXTRA_CELL_LINE, field: '', reason: "has 22 fields, more than the header's 21" },
    ]);
    expect(store.hcps.count()).toBe(countBefore);
    expect(snapshot()).toEqual(before);
  });

  it('with skipInvalid imports the 4998 valid rows only', () => {
    store.hcps.upsert(Hcp.parse({ id: 'hcp-1', firstName: 'Maria', lastName: 'Reyes', specialty: 'Medical Oncology' }));
    const { path, badNpi, originalNpi, extraCellNpi } = brokenCopy();

    const report = runImport(store, nppesImport, path, { skipInvalid: true });
    expect(report).toMatchObject({ committed: true, rowsRead: 5000, accepted: 4998, rejected: 2, inserted: 4998, updated: 0 });
    expect(report.problems.map((problem) => problem.line)).toEqual([BAD_NPI_LINE, EXTRA_CELL_LINE]);
    expect(store.hcps.count()).toBe(4999);
    expect(sql("SELECT count(*) FROM hcps WHERE source = 'nppes'")).toBe(4998);
    for (const npi of [badNpi, originalNpi, extraCellNpi]) expect(store.hcps.exists(`npi-${npi}`), npi).toBe(false);
    expect(store.hcps.exists('hcp-1')).toBe(true);

    // Then the clean file adds exactly the two missing rows.
    const clean = runImport(store, nppesImport, CLEAN);
    expect(clean).toMatchObject({ committed: true, inserted: 2, updated: 4998 });
    expect(store.hcps.exists(`npi-${originalNpi}`)).toBe(true);
    expect(store.hcps.exists(`npi-${extraCellNpi}`)).toBe(true);
  });
});

describe('nppesImport: files that are not NPPES', () => {
  it('rejects a CSV without the NPPES columns as a whole', () => {
    const path = join(dir, 'hcps.csv');
    writeFileSync(path, 'id,first_name,last_name,specialty\nhcp-1,A,B,C\n');
    const report = runImport(store, nppesImport, path);
    expect(report.committed).toBe(false);
    expect(report.problems).toEqual([
      {
        line: 0,
        field: '',
        reason:
          'not an NPPES layout: missing column(s) NPI, Provider Last Name (Legal Name), Provider First Name, Healthcare Provider Taxonomy Code_1',
      },
    ]);
    expect(store.hcps.count()).toBe(0);
  });

  it('rejects JSON input for NPPES', () => {
    const path = join(dir, 'nppes.json');
    writeFileSync(path, '[{"NPI":"1932106788"}]');
    const report = runImport(store, nppesImport, path);
    expect(report.committed).toBe(false);
    expect(report.problems).toEqual([{ line: 0, field: '', reason: 'nppes files are read as CSV only' }]);
    expect(store.hcps.count()).toBe(0);
  });
});

describe('NPPES specialty to taxonomy code', () => {
  it('maps a specialty with one crosswalk code and leaves an ambiguous one without a code', () => {
    const directory = mkdtempSync(join(tmpdir(), 'omni-nppes-taxonomy-'));
    const store = openSqliteStore(join(directory, 'omni.db'));
    try {
      const report = runImport(store, nppesImport, CLEAN);
      expect(report.committed).toBe(true);
      const rows = store.database
        .prepare("SELECT specialty, taxonomy_code AS code, count(*) AS n FROM hcps WHERE specialty IN ('Medical Oncology', 'Addiction Medicine') GROUP BY 1, 2")
        .all() as { specialty: string; code: string; n: number }[];
      expect(rows).toContainEqual(expect.objectContaining({ specialty: 'Medical Oncology', code: '207RX0202X' }));
      // The CMS crosswalk gives Addiction Medicine four codes (anesthesiology, family medicine, ...).
      expect(rows.filter((row) => row.specialty === 'Addiction Medicine').map((row) => row.code)).toEqual(['']);
    } finally {
      store.close();
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
