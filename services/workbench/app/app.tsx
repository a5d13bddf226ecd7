import { ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { useAuth } from './auth/auth-context';
import { can } from './auth/session';
import { Shell } from './layout/shell';
import { QueuePage } from './queue/queue-page';
import { CasePage } from './case/case-page';
import { BoardPage } from './board/board-page';
import { AllDepartmentsPage } from './officer/all-departments-page';

export function App(): ReactNode {
  const { person } = useAuth();
  const home = can.workQueue(person) ? <QueuePage /> : <Navigate to="/all" replace />;
  return (
    <Shell>
      <Routes>
        <Route path="/" element={home} />
        <Route path="/callback" element={<Navigate to="/" replace />} />
        <Route path="/cases/:complaintId" element={<CasePage />} />
        <Route path="/board" element={<BoardPage />} />
        <Route path="/all" element={<AllDepartmentsPage />} />
        <Route path="*" element={<Navigate to="/" replace />} />
      </Routes>
    </Shell>
  );
}
