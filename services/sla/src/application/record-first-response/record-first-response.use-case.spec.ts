import { SlaClockMet, SlaClockWarning } from '@itsm/contracts';
import { aTicket, msk, useCases } from '../testing/fixtures';

describe('recording the first response', () => {
  async function respondedAt(text: string) {
    const context = useCases(msk('2026-11-27 17:30:01'));
    const ticket = aTicket({ priority: 'medium' });
    await context.startClocks.execute({ ticket }, context.store.direct());
    context.time.set(msk('2026-11-30 12:45'));
    const respond = () =>
      context.recordFirstResponse.execute(
        { ticketId: ticket.id, respondedAt: msk(text) },
        context.store.direct(),
      );
    await respond();
    return { ...context, respond };
  }

  it('stops the first-response clock in time and leaves resolution running', async () => {
    const { store } = await respondedAt('2026-11-30 11:45');
    expect(store.clocks.map(({ target, state }) => [target, state])).toEqual([
      ['first_response', 'met'],
      ['resolution', 'running'],
    ]);
    expect(store.events.map(({ type }) => type)).toEqual([SlaClockWarning.type, SlaClockMet.type]);
  });

  it('is breached when the answer came after the due time', async () => {
    const { store } = await respondedAt('2026-11-30 12:40');
    expect(store.clocks[0]).toMatchObject({
      state: 'breached',
      breachedAt: msk('2026-11-30 12:30'),
      stoppedAt: msk('2026-11-30 12:40'),
    });
  });

  it('changes nothing when the response is reported again', async () => {
    const { store, respond } = await respondedAt('2026-11-30 11:45');
    const before = structuredClone(store.clocks);
    await respond();
    expect(store.clocks).toEqual(before);
    expect(store.events).toHaveLength(2);
  });
});
