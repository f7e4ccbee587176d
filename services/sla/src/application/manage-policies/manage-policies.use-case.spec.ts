import { HOUR_MS } from '@itsm/zoned-time';
import { SlaError, SlaErrorCode } from '../../domain/sla-error';
import { ManageCalendarsUseCase } from '../manage-calendars/manage-calendars.use-case';
import { InMemoryDefinitionStore } from '../testing/in-memory-definition-store';
import { ManualTime, msk, seededCatalog, sequentialIds } from '../testing/fixtures';
import type { PolicyDraft } from './manage-policies.commands';
import { ManagePoliciesUseCase, ORDER_STEP } from './manage-policies.use-case';

async function setUp() {
  const store = new InMemoryDefinitionStore();
  const catalog = seededCatalog();
  const time = new ManualTime(msk('2026-11-27 12:00'));
  const calendar = await new ManageCalendarsUseCase(store, catalog, sequentialIds, time).create({
    name: '24×7',
    rules: { kind: '24x7', timeZone: 'Europe/Moscow' },
  });
  const calendarId = calendar.definition.id;
  const draft = (overrides: Partial<PolicyDraft> = {}): PolicyDraft => ({
    name: 'VIP incidents',
    kind: 'sla',
    order: null,
    conditions: { types: ['incident'], organizationIds: ['org-vip'] },
    targets: {
      first_response: { targetMs: HOUR_MS / 4, calendarId },
      resolution: { targetMs: 4 * HOUR_MS, calendarId },
    },
    warningThresholds: [0.75, 0.9],
    pauseWhen: [{ status: 'pending', reasons: ['awaiting_customer'] }],
    active: true,
    ...overrides,
  });
  return {
    store,
    catalog,
    time,
    calendarId,
    draft,
    policies: new ManagePoliciesUseCase(store, catalog, sequentialIds, time),
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

describe('managing SLA policies', () => {
  it('adds a policy after every other one unless it names its order', async () => {
    const { policies, draft, catalog } = await setUp();
    const first = await policies.create({ draft: draft() });
    const second = await policies.create({ draft: draft({ name: 'Second' }) });
    const front = await policies.create({ draft: draft({ name: 'Front', order: 1 }) });
    expect([first, second, front].map(({ policy }) => policy.order)).toEqual([
      ORDER_STEP,
      2 * ORDER_STEP,
      1,
    ]);
    expect(first).toMatchObject({ kind: 'sla', active: true, version: 1 });
    expect(
      (await policies.list({ includeInactive: false })).map(({ policy }) => policy.name),
    ).toEqual(['Front', 'VIP incidents', 'Second']);
    expect(catalog.invalidations).toBe(4);
  });

  it('refuses a policy the domain refuses or whose calendar does not exist', async () => {
    const { policies, draft, calendarId, store } = await setUp();
    const error = await refusal(
      policies.create({
        draft: draft({
          name: '',
          targets: {
            resolution: { targetMs: HOUR_MS, calendarId: '0194b000-0000-7000-8000-0000000fffff' },
            ola: { targetMs: HOUR_MS, calendarId },
          },
          warningThresholds: [0.9, 0.75],
        }),
      }),
    );
    expect(error.code).toBe(SlaErrorCode.ValidationFailed);
    expect(error.violations).toEqual([
      { field: 'name', message: 'name must not be empty' },
      {
        field: 'targets.ola',
        message: 'an SLA policy sets first_response and resolution targets, not ola',
      },
      {
        field: 'warningThresholds[1]',
        message: 'warning thresholds must be ascending without repeats',
      },
      {
        field: 'targets.resolution.calendarId',
        message: 'calendar 0194b000-0000-7000-8000-0000000fffff does not exist',
      },
    ]);
    expect(store.storedPolicies.size).toBe(0);
  });

  it('replaces a policy, keeping its order unless a new one is given: that is a reorder', async () => {
    const { policies, draft, time } = await setUp();
    const created = await policies.create({ draft: draft() });
    time.set(msk('2026-11-27 13:00'));
    const renamed = await policies.update({
      id: created.policy.id,
      draft: draft({ name: 'VIP', warningThresholds: [] }),
      expectedVersion: 1,
    });
    expect(renamed).toMatchObject({
      version: 2,
      updatedAt: msk('2026-11-27 13:00'),
      policy: { name: 'VIP', order: ORDER_STEP, warningThresholds: [] },
    });
    const moved = await policies.update({
      id: created.policy.id,
      draft: draft({ order: 5 }),
      expectedVersion: null,
    });
    expect(moved.policy.order).toBe(5);
    const stale = await refusal(
      policies.update({ id: created.policy.id, draft: draft(), expectedVersion: 2 }),
    );
    expect(stale).toMatchObject({
      code: SlaErrorCode.VersionConflict,
      details: { currentVersion: 3 },
    });
  });

  it('deactivates a policy once: it leaves the active list and starts no clocks', async () => {
    const { policies, draft, catalog } = await setUp();
    const created = await policies.create({ draft: draft() });
    const deactivated = await policies.deactivate(created.policy.id);
    expect(deactivated).toMatchObject({ active: false, version: 2, policy: created.policy });
    await expect(policies.deactivate(created.policy.id)).resolves.toMatchObject({ version: 2 });
    await expect(policies.list({ includeInactive: false })).resolves.toEqual([]);
    await expect(policies.list({ includeInactive: true })).resolves.toHaveLength(1);
    expect(catalog.invalidations).toBe(3);
  });

  it('does not find a policy that does not exist', async () => {
    const { policies } = await setUp();
    const missing = '0194b000-0000-7000-8000-0000000fffff';
    expect((await refusal(policies.get(missing))).code).toBe(SlaErrorCode.NotFound);
    expect((await refusal(policies.deactivate('nope'))).code).toBe(SlaErrorCode.NotFound);
  });
});
