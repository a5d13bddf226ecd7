import { ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { useAuth } from './auth/auth-context';
import { can } from './auth/session';
import { Shell } from './layout/shell';
import { QueuePage } from './queue/queue-page';
import { CasePage } from './case/case-page';
import { BoardPage } from './board/board-page';
import { AllDepartmentsPage } from './officer/all-departments-page';
import { InsightPages } from './insight/insight-pages';
import { OperatorsPage } from './operations/operators-page';
import { SentMailPage } from './sent-mail/sent-mail-page';
import { ReviewsPage } from './review/reviews-page';
import { MajorIncidentsPage } from './officer/major-incidents-page';
import type { Person } from './auth/session';

/** Where a person lands: their own page (analysts and operators see no cases). */
function homeOf(person: Person): ReactNode {
  if (can.workQueue(person)) return <QueuePage />;
  if (can.analyse(person)) return <Navigate to="/analytics" replace />;
  if (can.operate(person)) return <Navigate to="/operations" replace />;
  return <Navigate to="/all" replace />;
}

export function App(): ReactNode {
  const { person } = useAuth();
  const home = homeOf(person);
  return (
    <Shell>
      <Routes>
        <Route path="/" element={home} />
        <Route path="/callback" element={<Navigate to="/" replace />} />
        <Route path="/cases/:complaintId" element={<CasePage />} />
        <Route path="/board" element={<BoardPage />} />
        <Route path="/all" element={<AllDepartmentsPage />} />
        <Route path="/analytics/*" element={<InsightPages />} />
        <Route path="/operations" element={<OperatorsPage />} />
        <Route path="/sent-mail" element={<SentMailPage />} />
        <Route path="/reviews" element={<ReviewsPage />} />
        <Route path="/major-incidents" element={<MajorIncidentsPage />} />
        <Route path="*" element={<Navigate to="/" replace />} />
      </Routes>
    </Shell>
  );
}
