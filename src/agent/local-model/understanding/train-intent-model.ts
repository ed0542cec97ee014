import { LEXICAL_FEATURES, linearLogits, softmax, type IntentFeatures, type IntentModelFile } from './intent-classifier.ts';
import { tf } from './tensorflow.ts';
import { INTENTS, type TrainingData } from './training-data.ts';

/**
 * Trains the intent classifier: multinomial logistic regression on TensorFlow.js (the library the
 * sentence encoder already runs on). The bundled TensorFlow.js has no automatic differentiation, so
 * each step hands TF.js's Adam optimiser the closed-form gradient of softmax cross-entropy,
 * Xᵀ(P − Y)/n + λW. Full batch, zero start: the same data gives the same weights.
 *
 * Confidence is calibrated by temperature scaling: five stratified folds each predict the examples
 * they were not trained on, and the temperature that minimises those predictions' log loss divides
 * the final model's logits.
 */

export interface TrainOptions {
  epochs?: number;
  learningRate?: number;
  l2?: number;
  folds?: number;
  onProgress?: (message: string) => void;
}

const DEFAULTS = { epochs: 160, learningRate: 0.05, l2: 1e-4, folds: 5 };
/** TF.js variable names must be unique per process. */
let fits = 0;

interface Fitted {
  weights: Float32Array;
  bias: Float32Array;
}

export async function trainIntentModel(data: TrainingData, features: IntentFeatures, knownWords: Record<string, number>, options: TrainOptions = {}): Promise<IntentModelFile> {
  const settings = { ...DEFAULTS, ...options };
  const progress = options.onProgress ?? (() => undefined);
  const labels = data.examples.map((example) => INTENTS.indexOf(example.intent));
  progress(`embedding ${data.examples.length} examples`);
  const rows = await features.of(data.examples.map((example) => example.text));

  // Stratified folds: the i-th example of each intent goes to fold i mod folds.
  const seen = new Map<number, number>();
  const fold = labels.map((label) => {
    const index = seen.get(label) ?? 0;
    seen.set(label, index + 1);
    return index % settings.folds;
  });
  const outOfFold: number[][] = new Array(rows.length);
  for (let held = 0; held < settings.folds; held++) {
    progress(`cross-validation fold ${held + 1} of ${settings.folds}`);
    const train = rows.flatMap((_, index) => (fold[index] === held ? [] : [index]));
    const fitted = fit(
      train.map((index) => rows[index]!),
      train.map((index) => labels[index]!),
      features.dimensions,
      settings,
    );
    rows.forEach((row, index) => {
      if (fold[index] === held) outOfFold[index] = linearLogits(fitted.weights, fitted.bias, row);
    });
  }
  const temperature = fitTemperature(outOfFold, labels);
  const calibrated = outOfFold.map((logits) => softmax(logits, temperature));
  const correct = calibrated.filter((probabilities, index) => argmax(probabilities) === labels[index]).length;

  progress('training on every example');
  const final = fit(rows, labels, features.dimensions, settings);
  return {
    format: 'omni-intent-softmax-1',
    dataVersion: data.version,
    dataSha256: data.sha256,
    encoder: features.encoderId,
    lexical: { dimensions: LEXICAL_FEATURES.dimensions, ngramSizes: [...LEXICAL_FEATURES.ngramSizes] },
    intents: [...INTENTS],
    weights: Buffer.from(final.weights.buffer, final.weights.byteOffset, final.weights.byteLength).toString('base64'),
    bias: Array.from(final.bias, (value) => Number(value.toPrecision(8))),
    temperature: Number(temperature.toFixed(4)),
    knownWords,
    training: {
      examples: rows.length,
      crossValidatedAccuracy: Number((correct / rows.length).toFixed(4)),
      expectedCalibrationError: Number(expectedCalibrationError(calibrated, labels).toFixed(4)),
      epochs: settings.epochs,
      l2: settings.l2,
    },
  };
}

function fit(rows: Float32Array[], labels: number[], dimensions: number, settings: typeof DEFAULTS): Fitted {
  const k = INTENTS.length;
  const n = rows.length;
  const flat = new Float32Array(n * dimensions);
  rows.forEach((row, index) => flat.set(row, index * dimensions));
  const x = tf.tensor2d(flat, [n, dimensions]);
  const y = tf.tidy(() => tf.cast(tf.oneHot(tf.tensor1d(labels, 'int32'), k), 'float32'));
  const weights = tf.variable(tf.zeros([dimensions, k]), true, `intent-w-${++fits}`);
  const bias = tf.variable(tf.zeros([k]), true, `intent-b-${fits}`);
  const optimiser = tf.train.adam(settings.learningRate);
  try {
    for (let epoch = 0; epoch < settings.epochs; epoch++) {
      tf.tidy(() => {
        const probabilities = tf.softmax(tf.add(tf.matMul(x, weights), bias));
        const error = tf.div(tf.sub(probabilities, y), n);
        const gradientW = tf.add(tf.matMul(x, error, true, false), tf.mul(weights, settings.l2));
        const gradientB = tf.sum(error, 0);
        optimiser.applyGradients({ [weights.name]: gradientW, [bias.name]: gradientB });
      });
    }
    return { weights: weights.dataSync() as Float32Array, bias: bias.dataSync() as Float32Array };
  } finally {
    tf.dispose([x, y, weights, bias]);
    optimiser.dispose();
  }
}

/** The temperature (0.2–5, on a log grid) that minimises the log loss of out-of-fold predictions. */
function fitTemperature(logits: number[][], labels: number[]): number {
  let best = { temperature: 1, loss: Infinity };
  for (let step = 0; step <= 160; step++) {
    const temperature = 0.2 * Math.pow(25, step / 160);
    const loss = logits.reduce((total, row, index) => total - Math.log(Math.max(softmax(row, temperature)[labels[index]!]!, 1e-12)), 0);
    if (loss < best.loss) best = { temperature, loss };
  }
  return best.temperature;
}

/** Expected calibration error over ten confidence bins. */
export function expectedCalibrationError(probabilities: number[][], labels: number[]): number {
  const bins = Array.from({ length: 10 }, () => ({ count: 0, confidence: 0, correct: 0 }));
  probabilities.forEach((row, index) => {
    const top = argmax(row);
    const confidence = row[top]!;
    const bin = bins[Math.min(9, Math.floor(confidence * 10))]!;
    bin.count++;
    bin.confidence += confidence;
    bin.correct += top === labels[index] ? 1 : 0;
  });
  return bins.reduce((total, bin) => total + (bin.count === 0 ? 0 : (bin.count / probabilities.length) * Math.abs(bin.confidence / bin.count - bin.correct / bin.count)), 0);
}

function argmax(values: readonly number[]): number {
  let best = 0;
  for (let index = 1; index < values.length; index++) if (values[index]! > values[best]!) best = index;
  return best;
}
