import type { DataSource } from 'typeorm';
import type { SlaCatalog } from '../application/ports/sla-catalog';
import type { TimeSource } from '../application/ports/time-source';
import { type BusinessCalendar, validateCalendar } from '../domain/business-calendar';
import { SlaError, SlaErrorCode } from '../domain/sla-error';
import { type SlaPolicy, validatePolicy } from '../domain/sla-policy';
import { SlaCalendarEntity } from './sla-calendar.entity';
import { SlaPolicyEntity } from './sla-policy.entity';

interface Snapshot {
  calendars: Map<string, BusinessCalendar>;
  policies: Map<string, SlaPolicy>;
  /** Active SLA policies. */
  slaPolicies: SlaPolicy[];
}

export interface CatalogLogger {
  error(object: object, message: string): void;
}

/**
 * Calendars and policies from PostgreSQL, validated once and kept for `refreshMs`: every ticket
 * event needs them and they change rarely. Only a cache: an id it does not know yet makes it
 * read again before giving up, a write through this replica's API drops it at once
 * (`invalidate`), and other replicas see the write within `refreshMs`.
 */
export class TypeOrmSlaCatalog implements SlaCatalog {
  private snapshot: Promise<Snapshot> | undefined;
  private loadedAt = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly time: TimeSource,
    private readonly logger: CatalogLogger,
    private readonly refreshMs: number,
  ) {}

  async slaPolicies(): Promise<readonly SlaPolicy[]> {
    return (await this.current()).slaPolicies;
  }

  async policy(id: string): Promise<SlaPolicy | undefined> {
    return (await this.current()).policies.get(id) ?? (await this.reload()).policies.get(id);
  }

  async calendar(id: string): Promise<BusinessCalendar> {
    const calendar =
      (await this.current()).calendars.get(id) ?? (await this.reload()).calendars.get(id);
    if (!calendar) throw new SlaError(SlaErrorCode.NotFound, `calendar ${id} does not exist`);
    return calendar;
  }

  invalidate(): void {
    this.snapshot = undefined;
    this.loadedAt = 0;
  }

  private current(): Promise<Snapshot> {
    const expired = this.time.now().getTime() - this.loadedAt >= this.refreshMs;
    return this.snapshot && !expired ? this.snapshot : this.reload();
  }

  private reload(): Promise<Snapshot> {
    this.loadedAt = this.time.now().getTime();
    const loading = this.load();
    this.snapshot = loading;
    loading.catch(() => {
      if (this.snapshot === loading) this.snapshot = undefined;
    });
    return loading;
  }

  private async load(): Promise<Snapshot> {
    const [calendarRows, policyRows] = await Promise.all([
      this.dataSource.getRepository(SlaCalendarEntity).find(),
      this.dataSource
        .getRepository(SlaPolicyEntity)
        .find({ order: { position: 'ASC', createdAt: 'ASC', id: 'ASC' } }),
    ]);
    const calendars = new Map<string, BusinessCalendar>();
    for (const row of calendarRows) {
      const calendar = this.valid('calendar', row.id, () =>
        validateCalendar({ ...row.definition, id: row.id }),
      );
      if (calendar) calendars.set(row.id, calendar);
    }
    const policies = new Map<string, SlaPolicy>();
    const slaPolicies: SlaPolicy[] = [];
    for (const row of policyRows) {
      const policy = this.valid('policy', row.id, () =>
        validatePolicy({
          id: row.id,
          name: row.name,
          order: row.position,
          conditions: row.conditions,
          targets: row.targets,
          warningThresholds: row.warningThresholds,
          pauseWhen: row.pauseRules,
        }),
      );
      if (!policy) continue;
      policies.set(row.id, policy);
      if (row.active && row.kind === 'sla') slaPolicies.push(policy);
    }
    return { calendars, policies, slaPolicies };
  }

  /** A row that no longer validates is left out and reported, not allowed to stop every clock. */
  private valid<T>(kind: string, id: string, parse: () => T): T | undefined {
    try {
      return parse();
    } catch (error) {
      if (!(error instanceof SlaError)) throw error;
      this.logger.error({ id, violations: error.violations }, `stored ${kind} is invalid; ignored`);
      return undefined;
    }
  }
}
