import type { TicketCaller } from '../domain/ticket-caller';
import { TicketErrorCode } from '../domain/ticket-error';
import { AddCommentUseCase } from './comments/add-comment.use-case';
import { ListCommentsUseCase } from './comments/list-comments.use-case';
import { CountTicketsUseCase } from './count-tickets/count-tickets.use-case';
import { CreateTicketUseCase } from './create-ticket/create-ticket.use-case';
import { GetTicketUseCase } from './get-ticket/get-ticket.use-case';
import { ListTicketsUseCase } from './list-tickets/list-tickets.use-case';
import { RateTicketUseCase } from './satisfaction/rate-ticket.use-case';
import { emptyCatalog } from './testing/in-memory-catalog-store';
import {
  InMemoryTicketStore,
  NO_FILTERS,
  sequentialIds,
  steppingClock,
} from './testing/in-memory-ticket-store';
import { SYSTEM_CALLER, userCaller } from './testing/test-callers';
import { ListTicketHistoryUseCase } from './ticket-history/list-ticket-history.use-case';
import { TransitionTicketUseCase } from './transition-ticket/transition-ticket.use-case';
import { UpdateTicketUseCase } from './update-ticket/update-ticket.use-case';
import { WatchTicketUseCase } from './watchers/watch-ticket.use-case';

const anna = userCaller({ id: 'emp-anna', roles: ['requester'], organizationId: 'org-acme' });
const boris = userCaller({ id: 'emp-boris', roles: ['requester'], organizationId: 'org-acme' });
const lead = userCaller({
  id: 'emp-lead',
  roles: ['requester'],
  organizationId: 'org-acme',
  organizationWide: true,
});
const agent = userCaller({ id: 'ag-net', roles: ['agent'], groupIds: ['g-net'] });

function setup() {
  const store = new InMemoryTicketStore();
  const clock = steppingClock(new Date('2026-11-27T09:00:00Z'), 60_000);
  const ids = sequentialIds();
  const create = new CreateTicketUseCase(store, clock, ids, emptyCatalog());
  const transition = new TransitionTicketUseCase(store, clock, ids, {
    reopenWindowMs: 86_400_000,
  });
  const open = async (caller: TicketCaller, title: string) =>
    (
      await create.execute({
        caller,
        idempotencyKey: '',
        type: 'incident',
        title,
        description: '',
        impact: undefined,
        urgency: undefined,
        channel: 'portal',
        requesterId: 'whoever-the-client-says',
        organizationId: 'org-whatever',
      })
    ).ticket;
  return {
    store,
    open,
    transition,
    get: new GetTicketUseCase(store),
    list: new ListTicketsUseCase(store),
    count: new CountTicketsUseCase(store),
    comment: new AddCommentUseCase(store, clock, ids),
    comments: new ListCommentsUseCase(store),
    history: new ListTicketHistoryUseCase(store),
    update: new UpdateTicketUseCase(store, clock),
    rate: new RateTicketUseCase(store, clock),
    watch: new WatchTicketUseCase(store, clock),
  };
}

const notFound = { code: TicketErrorCode.NotFound };
const refused = { code: TicketErrorCode.NotPermitted };

