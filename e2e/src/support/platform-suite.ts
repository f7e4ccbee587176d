import { Topics } from '@itsm/contracts';
import {
  KafkaProbe,
  type PlatformOptions,
  type RunningPlatform,
  startPlatform,
} from '@itsm/testing';
import {
  type AuthHeaders,
  type CallerFetch,
  fetchAs,
  integrationKey,
  postJsonAs,
  signIn,
} from './api-session';

/**
 * How long a suite's `beforeAll` may take to start the platform: under a minute on a quiet
 * machine, more on a busy two-core runner, where Jest's default of two minutes ran out.
 */
export const PLATFORM_START_TIMEOUT_MS = 300_000;

export interface PlatformSuite {
  platform: RunningPlatform;
  /** The bootstrap administrator's session. */
  admin: AuthHeaders;
  /**
   * `fetch` as an integration holding every scope: it may name the actors it acts for, so
   * the flows below can play requesters and agents by id.
   */
  fetch: CallerFetch;
  /** POST of a JSON body as that integration. */
  postJson(url: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
  probe: KafkaProbe;
  /** The gateway's `/api/v1/tickets`. */
  ticketsUrl: string;
  /** With `sla: true`: a probe on the SLA topic, started before the platform. */
  slaProbe?: KafkaProbe;
}

/**
 * Starts the platform and a probe on the tickets topic before the suite's tests and stops
 * them after; the returned object is filled in by `beforeAll`.
 */
export function platformSuite(options: PlatformOptions = {}): PlatformSuite {
  const suite = {} as PlatformSuite;
  beforeAll(async () => {
    // The probe reads the SLA topic from its start, so it may join while the platform starts.
    const slaProbe = options.sla ? KafkaProbe.start(Topics.sla) : undefined;
    try {
      suite.platform = await startPlatform(options);
    } finally {
      // Kept even when the platform failed to start, so afterAll stops it.
      suite.slaProbe = await slaProbe;
    }
    suite.admin = await signIn(
      suite.platform.gatewayUrl,
      suite.platform.admin.email,
      suite.platform.admin.password,
    );
    suite.fetch = fetchAs(await integrationKey(suite.platform.gatewayUrl, suite.admin, 'e2e'));
    suite.postJson = (url, body, headers) => postJsonAs(suite.fetch, url, body, headers);
    suite.probe = await KafkaProbe.start(Topics.tickets);
    suite.ticketsUrl = `${suite.platform.gatewayUrl}/api/v1/tickets`;
  }, PLATFORM_START_TIMEOUT_MS);
  afterAll(async () => {
    await suite.slaProbe?.stop();
    await suite.probe?.stop();
    await suite.platform?.stop();
  });
  return suite;
}
