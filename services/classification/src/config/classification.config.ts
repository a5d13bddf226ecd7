import { resolve } from 'node:path';
import { IsNumber, IsOptional, IsString, Max, Min } from 'class-validator';
import { ServiceConfig, sourceDir, WithAuthConfig } from '@complaints/platform';

/** services/classification, wherever the process was started from (source or dist/) */
const SERVICE_DIR = resolve(sourceDir(__dirname), '..', '..');

/**
 * Classification's rules, routes and SLA policy are data in its schema, not configuration.
 * The trained classifier is a file (the promoted artifact) and its embedding models a
 * directory; without them the service falls back to n-grams only, then to the rules.
 */
export class ClassificationConfig extends WithAuthConfig(ServiceConfig) {
  override PORT: number = 3002;

  /** the promoted model artifact; an empty value turns the model off (rules only) */
  @IsString()
  CLASSIFIER_MODEL_PATH: string = resolve(SERVICE_DIR, 'model', 'current.json');

  /** where infra/models/models.sh unpacks the bge-small ONNX models and tokenizers */
  @IsString()
  CLASSIFIER_EMBEDDINGS_DIR: string = resolve(
    SERVICE_DIR,
    '..',
    '..',
    'infra',
    'models',
    '.dist',
    'models',
  );

  /** below this probability of its primary class a complaint goes to the triage queue, 0..1 */
  @IsNumber()
  @Min(0)
  @Max(1)
  CLASSIFIER_TRIAGE_BELOW: number = 0.5;

  /** the department whose officers triage uncertain complaints */
  @IsString()
  @IsOptional()
  TRIAGE_DEPARTMENT: string = 'complaints-office';
}
