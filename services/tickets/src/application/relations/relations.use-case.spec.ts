import { SYSTEM_CALLER } from '../testing/test-callers';
import { emptyCatalog } from '../testing/in-memory-catalog-store';
import { TicketLinked, TicketMerged, TicketResolved } from '@itsm/contracts';
import type { TicketType } from '../../domain/ticket';
import { TicketErrorCode } from '../../domain/ticket-error';
import { AddCommentUseCase } from '../comments/add-comment.use-case';
import { CreateTicketUseCase } from '../create-ticket/create-ticket.use-case';
import {
  InMemoryTicketStore,
  sequentialIds,
  steppingClock,
} from '../testing/in-memory-ticket-store';
import { TransitionTicketUseCase } from '../transition-ticket/transition-ticket.use-case';
import { LinkTicketsUseCase } from './link-tickets.use-case';
import { ListRelationsUseCase } from './list-relations.use-case';
import { MergeTicketUseCase } from './merge-ticket.use-case';
import { UnlinkTicketsUseCase } from './unlink-tickets.use-case';

function setup() {
  const store = new InMemoryTicketStore();
  const clock = steppingClock(new Date('2026-11-27T09:00:00Z'), 60_000);
  const ids = sequentialIds();
  const settings = { reopenWindowMs: 3_600_000 };
  const create = (type: TicketType, title: string) =>
    new CreateTicketUseCase(store, clock, ids, emptyCatalog())
      .execute({
        caller: SYSTEM_CALLER,
        idempotencyKey: '',
        type,
        title,
        description: '',
        impact: undefined,
        urgency: undefined,
        channel: undefined,
        requesterId: 'emp-1',
        organizationId: undefined,
      })
      .then(({ ticket }) => ticket);
  return {
    store,
    create,
    link: new LinkTicketsUseCase(store, clock, ids),
    unlink: new UnlinkTicketsUseCase(store, clock),
    relations: new ListRelationsUseCase(store),
    merge: new MergeTicketUseCase(store, clock, ids, settings),
    transition: new TransitionTicketUseCase(store, clock, ids, settings),
    comment: new AddCommentUseCase(store, clock, ids),
  };
}

describe('relations', () => {
  it('links once, answers a repeated link with the same relation, and unlinks', async () => {
    const { store, create, link, unlink, relations } = setup();
    const incident = await create('incident', 'VPN drops');
    const problem = await create('problem', 'IPsec sessions time out');
    const command = {
      caller: SYSTEM_CALLER,
      sourceId: incident.id,
      kind: 'caused_by' as const,
      targetId: problem.id,
      actorId: 'pm-1',
    };
    const first = await link.execute(command);
    const again = await link.execute(command);
    expect(first.created).toBe(true);
    expect(again).toEqual({ relation: first.relation, created: false });
    expect(first.relation).toMatchObject({
      sourceNumber: 'INC-000001',
      targetNumber: 'PRB-000001',
    });
    expect(await relations.execute(problem.id, SYSTEM_CALLER)).toEqual([first.relation]);
    expect(store.events.filter(({ type }) => type === TicketLinked.type)).toHaveLength(1);

    await unlink.execute({
      caller: SYSTEM_CALLER,
      ticketId: problem.id,
      relationId: first.relation.id,
      actorId: 'pm-1',
    });
    expect(await relations.execute(incident.id, SYSTEM_CALLER)).toEqual([]);
    await expect(
      unlink.execute({
        caller: SYSTEM_CALLER,
        ticketId: problem.id,
        relationId: first.relation.id,
        actorId: 'pm-1',
      }),
    ).rejects.toMatchObject({ code: TicketErrorCode.NotFound });
  });

  it('resolving a problem resolves the incidents it caused that are being worked on', async () => {
    const { store, create, link, transition } = setup();
    const problem = await create('problem', 'Mail gateway certificate expired');
    const working = await create('incident', 'Outlook cannot send');
    const untouched = await create('incident', 'Phone mail does not sync');
    for (const incident of [working, untouched]) {
      await link.execute({
        caller: SYSTEM_CALLER,
        sourceId: incident.id,
        kind: 'caused_by',
        targetId: problem.id,
        actorId: 'pm-1',
      });
    }
    const base = { expectedVersion: undefined, actorId: 'pm-1' };
    await transition.execute({
      caller: SYSTEM_CALLER,
      ...base,
      ticketId: working.id,
      action: 'assign',
      assigneeId: 'a',
    });
    await transition.execute({
      caller: SYSTEM_CALLER,
      ...base,
      ticketId: problem.id,
      action: 'investigate',
    });
    await transition.execute({
      caller: SYSTEM_CALLER,
      ...base,
      ticketId: problem.id,
      action: 'resolve',
      resolutionCode: 'fixed',
      rootCause: 'The TLS certificate of the mail gateway expired.',
      resolveLinkedIncidents: true,
    });
    expect(store.stored(working.id)).toMatchObject({
      status: 'resolved',
      resolutionCode: 'fixed',
      resolutionNotes: expect.stringContaining('PRB-000001') as string,
    });
    expect(store.stored(untouched.id)?.status).toBe('new');
    expect(
      store.events.filter(({ type }) => type === TicketResolved.type).map(({ event }) => event.key),
    ).toEqual([problem.id, working.id]);
  });

  it('merges a duplicate: cancelled, its conversation moved, both trails tell', async () => {
    const { store, create, merge, comment, relations } = setup();
    const target = await create('incident', 'Printer on floor 3 jams');
    const source = await create('incident', 'Принтер на 3 этаже зажёвывает бумагу');
    for (const body of ['Since this morning', 'Tried another tray']) {
      await comment.execute({
        caller: SYSTEM_CALLER,
        ticketId: source.id,
        idempotencyKey: '',
        authorId: 'emp-1',
        visibility: 'public',
        body,
      });
    }
    const merged = await merge.execute({
      caller: SYSTEM_CALLER,
      sourceId: source.id,
      targetId: target.id,
      actorId: 'agent-1',
      expectedVersion: source.version,
    });
    expect(merged.movedComments).toBe(2);
    expect(merged.source).toMatchObject({ status: 'cancelled', resolutionCode: 'duplicate' });
    expect(store.commentRows.every(({ comment: moved }) => moved.ticketId === target.id)).toBe(
      true,
    );
    expect(
      (await relations.execute(target.id, SYSTEM_CALLER)).map((relation) => relation.kind),
    ).toEqual(['duplicate_of']);
    expect((await store.history(target.id, SYSTEM_CALLER.access)).at(-1)).toMatchObject({
      action: 'merge',
      changes: { mergedFrom: { from: null, to: source.number } },
    });
    expect(store.events.at(-1)?.type).toBe(TicketMerged.type);
    await expect(
      merge.execute({
        caller: SYSTEM_CALLER,
        sourceId: source.id,
        targetId: target.id,
        actorId: 'agent-1',
        expectedVersion: undefined,
      }),
    ).rejects.toMatchObject({ code: TicketErrorCode.InvalidTransition });
  });
});
