import { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router-dom';
import { useAuth } from '../auth/auth-context';
import { can } from '../auth/session';
import { switchLanguage } from '../i18n/i18n';
import { label } from '../common/labels';
import { ServiceStatusBanner } from './service-status-banner';

export function Shell(props: { children: ReactNode }): ReactNode {
  const { t, i18n } = useTranslation();
  const { person, signOut } = useAuth();
  const other = i18n.language === 'en' ? 'zh' : 'en';
  return (
    <>
      <a className="skip" href="#main">
        {t('app.skip')}
      </a>
      <header className="top">
        <span className="brand">{t('app.title')}</span>
        <nav aria-label={t('app.title')}>
          {can.workQueue(person) && (
            <NavLink to="/" end>
              {t('nav.queue')}
            </NavLink>
          )}
          {can.review(person) && <NavLink to="/reviews">{t('review.nav')}</NavLink>}
          {can.board(person) && <NavLink to="/board">{t('nav.board')}</NavLink>}
          {can.allDepartments(person) && <NavLink to="/all">{t('nav.all')}</NavLink>}
          {can.analyse(person) && <NavLink to="/analytics">{t('insight.nav.analytics')}</NavLink>}
          {can.operate(person) && <NavLink to="/operations">{t('insight.nav.operations')}</NavLink>}
          {can.majorIncidents(person) && <NavLink to="/major-incidents">{t('major.nav')}</NavLink>}
          {can.readSentMail(person) && <NavLink to="/sent-mail">{t('sentMail.nav')}</NavLink>}
        </nav>
        <span className="who" data-testid="who">
          {person.username} · {person.roles.map((r) => label(t, 'roles', r)).join('、')}
          {person.department ? ` · ${label(t, 'departments', person.department)}` : ''}
        </span>
        <button
          type="button"
          lang={other === 'zh' ? 'zh-CN' : 'en'}
          onClick={() => switchLanguage(other)}
        >
          {t('nav.language')}
        </button>
        <button type="button" onClick={signOut}>
          {t('nav.signOut')}
        </button>
      </header>
      <ServiceStatusBanner />
      <main id="main" tabIndex={-1}>
        {props.children}
      </main>
    </>
  );
}
