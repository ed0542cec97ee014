/**
 * The `k` best of `count` candidates (indexes into `scores`; null: 0 to count - 1), best first:
 * higher score first, then the lower index. A bounded min-heap, so picking 100 of 20,000 scored rows
 * neither sorts them all nor allocates an object per row.
 */
export function topK(scores: ArrayLike<number>, candidates: ArrayLike<number> | null, count: number, k: number): number[] {
  const size = Math.min(k, count);
  if (size <= 0) return [];
  // heap[0] is the worst of the best so far.
  const heap = new Int32Array(size);
  let filled = 0;
  const worse = (a: number, b: number) => scores[a]! < scores[b]! || (scores[a] === scores[b] && a > b);
  const siftDown = (from: number) => {
    let at = from;
    for (;;) {
      const left = 2 * at + 1;
      if (left >= filled) return;
      const right = left + 1;
      const child = right < filled && worse(heap[right]!, heap[left]!) ? right : left;
      if (!worse(heap[child]!, heap[at]!)) return;
      const swap = heap[at]!;
      heap[at] = heap[child]!;
      heap[child] = swap;
      at = child;
    }
  };
  for (let position = 0; position < count; position++) {
    const candidate = candidates === null ? position : candidates[position]!;
    if (filled < size) {
      // Sift up.
      let at = filled++;
      heap[at] = candidate;
      while (at > 0) {
        const parent = (at - 1) >> 1;
        if (!worse(heap[at]!, heap[parent]!)) break;
        const swap = heap[at]!;
        heap[at] = heap[parent]!;
        heap[parent] = swap;
        at = parent;
      }
    } else if (worse(heap[0]!, candidate)) {
      heap[0] = candidate;
      siftDown(0);
    }
  }
  return Array.from(heap).sort((a, b) => (worse(a, b) ? 1 : worse(b, a) ? -1 : 0));
}
