import { Injectable } from '@nestjs/common';
import type { Language } from '@complaints/contracts';
import { ClassifierService } from '../classifier/classifier.service';
import { ClassificationConfig } from '../config/classification.config';
import { RulebookService } from '../rules/rulebook.service';
import type { ClassifyInput, Confidence, Verdict } from '../rules/rule.types';
import type { ModelVerdictDto } from './dto/model-verdict.dto';

/** A primary class at least this probable is a confident classification. */
const HIGH_CONFIDENCE_PROBABILITY = 0.8;

export interface Judgement extends Verdict {
  classifiedBy: 'model' | 'rules';
  /** absent when the rules alone classified */
  model?: ModelVerdictDto;
}

/**
 * Who decides what. The trained classifier gives the class, subcategory and (through the
 * routing table) the department; below the triage threshold the complaint goes to the
 * complaints office's triage queue instead of a guess. The rules keep what rules are right
 * for: severity, priority, the green channel (regulator referrals, legal and media threats,
 * vulnerable customers, mass events), and the class itself when there is no model.
 */
@Injectable()
export class ClassificationJudge {
  constructor(
    private readonly rulebook: RulebookService,
    private readonly classifier: ClassifierService,
    private readonly config: ClassificationConfig,
  ) {}

  async judge(input: ClassifyInput & { language?: Language }): Promise<Judgement> {
    const engine = this.rulebook.engine;
    const rules = engine.classify(input);
    const m = await this.classifier.classify(input);
    if (!m) return { ...rules, classifiedBy: 'rules' };
    // A subcategory this rulebook does not know routes by its class's `*` route.
    const department = engine.departmentFor(m.category, m.subcategory);
    const triage = m.confidence < this.config.CLASSIFIER_TRIAGE_BELOW || !department;
    const confidence: Confidence = triage
      ? 'low'
      : m.confidence >= HIGH_CONFIDENCE_PROBABILITY
        ? 'high'
        : 'medium';
    return {
      ...rules,
      category: m.category,
      subcategory: m.subcategory,
      department: triage || !department ? this.config.TRIAGE_DEPARTMENT : department,
      confidence,
      classifiedBy: 'model',
      model: {
        version: m.modelVersion,
        probabilities: m.probabilities,
        probability: m.confidence,
        ...(m.secondaryCategory ? { secondaryCategory: m.secondaryCategory } : {}),
        triage,
      },
    };
  }
}
