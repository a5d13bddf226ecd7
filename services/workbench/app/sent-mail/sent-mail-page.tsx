import { FormEvent, ReactNode, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/auth-context';
import { ErrorMessage } from '../common/error-message';
import type { SentMail } from './sent-mail-types';

/** What the local mail sink received (feedback's GET /v1/sent-mail): officers and auditors. */
export function SentMailPage(): ReactNode {
  const { t, i18n } = useTranslation();
  const { api } = useAuth();
  const [draft, setDraft] = useState('');
  const [to, setTo] = useState('');
  const mail = useQuery({
    queryKey: ['sent-mail', to],
    queryFn: () =>
      api.get<SentMail[]>('feedback', `/v1/sent-mail${to ? `?to=${encodeURIComponent(to)}` : ''}`),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTo(draft.trim());
  };
  const when = (iso: string) =>
    new Date(iso).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'zh-CN');
  return (
    <section aria-labelledby="sent-mail-title">
      <h1 id="sent-mail-title">{t('sentMail.title')}</h1>
      <p>{t('sentMail.lead')}</p>
      <form className="toolbar" onSubmit={submit}>
        <label>
          {t('sentMail.filter')}{' '}
          <input
            type="email"
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            data-testid="sent-mail-filter"
          />
        </label>
        <button type="submit">{t('sentMail.apply')}</button>
      </form>
      <ErrorMessage error={mail.error} />
      {mail.data && mail.data.length === 0 && <p>{t('sentMail.none')}</p>}
      {mail.data && mail.data.length > 0 && (
        <table className="grid" data-testid="sent-mail">
          <thead>
            <tr>
              <th scope="col">{t('sentMail.received')}</th>
              <th scope="col">{t('sentMail.to')}</th>
              <th scope="col">{t('sentMail.subject')}</th>
            </tr>
          </thead>
          <tbody>
            {mail.data.map((m) => (
              <tr key={m.id} data-testid="sent-mail-row">
                <td>{when(m.receivedAt)}</td>
                <td>{m.to.join(', ')}</td>
                <td>
                  <details>
                    <summary>{m.subject}</summary>
                    <pre className="mail-text">{m.text}</pre>
                  </details>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
