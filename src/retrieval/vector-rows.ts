import { topK } from './top-k.ts';

/**
 * Exact nearest-neighbour search over chosen rows of many stored vectors, fast enough to cover the
 * large eligible sets of a 50,000-module library. Scoring every eligible float32 vector is bound by
 * memory bandwidth (a 256-dimension vector is 1 KB), and JavaScript has no SIMD. So each row is also
 * kept quantized to int8 (a quarter of the bytes), a WebAssembly SIMD function scores those, and
 * only the rows whose score could still be in the top k, given the quantization error, are scored
 * again exactly (float64). The function, assembled by hand below (no toolchain needed):
 *
 *   (func (export "dots") (param $rows i32) (param $stride i32) (param $labels i32) (param $count i32)
 *                         (param $query i32) (param $out i32)
 *     ;; for p in [0, count): out[p] = i32 sum over 16-byte blocks of i32x4.dot_i16x8_s on the
 *     ;; sign-extended low and high halves of row[k] and query[k], where row = rows + labels[p] * stride
 *     ;; (bytes; stride a multiple of 16, the padding zero).
 */
const SIMD_DOTS = (() => {
  const leb = (value: number): number[] => {
    const bytes: number[] = [];
    do {
      let byte = value & 0x7f;
      value >>>= 7;
      if (value !== 0) byte |= 0x80;
      bytes.push(byte);
    } while (value !== 0);
    return bytes;
  };
  const section = (id: number, content: number[]) => [id, ...leb(content.length), ...content];
  const name = (text: string) => [text.length, ...[...text].map((character) => character.charCodeAt(0))];
  // Locals: 0 rows, 1 stride, 2 labels, 3 count, 4 query, 5 out (parameters); 6 p, 7 row, 8 k (i32); 9 acc, 10 r, 11 q (v128).
  const get = (local: number) => [0x20, local];
  const set = (local: number) => [0x21, local];
  const tee = (local: number) => [0x22, local];
  const i32 = (value: number) => [0x41, value];
  const [I32_ADD, I32_MUL, I32_SHL, I32_LT_U, I32_EQZ] = [0x6a, 0x6c, 0x74, 0x49, 0x45];
  const simd = (opcode: number) => [0xfd, ...leb(opcode)];
  const [V128_LOAD, EXTEND_LOW, EXTEND_HIGH, DOT, I32X4_ADD] = [0x00, 0x87, 0x88, 0xba, 0xae];
  const load = [...simd(V128_LOAD), 0x04, 0x00];
  // acc += dot(extend(r), extend(q)) for one half of the 16 bytes.
  const half = (extend: number) => [...get(9), ...get(10), ...simd(extend), ...get(11), ...simd(extend), ...simd(DOT), ...simd(I32X4_ADD), ...set(9)];
  const lane = (index: number) => [...get(9), ...simd(0x1b), index];
  const body = [
    ...[0x02, 0x03, 0x7f, 0x03, 0x7b], // locals: 3 x i32, 3 x v128
    ...[0x02, 0x40], // block
    ...get(3), I32_EQZ, 0x0d, 0x00, // no rows: done
    ...[0x03, 0x40], // loop over p
    ...get(0), ...get(2), ...get(6), ...i32(2), I32_SHL, I32_ADD, 0x28, 0x02, 0x00, ...get(1), I32_MUL, I32_ADD, ...set(7), // row = rows + labels[p] * stride
    ...simd(0x0c), ...new Array(16).fill(0), ...set(9), // acc = 0
    ...i32(0), ...set(8), // k = 0
    ...[0x03, 0x40], // loop over k
    ...get(7), ...get(8), I32_ADD, ...load, ...set(10), ...get(4), ...get(8), I32_ADD, ...load, ...set(11),
    ...half(EXTEND_LOW), ...half(EXTEND_HIGH),
    ...get(8), ...i32(16), I32_ADD, ...tee(8), ...get(1), I32_LT_U, 0x0d, 0x00, // while (k += 16) < stride
    0x0b,
    ...get(5), ...get(6), ...i32(2), I32_SHL, I32_ADD, // &out[p]
    ...lane(0), ...lane(1), I32_ADD, ...lane(2), I32_ADD, ...lane(3), I32_ADD, 0x36, 0x02, 0x00, // out[p] = lanes summed
    ...get(6), ...i32(1), I32_ADD, ...tee(6), ...get(3), I32_LT_U, 0x0d, 0x00, // while ++p < count
    0x0b,
    0x0b,
    0x0b,
  ];
  return Uint8Array.from([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, [0x01, 0x60, 0x06, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 0x00]), // type: (i32 x 6) -> ()
    ...section(2, [0x01, ...name('env'), ...name('memory'), 0x02, 0x00, 0x01]), // import env.memory
    ...section(3, [0x01, 0x00]), // one function of type 0
    ...section(7, [0x01, ...name('dots'), 0x00, 0x00]), // export it as "dots"
    ...section(10, [0x01, ...leb(body.length), ...body]),
  ]);
})();

