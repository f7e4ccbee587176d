import { SYSTEM_CALLER } from '../testing/test-callers';
import { emptyCatalog } from '../testing/in-memory-catalog-store';
import { TicketCommented } from '@itsm/contracts';
import { TicketErrorCode } from '../../domain/ticket-error';
import { CreateTicketUseCase } from '../create-ticket/create-ticket.use-case';
import { ListTicketHistoryUseCase } from '../ticket-history/list-ticket-history.use-case';
import {
  InMemoryTicketStore,
  sequentialIds,
  steppingClock,
} from '../testing/in-memory-ticket-store';
import { AddCommentUseCase } from './add-comment.use-case';
import { ListCommentsUseCase } from './list-comments.use-case';

async function setup() {
  const store = new InMemoryTicketStore();
  const clock = steppingClock(new Date('2026-11-27T09:00:00Z'), 60_000);
  const ids = sequentialIds();
  const { ticket } = await new CreateTicketUseCase(store, clock, ids, emptyCatalog()).execute({
    caller: SYSTEM_CALLER,
    idempotencyKey: '',
    type: 'incident',
    title: 'Outlook does not start',
    description: '',
    impact: undefined,
    urgency: undefined,
    channel: undefined,
    requesterId: 'emp-1',
    organizationId: undefined,
  });
  return { store, ticket, addComment: new AddCommentUseCase(store, clock, ids) };
}

const reply = {
  authorId: 'agent-7',
  visibility: 'public' as const,
  body: 'Please try safe mode.',
  idempotencyKey: '',
};

describe('AddCommentUseCase', () => {
  it('stores the first response with its history entry and one ticket.commented event', async () => {
    const { store, ticket, addComment } = await setup();
    const result = await addComment.execute({
      caller: SYSTEM_CALLER,
      ...reply,
      ticketId: ticket.id,
    });

    expect(result.created).toBe(true);
    expect(result.ticket).toMatchObject({ version: 2, firstRespondedAt: expect.any(Date) });
    expect(store.stored(ticket.id)).toEqual(result.ticket);
    expect(store.events.map(({ type }) => type)).toEqual([
      'itsm.tickets.v1.ticket.created',
      TicketCommented.type,
    ]);
    expect(store.events[1]?.event.payload).toMatchObject({
      firstResponse: true,
      comment: {
        authorId: 'agent-7',
        visibility: 'COMMENT_VISIBILITY_PUBLIC',
        body: 'Please try safe mode.',
      },
    });
    const history = await new ListTicketHistoryUseCase(store).execute(ticket.id, SYSTEM_CALLER);
    expect(history.map((entry) => entry.action)).toEqual(['created', 'first_response']);
  });

  it('lists internal notes only when asked for them', async () => {
    const { store, ticket, addComment } = await setup();
    await addComment.execute({ caller: SYSTEM_CALLER, ...reply, ticketId: ticket.id });
    await addComment.execute({
      caller: SYSTEM_CALLER,
      ...reply,
      ticketId: ticket.id,
      visibility: 'internal',
      body: 'Known issue KB-12.',
    });
    const list = new ListCommentsUseCase(store);
    expect(
      (await list.execute(ticket.id, undefined, SYSTEM_CALLER)).map(
        (comment) => comment.visibility,
      ),
    ).toEqual(['public', 'internal']);
    expect(
      (await list.execute(ticket.id, 'public', SYSTEM_CALLER)).map((comment) => comment.body),
    ).toEqual(['Please try safe mode.']);
  });

  it('returns the first comment for a retry and refuses the key for another comment', async () => {
    const { store, ticket, addComment } = await setup();
    const first = await addComment.execute({
      caller: SYSTEM_CALLER,
      ...reply,
      ticketId: ticket.id,
      idempotencyKey: 'c-1',
    });
    const retry = await addComment.execute({
      caller: SYSTEM_CALLER,
      ...reply,
      ticketId: ticket.id,
      idempotencyKey: 'c-1',
    });
    expect(retry).toMatchObject({ created: false, comment: first.comment });
    await expect(
      addComment.execute({
        caller: SYSTEM_CALLER,
        ...reply,
        ticketId: ticket.id,
        idempotencyKey: 'c-1',
        body: 'something else',
      }),
    ).rejects.toMatchObject({ code: TicketErrorCode.IdempotencyKeyReused });
    expect(store.commentRows).toHaveLength(1);
    expect(store.events).toHaveLength(2);
  });

  it('answers an unknown ticket with not found', async () => {
    const { addComment } = await setup();
    await expect(
      addComment.execute({
        caller: SYSTEM_CALLER,
        ...reply,
        ticketId: '00000000-0000-7000-8000-00000000ffff',
      }),
    ).rejects.toMatchObject({ code: TicketErrorCode.NotFound });
  });
});