describe('use cases scoped by their caller', () => {
  it('files a requester’s ticket for them, in their organisation, whatever the request says', async () => {
    const { open, history } = setup();
    const ticket = await open(anna, 'Printer jams');
    expect(ticket).toMatchObject({ requesterId: 'emp-anna', organizationId: 'org-acme' });
    expect((await history.execute(ticket.id, anna)).map(({ actorId }) => actorId)).toEqual([
      'emp-anna',
    ]);
  });

  it('shows each requester their own tickets, and the organisation’s to whom may follow it', async () => {
    const { open, get, list, count } = setup();
    const annas = await open(anna, 'Printer jams');
    const boriss = await open(boris, 'No VPN');
    const page = async (caller: TicketCaller) =>
      (
        await list.execute({ ...NO_FILTERS, pageSize: 0, pageToken: '', order: '' }, caller)
      ).tickets.map(({ title }) => title);

    expect(await page(anna)).toEqual(['Printer jams']);
    expect(await page(lead)).toEqual(['No VPN', 'Printer jams']);
    expect((await count.execute(NO_FILTERS, boris)).total).toBe(1);
    await expect(get.execute(boriss.id, anna)).rejects.toMatchObject(notFound);
    expect(await get.execute(annas.id, lead)).toMatchObject({ id: annas.id });
    // Nobody has routed them yet: both wait in the triage queue every agent sees.
    expect(await page(agent)).toHaveLength(2);
  });

  it('keeps internal notes from requesters, and requesters from writing them', async () => {
    const { open, comment, comments } = setup();
    const ticket = await open(anna, 'Printer jams');
    const note = { ticketId: ticket.id, body: 'Toner is on back order', idempotencyKey: '' };
    await comment.execute({ ...note, caller: agent, authorId: '', visibility: 'internal' });
    await comment.execute({ ...note, caller: anna, authorId: '', visibility: 'public' });

    expect((await comments.execute(ticket.id, undefined, anna)).map((c) => c.visibility)).toEqual([
      'public',
    ]);
    expect(await comments.execute(ticket.id, 'internal', anna)).toEqual([]);
    expect(await comments.execute(ticket.id, undefined, agent)).toHaveLength(2);
    await expect(
      comment.execute({ ...note, caller: anna, authorId: '', visibility: 'internal' }),
    ).rejects.toMatchObject(refused);
    await expect(
      comment.execute({ ...note, caller: boris, authorId: '', visibility: 'public' }),
    ).rejects.toMatchObject(notFound);
  });

  it('lets a requester withdraw, confirm or dispute their ticket, and nothing more', async () => {
    const { store, open, transition, update, rate } = setup();
    const ticket = await open(anna, 'Printer jams');
    const act = (caller: TicketCaller, action: 'cancel' | 'close' | 'reopen' | 'start') =>
      transition.execute({
        caller,
        ticketId: ticket.id,
        expectedVersion: undefined,
        actorId: 'whoever-the-client-says',
        action,
      });

    await expect(
      update.execute({
        caller: anna,
        ticketId: ticket.id,
        expectedVersion: undefined,
        actorId: '',
        edit: { urgency: 'high' },
      }),
    ).rejects.toMatchObject(refused);
    await transition.execute({
      caller: agent,
      ticketId: ticket.id,
      expectedVersion: undefined,
      actorId: '',
      action: 'assign',
      assigneeId: 'ag-net',
      assignmentGroupId: 'g-net',
    });
    await expect(act(anna, 'cancel')).rejects.toMatchObject(refused);
    await act(agent, 'start');
    await transition.execute({
      caller: agent,
      ticketId: ticket.id,
      expectedVersion: undefined,
      actorId: '',
      action: 'resolve',
      resolutionCode: 'fixed',
    });
    await expect(act(boris, 'reopen')).rejects.toMatchObject(notFound);
    await expect(act(lead, 'close')).rejects.toMatchObject(refused);
    // The requester rates as themselves, whoever the request names.
    const rated = await rate.execute({
      caller: anna,
      ticketId: ticket.id,
      requesterId: 'emp-boris',
      rating: 5,
      comment: '',
    });
    expect(rated.satisfactionRating).toBe(5);
    expect(await act(anna, 'reopen')).toMatchObject({ status: 'in_progress' });
    expect(
      (await store.history(ticket.id, SYSTEM_CALLER.access)).map(({ action, actorId }) => [
        action,
        actorId,
      ]),
    ).toEqual([
      ['created', 'emp-anna'],
      ['assign', 'ag-net'],
      ['start', 'ag-net'],
      ['resolve', 'ag-net'],
      ['rate', 'emp-anna'],
      ['reopen', 'emp-anna'],
    ]);
  });

  it('lets a requester follow a ticket they see, as themselves only', async () => {
    const { open, watch } = setup();
    const ticket = await open(anna, 'Printer jams');
    const asked = { ticketId: ticket.id, actorId: '', watch: true };
    expect(await watch.execute({ ...asked, caller: lead, watcherId: 'emp-lead' })).toMatchObject({
      watcherIds: ['emp-lead'],
    });
    await expect(
      watch.execute({ ...asked, caller: lead, watcherId: 'emp-boris' }),
    ).rejects.toMatchObject(refused);
    await expect(
      watch.execute({ ...asked, caller: boris, watcherId: 'emp-boris' }),
    ).rejects.toMatchObject(notFound);
  });
});
