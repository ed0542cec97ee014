import { isDictionaryWord } from '../compliance/redaction.ts';
import { classTfIdf, clusterSums, dot, mergeClusters, nearest, sphericalKMeans, tfIdfVectors, type SparseVector } from './clustering.ts';
import type { NoteAnalyser, NoteAnalysis } from './note-analysis.ts';

/**
 * Themes from the notes of a period and the period before, clustered together so a theme's counts
 * in the two periods are comparable:
 * - vectors: TF-IDF of each note's content words (names and products left out) plus its seed concern
 *   as an extra dimension, weight `seedWeight` against the text part's 1 (guided clustering, see
 *   data/insights/theme-seeds.json). Bigrams only label themes: as features they split one theme by
 *   its phrasings;
 * - spherical k-means (k-means++ from a fixed seed, best of `restarts`) on up to `fitSample` notes,
 *   over-clustered (k = 2 sqrt(notes), 10 to 48) and merged by centroid cosine >= `mergeThreshold`,
 *   so the number of themes is not fixed in advance;
 * - the notes that fit no theme (cosine < RESIDUAL_SIMILARITY) are clustered again on their own, so a
 *   small new theme is not swallowed by a big one;
 * - every note is assigned to its nearest centroid; themes are labelled by class-based TF-IDF.
 */
export interface ThemeOptions {
  seed: number;
  /** Weight of the seed-concern dimension against the text part (length 1). */
  seedWeight: number;
  mergeThreshold: number;
  fitSample: number;
  /** k-means runs from different seedings (the best total cosine wins). */
  restarts: number;
  /** Themes with fewer notes (both periods) go to "other". */
  minThemeNotes: number;
  keyTerms: number;
}

export const defaultThemeOptions: ThemeOptions = { seed: 20261120, seedWeight: 2, mergeThreshold: 0.3, fitSample: 4_000, restarts: 3, minThemeNotes: 3, keyTerms: 5 };

export interface ThemeCluster {
  /** Indexes (into the notes given) of the theme's notes, each with its cosine to the theme centroid, best first. */
  members: { note: number; similarity: number }[];
  keyTerms: string[];
  /** The seed concern most of its notes share (at least half), else null. */
  concept: string | null;
}

export interface ClusteredThemes {
  themes: ThemeCluster[];
  /** Notes in themes too small to report. */
  otherNotes: number[];
  method: { vectors: string; k: number; mergedTo: number; residualThemes: number; fitNotes: number; features: number; seed: number };
}

/** A note less like its theme's centroid than this (cosine) fits no theme well. */
const RESIDUAL_SIMILARITY = 0.35;

/** Notes per theme read again for its label (evenly spaced over the theme's notes, which come in time order). */
const LABEL_SAMPLE = 600;

