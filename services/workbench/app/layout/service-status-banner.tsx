import { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

interface Status {
  services: Record<string, 'up' | 'degraded' | 'down'>;
}

/** Says which services do not answer, so a blank panel is never the only sign. */
export function ServiceStatusBanner(): ReactNode {
  const { t } = useTranslation();
  const status = useQuery({
    queryKey: ['service-status'],
    queryFn: async (): Promise<Status> => {
      const res = await fetch('/api/status');
      if (!res.ok) throw new Error(String(res.status));
      return (await res.json()) as Status;
    },
    refetchInterval: 10_000,
    retry: false,
  });
  if (status.isError) {
    return (
      <div className="message error banner" role="alert">
        {t('errors.network')}
      </div>
    );
  }
  const down = Object.entries(status.data?.services ?? {})
    .filter(([, s]) => s !== 'up')
    .map(([name]) => t(`services.${name}`));
  if (down.length === 0) return null;
  return (
    <div className="message warning banner" role="status" data-testid="service-down">
      {t('services.down', { services: down.join('、') })}
    </div>
  );
}