/** The part of the WebAssembly API used here (the project's TypeScript libs leave out the DOM ones that declare it). */
interface WebAssemblyApi {
  Memory: new (descriptor: { initial: number }) => { readonly buffer: ArrayBuffer; grow(pages: number): number };
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { readonly exports: Record<string, unknown> };
  validate(bytes: Uint8Array): boolean;
}
const wasm = (globalThis as unknown as { WebAssembly: WebAssemblyApi }).WebAssembly;

const PAGE = 65_536;
/** Room for float64 rounding in the bounds below (they are sums of a few products of numbers near 1). */
const ROUNDING_SLACK = 1e-9;

type Dots = (rows: number, stride: number, labels: number, count: number, query: number, out: number) => void;

/**
 * Vectors by row (row = label): float32 for the exact scores, and int8 in a WebAssembly memory for
 * the SIMD pass. Falls back to plain JavaScript where WebAssembly SIMD is missing.
 */
export class VectorRows {
  /** Bytes per int8 row: the dimensions rounded up to whole 16-byte blocks. */
  private readonly stride: number;
  private readonly memory = new wasm.Memory({ initial: 1 });
  private readonly dots: Dots | null;
  private floats = new Float32Array(0);
  /** Per row: x is about scale * q where q holds integers in [-127, 127], each off by at most scale / 2. */
  private scales = new Float64Array(0);
  /** Per row: the sum of |q|, for the error bound. */
  private quantizedL1 = new Float64Array(0);
  private capacity = 0;
  // Scratch for one search (reused: allocating per search feeds the garbage collector).
  private lower = new Float64Array(0);
  private exact = new Float64Array(0);

  constructor(readonly dimensions: number) {
    this.stride = Math.ceil(dimensions / 16) * 16;
    this.dots = wasm.validate(SIMD_DOTS) ? (new wasm.Instance(new wasm.Module(SIMD_DOTS), { env: { memory: this.memory } }).exports.dots as Dots) : null;
  }

  set(row: number, vector: ArrayLike<number>): void {
    if (row >= this.capacity) this.grow(Math.max(1_024, Math.ceil((row + 1) * 1.5)));
    const offset = row * this.dimensions;
    for (let dimension = 0; dimension < this.dimensions; dimension++) this.floats[offset + dimension] = vector[dimension]!;
    const stored = this.floats.subarray(offset, offset + this.dimensions);
    const { scale, l1 } = quantize(stored, new Int8Array(this.memory.buffer, row * this.stride, this.stride));
    this.scales[row] = scale;
    this.quantizedL1[row] = l1;
  }

  /** The stored row (a copy). */
  get(row: number): Float32Array {
    return this.floats.slice(row * this.dimensions, (row + 1) * this.dimensions);
  }

  /** Exact (float64) inner product of the query with one row. */
  dot(query: ArrayLike<number>, row: number): number {
    const floats = this.floats;
    const offset = row * this.dimensions;
    let sum = 0;
    for (let dimension = 0; dimension < this.dimensions; dimension++) sum += floats[offset + dimension]! * query[dimension]!;
    return sum;
  }

