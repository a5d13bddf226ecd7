import { FormEvent, ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { CaseDetail, DecideRequest, Outcome, ReviewOutcome } from '../api/types';
import { useDecide } from '../api/queries';
import { ErrorMessage } from '../common/error-message';
import { label } from '../common/labels';
import { reviewedDecision } from '../review/review-logic';
import { previewLetter } from './letter-preview';
import { previewReviewLetter } from './review-letter-preview';

const OUTCOMES: Outcome[] = ['upheld', 'partially_upheld', 'rejected'];
const REVIEW_OUTCOMES: ReviewOutcome[] = ['upheld', 'overturned'];
const LIMITS = { summary: 4000, rootCause: 2000, remedy: 2000 } as const;

interface Draft {
  outcome: Outcome | '';
  summary: string;
  rootCause: string;
  remedy: string;
  amount: string;
  currency: string;
  /** internal review rounds: the reviewed decision upheld or overturned */
  reviewOutcome: ReviewOutcome | '';
}

/** What the handler entered, checked as the service will check it; problems by field. */
/** One radio button per value, labelled with its text; `choose` on change. */
function RadioChoices<V extends string>(props: {
  name: string;
  values: readonly V[];
  checked: V | undefined;
  choose: (value: V) => void;
  text: (value: V) => string;
}) {
  return (
    <>
      {props.values.map((v) => (
        <label key={v} className="radio">
          <input
            type="radio"
            name={props.name}
            value={v}
            checked={props.checked === v}
            onChange={() => props.choose(v)}
          />
          {props.text(v)}
        </label>
      ))}
    </>
  );
}

function check(
  draft: Draft,
  t: (k: string, o?: Record<string, unknown>) => string,
  review: boolean,
) {
  const problems: string[] = [];
  if (review && !draft.reviewOutcome)
    problems.push(t('case.decision.required', { field: t('review.form.outcome') }));
  if (!draft.outcome)
    problems.push(t('case.decision.required', { field: t('case.decision.outcome') }));
  for (const field of ['summary', 'rootCause'] as const) {
    if (!draft[field].trim())
      problems.push(t('case.decision.required', { field: t(`fields.${field}`) }));
  }
  for (const field of ['summary', 'rootCause', 'remedy'] as const) {
    if ([...draft[field]].length > LIMITS[field]) {
      problems.push(
        t('case.decision.tooLong', { field: t(`fields.${field}`), max: LIMITS[field] }),
      );
    }
  }
  const amount = draft.amount.trim();
  if (amount && !/^\d{1,13}(\.\d{1,2})?$/.test(amount))
    problems.push(t('case.decision.amountInvalid'));
  if (problems.length || !draft.outcome) return { problems };
  const request: DecideRequest = {
    outcome: draft.outcome,
    summary: draft.summary.trim(),
    rootCause: draft.rootCause.trim(),
    ...(draft.remedy.trim() ? { remedy: draft.remedy.trim() } : {}),
    ...(amount
      ? {
          compensation: { amountMinor: Math.round(Number(amount) * 100), currency: draft.currency },
        }
      : {}),
    ...(review && draft.reviewOutcome ? { reviewOutcome: draft.reviewOutcome } : {}),
  };
  return { problems, request };
}

/**
 * The decision with what the letter must state (findings, basis and reasons, remedy,
 * compensation), checked first, then read as the customer's letter, then sent.
 */
export function DecisionForm(props: { item: CaseDetail }): ReactNode {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const decide = useDecide(props.item.complaintId);
  const [draft, setDraft] = useState<Draft>({
    outcome: '',
    summary: '',
    rootCause: '',
    remedy: '',
    amount: '',
    currency: 'CNY',
    reviewOutcome: '',
  });
  const review = props.item.review;
  const reviewed = reviewedDecision(props.item);
  const [checked, setChecked] = useState<DecideRequest | undefined>();
  const [problems, setProblems] = useState<string[]>([]);
  const [confirmed, setConfirmed] = useState(false);
  const language = props.item.complaint?.language ?? 'zh';
  const set = (patch: Partial<Draft>): void => {
    setDraft({ ...draft, ...patch });
    setChecked(undefined);
    setConfirmed(false);
  };

  const onCheck = (e: FormEvent): void => {
    e.preventDefault();
    const result = check(draft, t, review !== undefined);
    setProblems(result.problems);
    setChecked(result.request);
  };
  const onSend = (): void => {
    if (!checked || !confirmed) return;
    decide.mutate(checked, {
      onSuccess: () =>
        navigate(review ? '/reviews' : '/', {
          state: { decided: props.item.complaint?.referenceNumber ?? props.item.complaintId },
        }),
    });
  };

  return (
    <section className="panel" aria-labelledby="decision-title">
      <h2 id="decision-title">{review ? t('review.form.title') : t('case.decision.title')}</h2>
      {review && (
        <div className="message info" data-testid="reviewed-decision">
          <p>
            {t('review.form.lead', {
              round: review.reviewedRound,
              requested: new Date(review.requestedAt).toLocaleString(
                i18n.language === 'en' ? 'en-GB' : 'zh-CN',
              ),
              through: t(`review.through.${review.requestedThrough}`),
            })}
          </p>
          {reviewed && (
            <p>
              {t('review.form.reviewed', {
                outcome: label(t, 'outcomes', reviewed.outcome),
                by: reviewed.decidedBy,
              })}{' '}
              {reviewed.rootCause}
            </p>
          )}
        </div>
      )}
      <form onSubmit={onCheck} noValidate>
        {review && (
          <fieldset data-testid="review-outcome">
            <legend>{t('review.form.outcome')}</legend>
            <RadioChoices
              name="reviewOutcome"
              values={REVIEW_OUTCOMES}
              checked={draft.reviewOutcome}
              choose={(o) => set({ reviewOutcome: o })}
              text={(o) => t(`review.outcomes.${o}`)}
            />
          </fieldset>
        )}
        <fieldset>
          <legend>{t('case.decision.outcome')}</legend>
          <RadioChoices
            name="outcome"
            values={OUTCOMES}
            checked={draft.outcome}
            choose={(o) => set({ outcome: o })}
            text={(o) => label(t, 'outcomes', o)}
          />
        </fieldset>
        <label htmlFor="summary">{t('case.decision.summary')}</label>
        <textarea
          id="summary"
          rows={4}
          value={draft.summary}
          onChange={(e) => set({ summary: e.target.value })}
        />
        <label htmlFor="rootCause">{t('case.decision.rootCause')}</label>
        <textarea
          id="rootCause"
          rows={3}
          value={draft.rootCause}
          onChange={(e) => set({ rootCause: e.target.value })}
        />
        <label htmlFor="remedy">{t('case.decision.remedy')}</label>
        <textarea
          id="remedy"
          rows={2}
          value={draft.remedy}
          onChange={(e) => set({ remedy: e.target.value })}
        />
        <div className="row">
          <span>
            <label htmlFor="amount">{t('case.decision.compensation')}</label>
            <input
              id="amount"
              inputMode="decimal"
              value={draft.amount}
              onChange={(e) => set({ amount: e.target.value })}
            />
          </span>
          <span>
            <label htmlFor="currency">{t('case.decision.currency')}</label>
            <select
              id="currency"
              value={draft.currency}
              onChange={(e) => set({ currency: e.target.value })}
            >
              {['CNY', 'HKD', 'USD', 'EUR', 'GBP'].map((c) => (
                <option key={c}>{c}</option>
              ))}
            </select>
          </span>
        </div>
        {problems.length > 0 && (
          <div className="message error" role="alert" data-testid="decision-problems">
            <ul>
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </div>
        )}
        <button type="submit">{t('case.decision.check')}</button>
      </form>
      {checked && (
        <div className="preview" data-testid="letter-preview">
          <p className="message info" role="status">
            {t('case.decision.checked')}
          </p>
          <h3>{t('case.decision.previewTitle', { language: label(t, 'languages', language) })}</h3>
          <pre className="letter" lang={language === 'zh' ? 'zh-CN' : 'en'}>
            {review && checked.reviewOutcome
              ? previewReviewLetter({
                  ...checked,
                  reviewOutcome: checked.reviewOutcome,
                  language,
                  referenceNumber: props.item.complaint?.referenceNumber,
                })
              : previewLetter({
                  ...checked,
                  language,
                  round: props.item.round,
                  referenceNumber: props.item.complaint?.referenceNumber,
                })}
          </pre>
          <label className="check">
            <input
              type="checkbox"
              checked={confirmed}
              onChange={(e) => setConfirmed(e.target.checked)}
            />
            {t('case.decision.confirm')}
          </label>
          <ErrorMessage error={decide.error} />
          <button
            type="button"
            className="primary"
            disabled={!confirmed || decide.isPending}
            onClick={onSend}
          >
            {decide.isPending ? t('case.decision.sending') : t('case.decision.send')}
          </button>
        </div>
      )}
    </section>
  );
}
