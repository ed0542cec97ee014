import { SeededRandom } from '../core/seeded-random.ts';

/**
 * Spherical k-means (cosine) over sparse TF-IDF vectors, then average-linkage merging of the
 * clusters whose centroids are alike. Deterministic: k-means++ seeding from a fixed seed, ties by
 * index. Pure functions, no I/O.
 *
 * Why TF-IDF and not the bundled sentence encoder: the Universal Sentence Encoder embeds ~25-80
 * sentences/s on this machine, so 100,000 notes would take 20-60 minutes; sparse TF-IDF vectors of
 * the same notes take well under a second (npm run bench -- --only insights). Semantic grouping that
 * words alone miss ("prior authorization denied" and "specialty pharmacy delays" are both access) comes
 * from the seed concepts appended to each vector (guided clustering; see data/insights/theme-seeds.json).
 */
export interface SparseVector {
  indices: Int32Array;
  values: Float32Array;
}

export function sparseDot(vector: SparseVector, dense: Float64Array): number {
  let sum = 0;
  const { indices, values } = vector;
  for (let index = 0; index < indices.length; index++) sum += values[index]! * dense[indices[index]!]!;
  return sum;
}

function normalise(dense: Float64Array): Float64Array {
  let norm = 0;
  for (let index = 0; index < dense.length; index++) norm += dense[index]! * dense[index]!;
  norm = Math.sqrt(norm);
  if (norm > 0) for (let index = 0; index < dense.length; index++) dense[index]! /= norm;
  return dense;
}

function addInto(dense: Float64Array, vector: SparseVector, weight = 1): void {
  const { indices, values } = vector;
  for (let index = 0; index < indices.length; index++) dense[indices[index]!]! += weight * values[index]!;
}

export interface TfIdfOptions {
  /** Features in fewer documents than this are dropped (typos, names, one-off words). */
  minDocumentFrequency: number;
}

/**
 * Unit-length TF-IDF vectors from each document's feature ids (repeats count): sublinear term
 * frequency (1 + ln tf) times smoothed idf (ln((1 + n) / (1 + df)) + 1), features below the minimum
 * document frequency left out. `extra` appends fixed dimensions after the text part (the seed
 * concepts): the text part is scaled to length 1, the extra part added as given, then the whole
 * vector normalised.
 */
export function tfIdfVectors(
  documents: readonly (readonly number[])[],
  featureCount: number,
  options: TfIdfOptions,
  extra?: (document: number) => readonly [dimension: number, weight: number][],
): { vectors: SparseVector[]; idf: Float64Array; dimensions: number } {
  const df = new Int32Array(featureCount);
  const seen = new Int32Array(featureCount).fill(-1);
  documents.forEach((features, document) => {
    for (const feature of features) {
      if (seen[feature] !== document) {
        seen[feature] = document;
        df[feature]!++;
      }
    }
  });
  const idf = new Float64Array(featureCount);
  const n = documents.length;
  for (let feature = 0; feature < featureCount; feature++) idf[feature] = df[feature]! >= options.minDocumentFrequency ? Math.log((1 + n) / (1 + df[feature]!)) + 1 : 0;
  let extraDimensions = 0;
  const counts = new Map<number, number>();
  const vectors = documents.map((features, document) => {
    counts.clear();
    for (const feature of features) if (idf[feature]! > 0) counts.set(feature, (counts.get(feature) ?? 0) + 1);
    const extras = extra?.(document) ?? [];
    const indices = new Int32Array(counts.size + extras.length);
    const values = new Float32Array(counts.size + extras.length);
    let at = 0;
    let norm = 0;
    for (const [feature, count] of counts) {
      const value = (1 + Math.log(count)) * idf[feature]!;
      indices[at] = feature;
      values[at++] = value;
      norm += value * value;
    }
    norm = Math.sqrt(norm);
    if (norm > 0) for (let index = 0; index < at; index++) values[index]! /= norm;
    let total = norm > 0 ? 1 : 0;
    for (const [dimension, weight] of extras) {
      indices[at] = featureCount + dimension;
      values[at++] = weight;
      total += weight * weight;
      extraDimensions = Math.max(extraDimensions, dimension + 1);
    }
    total = Math.sqrt(total);
    if (total > 0) for (let index = 0; index < at; index++) values[index]! /= total;
    return { indices, values };
  });
  return { vectors, idf, dimensions: featureCount + extraDimensions };
}

