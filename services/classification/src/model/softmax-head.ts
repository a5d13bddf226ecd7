import type { SparseVector } from './text-features';

/**
 * A multinomial logistic regression over sparse features: `weights[feature * classes + c]`,
 * one bias per class. Trained by `trainSoftmaxHead`; stored quantised (see model-artifact.ts).
 */
export class SoftmaxHead {
  constructor(
    readonly dimension: number,
    readonly classes: number,
    readonly weights: Float32Array = new Float32Array(dimension * classes),
    readonly bias: Float32Array = new Float32Array(classes),
  ) {
    if (weights.length !== dimension * classes || bias.length !== classes)
      throw new Error('weights do not fit the dimension and classes');
  }

  scores(x: SparseVector): Float64Array {
    const k = this.classes;
    const s = Float64Array.from(this.bias);
    for (let j = 0; j < x.indices.length; j++) {
      const base = x.indices[j] * k;
      const v = x.values[j];
      for (let c = 0; c < k; c++) s[c] += this.weights[base + c] * v;
    }
    return s;
  }

  probabilities(x: SparseVector): Float64Array {
    return softmax(this.scores(x));
  }
}

export function softmax(s: Float64Array): Float64Array {
  const max = Math.max(...s);
  let sum = 0;
  const p = s.map((v) => {
    const e = Math.exp(v - max);
    sum += e;
    return e;
  });
  return p.map((v) => v / sum);
}

export interface TrainOptions {
  epochs: number;
  /** AdaGrad base step */
  learningRate: number;
  /** L2 penalty per step on the weights an example touches */
  l2: number;
  seed: number;
}

export const DEFAULT_TRAIN_OPTIONS: TrainOptions = {
  epochs: 30,
  learningRate: 0.5,
  l2: 1e-5,
  seed: 13,
};

/** Stochastic gradient descent with AdaGrad steps on the cross-entropy; deterministic for a seed. */
export function trainSoftmaxHead(
  xs: readonly SparseVector[],
  ys: readonly number[],
  dimension: number,
  classes: number,
  options: TrainOptions = DEFAULT_TRAIN_OPTIONS,
): SoftmaxHead {
  const head = new SoftmaxHead(dimension, classes);
  const g2 = new Float32Array(dimension * classes).fill(1e-8);
  const b2 = new Float64Array(classes).fill(1e-8);
  const order = xs.map((_, i) => i);
  const random = mulberry32(options.seed);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const n of order) {
      const x = xs[n];
      const p = head.probabilities(x);
      p[ys[n]] -= 1; // gradient of the cross-entropy with respect to the scores
      for (let c = 0; c < classes; c++) {
        b2[c] += p[c] * p[c];
        head.bias[c] -= (options.learningRate * p[c]) / Math.sqrt(b2[c]);
      }
      for (let j = 0; j < x.indices.length; j++) {
        const base = x.indices[j] * classes;
        for (let c = 0; c < classes; c++) {
          const w = base + c;
          const g = p[c] * x.values[j] + options.l2 * head.weights[w];
          g2[w] += g * g;
          head.weights[w] -= (options.learningRate * g) / Math.sqrt(g2[w]);
        }
      }
    }
  }
  return head;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
