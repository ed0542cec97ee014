import { describe, expect, it } from 'vitest';
import { classTfIdf, clusterSums, mergeClusters, nearest, sphericalKMeans, tfIdfVectors } from './clustering.ts';

/** Three groups of documents over disjoint feature ranges, with a little shared noise. */
function groups(perGroup: number): number[][] {
  const documents: number[][] = [];
  for (let group = 0; group < 3; group++) {
    for (let index = 0; index < perGroup; index++) documents.push([group * 10 + (index % 4), group * 10 + ((index + 1) % 4), group * 10 + 5, 30 + (index % 2)]);
  }
  return documents;
}

describe('clustering', () => {
  it('weights by TF-IDF and drops rare features', () => {
    const { vectors } = tfIdfVectors([[0, 0, 1], [1, 2], [1]], 3, { minDocumentFrequency: 2 });
    expect(Array.from(vectors[0]!.indices)).toEqual([1]); // features 0 and 2 are in one document only
    const norm = Math.hypot(...Array.from(vectors[1]!.values));
    expect(norm).toBeCloseTo(1, 6);
  });

  it('separates well-apart groups with spherical k-means, deterministically', () => {
    const documents = groups(20);
    const { vectors, dimensions } = tfIdfVectors(documents, 40, { minDocumentFrequency: 1 });
    const run = () => sphericalKMeans(vectors, dimensions, { k: 3, seed: 7, maxIterations: 50, restarts: 5 });
    const centroids = run();
    const labels = vectors.map((vector) => nearest(vector, centroids)[0]);
    for (let group = 0; group < 3; group++) expect(new Set(labels.slice(group * 20, group * 20 + 20)).size).toBe(1);
    expect(new Set(labels).size).toBe(3);
    expect(run().map((centroid) => Array.from(centroid))).toEqual(centroids.map((centroid) => Array.from(centroid)));
  });

  it('merges over-split clusters back together and keeps different ones apart', () => {
    const documents = groups(20);
    const { vectors, dimensions } = tfIdfVectors(documents, 40, { minDocumentFrequency: 1 });
    const centroids = sphericalKMeans(vectors, dimensions, { k: 9, seed: 7, maxIterations: 50 });
    const assignment = Int32Array.from(vectors, (vector) => nearest(vector, centroids)[0]);
    const merged = mergeClusters(clusterSums(vectors, assignment, centroids.length, dimensions), 0.5);
    expect(merged).toHaveLength(3);
  });

  it('labels clusters by class-based TF-IDF: a term frequent in one cluster only ranks first there', () => {
    const ranked = classTfIdf([new Map([[1, 10], [9, 10]]), new Map([[2, 10], [9, 10]])], 2);
    expect(ranked[0]![0]!.term).toBe(1);
    expect(ranked[1]![0]!.term).toBe(2);
  });
});
