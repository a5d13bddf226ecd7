import { FormEvent, ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/auth-context';
import { can } from '../auth/session';
import type { Category } from '../api/types';
import { useClassification, useCorrect } from '../api/queries';
import { ErrorMessage } from '../common/error-message';
import { DEPARTMENTS, label, SUBCATEGORIES } from '../common/labels';

/** The class, its confidence, and for complaints officers the correction (kept as a label). */
export function ClassificationPanel(props: { complaintId: string }): ReactNode {
  const { t } = useTranslation();
  const { person } = useAuth();
  const cls = useClassification(props.complaintId);
  const correct = useCorrect(props.complaintId);
  const [category, setCategory] = useState<Category | ''>('');
  const [subcategory, setSubcategory] = useState('');
  const [department, setDepartment] = useState('');
  const [reason, setReason] = useState('');
  const [done, setDone] = useState(false);
  const d = cls.data;
  const onSubmit = (e: FormEvent): void => {
    e.preventDefault();
    if (!category || !subcategory || !reason.trim()) return;
    setDone(false);
    correct.mutate(
      { category, subcategory, reason: reason.trim(), ...(department ? { department } : {}) },
      { onSuccess: () => setDone(true) },
    );
  };
  return (
    <section className="panel" aria-labelledby="classification-title" data-testid="classification">
      <h2 id="classification-title">{t('case.classification.title')}</h2>
      <ErrorMessage error={cls.error} />
      {d && (
        <dl className="facts">
          <dt>{t('case.classification.category')}</dt>
          <dd>
            {label(t, 'categories', d.category)} / {label(t, 'subcategories', d.subcategory)}
            {d.corrected && <span className="badge">{t('corrected')}</span>}
          </dd>
          <dt>{t('case.classification.confidence')}</dt>
          <dd className={`confidence ${d.confidence}`}>{label(t, 'confidence', d.confidence)}</dd>
          <dt>{t('case.classification.severity')}</dt>
          <dd>{label(t, 'severities', d.severity)}</dd>
          <dt>{t('case.classification.priority')}</dt>
          <dd>
            {d.priority}
            {d.greenChannel && <span className="badge green">{t('greenChannel')}</span>}
          </dd>
          <dt>{t('case.classification.department')}</dt>
          <dd data-testid="class-department">{label(t, 'departments', d.department)}</dd>
        </dl>
      )}
      {d?.correction && (
        <p className="hint">
          {t('case.classification.previous', {
            category: label(t, 'categories', d.correction.previousCategory),
            subcategory: label(t, 'subcategories', d.correction.previousSubcategory),
            department: label(t, 'departments', d.correction.previousDepartment),
            reason: d.correction.reason,
            by: d.correction.correctedBy,
          })}
        </p>
      )}
      {d && can.correct(person) && (
        <form onSubmit={onSubmit} aria-labelledby="correction-title">
          <h3 id="correction-title">{t('case.correction.title')}</h3>
          <label htmlFor="corr-category">{t('case.correction.category')}</label>
          <select
            id="corr-category"
            value={category}
            onChange={(e) => {
              setCategory(e.target.value as Category);
              setSubcategory('');
            }}
          >
            <option value="" />
            {Object.keys(SUBCATEGORIES).map((c) => (
              <option key={c} value={c}>
                {label(t, 'categories', c)}
              </option>
            ))}
          </select>
          <label htmlFor="corr-subcategory">{t('case.correction.subcategory')}</label>
          <select
            id="corr-subcategory"
            value={subcategory}
            onChange={(e) => setSubcategory(e.target.value)}
          >
            <option value="" />
            {(SUBCATEGORIES[category] ?? []).map((s) => (
              <option key={s} value={s}>
                {label(t, 'subcategories', s)}
              </option>
            ))}
          </select>
          <label htmlFor="corr-department">{t('case.correction.department')}</label>
          <select
            id="corr-department"
            value={department}
            onChange={(e) => setDepartment(e.target.value)}
          >
            <option value="">{t('case.correction.departmentDefault')}</option>
            {DEPARTMENTS.map((dep) => (
              <option key={dep} value={dep}>
                {label(t, 'departments', dep)}
              </option>
            ))}
          </select>
          <label htmlFor="corr-reason">{t('case.correction.reason')}</label>
          <textarea
            id="corr-reason"
            rows={2}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <ErrorMessage error={correct.error} />
          {done && (
            <p className="message success" role="status">
              {t('case.correction.done')}
            </p>
          )}
          <button
            type="submit"
            disabled={correct.isPending || !category || !subcategory || !reason.trim()}
          >
            {t('case.correction.submit')}
          </button>
        </form>
      )}
    </section>
  );
}
