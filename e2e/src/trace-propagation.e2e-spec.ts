import { Topics } from '@itsm/contracts';
import {
  aTicketRequestBody,
  eventually,
  KafkaProbe,
  OtlpReceiver,
  postJson,
  type RunningPlatform,
  startPlatform,
} from '@itsm/testing';

const SPAN_KIND_SERVER = 2;

describe('one trace from the gateway through the tickets service to Kafka', () => {
  let receiver: OtlpReceiver;
  let platform: RunningPlatform;
  let probe: KafkaProbe;

  beforeAll(async () => {
    receiver = await OtlpReceiver.start();
    platform = await startPlatform({ env: receiver.serviceEnv() });
    probe = await KafkaProbe.start(Topics.tickets);
  });

  afterAll(async () => {
    await probe?.stop();
    await platform?.stop();
    await receiver?.stop();
  });

  it('carries the trace id in the response, the exported spans of both services and the event headers', async () => {
    const response = await postJson(`${platform.gatewayUrl}/api/v1/tickets`, aTicketRequestBody());
    expect(response.status).toBe(201);
    const traceId = response.headers.get('x-trace-id');
    expect(traceId).toMatch(/^[0-9a-f]{32}$/);
    const { id } = (await response.json()) as { id: string };

    const [message] = await probe.waitForKey(id);
    expect(message?.headers['traceparent']).toMatch(
      new RegExp(`^00-${traceId}-[0-9a-f]{16}-0[01]$`),
    );

    const spans = await eventually('spans of the gateway and the tickets service', () => {
      const found = receiver.spansOf(traceId ?? '');
      const services = new Set(found.map((span) => span.service));
      return services.has('gateway') &&
        services.has('tickets') &&
        found.some((span) => /INSERT/.test(span.name) || /insert/i.test(span.name))
        ? found
        : undefined;
    });
    const gatewayServer = spans.find(
      (span) => span.service === 'gateway' && span.kind === SPAN_KIND_SERVER,
    );
    const ticketsServer = spans.find(
      (span) => span.service === 'tickets' && span.kind === SPAN_KIND_SERVER,
    );
    expect(gatewayServer).toBeDefined();
    expect(ticketsServer?.name).toMatch(/TicketsService\/CreateTicket/);
  });
});
