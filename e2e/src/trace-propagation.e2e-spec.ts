import { Topics } from '@itsm/contracts';
import {
  aTicketRequestBody,
  eventually,
  KafkaProbe,
  OtlpReceiver,
  type ReceivedSpan,
  type RunningPlatform,
  startPlatform,
} from '@itsm/testing';
import {
  type CallerFetch,
  fetchAs,
  integrationKey,
  postJsonAs,
  signIn,
} from './support/api-session';
import { PLATFORM_START_TIMEOUT_MS } from './support/platform-suite';

const SPAN_KIND_SERVER = 2;

describe('one trace from the gateway through the tickets service to Kafka', () => {
  let receiver: OtlpReceiver;
  let platform: RunningPlatform;
  let integration: CallerFetch;
  let probe: KafkaProbe;

  beforeAll(async () => {
    receiver = await OtlpReceiver.start();
    platform = await startPlatform({ env: receiver.serviceEnv() });
    const administrator = await signIn(
      platform.gatewayUrl,
      platform.admin.email,
      platform.admin.password,
    );
    // An integration holding every scope, as the other suites act (see platform-suite.ts).
    integration = fetchAs(await integrationKey(platform.gatewayUrl, administrator, 'e2e'));
    probe = await KafkaProbe.start(Topics.tickets);
  }, PLATFORM_START_TIMEOUT_MS);

  afterAll(async () => {
    await probe?.stop();
    await platform?.stop();
    await receiver?.stop();
  });

  it('carries the trace id in the response, the exported spans of both services and the event headers', async () => {
    const response = await postJsonAs(
      integration,
      `${platform.gatewayUrl}/api/v1/tickets`,
      aTicketRequestBody(),
    );
    expect(response.status).toBe(201);
    const traceId = response.headers.get('x-trace-id');
    expect(traceId).toMatch(/^[0-9a-f]{32}$/);
    const { id } = (await response.json()) as { id: string };

    const [message] = await probe.waitForKey(id);
    expect(message?.headers['traceparent']).toMatch(
      new RegExp(`^00-${traceId}-[0-9a-f]{16}-0[01]$`),
    );

    // Each service exports its spans in batches, and a server span ends last: wait for both
    // server spans and the tickets service's write (the gateway now writes to its own database
    // in the same trace, so an INSERT alone no longer says the tickets service's spans arrived).
    const spans = await eventually('spans of the gateway and the tickets service', () => {
      const found = receiver.spansOf(traceId ?? '');
      const has = (service: string, matches: (span: ReceivedSpan) => boolean) =>
        found.some((span) => span.service === service && matches(span));
      return has('gateway', (span) => span.kind === SPAN_KIND_SERVER) &&
        has('tickets', (span) => span.kind === SPAN_KIND_SERVER) &&
        has('tickets', (span) => /insert/i.test(span.name))
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
