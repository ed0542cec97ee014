import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATASETS_DIR } from '../../../../evals/lib/runner.ts';
import { DEFAULT_MODEL_PATH, IntentModelFile } from './intent-classifier.ts';
import { INTENTS, loadTrainingData } from './training-data.ts';

const data = loadTrainingData();

/** Lower case, letters and digits only: how two questions are compared for leakage. */
const normalise = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

/** Every question of every eval dataset (persona, benign, red team, held-out), by file. */
function evalQuestions(): { file: string; question: string }[] {
  return readdirSync(DATASETS_DIR)
    .filter((file) => file.endsWith('.jsonl') && !file.startsWith('retrieval'))
    .flatMap((file) =>
      readFileSync(join(DATASETS_DIR, file), 'utf8')
        .split('\n')
        .filter((line) => line.trim())
        .flatMap((line) => (JSON.parse(line) as { turns: { question: string }[] }).turns.map((turn) => ({ file, question: turn.question }))),
    );
}

/** Word-set overlap (Jaccard) of two normalised texts. */
function overlap(a: string, b: string): number {
  const left = new Set(a.split(' '));
  const right = new Set(b.split(' '));
  const shared = [...left].filter((word) => right.has(word)).length;
  return shared / (left.size + right.size - shared);
}

describe('the understanding training data (data/nlu/)', () => {
  it('has at least 40 example utterances for every intent', () => {
    for (const intent of INTENTS) expect(data.examples.filter((example) => example.intent === intent).length, intent).toBeGreaterThanOrEqual(40);
  });

  it('fills every placeholder', () => {
    for (const example of data.examples) expect(example.text, example.source).not.toMatch(/[{}]/);
  });

  it('holds no utterance twice', () => {
    const seen = new Map<string, string>();
    for (const example of data.examples) {
      const key = normalise(example.template);
      expect(seen.get(key), `${example.source} repeats ${seen.get(key)}`).toBeUndefined();
      seen.set(key, example.source);
    }
  });

  it('contains no eval question, and reports near-duplicates', () => {
    const training = data.examples.map((example) => ({ source: example.source, text: normalise(example.text), template: normalise(example.template) }));
    const exact = new Map(training.flatMap((example) => [[example.text, example.source] as const, [example.template, example.source] as const]));
    const leaks: string[] = [];
    const near: string[] = [];
    for (const { file, question } of evalQuestions()) {
      const key = normalise(question);
      const source = exact.get(key);
      if (source) leaks.push(`${file}: "${question}" is ${source}`);
      else if (key.split(' ').length >= 4) {
        const close = training.find((example) => overlap(example.text, key) >= 0.85);
        if (close) near.push(`${file}: "${question}" ~ ${close.source}`);
      }
    }
    if (near.length > 0) console.log(`near-duplicates of eval questions in the training data (${near.length}):\n${near.join('\n')}`);
    expect(leaks).toEqual([]);
  }, 180_000); // Every eval set against every training line: slow on a busy machine.

  it('is what the committed model was trained on (else run npm run nlu:train)', () => {
    const model = IntentModelFile.parse(JSON.parse(readFileSync(DEFAULT_MODEL_PATH, 'utf8')));
    expect(model.dataSha256).toBe(data.sha256);
    expect(model.dataVersion).toBe(data.version);
    expect(model.intents).toEqual([...INTENTS]);
    expect(model.training.examples).toBe(data.examples.length);
  });
});
