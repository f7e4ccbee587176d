import type { DataSource, EntityManager } from 'typeorm';
import type {
  CalendarWrite,
  DefinitionStore,
  PolicyWrite,
  StoredCalendar,
  StoredPolicy,
  VersionedWrite,
} from '../application/ports/definition-store';
import type { CalendarDefinition } from '../domain/business-calendar';
import { POLICY_KINDS, type PolicyKind } from '../domain/sla-policy';
import { SlaCalendarEntity } from './sla-calendar.entity';
import { SlaPolicyEntity } from './sla-policy.entity';

function toStoredCalendar(row: SlaCalendarEntity): StoredCalendar {
  return {
    name: row.name,
    definition: { ...row.definition, id: row.id } as CalendarDefinition,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function kindOf(row: SlaPolicyEntity): PolicyKind {
  if (!(POLICY_KINDS as readonly string[]).includes(row.kind)) {
    throw new Error(`sla_policies.kind holds an unknown value ${row.kind}`);
  }
  return row.kind as PolicyKind;
}

function toStoredPolicy(row: SlaPolicyEntity): StoredPolicy {
  return {
    policy: {
      id: row.id,
      name: row.name,
      order: row.position,
      conditions: row.conditions,
      targets: row.targets,
      warningThresholds: row.warningThresholds,
      pauseWhen: row.pauseRules,
    },
    kind: kindOf(row),
    active: row.active,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function calendarColumns({ name, definition }: CalendarWrite) {
  const { id: _id, ...rules } = definition;
  return { name, definition: rules };
}

function policyColumns({ policy, kind, active }: PolicyWrite) {
  return {
    name: policy.name,
    kind,
    position: policy.order,
    conditions: policy.conditions,
    targets: policy.targets,
    warningThresholds: [...policy.warningThresholds],
    pauseRules: [...policy.pauseWhen],
    active,
  };
}

/** Calendars and policies in PostgreSQL; every update bumps the row's version. */
export class TypeOrmDefinitionStore implements DefinitionStore {
  constructor(private readonly dataSource: DataSource) {}

  async calendars(): Promise<StoredCalendar[]> {
    const rows = await this.dataSource
      .getRepository(SlaCalendarEntity)
      .find({ order: { name: 'ASC', id: 'ASC' } });
    return rows.map(toStoredCalendar);
  }

  async calendar(id: string): Promise<StoredCalendar | undefined> {
    const row = await this.dataSource.getRepository(SlaCalendarEntity).findOneBy({ id });
    return row ? toStoredCalendar(row) : undefined;
  }

  async insertCalendar(calendar: CalendarWrite, at: Date): Promise<StoredCalendar> {
    const row: SlaCalendarEntity = {
      id: calendar.definition.id,
      ...calendarColumns(calendar),
      createdAt: at,
      updatedAt: at,
      version: 1,
    };
    await this.dataSource.getRepository(SlaCalendarEntity).insert(row);
    return toStoredCalendar(row);
  }

  updateCalendar(
    calendar: CalendarWrite,
    expectedVersion: number | null,
    at: Date,
  ): Promise<VersionedWrite<StoredCalendar>> {
    return this.versionedUpdate(
      SlaCalendarEntity,
      calendar.definition.id,
      calendarColumns(calendar),
      expectedVersion,
      at,
      toStoredCalendar,
    );
  }

  async policies({ includeInactive }: { includeInactive: boolean }): Promise<StoredPolicy[]> {
    const rows = await this.dataSource.getRepository(SlaPolicyEntity).find({
      where: includeInactive ? {} : { active: true },
      order: { position: 'ASC', createdAt: 'ASC', id: 'ASC' },
    });
    return rows.map(toStoredPolicy);
  }

  async policy(id: string): Promise<StoredPolicy | undefined> {
    const row = await this.dataSource.getRepository(SlaPolicyEntity).findOneBy({ id });
    return row ? toStoredPolicy(row) : undefined;
  }

  async lastPolicyOrder(): Promise<number | null> {
    const [row] = (await this.dataSource.query(
      `SELECT max(position) AS last FROM sla_policies`,
    )) as { last: number | null }[];
    return row?.last ?? null;
  }

  async insertPolicy(policy: PolicyWrite, at: Date): Promise<StoredPolicy> {
    const row: SlaPolicyEntity = {
      id: policy.policy.id,
      ...policyColumns(policy),
      createdAt: at,
      updatedAt: at,
      version: 1,
    };
    await this.dataSource.getRepository(SlaPolicyEntity).insert(row);
    return toStoredPolicy(row);
  }

  updatePolicy(
    policy: PolicyWrite,
    expectedVersion: number | null,
    at: Date,
  ): Promise<VersionedWrite<StoredPolicy>> {
    return this.versionedUpdate(
      SlaPolicyEntity,
      policy.policy.id,
      policyColumns(policy),
      expectedVersion,
      at,
      toStoredPolicy,
    );
  }

  /**
   * Writes the columns if the row is at `expectedVersion` (any version when null), in one
   * transaction that locks the row, so two updates from the same version cannot both win.
   */
  private versionedUpdate<E extends SlaCalendarEntity | SlaPolicyEntity, T>(
    entity: new () => E,
    id: string,
    columns: Partial<E>,
    expectedVersion: number | null,
    at: Date,
    toStored: (row: E) => T,
  ): Promise<VersionedWrite<T>> {
    return this.dataSource.transaction(async (manager: EntityManager) => {
      const repository = manager.getRepository<SlaCalendarEntity | SlaPolicyEntity>(entity);
      const current = (await repository.findOne({
        where: { id },
        lock: { mode: 'pessimistic_write' },
      })) as E | null;
      if (!current) return { outcome: 'not_found' };
      if (expectedVersion !== null && current.version !== expectedVersion) {
        return { outcome: 'version_conflict', currentVersion: current.version };
      }
      const next = { ...current, ...columns, updatedAt: at, version: current.version + 1 } as E;
      await repository.save(next);
      return { outcome: 'written', value: toStored(next) };
    });
  }
}