export interface KMeansOptions {
  k: number;
  seed: number;
  maxIterations: number;
  /** Runs from different seedings; the one with the highest total cosine wins (k-means finds local optima). Default 1. */
  restarts?: number;
}

/** Spherical k-means with k-means++ seeding: unit centroids that the vectors' cosine is measured against. */
export function sphericalKMeans(vectors: readonly SparseVector[], dimensions: number, options: KMeansOptions): Float64Array[] {
  const random = new SeededRandom(options.seed);
  let best: Float64Array[] = [];
  let bestScore = -Infinity;
  for (let run = 0; run < Math.max(1, options.restarts ?? 1); run++) {
    const centroids = kMeansRun(vectors, dimensions, options, random);
    let score = 0;
    for (const vector of vectors) score += nearest(vector, centroids)[1];
    if (score > bestScore + 1e-9) [best, bestScore] = [centroids, score];
  }
  return best;
}

function kMeansRun(vectors: readonly SparseVector[], dimensions: number, options: KMeansOptions, random: SeededRandom): Float64Array[] {
  const n = vectors.length;
  const k = Math.min(options.k, n);
  if (k === 0) return [];
  const centroids: Float64Array[] = [];
  const point = (index: number) => {
    const dense = new Float64Array(dimensions);
    addInto(dense, vectors[index]!);
    return normalise(dense);
  };
  // k-means++: each next centroid drawn with probability proportional to the distance (1 - cosine) to the nearest one so far.
  centroids.push(point(Math.floor(random.next() * n)));
  const distance = new Float64Array(n).fill(Infinity);
  while (centroids.length < k) {
    const latest = centroids[centroids.length - 1]!;
    let total = 0;
    for (let index = 0; index < n; index++) {
      const d = Math.max(0, 1 - sparseDot(vectors[index]!, latest));
      if (d < distance[index]!) distance[index] = d;
      total += distance[index]!;
    }
    if (total <= 1e-12) break; // every vector sits on a centroid already
    let roll = random.next() * total;
    let chosen = n - 1;
    for (let index = 0; index < n; index++) {
      roll -= distance[index]!;
      if (roll <= 0) {
        chosen = index;
        break;
      }
    }
    centroids.push(point(chosen));
  }

  const assignment = new Int32Array(n).fill(-1);
  for (let iteration = 0; iteration < options.maxIterations; iteration++) {
    let changed = 0;
    const best = new Float64Array(n);
    for (let index = 0; index < n; index++) {
      const [cluster, similarity] = nearest(vectors[index]!, centroids);
      best[index] = similarity;
      if (assignment[index] !== cluster) {
        assignment[index] = cluster;
        changed++;
      }
    }
    const sums = centroids.map(() => new Float64Array(dimensions));
    const sizes = new Int32Array(centroids.length);
    for (let index = 0; index < n; index++) {
      addInto(sums[assignment[index]!]!, vectors[index]!);
      sizes[assignment[index]!]!++;
    }
    for (let cluster = 0; cluster < centroids.length; cluster++) {
      if (sizes[cluster]! > 0) centroids[cluster] = normalise(sums[cluster]!);
      else {
        // An empty cluster takes the vector that fits its own cluster worst.
        let worst = 0;
        for (let index = 1; index < n; index++) if (best[index]! < best[worst]!) worst = index;
        centroids[cluster] = point(worst);
        best[worst] = Infinity;
        changed++;
      }
    }
    if (changed === 0) break;
  }
  return centroids;
}

