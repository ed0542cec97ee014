import { normalise, type Embedder } from './embedder.ts';

export interface HashedNgramOptions {
  /** Number of hash buckets (vector length). Default 256. */
  dimensions?: number;
  /** Character n-gram lengths. Default [3, 4]. */
  ngramSizes?: readonly number[];
}

const DEFAULT_DIMENSIONS = 256;
const DEFAULT_NGRAM_SIZES: readonly number[] = [3, 4];

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * Lower-cases, applies NFKC, turns every run of non-letters/non-digits into one space and pads
 * with a space on each side, so n-grams at word starts and ends are distinct from inner ones.
 * Returns '' for text without letters or digits.
 */
export function normaliseForNgrams(text: string): string {
  const cleaned = text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return cleaned.length === 0 ? '' : ` ${cleaned} `;
}

/**
 * A deterministic hashed character n-gram embedder (the "hashing trick"): every 3- and 4-gram of
 * the normalised text is hashed with 32-bit FNV-1a (over code points) into one of `dimensions`
 * buckets with a hash-derived sign, and the counts are L2-normalised. No model, no network, the
 * same vector on every machine; fast enough for unit tests and benchmarks (tens of thousands of
 * short texts per second). It captures spelling overlap, not meaning.
 * Text without letters or digits embeds to the zero vector.
 */
export class HashedNgramEmbedder implements Embedder {
  readonly model: string;
  readonly dimensions: number;
  private readonly ngramSizes: readonly number[];

  constructor(options: HashedNgramOptions = {}) {
    const dimensions = options.dimensions ?? DEFAULT_DIMENSIONS;
    const ngramSizes = options.ngramSizes ?? DEFAULT_NGRAM_SIZES;
    if (!Number.isInteger(dimensions) || dimensions < 1) throw new RangeError(`dimensions must be a positive integer, got ${dimensions}`);
    if (ngramSizes.length === 0 || ngramSizes.some((size) => !Number.isInteger(size) || size < 1)) {
      throw new RangeError(`ngramSizes must be positive integers, got [${ngramSizes.join(', ')}]`);
    }
    this.dimensions = dimensions;
    this.ngramSizes = [...ngramSizes];
    const isDefaultSizes = ngramSizes.length === DEFAULT_NGRAM_SIZES.length && ngramSizes.every((size, index) => size === DEFAULT_NGRAM_SIZES[index]);
    // The id names everything that changes the vectors, since it is part of the cache key.
    this.model = isDefaultSizes ? `hashed-ngram-${dimensions}` : `hashed-ngram-${dimensions}-n${ngramSizes.join('-')}`;
  }

  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    return texts.map((text) => this.embedOne(text));
  }

  /** Synchronous form of `embed` for a single text. */
  embedOne(text: string): Float32Array {
    const vector = new Float32Array(this.dimensions);
    const normalised = normaliseForNgrams(text);
    if (normalised.length === 0) return vector;
    const codePoints: number[] = [];
    for (const character of normalised) codePoints.push(character.codePointAt(0)!);
    const length = codePoints.length;
    for (const size of this.ngramSizes) {
      // A text shorter than n still contributes its whole padded form once, so short texts are not zero.
      const last = Math.max(0, length - size);
      const span = Math.min(size, length);
      for (let start = 0; start <= last; start++) {
        let hash = FNV_OFFSET;
        for (let offset = 0; offset < span; offset++) hash = Math.imul(hash ^ codePoints[start + offset]!, FNV_PRIME);
        hash = finalMix(hash);
        const bucket = hash % this.dimensions;
        vector[bucket]! += hash & 0x80000000 ? -1 : 1;
      }
    }
    return normalise(vector);
  }
}

/** Murmur3's 32-bit finaliser: spreads FNV's weak low bits over the word before bucket and sign are taken. */
function finalMix(value: number): number {
  let hash = value >>> 0;
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}