  /**
   * The `k` rows among `rows[0, count)` most similar to `query`, best first (ties: the earlier in
   * `rows`), as positions in `rows` with their exact similarity. The int8 pass gives each row a score
   * within a proven error of the truth; a row is rescored exactly unless even its highest possible
   * score is below the k-th best lowest possible score, so the answer is the exact ranking.
   */
  nearest(query: Float32Array, rows: Int32Array, count: number, k: number): { position: number; similarity: number }[] {
    if (this.exact.length < count) {
      this.exact = new Float64Array(Math.max(count, 2 * this.exact.length));
      this.lower = new Float64Array(this.exact.length);
    }
    let candidates: number[] | null = null;
    if (this.dots !== null && count > k) {
      const { dots, queryScale, queryL1 } = this.quantizedDots(query, rows, count);
      // |x.q - scale_x scale_q (qx . qq)| <= |(x - scale_x qx) . q| + scale_x |qx . (q - scale_q qq)|
      //                                   <= scale_x / 2 * |q|_1 + scale_x * scale_q / 2 * |qx|_1.
      const { lower, scales, quantizedL1 } = this;
      const upper = this.exact;
      for (let position = 0; position < count; position++) {
        const row = rows[position]!;
        const estimate = scales[row]! * queryScale * dots[position]!;
        const error = (scales[row]! / 2) * (queryL1 + queryScale * quantizedL1[row]!) + ROUNDING_SLACK;
        lower[position] = estimate - error;
        upper[position] = estimate + error;
      }
      // k rows are truly at least this; a row that cannot reach it is not in the top k.
      const floor = lower[topK(lower, null, count, k).at(-1)!]!;
      candidates = [];
      for (let position = 0; position < count; position++) if (upper[position]! >= floor) candidates.push(position);
    }
    const positions = candidates ?? Array.from({ length: count }, (_, position) => position);
    const exact = this.exact;
    for (const position of positions) exact[position] = this.dot(query, rows[position]!);
    return topK(exact, positions, positions.length, k).map((position) => ({ position, similarity: exact[position]! }));
  }

  /** The int8 scores of every row (SIMD; a view of the memory, good until the next call), with the query's quantization. */
  private quantizedDots(query: Float32Array, rows: Int32Array, count: number): { dots: Int32Array; queryScale: number; queryL1: number } {
    const queryAt = this.capacity * this.stride;
    const labelsAt = queryAt + this.stride;
    const outAt = labelsAt + count * 4;
    this.reserve(outAt + count * 4);
    const { scale: queryScale } = quantize(query.subarray(0, this.dimensions), new Int8Array(this.memory.buffer, queryAt, this.stride));
    let queryL1 = 0;
    for (let dimension = 0; dimension < this.dimensions; dimension++) queryL1 += Math.abs(query[dimension]!);
    new Int32Array(this.memory.buffer, labelsAt, count).set(rows.subarray(0, count));
    this.dots!(0, this.stride, labelsAt, count, queryAt, outAt);
    return { dots: new Int32Array(this.memory.buffer, outAt, count), queryScale, queryL1 };
  }

  private grow(capacity: number): void {
    const floats = new Float32Array(capacity * this.dimensions);
    floats.set(this.floats);
    this.floats = floats;
    const scales = new Float64Array(capacity);
    scales.set(this.scales);
    this.scales = scales;
    const l1 = new Float64Array(capacity);
    l1.set(this.quantizedL1);
    this.quantizedL1 = l1;
    this.capacity = capacity;
    this.reserve(capacity * this.stride);
  }

  /** Grows the memory to at least `bytes` (int8 rows keep their place: they sit at the start; scratch follows them). */
  private reserve(bytes: number): void {
    const have = this.memory.buffer.byteLength;
    if (bytes > have) this.memory.grow(Math.ceil((bytes - have) / PAGE));
  }
}

/**
 * Writes `vector` as integers in [-127, 127] to `into` (the rest of it zero): vector[i] is about
 * scale * into[i], off by at most scale / 2. Returns the scale and the sum of |into[i]|.
 */
function quantize(vector: Float32Array, into: Int8Array): { scale: number; l1: number } {
  let largest = 0;
  for (let dimension = 0; dimension < vector.length; dimension++) largest = Math.max(largest, Math.abs(vector[dimension]!));
  into.fill(0);
  if (largest === 0) return { scale: 0, l1: 0 };
  const scale = largest / 127;
  let l1 = 0;
  for (let dimension = 0; dimension < vector.length; dimension++) {
    const value = Math.max(-127, Math.min(127, Math.round(vector[dimension]! / scale)));
    into[dimension] = value;
    l1 += Math.abs(value);
  }
  return { scale, l1 };
}
