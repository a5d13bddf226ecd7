import { IsInt, Max, Min } from 'class-validator';
import { ConfigError, loadConfig } from './load-config';
import { ServiceConfig } from './service.config';

class ExampleConfig extends ServiceConfig {
  override PORT: number = 3999;

  @IsInt()
  @Min(1)
  @Max(10)
  RETRIES: number = 3;
}

describe('service configuration from the environment', () => {
  it('takes defaults and converts strings by the declared types', () => {
    const config = loadConfig(ExampleConfig, { RETRIES: '7', KAFKA_BROKERS: 'k1:9092, k2:9092' });
    expect(config.PORT).toBe(3999);
    expect(config.RETRIES).toBe(7);
    expect(config.KAFKA_BROKERS).toEqual(['k1:9092', 'k2:9092']);
    expect(config.DATABASE_URL).toMatch(/^postgres:\/\//);
  });

  it('stops with every bad variable named', () => {
    let error: unknown;
    try {
      loadConfig(ExampleConfig, {
        RETRIES: '99',
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        KAFKA_BROKERS: 'nohost',
      });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const variables = (error as ConfigError).problems.map((p) => p.split(':')[0]);
    expect(new Set(variables)).toEqual(
      new Set(['RETRIES', 'PORT', 'DATABASE_URL', 'KAFKA_BROKERS']),
    );
  });

  it('refuses an unknown log level', () => {
    expect(() => loadConfig(ExampleConfig, { LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
  });
});
