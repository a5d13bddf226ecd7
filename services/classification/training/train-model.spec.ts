import { join } from 'node:path';
import { COMPLAINT_CATEGORIES } from '@complaints/contracts';
import { ComplaintClassifier } from '../src/model/complaint-classifier';
import { formatEvaluation } from '../src/model/evaluation';
import type { LabelledComplaint } from '../src/model/labelled-complaint';
import { readLabelledFile } from '../src/model/labelled-file';
import { CORPUS_DIR, CURRENT_MODEL, readArtifact, routingTable } from './cli-support';
import { decidePromotion } from './promotion';
import { evaluateModel, MIN_EXAMPLES_PER_CLASS, trainingProblems, trainModel } from './train-model';

const corpus = readLabelledFile(join(CORPUS_DIR, 'train.jsonl'));
const test = readLabelledFile(join(CORPUS_DIR, 'test.jsonl'));
const known = [...new Set(corpus.map((c) => `${c.label}/${c.subcategory}`))];

describe('the shipped corpus and model', () => {
  it('holds at least 1,500 complaints, balanced over the classes and languages, a fifth held out', () => {
    const all = [...corpus, ...test];
    expect(all.length).toBeGreaterThanOrEqual(1500);
    for (const lang of ['zh', 'en'])
      for (const label of COMPLAINT_CATEGORIES) {
        const n = all.filter((c) => c.language === lang && c.label === label).length;
        expect([lang, label, n >= 190 && n <= 215]).toEqual([lang, label, true]);
      }
    // By hash: about a fifth, never re-drawn.
    expect(test.length / all.length).toBeGreaterThan(0.17);
    expect(test.length / all.length).toBeLessThan(0.25);
    const trainTexts = new Set(corpus.map((c) => c.text));
    expect(test.filter((c) => trainTexts.has(c.text))).toEqual([]);
  });

  it('reaches macro-F1 0.85 on the held-out split with n-grams alone, as committed', async () => {
    const model = new ComplaintClassifier(readArtifact(CURRENT_MODEL));
    expect(model.variantName).toBe('ngram');
    const e = await evaluateModel(model, test, routingTable());
    expect(e.complaints).toBe(test.length);
    expect(e.macroF1).toBeGreaterThanOrEqual(0.85);
    expect(e.byLanguage?.zh?.macroF1).toBeGreaterThanOrEqual(0.8);
    expect(e.byLanguage?.en?.macroF1).toBeGreaterThanOrEqual(0.8);
    expect(e.departmentAccuracy).toBeGreaterThan(0.75);
    expect(formatEvaluation(e).split('\n').at(-1)).toMatch(
      new RegExp(`^macro-F1 \\d\\.\\d{3}, accuracy \\d\\.\\d{3} on ${test.length} complaints$`),
    );
  });

  it('gives a primary class, its subcategory, probabilities and a plausible secondary class', async () => {
    const model = new ComplaintClassifier(readArtifact(CURRENT_MODEL));
    const v = await model.classify({
      text: 'The app crashes every time I upload my claim photos.',
    });
    expect(v.category).toBe('technical');
    expect(v.subcategory).toBe('system_stability');
    const total = Object.values(v.probabilities).reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(1, 3);
    expect(v.confidence).toBe(v.probabilities.technical);
    if (v.secondaryCategory)
      expect(v.probabilities[v.secondaryCategory]).toBeGreaterThanOrEqual(0.2);
    expect(v.modelVersion).toMatch(/^clf-\d{8}T\d{6}\/ngram$/);
  });
});

describe('training', () => {
  const few = (n: number): LabelledComplaint[] =>
    COMPLAINT_CATEGORIES.flatMap((c) => corpus.filter((x) => x.label === c).slice(0, n));

  it("trains from corpus and officers' labels, the labels changing what the model says", async () => {
    const text = 'Wombat policy number forty-two is a quokka issue';
    const labels: LabelledComplaint[] = Array.from({ length: 8 }, (_, i) => ({
      label: 'technical',
      subcategory: 'system_stability',
      text: `${text} ${i}`,
    }));
    const now = new Date('2026-12-01T00:00:00Z');
    const base = {
      corpus: few(40),
      test: test.slice(0, 40),
      now,
      options: { epochs: 8, learningRate: 0.1, l2: 1e-4, seed: 1 },
    };
    const without = await trainModel({ ...base, labels: [], version: 'clf-a' });
    const withLabels = await trainModel({ ...base, labels, version: 'clf-b' });
    expect(withLabels.training.officerLabels).toBe(8);
    const p = async (a: typeof without) =>
      (await new ComplaintClassifier(a).classify({ text })).probabilities.technical;
    expect(await p(withLabels)).toBeGreaterThan((await p(without)) + 0.2);
    expect(withLabels.variants.ngram.evaluation.complaints).toBe(40);
  });

  it('refuses too few examples of a class and unknown subcategories, naming each', () => {
    const thin = few(MIN_EXAMPLES_PER_CLASS).filter(
      (c, i, all) =>
        c.label !== 'staff_service' ||
        all.slice(0, i).filter((x) => x.label === 'staff_service').length < 3,
    );
    expect(trainingProblems(thin, known)).toEqual([
      `staff_service: 3 example(s), at least ${MIN_EXAMPLES_PER_CLASS} needed`,
    ]);
    const odd: LabelledComplaint = {
      id: 'x1',
      label: 'technical',
      subcategory: 'printers',
      text: 'x',
    };
    expect(trainingProblems([...few(MIN_EXAMPLES_PER_CLASS), odd], known)).toEqual([
      'example x1: unknown subcategory technical/printers',
    ]);
  });

  it('promotes a candidate only when it scores at least as well, unless forced', () => {
    const current = readArtifact(CURRENT_MODEL);
    const worse = structuredClone(current);
    worse.version = 'clf-worse';
    worse.variants.ngram.evaluation.macroF1 = current.variants.ngram.evaluation.macroF1 - 0.1;
    expect(decidePromotion(worse, current, 'ngram', false)).toMatchObject({ promote: false });
    expect(decidePromotion(worse, current, 'ngram', true)).toMatchObject({ promote: true });
    expect(decidePromotion(current, worse, 'ngram', false)).toMatchObject({ promote: true });
    expect(decidePromotion(worse, undefined, 'ngram', false)).toMatchObject({ promote: true });
  });
});
