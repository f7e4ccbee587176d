import { Metadata } from '@grpc/grpc-js';
import { firstValueFrom, timeout } from 'rxjs';
import { encodePrincipal, PRINCIPAL_METADATA_KEY, systemPrincipal } from '@itsm/auth';
import type { RoutingServiceClient } from '@itsm/contracts';
import type { GroupDirectory, SupportGroupPeople } from '../application/ports/group-directory';
import type { TimeSource } from '../application/ports/time-source';

const CALL_TIMEOUT_MS = 5_000;
const AGENTS_PAGE_SIZE = 500;
/** INVALID_ARGUMENT (not a group id routing could hold) and NOT_FOUND. */
const UNKNOWN_GROUP_CODES = new Set([3, 5]);

/**
 * A support group's members and supervisor from the routing service, remembered for a short
 * while: one ticket's events come in bursts, and groups change rarely. A failing lookup
 * throws, so the event is retried instead of notifying nobody.
 */
export class GrpcGroupDirectory implements GroupDirectory {
  private readonly cache = new Map<string, { people: SupportGroupPeople; until: number }>();

  constructor(
    private readonly routing: RoutingServiceClient,
    private readonly time: TimeSource,
    private readonly ttlMs: number,
  ) {}

  async peopleOf(groupId: string): Promise<SupportGroupPeople> {
    const now = this.time.now().getTime();
    const cached = this.cache.get(groupId);
    if (cached && cached.until > now) return cached.people;
    const people = await this.lookUp(groupId);
    this.cache.set(groupId, { people, until: now + this.ttlMs });
    return people;
  }

  private async lookUp(groupId: string): Promise<SupportGroupPeople> {
    const metadata = new Metadata();
    metadata.set(PRINCIPAL_METADATA_KEY, encodePrincipal(systemPrincipal('notifications')));
    let supervisorId: string | null = null;
    try {
      const { group } = await firstValueFrom(
        this.routing.getGroup({ id: groupId }, metadata).pipe(timeout(CALL_TIMEOUT_MS)),
      );
      supervisorId = group?.supervisorId || null;
    } catch (error) {
      // Tickets may name a group routing does not know (imported data, a deleted group).
      if (UNKNOWN_GROUP_CODES.has((error as { code?: number }).code ?? -1)) {
        return { memberIds: [], supervisorId: null };
      }
      throw error;
    }
    const memberIds: string[] = [];
    let pageToken = '';
    do {
      const page = await firstValueFrom(
        this.routing
          .listAgents(
            { groupId, pageSize: AGENTS_PAGE_SIZE, pageToken, query: '', userId: '' },
            metadata,
          )
          .pipe(timeout(CALL_TIMEOUT_MS)),
      );
      memberIds.push(...page.agents.map(({ userId }) => userId).filter(Boolean));
      pageToken = page.nextPageToken;
    } while (pageToken);
    return { memberIds, supervisorId };
  }
}
