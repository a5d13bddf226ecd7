import { COMPLAINT_CATEGORIES } from '@complaints/contracts';
import type { ComplaintCategory } from '@complaints/contracts';
import type { ClassMetrics, Evaluation } from './model-artifact';

export interface Outcome {
  expected: ComplaintCategory;
  predicted: ComplaintCategory;
  /** set when the expected department is known */
  departmentRight?: boolean;
}

/**
 * Per-class precision, recall and F1, their macro average over the classes the file labels or
 * the model predicts, accuracy and the confusion matrix.
 */
export function evaluate(outcomes: readonly Outcome[]): Evaluation {
  const classes = COMPLAINT_CATEGORIES;
  const confusion = classes.map(() => classes.map(() => 0));
  for (const o of outcomes)
    confusion[classes.indexOf(o.expected)][classes.indexOf(o.predicted)] += 1;
  const perClass: Record<string, ClassMetrics> = {};
  let f1Sum = 0;
  let present = 0;
  classes.forEach((c, i) => {
    const tp = confusion[i][i];
    const support = confusion[i].reduce((a, b) => a + b, 0);
    const predicted = confusion.reduce((a, row) => a + row[i], 0);
    const precision = predicted ? tp / predicted : 0;
    const recall = support ? tp / support : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    perClass[c] = { precision: round(precision), recall: round(recall), f1: round(f1), support };
    // A class neither labelled nor predicted in the file says nothing either way.
    if (support || predicted) {
      f1Sum += f1;
      present++;
    }
  });
  const correct = classes.reduce((a, _, i) => a + confusion[i][i], 0);
  const withDept = outcomes.filter((o) => o.departmentRight !== undefined);
  return {
    complaints: outcomes.length,
    accuracy: round(outcomes.length ? correct / outcomes.length : 0),
    macroF1: round(present ? f1Sum / present : 0),
    perClass,
    confusion,
    ...(withDept.length
      ? {
          departmentAccuracy: round(
            withDept.filter((o) => o.departmentRight).length / withDept.length,
          ),
        }
      : {}),
  };
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

/** The report `classify:eval` prints; its last line is exactly `macro-F1 X.XXX, accuracy X.XXX on N complaints`. */
export function formatEvaluation(e: Evaluation): string {
  const pad = (s: string, n: number): string => s.padEnd(n);
  const lines = ['class                 precision  recall  f1     support'];
  for (const c of COMPLAINT_CATEGORIES) {
    const m = e.perClass[c];
    lines.push(
      `${pad(c, 22)}${pad(m.precision.toFixed(3), 11)}${pad(m.recall.toFixed(3), 8)}${pad(m.f1.toFixed(3), 7)}${m.support}`,
    );
  }
  lines.push('', 'confusion (rows: labelled, columns: predicted)');
  lines.push(`${pad('', 22)}${COMPLAINT_CATEGORIES.map((c) => pad(c.slice(0, 10), 11)).join('')}`);
  e.confusion.forEach((row, i) =>
    lines.push(`${pad(COMPLAINT_CATEGORIES[i], 22)}${row.map((n) => pad(String(n), 11)).join('')}`),
  );
  if (e.byLanguage) {
    lines.push('');
    for (const [lang, m] of Object.entries(e.byLanguage))
      lines.push(
        `${lang}: macro-F1 ${m.macroF1.toFixed(3)}, accuracy ${m.accuracy.toFixed(3)} on ${m.complaints}`,
      );
  }
  if (e.departmentAccuracy !== undefined)
    lines.push('', `department accuracy ${e.departmentAccuracy.toFixed(3)}`);
  lines.push(
    `macro-F1 ${e.macroF1.toFixed(3)}, accuracy ${e.accuracy.toFixed(3)} on ${e.complaints} complaints`,
  );
  return lines.join('\n');
}
