import { Topics } from '@itsm/contracts';
import {
  KafkaProbe,
  type PlatformOptions,
  type RunningPlatform,
  startPlatform,
} from '@itsm/testing';

export interface PlatformSuite {
  platform: RunningPlatform;
  probe: KafkaProbe;
  /** The gateway's `/api/v1/tickets`. */
  ticketsUrl: string;
}

/**
 * Starts the platform and a probe on the tickets topic before the suite's tests and stops
 * them after; the returned object is filled in by `beforeAll`.
 */
export function platformSuite(options: PlatformOptions = {}): PlatformSuite {
  const suite = {} as PlatformSuite;
  beforeAll(async () => {
    suite.platform = await startPlatform(options);
    suite.probe = await KafkaProbe.start(Topics.tickets);
    suite.ticketsUrl = `${suite.platform.gatewayUrl}/api/v1/tickets`;
  });
  afterAll(async () => {
    await suite.probe?.stop();
    await suite.platform?.stop();
  });
  return suite;
}
