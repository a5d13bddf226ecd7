import { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { problemWords } from './problem-words';

/** A failed call shown in words, announced to screen readers. */
export function ErrorMessage(props: { error: unknown; testId?: string }): ReactNode {
  const { t } = useTranslation();
  if (!props.error) return null;
  const { text, fields } = problemWords(t, props.error);
  return (
    <div className="message error" role="alert" data-testid={props.testId ?? 'error'}>
      <p>{text}</p>
      {fields.length > 0 && (
        <ul>
          {fields.map((f) => (
            <li key={f}>{f}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
