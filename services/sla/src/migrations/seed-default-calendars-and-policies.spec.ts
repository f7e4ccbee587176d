import { validateCalendar } from '../domain/business-calendar';
import { addBusinessTime } from '../domain/business-time';
import { selectPolicy } from '../domain/sla-policy';
import { msk, seededCalendars, seededPolicies } from '../application/testing/fixtures';
import { MOSCOW_BUSINESS_HOURS_CALENDAR_ID } from './1764921600002-seed-default-calendars-and-policies';

const facts = (type: string, priority: string) => ({
  type,
  priority,
  serviceId: null,
  organizationId: null,
  categoryId: null,
  channel: 'portal',
});

describe('the seeded calendars and policies', () => {
  it('are valid for the domain', () => {
    expect(() => seededCalendars.map(validateCalendar)).not.toThrow();
    expect(seededPolicies).toHaveLength(7);
  });

  it.each([
    ['incident', 'critical', 'Incidents · critical'],
    ['incident', 'high', 'Incidents · high'],
    ['incident', 'medium', 'Incidents · medium'],
    ['incident', 'low', 'Incidents · low'],
    ['incident', 'planning', 'Incidents · planning'],
    ['service_request', 'critical', 'Service requests · critical and high'],
    ['service_request', 'high', 'Service requests · critical and high'],
    ['service_request', 'medium', 'Service requests · medium, low and planning'],
    ['service_request', 'planning', 'Service requests · medium, low and planning'],
    ['problem', 'critical', undefined],
    ['change', 'high', undefined],
  ])('give a %s of priority %s the policy %s', (type, priority, name) => {
    expect(selectPolicy(seededPolicies, facts(type, priority))?.name).toBe(name);
  });

  it('count Moscow business hours Monday to Friday, 09:00 to 18:00', () => {
    const definition = seededCalendars.find(({ id }) => id === MOSCOW_BUSINESS_HOURS_CALENDAR_ID);
    if (!definition) throw new Error('the Moscow calendar is not seeded');
    const moscow = validateCalendar(definition);
    expect(addBusinessTime(moscow, msk('2026-11-27 17:30'), 4 * 3_600_000)).toEqual(
      msk('2026-11-30 12:30'),
    );
  });
});
