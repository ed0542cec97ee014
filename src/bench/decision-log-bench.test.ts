import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canonicalJson } from '../audit/canonical-json.ts';
import { SeededRandom } from '../core/seeded-random.ts';
import { BATCH, benchDecision, runDecisionLogBench } from './decision-log-bench.ts';

let directory: string;

beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'omni-decision-log-bench-'));
});

afterEach(() => {
  rmSync(directory, { recursive: true, force: true });
});

describe('decision-log bench (smoke, small counts)', () => {
  it('writes realistic recommendation payloads of about 1.5 KB', () => {
    const random = new SeededRandom(1);
    const sizes = Array.from({ length: 200 }, (_, index) => Buffer.byteLength(canonicalJson(benchDecision(random, index).payload)));
    const mean = sizes.reduce((sum, size) => sum + size, 0) / sizes.length;
    expect(mean).toBeGreaterThan(1_300);
    expect(mean).toBeLessThan(1_800);
    const payload = benchDecision(new SeededRandom(2), 0).payload as { signals: { value: number; weight: number; contribution: number; evidence: string[] }[] };
    expect(payload.signals).toHaveLength(10);
    for (const signal of payload.signals) expect(signal.evidence.length).toBeGreaterThan(0);
  });

  it('measures appends against the plain-INSERT baseline and verify against a plain scan, and cleans up', async () => {
    const { lines, results } = await runDecisionLogBench(directory, { appends: 300, verifyRecords: 2_000 });
    expect(results.append).toMatchObject({ records: 300, intact: true });
    expect(results.append.recordsPerSecond).toBeGreaterThan(0);
    expect(results.append.baselineRecordsPerSecond).toBeGreaterThan(0);
    expect(results.append.ratio).toBeCloseTo(results.append.recordsPerSecond / results.append.baselineRecordsPerSecond, 6);
    expect(results.appendBatched).toMatchObject({ records: 300, batchSize: BATCH });
    expect(results.appendBatched.recordsPerSecond).toBeGreaterThan(0);
    expect(results.appendBatched.ratio).toBeCloseTo(results.appendBatched.recordsPerSecond / results.appendBatched.baselineRecordsPerSecond, 6);
    expect(results.verify).toMatchObject({ records: 2_000, intact: true });
    expect(results.verify.msPer100k).toBeCloseTo(results.verify.ms * 50, 6);
    expect(lines.join('\n')).toMatch(/records\/s .*\[target >= 5,000 records\/s\]/);
    expect(lines.join('\n')).toContain(`appendMany, ${BATCH} records per IMMEDIATE transaction`);
    expect(lines.join('\n')).toMatch(/ms per 100,000 records/);
    expect(readdirSync(directory)).toEqual([]);
  });
});
