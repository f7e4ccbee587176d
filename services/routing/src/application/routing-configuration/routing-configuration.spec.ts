import type { Clock } from '../ports/clock';
import type { StoredAgent, StoredGroup, StoredLine, StoredRule } from '../ports/organisation-store';
import { type ConfigurationSource, RoutingConfiguration } from './routing-configuration';

const at = new Date('2026-11-27T09:00:00Z');

class FakeClock implements Clock {
  private ms = at.getTime();
  now(): Date {
    return new Date(this.ms);
  }
  advance(ms: number): void {
    this.ms += ms;
  }
}

const group = (id: string): StoredGroup => ({
  id,
  name: id,
  lineId: 'line-1',
  strategy: 'least_loaded',
  supervisorId: null,
  escalationGroupId: null,
  escalateOnSlaWarning: false,
  autoAssign: true,
  version: 1,
  createdAt: at,
  updatedAt: at,
  queuedTickets: 0,
});

/** The organisation as stored: counts what is read, and lets a test hold the agents' read. */
class FakeSource implements ConfigurationSource {
  version = 1;
  groupIds = ['grp-1'];
  versionReads = 0;
  organisationReads = 0;
  private held: Array<() => void> = [];
  holdReads = false;

  configurationVersion(): Promise<number> {
    this.versionReads++;
    return Promise.resolve(this.version);
  }
  lines(): Promise<StoredLine[]> {
    return Promise.resolve([]);
  }
  groups(): Promise<StoredGroup[]> {
    return Promise.resolve(this.groupIds.map(group));
  }
  allAgents(): Promise<StoredAgent[]> {
    this.organisationReads++;
    if (!this.holdReads) return Promise.resolve([]);
    return new Promise((resolve) => this.held.push(() => resolve([])));
  }
  rules(): Promise<StoredRule[]> {
    return Promise.resolve([]);
  }
  categorySkills(): Promise<[]> {
    return Promise.resolve([]);
  }
  settings() {
    return Promise.resolve({ classificationThreshold: 0.8, defaultGroupId: null, version: 1 });
  }
  /** Newest first: an older read ends last, as a slow one may. */
  release(): void {
    for (const resolve of this.held.splice(0).reverse()) resolve();
  }
}

const REFRESH_MS = 2_000;

function setUp() {
  const source = new FakeSource();
  const clock = new FakeClock();
  const configuration = new RoutingConfiguration(
    source,
    { latest: () => Promise.resolve(undefined) },
    clock,
    REFRESH_MS,
  );
  const groupIdsOf = async () => [...(await configuration.current()).groups.keys()];
  return { source, clock, configuration, groupIdsOf };
}

describe('the configuration routing decides from', () => {
  it('is read once and served from memory until it is due for a check', async () => {
    const { source, clock, configuration } = setUp();
    const first = await configuration.current();
    clock.advance(REFRESH_MS - 1);
    expect(await configuration.current()).toBe(first);
    expect([source.versionReads, source.organisationReads]).toEqual([1, 1]);
  });

  it('is checked by its version when due, and kept while the version has not moved', async () => {
    const { source, clock, configuration } = setUp();
    const first = await configuration.current();
    for (let check = 0; check < 3; check++) {
      clock.advance(REFRESH_MS);
      expect(await configuration.current()).toBe(first);
    }
    expect([source.versionReads, source.organisationReads]).toEqual([4, 1]);
  });

  it('is read again once a change, made anywhere, moved the version', async () => {
    const { source, clock, groupIdsOf } = setUp();
    expect(await groupIdsOf()).toEqual(['grp-1']);
    source.groupIds = ['grp-1', 'grp-2'];
    source.version = 2;
    expect(await groupIdsOf()).toEqual(['grp-1']);
    clock.advance(REFRESH_MS);
    expect(await groupIdsOf()).toEqual(['grp-1', 'grp-2']);
    expect(source.organisationReads).toBe(2);
  });

  it('is read once for callers that ask at the same time', async () => {
    const { source, configuration } = setUp();
    const [first, second] = await Promise.all([configuration.current(), configuration.current()]);
    expect(first).toBe(second);
    expect(source.organisationReads).toBe(1);
  });

  it('is read again at once after a change through this replica, not kept from a read begun before it', async () => {
    const { source, groupIdsOf, configuration } = setUp();
    const settle = () => new Promise((resolve) => setImmediate(resolve));
    source.holdReads = true;
    const before = groupIdsOf();
    await settle();

    source.groupIds = ['grp-1', 'grp-2'];
    configuration.invalidate();
    const after = groupIdsOf();
    await settle();
    source.release();

    expect(await before).toEqual(['grp-1']);
    expect(await after).toEqual(['grp-1', 'grp-2']);
    source.holdReads = false;
    expect(await groupIdsOf()).toEqual(['grp-1', 'grp-2']);
    expect(source.organisationReads).toBe(2);
  });
});
