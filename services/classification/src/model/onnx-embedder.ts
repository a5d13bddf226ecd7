import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LANGUAGES } from '@complaints/contracts';
import type { Language } from '@complaints/contracts';
import type { Embedder } from './embedder';

/** The models infra/models/models.sh unpacks, per language. */
export const EMBEDDING_MODELS: Record<Language, string> = {
  zh: 'bge-small-zh-v1.5-q',
  en: 'bge-small-en-v1.5-q',
};
/** bge's positional embeddings end here; longer complaints are cut. */
const MAX_TOKENS = 512;

interface Tokenised {
  ids: number[];
  attention_mask: number[];
}
interface TokenizerLike {
  encode(text: string): Tokenised;
}
type Ort = typeof import('onnxruntime-node');
type Session = Awaited<ReturnType<Ort['InferenceSession']['create']>>;

/**
 * bge-small sentence embeddings through onnxruntime on one CPU thread: the [CLS] vector of the
 * last hidden state, L2-normalised (bge's own pooling). `load` answers undefined, with the
 * reason, when the model files or the runtime are missing, so the service can run without.
 */
export class OnnxEmbedder implements Embedder {
  readonly models = EMBEDDING_MODELS;

  private constructor(
    private readonly ort: Ort,
    private readonly sessions: Record<Language, Session>,
    private readonly tokenizers: Record<Language, TokenizerLike>,
    readonly dimensions: Record<Language, number>,
  ) {}

  static async load(dir: string): Promise<{ embedder?: OnnxEmbedder; reason?: string }> {
    const missing = LANGUAGES.flatMap((l) =>
      [`${EMBEDDING_MODELS[l]}.onnx`, `${EMBEDDING_MODELS[l]}-tokenizer.json`].filter(
        (f) => !existsSync(join(dir, f)),
      ),
    );
    if (missing.length) return { reason: `model files missing in ${dir}: ${missing.join(', ')}` };
    try {
      const ort = (await import('onnxruntime-node')) as Ort;
      const { Tokenizer } = (await import('@huggingface/tokenizers')) as unknown as {
        Tokenizer: new (json: object, config: object) => TokenizerLike;
      };
      const sessions = {} as Record<Language, Session>;
      const tokenizers = {} as Record<Language, TokenizerLike>;
      const dimensions = {} as Record<Language, number>;
      for (const l of LANGUAGES) {
        const name = EMBEDDING_MODELS[l];
        tokenizers[l] = new Tokenizer(
          JSON.parse(readFileSync(join(dir, `${name}-tokenizer.json`), 'utf8')) as object,
          {},
        );
        sessions[l] = await ort.InferenceSession.create(join(dir, `${name}.onnx`), {
          intraOpNumThreads: 1,
          interOpNumThreads: 1,
          // The arena keeps the largest batch's buffers for ever; without it memory follows load.
          enableCpuMemArena: false,
        });
      }
      const embedder = new OnnxEmbedder(ort, sessions, tokenizers, dimensions);
      for (const l of LANGUAGES) dimensions[l] = (await embedder.embed('保险 insurance', l)).length;
      return { embedder };
    } catch (err) {
      return {
        reason: `embedding runtime failed: ${err instanceof Error ? err.message : String(err)}`,
      };
    }
  }

  async embed(text: string, language: Language): Promise<Float32Array> {
    return (await this.embedMany([text], language))[0];
  }

  /** One inference over the texts, padded to the longest (cheaper per text than one by one). */
  async embedMany(texts: readonly string[], language: Language): Promise<Float32Array[]> {
    const encoded = texts.map((t) => {
      const enc = this.tokenizers[language].encode(t);
      const ids = enc.ids.slice(0, MAX_TOKENS);
      if (enc.ids.length > MAX_TOKENS) ids[MAX_TOKENS - 1] = enc.ids[enc.ids.length - 1]; // [SEP] last
      return ids;
    });
    const n = Math.max(...encoded.map((ids) => ids.length));
    const b = encoded.length;
    const ids = new BigInt64Array(b * n);
    const mask = new BigInt64Array(b * n);
    encoded.forEach((row, i) =>
      row.forEach((id, j) => {
        ids[i * n + j] = BigInt(id);
        mask[i * n + j] = 1n;
      }),
    );
    const session = this.sessions[language];
    const out = await session.run({
      input_ids: new this.ort.Tensor('int64', ids, [b, n]),
      attention_mask: new this.ort.Tensor('int64', mask, [b, n]),
      token_type_ids: new this.ort.Tensor('int64', new BigInt64Array(b * n), [b, n]),
    });
    const hidden = out[session.outputNames[0]];
    const width = hidden.dims[2];
    const data = hidden.data as Float32Array;
    return encoded.map((_, i) => {
      // [CLS] of row i: bge's pooling
      const cls = Float32Array.from(data.subarray(i * n * width, i * n * width + width));
      let norm = 0;
      for (const v of cls) norm += v * v;
      norm = Math.sqrt(norm) || 1;
      return cls.map((v) => v / norm);
    });
  }
}
