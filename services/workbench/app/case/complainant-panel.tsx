import { ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useComplainant } from '../api/queries';
import { ErrorMessage } from '../common/error-message';

/** The complainant's name and contact: shown only when asked for, each view audited by intake. */
export function ComplainantPanel(props: { complaintId: string }): ReactNode {
  const { t } = useTranslation();
  const [asked, setAsked] = useState(false);
  const who = useComplainant(props.complaintId, asked);
  const rows: [string, string | undefined][] = who.data
    ? [
        ['name', who.data.name],
        ['phone', who.data.phone],
        ['email', who.data.email],
        ['policyNumber', who.data.policyNumber],
        ['idNumber', who.data.idNumber],
        ['customerId', who.data.customerId],
      ]
    : [];
  return (
    <section className="panel" aria-labelledby="complainant-title">
      <h2 id="complainant-title">{t('case.complainant.title')}</h2>
      {!asked && (
        <button type="button" onClick={() => setAsked(true)}>
          {t('case.complainant.show')}
        </button>
      )}
      <ErrorMessage error={who.error} />
      {who.data && (
        <>
          <dl className="facts" data-testid="complainant">
            {rows
              .filter(([, v]) => v)
              .map(([k, v]) => (
                <div key={k}>
                  <dt>{t(`case.complainant.${k}`)}</dt>
                  <dd>{v}</dd>
                </div>
              ))}
          </dl>
          <p className="hint">{t('case.complainant.audited')}</p>
        </>
      )}
    </section>
  );
}
