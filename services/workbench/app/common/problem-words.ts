import type { TFunction } from 'i18next';
import { ApiError } from '../api/api-error';

/** A failed call in words a person understands; field problems listed by the field's name. */
export function problemWords(t: TFunction, error: unknown): { text: string; fields: string[] } {
  if (!(error instanceof ApiError)) {
    return { text: t('errors.generic', { status: String(error) }), fields: [] };
  }
  const service = t(`services.${error.service}`);
  if (error.status === 0) return { text: t('errors.network'), fields: [] };
  if (error.unavailable) return { text: t('errors.unavailable', { service }), fields: [] };
  const fields = error.fieldErrors.map((f) => {
    const name = `fields.${f.field}`;
    return `${t(name) !== name ? t(name) : f.field}: ${f.reason}`;
  });
  const known = error.code ? `errors.codes.${error.code}` : undefined;
  // A known refusal in words, with the fields and reasons the problem+json named.
  if (known && t(known) !== known) return { text: t(known), fields };
  if (error.status === 400 || error.status === 422) {
    return { text: t('errors.invalid'), fields: fields.length ? fields : [error.detail ?? ''] };
  }
  if (error.status === 401) return { text: t('errors.session'), fields: [] };
  // A refusal the screens have no words for yet: the service's own reason as it gave it.
  const said = error.detail ? [error.detail] : [];
  if (error.status === 403) return { text: t('errors.forbidden'), fields: said };
  if (error.status === 404) return { text: t('errors.notFound'), fields: said };
  return { text: t('errors.generic', { status: error.status }), fields: said };
}
