import { HOUR_MS, MINUTE_MS } from '@itsm/zoned-time';
import { SlaErrorCode } from '../../domain/sla-error';
import { aTicket, msk, policyNamed, useCases } from '../testing/fixtures';
import { GetTicketSlaUseCase } from './get-ticket-sla.use-case';

/** A medium incident opened Friday 17:30 Moscow time on the Moscow business-hours calendar. */
async function openedOnFriday() {
  const context = useCases(msk('2026-11-27 17:30:01'));
  const ticket = aTicket({ priority: 'medium' });
  await context.startClocks.execute({ ticket }, context.store.direct());
  const getTicketSla = new GetTicketSlaUseCase(context.store, context.catalog, context.time);
  const readAt = async (at: string) => {
    context.time.set(msk(at));
    return getTicketSla.execute(ticket.id);
  };
  return { ...context, ticket, getTicketSla, readAt };
}

describe('reading the SLA of a ticket', () => {
  it('shows each target with its due time, business time counted and left', async () => {
    const { readAt, ticket } = await openedOnFriday();
    const sla = await readAt('2026-11-30 10:00');
    const medium = policyNamed('Incidents · medium');
    expect(sla).toMatchObject({ ticketId: ticket.id, asOf: msk('2026-11-30 10:00') });
    expect(
      sla.clocks.map(({ clock, policyName, timeZone, elapsedMs, remainingMs }) => ({
        target: clock.target,
        dueAt: clock.dueAt,
        policyId: clock.policyId,
        policyName,
        timeZone,
        elapsedMs,
        remainingMs,
      })),
    ).toEqual([
      {
        target: 'first_response',
        dueAt: msk('2026-11-30 12:30'),
        policyId: medium.id,
        policyName: medium.name,
        timeZone: 'Europe/Moscow',
        // Friday 17:30–18:00 and Monday 09:00–10:00.
        elapsedMs: 1.5 * HOUR_MS,
        remainingMs: 2.5 * HOUR_MS,
      },
      {
        target: 'resolution',
        dueAt: msk('2026-12-02 17:30'),
        policyId: medium.id,
        policyName: medium.name,
        timeZone: 'Europe/Moscow',
        elapsedMs: 1.5 * HOUR_MS,
        remainingMs: 27 * HOUR_MS - 1.5 * HOUR_MS,
      },
    ]);
  });

  it('counts nothing outside working hours, and goes negative once the target is exceeded', async () => {
    const { readAt } = await openedOnFriday();
    const weekend = await readAt('2026-11-29 23:00');
    expect(weekend.clocks[0]?.remainingMs).toBe(3.5 * HOUR_MS);
    const late = await readAt('2026-11-30 12:45');
    expect(late.clocks[0]).toMatchObject({ remainingMs: -15 * MINUTE_MS });
  });

  it('stops counting while a clock is paused', async () => {
    const { readAt, trackTicketStatus, store, ticket, time } = await openedOnFriday();
    time.set(msk('2026-11-30 10:00'));
    await trackTicketStatus.execute(
      {
        ticket: {
          ...ticket,
          status: 'pending',
          pendingReason: 'awaiting_customer',
          updatedAt: msk('2026-11-30 10:00'),
        },
      },
      store.direct(),
    );
    const sla = await readAt('2026-11-30 16:00');
    expect(sla.clocks[0]).toMatchObject({
      clock: { state: 'paused', dueAt: null },
      elapsedMs: 1.5 * HOUR_MS,
      remainingMs: 2.5 * HOUR_MS,
    });
  });

  it('shows none for a ticket without clocks, and refuses an id that is not one', async () => {
    const { getTicketSla } = await openedOnFriday();
    await expect(
      getTicketSla.execute('0194a000-0000-7000-8000-0000000fffff'),
    ).resolves.toMatchObject({ clocks: [] });
    await expect(getTicketSla.execute('INC-000001')).rejects.toMatchObject({
      code: SlaErrorCode.ValidationFailed,
    });
  });
});
