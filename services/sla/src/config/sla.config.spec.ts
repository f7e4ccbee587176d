import { ConfigError, loadConfig } from '@itsm/config';
import { slaConfigSchema } from './sla.config';

const required = { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/itsm_sla' };

describe('the SLA service configuration', () => {
  it('has defaults for everything but the database', () => {
    expect(loadConfig(slaConfigSchema, required)).toMatchObject({
      HTTP_PORT: 3102,
      GRPC_PORT: 50052,
      KAFKA_BROKERS: ['127.0.0.1:9092'],
      SLA_CONSUMER_GROUP: 'itsm-sla',
      SLA_TICKET_EVENTS_TOPIC: 'itsm.tickets.v1',
      SLA_SCHEDULER_LOOKAHEAD_MS: 30_000,
      SLA_SCHEDULER_POLL_MS: 1_000,
      OUTBOX_IDLE_POLL_MS: 25,
    });
  });

  it('refuses a look-ahead that an instant could slip through between two looks', () => {
    expect(() =>
      loadConfig(slaConfigSchema, {
        ...required,
        SLA_SCHEDULER_LOOKAHEAD_MS: '2000',
        SLA_SCHEDULER_POLL_MS: '5000',
      }),
    ).toThrow(ConfigError);
  });
});
