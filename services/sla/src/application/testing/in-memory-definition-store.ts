import type {
  CalendarWrite,
  DefinitionStore,
  PolicyWrite,
  StoredCalendar,
  StoredPolicy,
  VersionedWrite,
} from '../ports/definition-store';

/** A DefinitionStore over maps, for use-case tests. */
export class InMemoryDefinitionStore implements DefinitionStore {
  readonly storedCalendars = new Map<string, StoredCalendar>();
  readonly storedPolicies = new Map<string, StoredPolicy>();

  async calendars(): Promise<StoredCalendar[]> {
    return [...this.storedCalendars.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  async calendar(id: string): Promise<StoredCalendar | undefined> {
    return this.storedCalendars.get(id);
  }

  async insertCalendar({ name, definition }: CalendarWrite, at: Date): Promise<StoredCalendar> {
    const stored = { name, definition, version: 1, createdAt: at, updatedAt: at };
    this.storedCalendars.set(definition.id, stored);
    return stored;
  }

  async updateCalendar(
    { name, definition }: CalendarWrite,
    expectedVersion: number | null,
    at: Date,
  ): Promise<VersionedWrite<StoredCalendar>> {
    return this.update(this.storedCalendars, definition.id, expectedVersion, (current) => ({
      ...current,
      name,
      definition,
      version: current.version + 1,
      updatedAt: at,
    }));
  }

  async policies({ includeInactive }: { includeInactive: boolean }): Promise<StoredPolicy[]> {
    return [...this.storedPolicies.values()]
      .filter((stored) => includeInactive || stored.active)
      .sort((a, b) => a.policy.order - b.policy.order);
  }

  async policy(id: string): Promise<StoredPolicy | undefined> {
    return this.storedPolicies.get(id);
  }

  async lastPolicyOrder(): Promise<number | null> {
    const orders = [...this.storedPolicies.values()].map(({ policy }) => policy.order);
    return orders.length > 0 ? Math.max(...orders) : null;
  }

  async insertPolicy(write: PolicyWrite, at: Date): Promise<StoredPolicy> {
    const stored = { ...write, version: 1, createdAt: at, updatedAt: at };
    this.storedPolicies.set(write.policy.id, stored);
    return stored;
  }

  async updatePolicy(
    write: PolicyWrite,
    expectedVersion: number | null,
    at: Date,
  ): Promise<VersionedWrite<StoredPolicy>> {
    return this.update(this.storedPolicies, write.policy.id, expectedVersion, (current) => ({
      ...current,
      ...write,
      version: current.version + 1,
      updatedAt: at,
    }));
  }

  private update<T extends { version: number }>(
    map: Map<string, T>,
    id: string,
    expectedVersion: number | null,
    change: (current: T) => T,
  ): VersionedWrite<T> {
    const current = map.get(id);
    if (!current) return { outcome: 'not_found' };
    if (expectedVersion !== null && expectedVersion !== current.version) {
      return { outcome: 'version_conflict', currentVersion: current.version };
    }
    const next = change(current);
    map.set(id, next);
    return { outcome: 'written', value: next };
  }
}
