import { Metadata } from '@grpc/grpc-js';
import type { Logger } from '@nestjs/common';
import { firstValueFrom, timeout } from 'rxjs';
import { encodePrincipal, PRINCIPAL_METADATA_KEY, systemPrincipal } from '@itsm/auth';
import type { RoutingServiceClient } from '@itsm/contracts';
import type { GroupDirectory } from '../application/ports/group-directory';

/** Sign-in waits this long for routing at most, then goes on without it. */
export const GROUP_LOOKUP_TIMEOUT_MS = 2_000;

/**
 * The support groups of a person from the routing service's agent record (none for people
 * who are no agents). Tokens are issued before the caller is known to the services, so the
 * lookup goes as the gateway itself.
 */
export class RoutingGroupDirectory implements GroupDirectory {
  constructor(
    private readonly routing: RoutingServiceClient,
    private readonly logger: Pick<Logger, 'warn'>,
  ) {}

  async groupsOf(userId: string): Promise<string[] | undefined> {
    const metadata = new Metadata();
    metadata.set(PRINCIPAL_METADATA_KEY, encodePrincipal(systemPrincipal('gateway-identity')));
    try {
      const { agents } = await firstValueFrom(
        this.routing
          .listAgents({ groupId: '', pageSize: 1, pageToken: '', query: '', userId }, metadata)
          .pipe(timeout(GROUP_LOOKUP_TIMEOUT_MS)),
      );
      return [...new Set(agents.flatMap((agent) => agent.groupIds))];
    } catch (error) {
      this.logger.warn(
        `support groups of user ${userId} unavailable (routing did not answer: ${
          error instanceof Error ? error.message : String(error)
        }); issuing the token with the last known groups`,
      );
      return undefined;
    }
  }
}
