import { ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useAuth } from '../auth/auth-context';
import { useQueue, useWorkload } from '../api/queries';
import { BreachBadge } from '../common/breach-badge';
import { ErrorMessage } from '../common/error-message';
import { DEPARTMENTS, label } from '../common/labels';
import { TimeLeft } from '../common/time-left-cell';
import { formatDateTime } from '../common/time-left';
import { ReassignForm } from '../case/reassign-form';

const WINDOWS = [3, 7, 15, 30, 60];

/** A department's board: workload per handler, cases near their deadline, reassignment. */
export function BoardPage(): ReactNode {
  const { t, i18n } = useTranslation();
  const { person } = useAuth();
  const officer = person.roles.includes('complaints_officer');
  const [department, setDepartment] = useState<string>(officer ? '' : (person.department ?? ''));
  const [days, setDays] = useState(3);
  const [open, setOpen] = useState<string | undefined>();
  const workload = useWorkload(department || undefined, days);
  const w = workload.data;
  // The escalations: the department's cases (every department's for the officer) past a deadline.
  const breached = useQueue({ department: department || undefined, breached: true });
  return (
    <section aria-labelledby="board-title">
      <h1 id="board-title">
        {t('board.title')}
        {department
          ? ` · ${label(t, 'departments', department)}`
          : ` · ${t('board.allDepartments')}`}
      </h1>
      <div className="toolbar">
        {officer && (
          <label>
            {t('board.department')}{' '}
            <select value={department} onChange={(e) => setDepartment(e.target.value)}>
              <option value="">{t('board.allDepartments')}</option>
              {DEPARTMENTS.map((d) => (
                <option key={d} value={d}>
                  {label(t, 'departments', d)}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          {t('board.dueSoon')}{' '}
          <select id="due-window" value={days} onChange={(e) => setDays(Number(e.target.value))}>
            {WINDOWS.map((d) => (
              <option key={d} value={d}>
                {t('board.window', { days: d })}
              </option>
            ))}
          </select>
        </label>
      </div>
      <h2>{t('breach.section')}</h2>
      <ErrorMessage error={breached.error} />
      {breached.data && breached.data.length === 0 && <p className="empty">{t('breach.empty')}</p>}
      {breached.data && breached.data.length > 0 && (
        <table className="grid" data-testid="breached-cases">
          <thead>
            <tr>
              <th scope="col">{t('board.case')}</th>
              <th scope="col">{t('board.department')}</th>
              <th scope="col">{t('board.handler')}</th>
              <th scope="col">{t('breach.section')}</th>
            </tr>
          </thead>
          <tbody>
            {breached.data.map((c) => (
              <tr key={c.caseId} data-complaint-id={c.complaintId}>
                <td>
                  <Link to={`/cases/${c.complaintId}`} className="mono">
                    {c.complaintId.slice(0, 8)}
                  </Link>
                </td>
                <td>{label(t, 'departments', c.department)}</td>
                <td>{c.handlerId}</td>
                <td>
                  <BreachBadge item={c} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ErrorMessage error={workload.error} />
      {workload.isPending && <p className="loading">{t('app.loading')}</p>}
      {w && (
        <>
          <h2>{t('board.workload')}</h2>
          <table className="grid" data-testid="workload">
            <thead>
              <tr>
                <th scope="col">{t('board.handler')}</th>
                <th scope="col">{t('board.department')}</th>
                <th scope="col">{t('board.open')}</th>
                <th scope="col">{t('board.green')}</th>
                <th scope="col">{t('board.max')}</th>
                <th scope="col">{t('board.nearest')}</th>
              </tr>
            </thead>
            <tbody>
              {w.handlers.map((h) => (
                <tr key={h.handlerId} data-handler={h.handlerId}>
                  <td>
                    {h.handlerId}
                    {!h.active && t('board.inactive')}
                  </td>
                  <td>{label(t, 'departments', h.department)}</td>
                  <td className="num" data-testid="open-cases">
                    {h.openCases}
                  </td>
                  <td className="num">{h.greenChannelCases}</td>
                  <td className="num">{h.maxOpenCases}</td>
                  <td>{h.nearestDueAt ? <TimeLeft dueAt={h.nearestDueAt} /> : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2>
            {t('board.dueSoon')} ({t('board.window', { days })})
          </h2>
          {w.dueSoon.length === 0 && <p className="empty">{t('board.dueEmpty')}</p>}
          {w.dueSoon.length > 0 && (
            <table className="grid" data-testid="due-soon">
              <thead>
                <tr>
                  <th scope="col">{t('queue.columns.timeLeft')}</th>
                  <th scope="col">{t('board.case')}</th>
                  <th scope="col">{t('board.handler')}</th>
                  <th scope="col">{t('queue.columns.due')}</th>
                  <th scope="col">{t('board.reassign')}</th>
                </tr>
              </thead>
              <tbody>
                {w.dueSoon.map((c) => (
                  <tr key={c.caseId} data-complaint-id={c.complaintId}>
                    <td>
                      <TimeLeft dueAt={c.decisionDueAt} greenChannel={c.greenChannel} />
                    </td>
                    <td>
                      <Link to={`/cases/${c.complaintId}`} className="mono">
                        {c.complaintId.slice(0, 8)}
                      </Link>
                    </td>
                    <td data-testid="handler">{c.handlerId}</td>
                    <td>{formatDateTime(c.decisionDueAt, i18n.language)}</td>
                    <td>
                      {open === c.complaintId ? (
                        <ReassignForm item={c} compact />
                      ) : (
                        <button type="button" onClick={() => setOpen(c.complaintId)}>
                          {t('board.reassign')}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
