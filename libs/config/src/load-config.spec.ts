import { z } from 'zod';
import { databaseConfigSchema, kafkaConfigSchema, serviceConfigSchema } from './common-config';
import { ConfigError, describeConfig, loadConfig } from './load-config';

const schema = serviceConfigSchema
  .extend(databaseConfigSchema.shape)
  .extend(kafkaConfigSchema.shape);

describe('loadConfig', () => {
  it('applies defaults and coerces numbers and lists', () => {
    const config = loadConfig(schema, {
      HTTP_PORT: '3000',
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/itsm_tickets',
      KAFKA_BROKERS: 'a:9092, b:9092',
    });
    expect(config).toMatchObject({
      HTTP_PORT: 3000,
      LOG_LEVEL: 'info',
      DATABASE_POOL_SIZE: 20,
      KAFKA_BROKERS: ['a:9092', 'b:9092'],
    });
  });

  it('reports every invalid setting at once', () => {
    let error: unknown;
    try {
      loadConfig(schema, { HTTP_PORT: '70000', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/HTTP_PORT/);
    expect(problems).toMatch(/DATABASE_URL: must be a postgres:\/\/ URL/);
    expect(problems).toMatch(/LOG_LEVEL/);
  });

  it('hides sensitive settings when described', () => {
    const small = z
      .object({ HTTP_PORT: serviceConfigSchema.shape.HTTP_PORT })
      .extend(databaseConfigSchema.shape);
    const config = loadConfig(small, { HTTP_PORT: '1', DATABASE_URL: 'postgres://u:secret@h/db' });
    expect(describeConfig(small, config)).toEqual({
      HTTP_PORT: 1,
      DATABASE_URL: '***',
      DATABASE_POOL_SIZE: 20,
    });
  });
});
