import {
  type BusinessCalendar,
  type CalendarDefinition,
  validateCalendar,
} from '../../domain/business-calendar';
import { SlaError, SlaErrorCode } from '../../domain/sla-error';
import { type SlaPolicy, validatePolicy } from '../../domain/sla-policy';
import type { SlaCatalog } from '../ports/sla-catalog';

/** An SlaCatalog over lists, for use-case tests. */
export class InMemorySlaCatalog implements SlaCatalog {
  private readonly calendars: Map<string, BusinessCalendar>;

  constructor(
    calendars: readonly CalendarDefinition[],
    public policies: readonly SlaPolicy[],
  ) {
    this.calendars = new Map(
      calendars.map((definition) => [definition.id, validateCalendar(definition)]),
    );
    policies.forEach((policy) => validatePolicy(policy));
  }

  async slaPolicies(): Promise<readonly SlaPolicy[]> {
    return this.policies;
  }

  async policy(id: string): Promise<SlaPolicy | undefined> {
    return this.policies.find((policy) => policy.id === id);
  }

  invalidations = 0;

  invalidate(): void {
    this.invalidations += 1;
  }

  async calendar(id: string): Promise<BusinessCalendar> {
    const calendar = this.calendars.get(id);
    if (!calendar) throw new SlaError(SlaErrorCode.NotFound, `no calendar ${id}`);
    return calendar;
  }
}
