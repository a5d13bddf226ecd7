import { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function SignInPage(props: { signIn: () => void; error?: string }): ReactNode {
  const { t } = useTranslation();
  const signedOut = new URL(window.location.href).searchParams.has('signedOut');
  return (
    <main className="sign-in">
      <h1>{t('app.title')}</h1>
      {signedOut && <p className="message info">{t('signIn.signedOut')}</p>}
      {props.error && (
        <p className="message error" role="alert">
          {t('signIn.failed', { error: props.error })}
        </p>
      )}
      <p>{t('signIn.lead')}</p>
      <button type="button" className="primary" onClick={props.signIn} autoFocus>
        {t('signIn.button')}
      </button>
    </main>
  );
}