export function clusterThemes(
  analyses: readonly NoteAnalysis[],
  analyser: NoteAnalyser,
  /** A note's label features (NoteAnalyser.labelFeatures), by index. */
  labelFeatures: (note: number) => readonly number[],
  options: ThemeOptions = defaultThemeOptions,
): ClusteredThemes {
  const n = analyses.length;
  const seeds = analyser.seeds;
  const seedIndex = new Map(seeds.map((seed, index) => [seed, index]));
  const featureCount = analyser.vocabulary.size;
  const { vectors, dimensions } = tfIdfVectors(
    analyses.map((analysis) => analysis.features),
    featureCount,
    { minDocumentFrequency: Math.max(2, Math.ceil(n * 0.0005)) },
    (document) => {
      const concept = analyses[document]!.concept;
      return concept === null ? [] : [[seedIndex.get(concept)!, options.seedWeight]];
    },
  );

  // Fit on an evenly spaced sample (the notes come in time order, so the sample spans both periods).
  const sample: SparseVector[] = [];
  if (n <= options.fitSample) sample.push(...vectors);
  else for (let index = 0; index < options.fitSample; index++) sample.push(vectors[Math.floor((index * n) / options.fitSample)]!);
  const k = Math.max(1, Math.min(sample.length, Math.max(10, Math.min(48, Math.round(2 * Math.sqrt(sample.length))))));
  const centroids = sphericalKMeans(sample, dimensions, { k, seed: options.seed, maxIterations: 40, restarts: options.restarts });
  const sampleAssignment = Int32Array.from(sample, (vector) => nearest(vector, centroids)[0]);
  let merged = mergeClusters(clusterSums(sample, sampleAssignment, centroids.length, dimensions), options.mergeThreshold);
  let fits = vectors.map((vector) => nearest(vector, merged));

  // Notes that fit no theme well: a theme too small to win a centroid in the sample (a new issue
  // starts small: 150 notes in 200,000 is under two sample notes). Cluster them on their own and
  // keep the new centroids that are unlike every theme so far.
  const residual: SparseVector[] = [];
  for (let note = 0; note < n; note++) if (fits[note]![1] < RESIDUAL_SIMILARITY) residual.push(vectors[note]!);
  let residualThemes = 0;
  if (residual.length >= 2 * options.minThemeNotes) {
    const residualSample = residual.length <= options.fitSample ? residual : Array.from({ length: options.fitSample }, (_, index) => residual[Math.floor((index * residual.length) / options.fitSample)]!);
    const residualK = Math.max(1, Math.min(residualSample.length, Math.max(2, Math.min(24, Math.round(2 * Math.sqrt(residualSample.length))))));
    const residualCentroids = sphericalKMeans(residualSample, dimensions, { k: residualK, seed: options.seed + 1, maxIterations: 40, restarts: options.restarts });
    const residualAssignment = Int32Array.from(residualSample, (vector) => nearest(vector, residualCentroids)[0]);
    const added = mergeClusters(clusterSums(residualSample, residualAssignment, residualCentroids.length, dimensions), options.mergeThreshold).filter(
      (centroid) => merged.every((existing) => dot(existing, centroid) < options.mergeThreshold), // dot = cosine: both unit length
    );
    if (added.length > 0) {
      residualThemes = added.length;
      // What nearest(vector, merged.concat(added)) gives: the earlier centroids' fit stands unless an
      // added centroid is strictly more alike (ties go to the lower index, the earlier centroid).
      const offset = merged.length;
      const earlier = fits;
      fits = vectors.map((vector, note): [number, number] => {
        const [cluster, similarity] = nearest(vector, added);
        return similarity > earlier[note]![1] ? [offset + cluster, similarity] : earlier[note]!;
      });
      merged = merged.concat(added);
    }
  }

  const groups: { note: number; similarity: number }[][] = merged.map(() => []);
  for (let note = 0; note < n; note++) {
    const [cluster, similarity] = fits[note]!;
    if (cluster >= 0) groups[cluster]!.push({ note, similarity });
  }
  const kept = groups.filter((group) => group.length >= options.minThemeNotes);
  const otherNotes = groups.filter((group) => group.length < options.minThemeNotes).flatMap((group) => group.map((member) => member.note));

  // Labels: class-based TF-IDF over the words and word pairs of (a sample of) each theme's notes.
  const termCounts = kept.map((group) => {
    const counts = new Map<number, number>();
    const picks = group.length <= LABEL_SAMPLE ? group : Array.from({ length: LABEL_SAMPLE }, (_, index) => group[Math.floor((index * group.length) / LABEL_SAMPLE)]!);
    for (const { note } of picks) for (const feature of labelFeatures(note)) counts.set(feature, (counts.get(feature) ?? 0) + 1);
    return counts;
  });
  const ranked = classTfIdf(termCounts, 40);
  const themes = kept.map((group, index) => {
    group.sort((a, b) => b.similarity - a.similarity || a.note - b.note);
    const concepts = new Map<string, number>();
    for (const { note } of group) {
      const concept = analyses[note]!.concept;
      if (concept !== null) concepts.set(concept, (concepts.get(concept) ?? 0) + 1);
    }
    const [topConcept, topCount] = [...concepts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0] ?? [null, 0];
    return { members: group, keyTerms: keyTerms(ranked[index]!, analyser, options.keyTerms), concept: topCount * 2 >= group.length ? topConcept : null };
  });
  return {
    themes,
    otherNotes,
    method: {
      vectors: `TF-IDF of content words (min document frequency ${Math.max(2, Math.ceil(n * 0.0005))}) + seed-concern dimension (weight ${options.seedWeight})`,
      k,
      mergedTo: merged.length,
      residualThemes,
      fitNotes: sample.length,
      features: featureCount,
      seed: options.seed,
    },
  };
}

/** The best terms that read as words (dictionary words), without a word repeated inside a better bigram or vice versa. */
function keyTerms(ranked: readonly { term: number; weight: number }[], analyser: NoteAnalyser, limit: number): string[] {
  const chosen: { key: string; display: string }[] = [];
  for (const { term } of ranked) {
    if (chosen.length >= limit) break;
    const display = analyser.displayOf(term);
    // A label shows dictionary words only: a name repeated across notes ("Quistani") never becomes a theme's label.
    if (display === null || !display.split(' ').every((word) => /^\d+$/.test(word) || isDictionaryWord(word))) continue;
    const key = analyser.keyOf(term);
    const parts = key.split(' ');
    const overlaps = chosen.some((other) => {
      const otherParts = other.key.split(' ');
      return parts.every((part) => otherParts.includes(part)) || otherParts.every((part) => parts.includes(part));
    });
    if (overlaps) continue;
    chosen.push({ key, display });
  }
  return chosen.map((entry) => entry.display);
}
