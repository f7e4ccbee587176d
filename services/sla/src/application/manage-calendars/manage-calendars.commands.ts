import type { CalendarRules } from '../../domain/business-calendar';

export interface CreateCalendarCommand {
  name: string;
  rules: CalendarRules;
}

/** Replaces a calendar's name and rules. */
export interface UpdateCalendarCommand {
  id: string;
  name: string;
  rules: CalendarRules;
  /** The version the change was made from; null replaces whatever is stored. */
  expectedVersion: number | null;
}
