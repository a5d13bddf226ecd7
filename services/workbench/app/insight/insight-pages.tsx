import { ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { AnalystsPage } from './analysts-page';
import { ExperienceView } from './experience-view';
import { FairnessView } from './fairness-view';
import { InsightNav } from './insight-nav';
import { ReportsView } from './reports-view';
import { ReturnsView } from './returns-view';

function View(props: { children: ReactNode }): ReactNode {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="analytics-title">
      <h1 id="analytics-title">{t('insight.analytics.title')}</h1>
      <p className="lead">{t('insight.analytics.lead')}</p>
      {props.children}
    </section>
  );
}

/** /analytics/*: the hotspots page and the reports, returns, fairness and index views. */
export function InsightPages(): ReactNode {
  return (
    <>
      <InsightNav />
      <Routes>
        <Route index element={<AnalystsPage />} />
        <Route
          path="reports"
          element={
            <View>
              <ReportsView />
            </View>
          }
        />
        <Route
          path="returns"
          element={
            <View>
              <ReturnsView />
            </View>
          }
        />
        <Route
          path="fairness"
          element={
            <View>
              <FairnessView />
            </View>
          }
        />
        <Route
          path="experience"
          element={
            <View>
              <ExperienceView />
            </View>
          }
        />
        <Route path="*" element={<Navigate to="/analytics" replace />} />
      </Routes>
    </>
  );
}
