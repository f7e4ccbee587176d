import { type ClassConstructor, plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { RateTicketDto } from './rate-ticket.dto';
import { TicketWatcherPathDto, WatchTicketActorDto } from './watch-ticket.dto';

async function violatedFields(
  dto: ClassConstructor<object>,
  body: Record<string, unknown>,
): Promise<string[]> {
  const errors = await validate(plainToInstance(dto, body));
  return errors.map((error) => error.property).sort();
}

const id = '0193a7a0-0000-7000-8000-000000000001';

describe('watcher paths and actors', () => {
  it('take a ticket id, a watcher of up to 200 characters and an optional actor', async () => {
    expect(await violatedFields(TicketWatcherPathDto, { id, watcherId: 'x'.repeat(200) })).toEqual(
      [],
    );
    expect(await violatedFields(WatchTicketActorDto, {})).toEqual([]);
    expect(await violatedFields(WatchTicketActorDto, { actorId: 'agent-7' })).toEqual([]);
  });

  it('refuse a ticket number for an id, an overlong watcher and a blank actor', async () => {
    expect(
      await violatedFields(TicketWatcherPathDto, { id: 'INC-000001', watcherId: 'x'.repeat(201) }),
    ).toEqual(['id', 'watcherId']);
    expect(await violatedFields(WatchTicketActorDto, { actorId: '' })).toEqual(['actorId']);
  });
});

describe('RateTicketDto', () => {
  it('takes a whole rating from 1 to 5, with or without a comment', async () => {
    expect(await violatedFields(RateTicketDto, { requesterId: 'emp-1', rating: 1 })).toEqual([]);
    expect(
      await violatedFields(RateTicketDto, { requesterId: 'emp-1', rating: 5, comment: 'Thanks.' }),
    ).toEqual([]);
  });

  it.each([0, 6, 4.5, '5', null])('refuses the rating %p', async (rating) => {
    expect(await violatedFields(RateTicketDto, { requesterId: 'emp-1', rating })).toEqual([
      'rating',
    ]);
  });

  it('takes no requester (the caller rates) and refuses a comment over 2000 characters', async () => {
    expect(await violatedFields(RateTicketDto, { rating: 3 })).toEqual([]);
    expect(
      await violatedFields(RateTicketDto, {
        rating: 3,
        requesterId: '',
        comment: 'x'.repeat(2001),
      }),
    ).toEqual(['comment', 'requesterId']);
  });
});
