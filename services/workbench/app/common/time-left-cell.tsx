import { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { timeLeftText, urgency } from './time-left';

export function TimeLeft(props: { dueAt: string; greenChannel?: boolean }): ReactNode {
  const { t } = useTranslation();
  return (
    <span className="time-left-cell">
      {props.greenChannel && <span className="badge green">{t('greenChannel')}</span>}
      <span className={`time-left ${urgency(props.dueAt)}`} data-testid="time-left">
        {timeLeftText(t, props.dueAt)}
      </span>
    </span>
  );
}
