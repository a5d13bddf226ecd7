import { ReactNode } from 'react';
import { NavLink } from 'react-router-dom';
import { useTranslation } from 'react-i18next';

export const INSIGHT_VIEWS = ['', 'reports', 'returns', 'fairness', 'experience'] as const;

/** The analysts' views: hotspots, reports, regulator returns, fairness, experience index. */
export function InsightNav(): ReactNode {
  const { t } = useTranslation();
  return (
    <nav className="tabs" aria-label={t('insight.views.nav')}>
      {INSIGHT_VIEWS.map((v) => (
        <NavLink key={v} to={v ? `/analytics/${v}` : '/analytics'} end>
          {t(`insight.views.tabs.${v || 'hotspots'}`)}
        </NavLink>
      ))}
    </nav>
  );
}
