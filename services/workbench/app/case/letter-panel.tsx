import { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLetter } from '../api/queries';
import { ApiError } from '../api/api-error';
import { ErrorMessage } from '../common/error-message';
import { label } from '../common/labels';
import { formatDateTime } from '../common/time-left';

/** The letter feedback wrote from the decision, as the customer receives it. */
export function LetterPanel(props: { complaintId: string }): ReactNode {
  const { t, i18n } = useTranslation();
  const letter = useLetter(props.complaintId, true);
  const pending = letter.error instanceof ApiError && letter.error.status === 404;
  return (
    <section className="panel" aria-labelledby="letter-title">
      <h2 id="letter-title">{t('case.letter.title')}</h2>
      {pending && (
        <p className="hint" role="status">
          {t('case.letter.pending')}
        </p>
      )}
      {!pending && <ErrorMessage error={letter.error} />}
      {letter.data && (
        <>
          <p className="hint">
            {t('case.letter.sent', {
              at: formatDateTime(letter.data.sentAt, i18n.language),
              channel: label(t, 'channels', letter.data.channel),
            })}
          </p>
          <pre
            className="letter"
            data-testid="letter"
            lang={letter.data.language === 'zh' ? 'zh-CN' : 'en'}
          >
            {letter.data.body}
          </pre>
        </>
      )}
    </section>
  );
}
