import * as bundled from '@energetic-ai/core';

/**
 * The part of TensorFlow.js the intent trainer uses, typed. @energetic-ai/core bundles
 * @tensorflow/tfjs-core (with its WebAssembly backend, the one the sentence encoder runs on) but not
 * its type declarations, so the functions are declared here as tfjs-core documents them.
 */
export interface Tensor {
  dataSync(): Float32Array | Int32Array;
}
export interface Variable extends Tensor {
  readonly name: string;
}
interface Optimizer {
  applyGradients(gradients: Record<string, Tensor>): void;
  dispose(): void;
}
export interface TensorFlow {
  tensor1d(values: number[], dtype: 'int32' | 'float32'): Tensor;
  tensor2d(values: Float32Array, shape: [number, number]): Tensor;
  zeros(shape: number[]): Tensor;
  variable(initial: Tensor, trainable: boolean, name: string): Variable;
  oneHot(indices: Tensor, depth: number): Tensor;
  cast(tensor: Tensor, dtype: 'float32'): Tensor;
  matMul(a: Tensor, b: Tensor, transposeA?: boolean, transposeB?: boolean): Tensor;
  add(a: Tensor, b: Tensor | number): Tensor;
  sub(a: Tensor, b: Tensor | number): Tensor;
  mul(a: Tensor, b: Tensor | number): Tensor;
  div(a: Tensor, b: Tensor | number): Tensor;
  sum(tensor: Tensor, axis: number): Tensor;
  softmax(logits: Tensor): Tensor;
  tidy<T>(work: () => T): T;
  dispose(tensors: Tensor[]): void;
  train: { adam(learningRate: number): Optimizer };
}

export const tf = bundled as unknown as TensorFlow;
