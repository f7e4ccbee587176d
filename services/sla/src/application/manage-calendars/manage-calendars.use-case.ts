import {
  type CalendarDefinition,
  validateCalendar,
  withTrimmedHolidayNames,
} from '../../domain/business-calendar';
import { nameViolations } from '../../domain/definition-name';
import { SlaError, SlaErrorCode } from '../../domain/sla-error';
import { notFound, written } from '../definition-writes';
import type { DefinitionStore, StoredCalendar } from '../ports/definition-store';
import type { IdGenerator } from '../ports/id-generator';
import type { SlaCatalog } from '../ports/sla-catalog';
import type { TimeSource } from '../ports/time-source';
import { isUuid } from '../uuid';
import type { CreateCalendarCommand, UpdateCalendarCommand } from './manage-calendars.commands';

/** The definition of a calendar as written, once the domain accepts it and its name. */
function checked(id: string, name: string, rules: CreateCalendarCommand['rules']) {
  const definition = withTrimmedHolidayNames({ ...rules, id } as CalendarDefinition);
  const violations = nameViolations(name);
  try {
    validateCalendar(definition);
  } catch (error) {
    if (!(error instanceof SlaError)) throw error;
    violations.push(...error.violations);
  }
  if (violations.length > 0) {
    throw new SlaError(SlaErrorCode.ValidationFailed, 'the calendar is invalid', violations);
  }
  return definition;
}

/**
 * Business calendars: created and replaced after the domain checked them (time zone, hours,
 * holidays, moved working days). Every write drops the catalog cache, so the next ticket event
 * counts in the new definition.
 */
export class ManageCalendarsUseCase {
  constructor(
    private readonly store: DefinitionStore,
    private readonly catalog: SlaCatalog,
    private readonly ids: IdGenerator,
    private readonly time: TimeSource,
  ) {}

  list(): Promise<StoredCalendar[]> {
    return this.store.calendars();
  }

  async get(id: string): Promise<StoredCalendar> {
    const calendar = isUuid(id) ? await this.store.calendar(id) : undefined;
    if (!calendar) throw notFound('calendar', id);
    return calendar;
  }

  async create(command: CreateCalendarCommand): Promise<StoredCalendar> {
    const definition = checked(this.ids.newId(), command.name, command.rules);
    const calendar = await this.store.insertCalendar(
      { name: command.name, definition },
      this.time.now(),
    );
    this.catalog.invalidate();
    return calendar;
  }

  async update(command: UpdateCalendarCommand): Promise<StoredCalendar> {
    if (!isUuid(command.id)) throw notFound('calendar', command.id);
    const definition = checked(command.id, command.name, command.rules);
    const write = await this.store.updateCalendar(
      { name: command.name, definition },
      command.expectedVersion,
      this.time.now(),
    );
    const calendar = written(write, 'calendar', command.id);
    this.catalog.invalidate();
    return calendar;
  }
}
