import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CalendarRules } from '../domain/business-calendar';

/** How a calendar is stored: its definition without the id, which is the row's. */
export type StoredCalendarDefinition = CalendarRules;

/** A row of `sla_calendars`. */
@Entity({ name: 'sla_calendars' })
export class SlaCalendarEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  name!: string;

  @Column('jsonb')
  definition!: StoredCalendarDefinition;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;

  @Column('integer')
  version!: number;
}
