import { routingConfigSchema } from './routing.config';

const required = { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/itsm_routing' };

describe('routing configuration', () => {
  it('defaults to the routing ports and topics', () => {
    const config = routingConfigSchema.parse(required);
    expect(config.HTTP_PORT).toBe(3104);
    expect(config.GRPC_PORT).toBe(50054);
    expect(config.ROUTING_TICKET_EVENTS_TOPIC).toBe('itsm.tickets.v1');
    expect(config.ROUTING_SLA_EVENTS_TOPIC).toBe('itsm.sla.v1');
    expect(config.ROUTING_CONSUMER_GROUP).toBe('itsm-routing');
  });

  it.each([
    ['ROUTING_CONFIGURATION_REFRESH_MS', '-1'],
    ['ROUTING_CLASSIFIER_MIN_EXAMPLES', '1'],
    ['ROUTING_CONSUMER_GROUP', ''],
  ])('refuses %s=%s', (name, value) => {
    const result = routingConfigSchema.safeParse({ ...required, [name]: value });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map(({ path }) => path.join('.'))).toContain(name);
  });
});
