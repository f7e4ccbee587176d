import type { CalendarRules } from '../../domain/business-calendar';
import { SlaError, SlaErrorCode } from '../../domain/sla-error';
import { InMemoryDefinitionStore } from '../testing/in-memory-definition-store';
import { ManualTime, msk, seededCatalog, sequentialIds } from '../testing/fixtures';
import { ManageCalendarsUseCase } from './manage-calendars.use-case';

const nineToSix = [{ from: '09:00', to: '18:00' }];

const moscowOffice: CalendarRules = {
  kind: 'working_hours',
  timeZone: 'Europe/Moscow',
  week: { 1: nineToSix, 2: nineToSix, 3: nineToSix, 4: nineToSix, 5: nineToSix },
  holidays: ['2026-12-31'],
  // A Saturday worked in place of the 31st.
  workingDays: [{ date: '2026-12-26', hours: nineToSix }],
};

function setUp() {
  const store = new InMemoryDefinitionStore();
  const catalog = seededCatalog();
  const time = new ManualTime(msk('2026-11-27 12:00'));
  return {
    store,
    catalog,
    time,
    calendars: new ManageCalendarsUseCase(store, catalog, sequentialIds, time),
  };
}

async function refusal(work: Promise<unknown>): Promise<SlaError> {
  try {
    await work;
  } catch (error) {
    if (error instanceof SlaError) return error;
    throw error;
  }
  throw new Error('expected an SlaError');
}

describe('managing business calendars', () => {
  it('creates a calendar with a new id and drops the cached catalog', async () => {
    const { calendars, catalog, store } = setUp();
    const created = await calendars.create({ name: 'Moscow office', rules: moscowOffice });
    expect(created).toMatchObject({
      name: 'Moscow office',
      version: 1,
      definition: { ...moscowOffice, id: expect.stringMatching(/^0194b000-/) },
      createdAt: msk('2026-11-27 12:00'),
    });
    expect(store.storedCalendars.get(created.definition.id)).toEqual(created);
    expect(catalog.invalidations).toBe(1);
    await expect(calendars.get(created.definition.id)).resolves.toEqual(created);
    await expect(calendars.list()).resolves.toEqual([created]);
  });

  it('keeps holiday names trimmed and refuses a name for a day that is not a holiday', async () => {
    const { calendars, store } = setUp();
    const created = await calendars.create({
      name: 'Moscow office',
      rules: { ...moscowOffice, holidayNames: { '2026-12-31': '  New Year’s Eve ' } },
    });
    expect(created.definition).toMatchObject({ holidayNames: { '2026-12-31': 'New Year’s Eve' } });
    const error = await refusal(
      calendars.create({
        name: 'Moscow office',
        rules: { ...moscowOffice, holidayNames: { '2027-01-07': 'Christmas (Orthodox)' } },
      }),
    );
    expect(error.violations).toEqual([
      { field: 'holidayNames.2027-01-07', message: '2027-01-07 is not one of the holidays' },
    ]);
    expect(store.storedCalendars.size).toBe(1);
  });

  it('reports every problem of a calendar at once, its name included', async () => {
    const { calendars, store, catalog } = setUp();
    const error = await refusal(
      calendars.create({
        name: ' ',
        rules: {
          ...moscowOffice,
          timeZone: 'Moscow',
          week: {
            1: [
              { from: '09:00', to: '18:00' },
              { from: '17:00', to: '19:00' },
            ],
          },
          holidays: ['2026-02-30'],
        },
      }),
    );
    expect(error.code).toBe(SlaErrorCode.ValidationFailed);
    expect(error.violations.map(({ field }) => field)).toEqual([
      'name',
      'timeZone',
      'week.1[1]',
      'holidays[0]',
    ]);
    expect(store.storedCalendars.size).toBe(0);
    expect(catalog.invalidations).toBe(0);
  });

  it('replaces a calendar at the version it was read, and refuses a stale one', async () => {
    const { calendars, catalog, time } = setUp();
    const created = await calendars.create({ name: 'Moscow office', rules: moscowOffice });
    time.set(msk('2026-11-27 13:00'));
    const alwaysOn: CalendarRules = { kind: '24x7', timeZone: 'Europe/Moscow' };
    const updated = await calendars.update({
      id: created.definition.id,
      name: 'Moscow office, around the clock',
      rules: alwaysOn,
      expectedVersion: 1,
    });
    expect(updated).toMatchObject({
      version: 2,
      definition: { ...alwaysOn, id: created.definition.id },
      updatedAt: msk('2026-11-27 13:00'),
    });
    expect(catalog.invalidations).toBe(2);

    const stale = await refusal(
      calendars.update({
        id: created.definition.id,
        name: 'x',
        rules: alwaysOn,
        expectedVersion: 1,
      }),
    );
    expect(stale).toMatchObject({
      code: SlaErrorCode.VersionConflict,
      details: { currentVersion: 2 },
    });
    // Without a version the update replaces whatever is stored.
    await expect(
      calendars.update({
        id: created.definition.id,
        name: 'y',
        rules: alwaysOn,
        expectedVersion: null,
      }),
    ).resolves.toMatchObject({ name: 'y', version: 3 });
  });

  it.each(['0194b000-0000-7000-8000-0000000fffff', 'not-a-uuid'])(
    'does not find calendar %s',
    async (id) => {
      const { calendars } = setUp();
      expect((await refusal(calendars.get(id))).code).toBe(SlaErrorCode.NotFound);
      const update = calendars.update({
        id,
        name: 'x',
        rules: moscowOffice,
        expectedVersion: null,
      });
      expect((await refusal(update)).code).toBe(SlaErrorCode.NotFound);
    },
  );
});
