import type { CalendarDefinition } from '../../domain/business-calendar';
import type { PolicyKind, SlaPolicy } from '../../domain/sla-policy';

/** A calendar as administrators define it, with its name and version. */
export interface StoredCalendar {
  name: string;
  definition: CalendarDefinition;
  /** Incremented by every update. */
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** A policy as administrators define it. */
export interface StoredPolicy {
  policy: SlaPolicy;
  kind: PolicyKind;
  /** Inactive policies start no clocks; running clocks keep the policy they started with. */
  active: boolean;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** What a write at a version did: a stale version writes nothing. */
export type VersionedWrite<T> =
  | { outcome: 'written'; value: T }
  | { outcome: 'not_found' }
  | { outcome: 'version_conflict'; currentVersion: number };

export interface CalendarWrite {
  name: string;
  definition: CalendarDefinition;
}

export interface PolicyWrite {
  policy: SlaPolicy;
  kind: PolicyKind;
  active: boolean;
}

/** Calendars and policies as stored, for the administration use cases. */
export interface DefinitionStore {
  /** By name. */
  calendars(): Promise<StoredCalendar[]>;
  calendar(id: string): Promise<StoredCalendar | undefined>;
  insertCalendar(calendar: CalendarWrite, at: Date): Promise<StoredCalendar>;
  /** Replaces name and definition; checks the stored version when `expectedVersion` is set. */
  updateCalendar(
    calendar: CalendarWrite,
    expectedVersion: number | null,
    at: Date,
  ): Promise<VersionedWrite<StoredCalendar>>;

  /** In the order they are tried (order, then creation). */
  policies(options: { includeInactive: boolean }): Promise<StoredPolicy[]>;
  policy(id: string): Promise<StoredPolicy | undefined>;
  /** The highest order of any policy; null when there is none. */
  lastPolicyOrder(): Promise<number | null>;
  insertPolicy(policy: PolicyWrite, at: Date): Promise<StoredPolicy>;
  updatePolicy(
    policy: PolicyWrite,
    expectedVersion: number | null,
    at: Date,
  ): Promise<VersionedWrite<StoredPolicy>>;
}

export const DEFINITION_STORE = Symbol('DefinitionStore');
