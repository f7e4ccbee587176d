import { fromLocalDateTime } from '@itsm/zoned-time';
import type { CalendarDefinition } from '../../domain/business-calendar';
import type { SlaPolicy } from '../../domain/sla-policy';
import {
  DEFAULT_CALENDARS,
  DEFAULT_POLICIES,
} from '../../migrations/1764921600002-seed-default-calendars-and-policies';
import { ChangeClockTargetsUseCase } from '../change-clock-targets/change-clock-targets.use-case';
import { ClockChanges } from '../clock-changes';
import { FireDueClockEventsUseCase } from '../fire-due-clock-events/fire-due-clock-events.use-case';
import type { ClockAlarm } from '../ports/clock-alarm';
import type { TimeSource } from '../ports/time-source';
import { RecordFirstResponseUseCase } from '../record-first-response/record-first-response.use-case';
import { StartClocksUseCase } from '../start-clocks/start-clocks.use-case';
import { TrackTicketStatusUseCase } from '../track-ticket-status/track-ticket-status.use-case';
import { InMemoryClockStore } from './in-memory-clock-store';
import type { TicketSnapshot } from '../ticket-snapshot';
import { InMemorySlaCatalog } from './in-memory-sla-catalog';

/** `2026-11-27 17:30` Moscow time. */
export function msk(text: string): Date {
  const [year, month, day, hour, minute, second] = text.split(/[- :]/).map(Number);
  return fromLocalDateTime('Europe/Moscow', {
    year: year ?? 0,
    month: month ?? 0,
    day: day ?? 0,
    hour: hour ?? 0,
    minute: minute ?? 0,
    second: second ?? 0,
  });
}

export const seededCalendars: CalendarDefinition[] = DEFAULT_CALENDARS.map(
  ({ id, definition }) => ({ ...definition, id }) as CalendarDefinition,
);

export const seededPolicies: SlaPolicy[] = DEFAULT_POLICIES.map((policy) => ({
  id: policy.id,
  name: policy.name,
  order: policy.position,
  conditions: policy.conditions,
  targets: policy.targets,
  warningThresholds: policy.warningThresholds,
  pauseWhen: policy.pauseRules,
}));

/** The catalog a fresh database is seeded with. */
export function seededCatalog(): InMemorySlaCatalog {
  return new InMemorySlaCatalog(seededCalendars, seededPolicies);
}

export function policyNamed(name: string): SlaPolicy {
  const policy = seededPolicies.find((candidate) => candidate.name === name);
  if (!policy) throw new Error(`no seeded policy ${name}`);
  return policy;
}

/** A time source the test moves by hand. */
export class ManualTime implements TimeSource {
  constructor(private current: Date) {}

  now(): Date {
    return this.current;
  }

  set(instant: Date): void {
    this.current = instant;
  }
}

let ticketCount = 0;

/** A medium incident opened on Friday 2026-11-27 at 17:30 Moscow time. */
export function aTicket(overrides: Partial<TicketSnapshot> = {}): TicketSnapshot {
  ticketCount += 1;
  const createdAt = overrides.createdAt ?? msk('2026-11-27 17:30');
  return {
    id: `0194a000-0000-7000-8000-${String(ticketCount).padStart(12, '0')}`,
    number: `INC-${String(ticketCount).padStart(6, '0')}`,
    type: 'incident',
    status: 'new',
    priority: 'medium',
    pendingReason: null,
    organizationId: null,
    channel: 'portal',
    serviceId: null,
    categoryId: null,
    assignmentGroupId: null,
    createdAt,
    reportedAt: overrides.reportedAt ?? createdAt,
    updatedAt: createdAt,
    firstRespondedAt: null,
    ...overrides,
  };
}

let idCount = 0;

export const sequentialIds = {
  newId: () => `0194b000-0000-7000-8000-${String((idCount += 1)).padStart(12, '0')}`,
};

/** Remembers the instants use cases asked the scheduler to wake at. */
export class RecordingAlarm implements ClockAlarm {
  readonly instants: Date[] = [];

  wakeAt(instants: readonly Date[]): void {
    this.instants.push(...instants);
  }
}

/** Every use case wired to in-memory ports over the seeded catalog. */
export function useCases(now: Date) {
  const store = new InMemoryClockStore();
  const catalog = seededCatalog();
  const time = new ManualTime(now);
  const alarm = new RecordingAlarm();
  const changes = new ClockChanges(catalog, time);
  return {
    store,
    catalog,
    time,
    alarm,
    startClocks: new StartClocksUseCase(catalog, changes, sequentialIds, alarm),
    trackTicketStatus: new TrackTicketStatusUseCase(catalog, changes, alarm),
    recordFirstResponse: new RecordFirstResponseUseCase(changes, alarm),
    changeClockTargets: new ChangeClockTargetsUseCase(catalog, changes, alarm),
    fireDue: (batchSize = 100) =>
      new FireDueClockEventsUseCase(store, changes, time, batchSize).execute(),
  };
}
