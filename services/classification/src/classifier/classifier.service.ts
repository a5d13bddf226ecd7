import { existsSync, readFileSync } from 'node:fs';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type { HealthIndicatorService } from '@nestjs/terminus';
import { Gauge } from 'prom-client';
import { MessagingMetrics } from '@complaints/messaging';
import type { Language } from '@complaints/contracts';
import { ClassificationConfig } from '../config/classification.config';
import { ComplaintClassifier } from '../model/complaint-classifier';
import type { ModelVerdict } from '../model/complaint-classifier';
import type { Embedder } from '../model/embedder';
import { assertArtifact } from '../model/model-artifact';
import { OnnxEmbedder } from '../model/onnx-embedder';

/** embedding: n-grams + sentence embeddings; ngram: n-grams only; rules: the keyword rules alone */
export type ClassifierMode = 'embedding' | 'ngram' | 'rules';
const MODES: ClassifierMode[] = ['embedding', 'ngram', 'rules'];

export interface ClassifierInput {
  subject: string;
  description: string;
  language?: Language;
}

/**
 * The promoted model, loaded once at start (before any consumer runs). When the artifact is
 * missing or unusable the service classifies by the rules; when only the embedding models are
 * missing, by the n-gram variant. Readiness and the `classification_classifier_mode` gauge say
 * which, and why; neither stops the service.
 */
@Injectable()
export class ClassifierService implements OnModuleInit {
  private readonly logger = new Logger(ClassifierService.name);
  private model?: ComplaintClassifier;
  private reason?: string;
  private readonly gauge: Gauge<'mode'>;

  constructor(
    private readonly config: ClassificationConfig,
    metrics: MessagingMetrics,
  ) {
    this.gauge = new Gauge({
      name: 'classification_classifier_mode',
      help: 'What classifies complaints: 1 for the mode in use (embedding, ngram, rules)',
      labelNames: ['mode'],
      registers: [metrics.registry],
    });
  }

  async onModuleInit(): Promise<void> {
    const path = this.config.CLASSIFIER_MODEL_PATH;
    if (!path) this.reason = 'CLASSIFIER_MODEL_PATH is empty: rules only';
    else if (!existsSync(path)) this.reason = `no model artifact at ${path}`;
    else {
      try {
        const artifact: unknown = JSON.parse(readFileSync(path, 'utf8'));
        assertArtifact(artifact);
        let embedder: Embedder | undefined;
        if (artifact.variants.embedding) {
          const loaded = await OnnxEmbedder.load(this.config.CLASSIFIER_EMBEDDINGS_DIR);
          embedder = loaded.embedder;
          if (!embedder) this.reason = `${loaded.reason}: n-grams only`;
        }
        this.model = new ComplaintClassifier(artifact, embedder);
      } catch (err) {
        this.reason = `model unusable: ${err instanceof Error ? err.message : String(err)}`;
      }
    }
    for (const m of MODES) this.gauge.set({ mode: m }, m === this.mode ? 1 : 0);
    const log = { mode: this.mode, modelVersion: this.model?.version, reason: this.reason };
    if (this.mode === 'embedding') this.logger.log(log, 'classifier loaded');
    else this.logger.warn(log, 'classifier degraded');
  }

  get mode(): ClassifierMode {
    return this.model?.variantName ?? 'rules';
  }

  get version(): string | undefined {
    return this.model?.version;
  }

  /** undefined when there is no model (rules only) */
  async classify(input: ClassifierInput): Promise<ModelVerdict | undefined> {
    if (!this.model) return undefined;
    return this.model.classify({
      subject: input.subject,
      text: input.description,
      language: input.language,
    });
  }

  /** Up in every mode (the service works); the details say which model and why not a better one. */
  readonly readiness = (indicators: HealthIndicatorService) =>
    Promise.resolve(
      indicators.check('classifier').up({
        mode: this.mode,
        ...(this.model ? { modelVersion: this.model.version } : {}),
        ...(this.reason ? { reason: this.reason } : {}),
      }),
    );
}
