import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { AppError } from '../../../core/app-error.ts';
import type { Embedder } from '../../../retrieval/embedder.ts';
import { HashedNgramEmbedder } from '../../../retrieval/hashed-ngram-embedder.ts';
import { INTENTS, type NluIntent } from './training-data.ts';

/**
 * Intent classification: a question's features are its sentence embedding (the bundled Universal
 * Sentence Encoder, meaning) beside hashed character n-grams (the exact words: "why not", "ISI",
 * typos), and a softmax regression over them gives each intent a probability. The regression's
 * logits are divided by a temperature fitted on cross-validated predictions, so a probability of 0.8
 * is right about 80% of the time (calibrated confidence).
 */

/** Lexical features: character 3–5-grams hashed into 2,048 signed buckets. */
export const LEXICAL_FEATURES = { dimensions: 2048, ngramSizes: [3, 4, 5] } as const;

export const DEFAULT_MODEL_PATH = fileURLToPath(new URL('../../../../data/nlu/model.json', import.meta.url));

export interface IntentScore {
  intent: NluIntent;
  probability: number;
}

/** Turns texts into the classifier's feature vectors: [sentence embedding ; n-grams]. */
export class IntentFeatures {
  private readonly lexical = new HashedNgramEmbedder({ dimensions: LEXICAL_FEATURES.dimensions, ngramSizes: [...LEXICAL_FEATURES.ngramSizes] });

  constructor(private readonly sentences: Embedder) {}

  get encoderId(): string {
    return this.sentences.model;
  }

  get dimensions(): number {
    return this.sentences.dimensions + LEXICAL_FEATURES.dimensions;
  }

  async of(texts: readonly string[]): Promise<Float32Array[]> {
    const embedded = await this.sentences.embed(texts);
    return texts.map((text, index) => {
      const features = new Float32Array(this.dimensions);
      features.set(embedded[index]!, 0);
      features.set(this.lexical.embedOne(text), this.sentences.dimensions);
      return features;
    });
  }
}

/** data/nlu/model.json: the trained weights and what they were trained on. */
export const IntentModelFile = z.object({
  format: z.literal('omni-intent-softmax-1'),
  dataVersion: z.string(),
  dataSha256: z.string().regex(/^[0-9a-f]{64}$/),
  encoder: z.string(),
  lexical: z.object({ dimensions: z.number().int(), ngramSizes: z.array(z.number().int()) }),
  intents: z.array(z.enum(INTENTS)),
  /** Row-major float32 [features × intents], base64. */
  weights: z.string(),
  bias: z.array(z.number()),
  temperature: z.number().positive(),
  /** Common words with their frequency (training utterances and the FDA label text): typo repair never changes these. */
  knownWords: z.record(z.string(), z.number()),
  training: z.object({
    examples: z.number().int(),
    crossValidatedAccuracy: z.number(),
    expectedCalibrationError: z.number(),
    epochs: z.number().int(),
    l2: z.number(),
  }),
});
export type IntentModelFile = z.infer<typeof IntentModelFile>;

export class IntentClassifier {
  private readonly weights: Float32Array;
  private readonly intents: readonly NluIntent[];

  constructor(
    readonly model: IntentModelFile,
    private readonly features: IntentFeatures,
  ) {
    if (model.encoder !== features.encoderId) throw new AppError('CONFIG_INVALID', `the intent model was trained on ${model.encoder} features, not ${features.encoderId}; retrain with npm run nlu:train`);
    this.intents = model.intents;
    const bytes = Buffer.from(model.weights, 'base64');
    this.weights = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    if (this.weights.length !== features.dimensions * this.intents.length) throw new AppError('CONFIG_INVALID', 'data/nlu/model.json has weights of the wrong size; retrain with npm run nlu:train');
  }

  static load(features: IntentFeatures, path = DEFAULT_MODEL_PATH): IntentClassifier {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      throw new AppError('CONFIG_INVALID', `cannot read the intent model ${path}; build it with npm run nlu:train`, { cause: error });
    }
    const parsed = IntentModelFile.safeParse(JSON.parse(text));
    if (!parsed.success) throw new AppError('CONFIG_INVALID', `${path} is not an intent model; rebuild it with npm run nlu:train`);
    return new IntentClassifier(parsed.data, features);
  }

  /** Intents by probability, highest first, for each text. */
  async classify(texts: readonly string[]): Promise<IntentScore[][]> {
    const vectors = await this.features.of(texts);
    return vectors.map((vector) => this.scoreVector(vector));
  }

  /** Probabilities for one feature vector (exposed for evaluation on precomputed features). */
  scoreVector(vector: Float32Array): IntentScore[] {
    const probabilities = softmax(linearLogits(this.weights, this.model.bias, vector), this.model.temperature);
    return this.intents.map((intent, index) => ({ intent, probability: probabilities[index]! })).sort((a, b) => b.probability - a.probability || a.intent.localeCompare(b.intent));
  }
}

/** bias + vectorᵀ·weights for row-major weights [features × intents] (zero features skipped: the n-grams are sparse). */
export function linearLogits(weights: Float32Array, bias: ArrayLike<number>, vector: Float32Array): number[] {
  const k = bias.length;
  const logits = Array.from(bias);
  for (let row = 0; row < vector.length; row++) {
    const value = vector[row]!;
    if (value === 0) continue;
    const offset = row * k;
    for (let column = 0; column < k; column++) logits[column]! += value * weights[offset + column]!;
  }
  return logits;
}

/** softmax(logits / temperature), computed stably. */
export function softmax(logits: ArrayLike<number>, temperature = 1): number[] {
  let max = -Infinity;
  for (let index = 0; index < logits.length; index++) max = Math.max(max, logits[index]! / temperature);
  const exps = Array.from(logits, (logit) => Math.exp(logit / temperature - max));
  const sum = exps.reduce((total, value) => total + value, 0);
  return exps.map((value) => value / sum);
}
