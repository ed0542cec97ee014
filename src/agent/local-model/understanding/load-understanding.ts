import { AppError } from '../../../core/app-error.ts';
import type { Embedder } from '../../../retrieval/embedder.ts';
import { UniversalSentenceEncoderEmbedder } from '../../../retrieval/universal-sentence-encoder.ts';
import { DEFAULT_MODEL_PATH, IntentClassifier, IntentFeatures } from './intent-classifier.ts';
import { DEFAULT_NLU_DIRECTORY, loadTrainingData } from './training-data.ts';
import { Understanding } from './understanding.ts';

export interface LoadedUnderstanding {
  understanding: Understanding;
  /** Names the training data's version and hash: "nlu-1+911d0804". The local model's id carries it. */
  dataId: string;
  classifier: IntentClassifier;
}

/**
 * The trained pipeline: data/nlu/model.json over the bundled sentence encoder (loaded on the first
 * question). Refuses a model trained on other data than data/nlu/ holds now, so what the decision
 * log names is what answered.
 */
export function loadUnderstanding(options: { embedder?: Embedder; modelPath?: string; dataDirectory?: string } = {}): LoadedUnderstanding {
  const data = loadTrainingData(options.dataDirectory ?? DEFAULT_NLU_DIRECTORY);
  const classifier = IntentClassifier.load(new IntentFeatures(options.embedder ?? new UniversalSentenceEncoderEmbedder()), options.modelPath ?? DEFAULT_MODEL_PATH);
  if (classifier.model.dataSha256 !== data.sha256) {
    throw new AppError('CONFIG_INVALID', 'data/nlu/ changed since the intent model was trained: run npm run nlu:train');
  }
  return {
    understanding: new Understanding(classifier, new Map(Object.entries(classifier.model.knownWords)), new Set(data.dictionary)),
    dataId: `${data.version}+${data.sha256.slice(0, 8)}`,
    classifier,
  };
}
