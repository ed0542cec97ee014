/**
 * npm run nlu:train: trains the local model's intent classifier from data/nlu/ and writes
 * data/nlu/model.json (weights, calibration temperature, the data's version and sha256). Run it after
 * editing any file under data/nlu/; a test fails while the committed model is older than the data.
 */
import { writeFileSync } from 'node:fs';
import { IntentFeatures, DEFAULT_MODEL_PATH } from '../agent/local-model/understanding/intent-classifier.ts';
import { trainIntentModel } from '../agent/local-model/understanding/train-intent-model.ts';
import { allowedEdits, editDistance } from '../agent/local-model/understanding/spelling.ts';
import { loadTrainingData } from '../agent/local-model/understanding/training-data.ts';
import { UniversalSentenceEncoderEmbedder } from '../retrieval/universal-sentence-encoder.ts';
import { LABEL_SECTIONS_PATH } from '../content/fda-label-sections.ts';
import { readFileSync } from 'node:fs';

/**
 * Words typo repair must leave alone: every word of the training utterances, data/nlu/common-words.txt,
 * and the words the FDA label text uses at least three times (drug and disease names).
 */
function knownWords(utterances: string[], common: string[], english: ReadonlySet<string>): Record<string, number> {
  const counts = new Map<string, number>();
  const count = (text: string, weight: number) => {
    for (const word of text.toLowerCase().match(/[a-z]+/g) ?? []) counts.set(word, (counts.get(word) ?? 0) + weight);
  };
  for (const line of readFileSync(LABEL_SECTIONS_PATH, 'utf8').split('\n')) if (line.trim()) count(String((JSON.parse(line) as { section_text?: string }).section_text ?? ''), 1);
  for (const utterance of utterances) count(utterance, 3);
  for (const word of common) count(word, 3);
  const kept = [...counts].filter(([word, frequency]) => frequency >= 3 && word.length >= 2);
  // The utterances spell some words wrong on purpose ("emial", "breif"): such a word is no known word, so
  // typo repair still mends it, when it is no English word and a much more frequent known word is within reach.
  const byFirstLetter = new Map<string, [string, number][]>();
  for (const entry of kept) byFirstLetter.set(entry[0][0]!, [...(byFirstLetter.get(entry[0][0]!) ?? []), entry]);
  const misspelt = (word: string, frequency: number) =>
    !english.has(word) &&
    allowedEdits(word.length) > 0 &&
    (byFirstLetter.get(word[0]!) ?? []).some(([other, otherFrequency]) => other !== word && otherFrequency >= 5 * frequency && editDistance(word, other, allowedEdits(word.length)) <= allowedEdits(word.length));
  return Object.fromEntries(kept.filter(([word, frequency]) => !misspelt(word, frequency)).sort((a, b) => (a[0] < b[0] ? -1 : 1)));
}

const started = performance.now();
const data = loadTrainingData();
const counts = new Map<string, number>();
for (const example of data.examples) counts.set(example.intent, (counts.get(example.intent) ?? 0) + 1);
process.stderr.write(`training data ${data.version} (sha256 ${data.sha256.slice(0, 12)}): ${data.examples.length} examples, ${[...counts].map(([intent, count]) => `${intent} ${count}`).join(', ')}\n`);
const model = await trainIntentModel(data, new IntentFeatures(new UniversalSentenceEncoderEmbedder()), knownWords(data.examples.map((example) => example.text), data.commonWords, new Set(data.dictionary)), { onProgress: (message) => process.stderr.write(`  ${message}…\n`) });
writeFileSync(DEFAULT_MODEL_PATH, `${JSON.stringify(model)}\n`);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`wrote ${DEFAULT_MODEL_PATH} in ${seconds} s: cross-validated accuracy ${(model.training.crossValidatedAccuracy * 100).toFixed(1)}%, temperature ${model.temperature}, expected calibration error ${model.training.expectedCalibrationError}`);