/** The centroid most like the vector (cosine) and that similarity; ties go to the lower index. */
export function nearest(vector: SparseVector, centroids: readonly Float64Array[]): [number, number] {
  let best = -1;
  let bestSimilarity = -Infinity;
  for (let cluster = 0; cluster < centroids.length; cluster++) {
    const similarity = sparseDot(vector, centroids[cluster]!);
    if (similarity > bestSimilarity) {
      bestSimilarity = similarity;
      best = cluster;
    }
  }
  return [best, bestSimilarity];
}

/**
 * Agglomerative merging of clusters (given as the sums of their member vectors): repeatedly joins the
 * two whose centroids are most alike (cosine of the sums, i.e. centroid linkage on the sphere) while
 * that cosine is at least `threshold`. Returns the merged unit centroids.
 */
export function mergeClusters(sums: readonly Float64Array[], threshold: number): Float64Array[] {
  const clusters = sums.map((sum) => Float64Array.from(sum));
  const alive = clusters.map(() => true);
  const norms = clusters.map((sum) => Math.sqrt(dot(sum, sum)));
  const similarity = (a: number, b: number) => (norms[a]! > 0 && norms[b]! > 0 ? dot(clusters[a]!, clusters[b]!) / (norms[a]! * norms[b]!) : 0);
  const table = clusters.map((_, a) => clusters.map((__, b) => (a < b ? similarity(a, b) : 0)));
  for (;;) {
    let bestA = -1;
    let bestB = -1;
    let best = threshold;
    for (let a = 0; a < clusters.length; a++) {
      if (!alive[a]) continue;
      for (let b = a + 1; b < clusters.length; b++) {
        if (alive[b] && table[a]![b]! >= best) {
          if (table[a]![b]! > best || bestA < 0) {
            best = table[a]![b]!;
            bestA = a;
            bestB = b;
          }
        }
      }
    }
    if (bestA < 0) break;
    const merged = clusters[bestA]!;
    const other = clusters[bestB]!;
    for (let index = 0; index < merged.length; index++) merged[index]! += other[index]!;
    norms[bestA] = Math.sqrt(dot(merged, merged));
    alive[bestB] = false;
    for (let c = 0; c < clusters.length; c++) {
      if (!alive[c] || c === bestA) continue;
      const value = similarity(bestA, c);
      if (c < bestA) table[c]![bestA] = value;
      else table[bestA]![c] = value;
    }
  }
  return clusters.filter((_, index) => alive[index]).map((sum) => normalise(sum));
}

/** The dot product of two dense vectors (their cosine when both are unit length). */
export function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let index = 0; index < a.length; index++) sum += a[index]! * b[index]!;
  return sum;
}

/** Per-cluster sums of member vectors, for merging. */
export function clusterSums(vectors: readonly SparseVector[], assignment: Int32Array, clusters: number, dimensions: number): Float64Array[] {
  const sums = Array.from({ length: clusters }, () => new Float64Array(dimensions));
  for (let index = 0; index < vectors.length; index++) addInto(sums[assignment[index]!]!, vectors[index]!);
  return sums;
}

/**
 * Class-based TF-IDF (as BERTopic labels topics): a term's weight in a cluster is its frequency
 * there times ln(1 + A / f), A the average number of term occurrences per cluster and f the term's
 * frequency over all clusters. Returns, per cluster, the term ids by weight, best first.
 */
export function classTfIdf(termCounts: readonly Map<number, number>[], limit: number): { term: number; weight: number }[][] {
  const totals = new Map<number, number>();
  let all = 0;
  for (const counts of termCounts) for (const [term, count] of counts) {
    totals.set(term, (totals.get(term) ?? 0) + count);
    all += count;
  }
  const average = termCounts.length > 0 ? all / termCounts.length : 0;
  return termCounts.map((counts) =>
    [...counts]
      .map(([term, count]) => ({ term, weight: count * Math.log(1 + average / totals.get(term)!) }))
      .sort((a, b) => b.weight - a.weight || a.term - b.term)
      .slice(0, limit),
  );
}
