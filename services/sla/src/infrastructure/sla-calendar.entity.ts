import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CalendarDefinition } from '../domain/business-calendar';

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

/** How a calendar is stored: its definition without the id, which is the row's. */
export type StoredCalendarDefinition = WithoutId<CalendarDefinition>;

/** A row of `sla_calendars`. */
@Entity({ name: 'sla_calendars' })
export class SlaCalendarEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  name!: string;

  @Column('jsonb')
  definition!: StoredCalendarDefinition;

  @Column('integer')
  version!: number;
}
