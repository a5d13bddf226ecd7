import type { Params } from 'nestjs-pino';

/**
 * Personal data never reaches the logs: request bodies are not logged at all, and these
 * paths are censored wherever an object carrying them is logged anyway.
 */
export const PERSONAL_DATA_PATHS = [
  '*.name',
  '*.phone',
  '*.email',
  '*.idNumber',
  '*.customer',
  'customer',
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'req.headers.cookie',
];

export function loggerOptions(service: string, level: string): Params {
  return {
    pinoHttp: {
      level,
      base: { service },
      redact: { paths: PERSONAL_DATA_PATHS, censor: '[redacted]' },
      autoLogging: { ignore: (req) => /^\/(health|metrics)/.test(req.url ?? '') },
      customProps: (req) => ({ correlationId: req.headers['x-correlation-id'] }),
      serializers: {
        req: (req: { id: unknown; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          url: req.url,
        }),
      },
    },
  };
}
