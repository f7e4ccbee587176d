import { aTicketRequestBody } from '@itsm/testing';
import type { ProblemBody, TicketBody } from './support/api-bodies';
import { platformSuite } from './support/platform-suite';

interface RelationBody {
  id: string;
  sourceId: string;
  sourceNumber: string;
  kind: string;
  targetId: string;
  targetNumber: string;
}

describe('relations, merge and bulk updates through the gateway', () => {
  const suite = platformSuite();

  async function create(body: Record<string, unknown> = {}): Promise<TicketBody> {
    const response = await suite.postJson(suite.ticketsUrl, aTicketRequestBody(body));
    expect(response.status).toBe(201);
    return (await response.json()) as TicketBody;
  }

  async function act(ticket: TicketBody, body: Record<string, unknown>): Promise<TicketBody> {
    const response = await suite.postJson(`${suite.ticketsUrl}/${ticket.id}/transitions`, {
      actorId: 'agent-1',
      ...body,
    });
    expect(response.status).toBe(200);
    return (await response.json()) as TicketBody;
  }

  const link = (source: TicketBody, kind: string, target: TicketBody) =>
    suite.postJson(`${suite.ticketsUrl}/${source.id}/relations`, {
      kind,
      targetId: target.id,
      actorId: 'pm-1',
    });

  it('links incidents to their problem and resolves them with it', async () => {
    const problem = await create({ type: 'problem', title: 'Mail gateway certificate expired' });
    const outlook = await act(await create({ title: 'Outlook cannot send' }), {
      action: 'assign',
      assigneeId: 'agent-1',
    });
    const phone = await create({ title: 'Почта на телефоне не синхронизируется' });

    const created = await link(outlook, 'caused_by', problem);
    expect(created.status).toBe(201);
    const relation = (await created.json()) as RelationBody;
    expect(relation).toMatchObject({ kind: 'caused_by', targetNumber: problem.number });
    expect(created.headers.get('location')).toBe(
      `/api/v1/tickets/${outlook.id}/relations/${relation.id}`,
    );
    const again = await link(outlook, 'caused_by', problem);
    expect(again.status).toBe(200);
    expect(((await again.json()) as RelationBody).id).toBe(relation.id);
    expect((await link(phone, 'caused_by', problem)).status).toBe(201);

    const wrongWay = await link(problem, 'caused_by', outlook);
    expect(wrongWay.status).toBe(400);
    expect(((await wrongWay.json()) as ProblemBody).detail).toContain('caused_by relates');

    const listed = (await (
      await suite.fetch(`${suite.ticketsUrl}/${problem.id}/relations`)
    ).json()) as {
      items: RelationBody[];
    };
    expect(listed.items.map((item) => item.sourceNumber).sort()).toEqual(
      [outlook.number, phone.number].sort(),
    );

    await act(problem, { action: 'investigate' });
    await act(problem, {
      action: 'resolve',
      resolutionCode: 'fixed',
      rootCause: 'The TLS certificate of the mail gateway expired on Sunday.',
      resolveLinkedIncidents: true,
    });
    const resolved = (await (
      await suite.fetch(`${suite.ticketsUrl}/${outlook.id}`)
    ).json()) as TicketBody;
    expect(resolved).toMatchObject({ status: 'resolved', resolutionCode: 'fixed' });
    const untouched = (await (
      await suite.fetch(`${suite.ticketsUrl}/${phone.id}`)
    ).json()) as TicketBody;
    expect(untouched.status).toBe('new');

    const unlinked = await suite.fetch(
      `${suite.ticketsUrl}/${problem.id}/relations/${relation.id}?actorId=pm-1`,
      { method: 'DELETE' },
    );
    expect(unlinked.status).toBe(204);
    await suite.probe.waitForKey(outlook.id, { count: 5 });
    const types = suite.probe.messages
      .filter((message) => message.key === outlook.id)
      .map((message) => String(message.headers['ce_type']).replace('itsm.tickets.v1.', ''));
    expect(types).toEqual([
      'ticket.created',
      'ticket.assigned',
      'ticket.linked',
      'ticket.resolved',
      'ticket.unlinked',
    ]);
  });

  it('merges a duplicate: its conversation moves, it is cancelled, nothing is lost', async () => {
    const target = await create({ title: 'Printer on floor 3 jams' });
    const source = await create({ title: 'Принтер на 3 этаже зажёвывает бумагу' });
    for (const body of ['С утра не печатает', 'Пробовали другой лоток']) {
      const comment = await suite.postJson(`${suite.ticketsUrl}/${source.id}/comments`, {
        authorId: source.requesterId,
        body,
      });
      expect(comment.status).toBe(201);
    }
    const stale = await suite.postJson(
      `${suite.ticketsUrl}/${source.id}/merge`,
      { targetId: target.id, actorId: 'agent-1' },
      { 'If-Match': '"7"' },
    );
    expect(stale.status).toBe(412);

    const response = await suite.postJson(
      `${suite.ticketsUrl}/${source.id}/merge`,
      { targetId: target.id, actorId: 'agent-1' },
      { 'If-Match': `"${source.version}"` },
    );
    expect(response.status).toBe(200);
    const merged = (await response.json()) as {
      source: TicketBody;
      target: TicketBody;
      movedComments: number;
    };
    expect(merged.movedComments).toBe(2);
    expect(merged.source).toMatchObject({ status: 'cancelled', resolutionCode: 'duplicate' });
    const comments = (await (
      await suite.fetch(`${suite.ticketsUrl}/${target.id}/comments`)
    ).json()) as {
      items: { body: string }[];
    };
    expect(comments.items.map((item) => item.body)).toEqual([
      'С утра не печатает',
      'Пробовали другой лоток',
    ]);
    const relations = (await (
      await suite.fetch(`${suite.ticketsUrl}/${source.id}/relations`)
    ).json()) as { items: RelationBody[] };
    expect(relations.items.map((item) => [item.kind, item.targetNumber])).toEqual([
      ['duplicate_of', target.number],
    ]);
    // created, two comments, merged
    await suite.probe.waitForKey(source.id, { count: 4 });
    expect(
      suite.probe.messages
        .filter((message) => message.key === source.id)
        .map((message) => message.headers['ce_type']),
    ).toContain('itsm.tickets.v1.ticket.merged');
  });

  it('assigns many tickets at once, and changes none when one of them refuses', async () => {
    const open = [await create(), await create(), await create()];
    const assigned = await suite.postJson(`${suite.ticketsUrl}/bulk`, {
      ids: open.map((ticket) => ticket.id),
      transition: { action: 'assign', assignmentGroupId: 'network', actorId: 'lead-1' },
    });
    expect(assigned.status).toBe(200);
    const { items } = (await assigned.json()) as { items: TicketBody[] };
    expect(items.map((ticket) => [ticket.status, ticket.assignmentGroupId])).toEqual([
      ['assigned', 'network'],
      ['assigned', 'network'],
      ['assigned', 'network'],
    ]);

    const cancelled = await act(await create(), { action: 'cancel' });
    const refused = await suite.postJson(`${suite.ticketsUrl}/bulk`, {
      ids: [...open.map((ticket) => ticket.id), cancelled.id],
      transition: { action: 'start', actorId: 'lead-1' },
    });
    expect(refused.status).toBe(409);
    const problem = (await refused.json()) as ProblemBody;
    expect(problem['ticketNumber']).toBe(cancelled.number);
    for (const ticket of open) {
      const read = (await (
        await suite.fetch(`${suite.ticketsUrl}/${ticket.id}`)
      ).json()) as TicketBody;
      expect(read.status).toBe('assigned');
    }

    const edited = await suite.postJson(`${suite.ticketsUrl}/bulk`, {
      ids: open.map((ticket) => ticket.id),
      update: { urgency: 'high', actorId: 'lead-1' },
    });
    expect(edited.status).toBe(200);
    const invalid = await suite.postJson(`${suite.ticketsUrl}/bulk`, { ids: ['not-a-uuid'] });
    expect(invalid.status).toBe(400);
  });
});
