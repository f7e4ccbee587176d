import { fromTimestamp } from '@itsm/contracts';
import { SlaClockBreached, type SlaClockEvent, SlaClockWarning } from '@itsm/contracts';
import { aTicket, msk, policyNamed, useCases } from '../testing/fixtures';

function summary(event: { payload: unknown }) {
  const payload = event.payload as SlaClockEvent;
  return {
    target: payload.target,
    threshold: payload.threshold,
    reachedAt: payload.reachedAt && fromTimestamp(payload.reachedAt),
  };
}

describe('starting the clocks of a new ticket', () => {
  it('starts first response and resolution on the Moscow calendar from the creation', async () => {
    const { store, startClocks, alarm } = useCases(msk('2026-11-27 17:30:01'));
    const ticket = aTicket({ priority: 'medium' });

    const started = await startClocks.execute({ ticket }, store.direct());

    const medium = policyNamed('Incidents · medium');
    expect(
      store.clocks.map(({ target, state, dueAt, policyId, ticketNumber }) => ({
        target,
        state,
        dueAt,
        policyId,
        ticketNumber,
      })),
    ).toEqual([
      {
        target: 'first_response',
        state: 'running',
        dueAt: msk('2026-11-30 12:30'),
        policyId: medium.id,
        ticketNumber: ticket.number,
      },
      {
        target: 'resolution',
        state: 'running',
        dueAt: msk('2026-12-02 17:30'),
        policyId: medium.id,
        ticketNumber: ticket.number,
      },
    ]);
    expect(started).toHaveLength(2);
    expect(store.events).toEqual([]);
    // The scheduler is told of each clock's first warning.
    expect(alarm.instants).toEqual([msk('2026-11-30 11:30'), msk('2026-12-02 10:45')]);
  });

  it('applies the first policy in order that matches: a critical incident counts 24×7', async () => {
    const { store, startClocks } = useCases(msk('2026-11-28 03:00:01'));
    await startClocks.execute(
      { ticket: aTicket({ priority: 'critical', createdAt: msk('2026-11-28 03:00') }) },
      store.direct(),
    );
    expect(store.clocks.map(({ target, dueAt }) => [target, dueAt])).toEqual([
      ['first_response', msk('2026-11-28 03:15')],
      ['resolution', msk('2026-11-28 07:00')],
    ]);
  });

  it('announces at once what is already due when the event is read late', async () => {
    const { store, startClocks } = useCases(msk('2026-11-27 10:20'));
    await startClocks.execute(
      { ticket: aTicket({ priority: 'critical', createdAt: msk('2026-11-27 10:00') }) },
      store.direct(),
    );
    expect(store.events.map(({ type }) => type)).toEqual([
      SlaClockWarning.type,
      SlaClockWarning.type,
      SlaClockBreached.type,
    ]);
    expect(store.events.map(({ event }) => summary(event))).toEqual([
      {
        target: 'SLA_TARGET_FIRST_RESPONSE',
        threshold: 0.75,
        reachedAt: msk('2026-11-27 10:11:15'),
      },
      {
        target: 'SLA_TARGET_FIRST_RESPONSE',
        threshold: 0.9,
        reachedAt: msk('2026-11-27 10:13:30'),
      },
      { target: 'SLA_TARGET_FIRST_RESPONSE', threshold: 0, reachedAt: msk('2026-11-27 10:15') },
    ]);
    expect(store.clocks[0]).toMatchObject({
      state: 'running',
      breachedAt: msk('2026-11-27 10:15'),
    });
  });

  it.each([
    ['a problem', { type: 'problem' }],
    ['a change', { type: 'change' }],
  ])('starts none for %s', async (_label, overrides) => {
    const { store, startClocks } = useCases(msk('2026-11-27 17:30:01'));
    expect(await startClocks.execute({ ticket: aTicket(overrides) }, store.direct())).toEqual([]);
    expect(store.clocks).toEqual([]);
  });

  it('starts none when no policy matches', async () => {
    const { store, startClocks, catalog } = useCases(msk('2026-11-27 17:30:01'));
    catalog.policies = [];
    await startClocks.execute({ ticket: aTicket() }, store.direct());
    expect(store.clocks).toEqual([]);
  });

  it('starts a ticket’s clocks once however often its creation is delivered', async () => {
    const { store, startClocks } = useCases(msk('2026-11-27 10:20'));
    const ticket = aTicket({ priority: 'critical', createdAt: msk('2026-11-27 10:00') });
    await startClocks.execute({ ticket }, store.direct());
    await startClocks.execute({ ticket }, store.direct());
    expect(store.clocks).toHaveLength(2);
    expect(store.events).toHaveLength(3);
  });

  it('counts from when the requester reported a ticket logged after the fact', async () => {
    // A call on Friday 17:30 written up on Monday 10:00: the 4-business-hour target of a medium
    // incident's first response ran out at 12:30, and is announced when the ticket is opened.
    const { store, startClocks } = useCases(msk('2026-11-30 10:00:01'));
    const ticket = aTicket({
      priority: 'medium',
      reportedAt: msk('2026-11-27 17:30'),
      createdAt: msk('2026-11-30 10:00'),
      updatedAt: msk('2026-11-30 10:00'),
    });
    await startClocks.execute({ ticket }, store.direct());
    expect(store.clocks.map(({ target, startedAt, dueAt }) => [target, startedAt, dueAt])).toEqual([
      ['first_response', msk('2026-11-27 17:30'), msk('2026-11-30 12:30')],
      ['resolution', msk('2026-11-27 17:30'), msk('2026-12-02 17:30')],
    ]);
    // Friday 17:30–18:00 and Monday 09:00–10:00: 1.5 of 4 business hours, nothing due yet.
    expect(store.events).toEqual([]);
  });

  it('matches policies on the service and category of the ticket, and records them', async () => {
    const { store, startClocks, catalog } = useCases(msk('2026-11-27 17:30:01'));
    const laptops = {
      ...policyNamed('Incidents · critical'),
      id: '0194c000-0000-7000-8000-000000000001',
      name: 'Laptops',
      order: 1,
      conditions: { serviceIds: ['svc-laptops'], categoryIds: ['cat-hardware'] },
    };
    catalog.policies = [...catalog.policies, laptops];
    const elsewhere = aTicket({ serviceId: 'svc-laptops', categoryId: 'cat-software' });
    const laptop = aTicket({
      serviceId: 'svc-laptops',
      categoryId: 'cat-hardware',
      assignmentGroupId: 'workplace',
    });
    await startClocks.execute({ ticket: elsewhere }, store.direct());
    await startClocks.execute({ ticket: laptop }, store.direct());
    const policyOf = (ticketId: string) =>
      store.clocks.filter((clock) => clock.ticketId === ticketId).map((clock) => clock.policyId);
    expect(policyOf(elsewhere.id)).toEqual([
      policyNamed('Incidents · medium').id,
      policyNamed('Incidents · medium').id,
    ]);
    expect(policyOf(laptop.id)).toEqual([laptops.id, laptops.id]);
    expect(store.clocks.find((clock) => clock.ticketId === laptop.id)).toMatchObject({
      serviceId: 'svc-laptops',
      groupId: 'workplace',
    });
  });
});
