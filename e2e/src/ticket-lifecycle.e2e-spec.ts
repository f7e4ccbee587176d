import { aTicketRequestBody } from '@itsm/testing';
import type { ProblemBody, TicketBody } from './support/api-bodies';
import { platformSuite } from './support/platform-suite';

describe('ticket lifecycle through the gateway', () => {
  const suite = platformSuite();

  async function create(): Promise<TicketBody> {
    const response = await suite.postJson(suite.ticketsUrl, aTicketRequestBody());
    expect(response.status).toBe(201);
    return (await response.json()) as TicketBody;
  }

  function act(
    ticket: { id: string },
    body: Record<string, unknown>,
    version?: number,
  ): Promise<Response> {
    return suite.postJson(
      `${suite.ticketsUrl}/${ticket.id}/transitions`,
      { actorId: 'agent-7', ...body },
      version === undefined ? {} : { 'If-Match': `"${version}"` },
    );
  }

  it('drives an incident from new to closed, one event per change', async () => {
    const ticket = await create();
    const steps: [Record<string, unknown>, string][] = [
      [{ action: 'assign', assigneeId: 'agent-7', assignmentGroupId: 'service-desk' }, 'assigned'],
      [{ action: 'start' }, 'in_progress'],
      [{ action: 'pend', pendingReason: 'awaiting_customer' }, 'pending'],
      [{ action: 'resume' }, 'in_progress'],
      [
        { action: 'resolve', resolutionCode: 'fixed', resolutionNotes: 'Reset the VPN profile.' },
        'resolved',
      ],
      [{ action: 'reopen' }, 'in_progress'],
      [{ action: 'resolve', resolutionCode: 'fixed' }, 'resolved'],
      [{ action: 'close' }, 'closed'],
    ];
    let current = ticket;
    for (const [body, status] of steps) {
      const response = await act(current, body, current.version);
      expect(response.status).toBe(200);
      const next = (await response.json()) as TicketBody;
      expect(next).toMatchObject({ status, version: current.version + 1 });
      expect(response.headers.get('etag')).toBe(`"${next.version}"`);
      current = next;
    }
    expect(current).toMatchObject({
      assigneeId: 'agent-7',
      resolutionCode: 'fixed',
      pendingReason: null,
    });
    expect(current.closedAt).not.toBeNull();

    const events = await suite.probe.waitForKey(ticket.id, { count: 9 });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const all = suite.probe.messages.filter((message) => message.key === ticket.id);
    expect(
      all.map((message) => message.headers['ce_type']?.replace('itsm.tickets.v1.ticket.', '')),
    ).toEqual([
      'created',
      'assigned',
      'state_changed',
      'state_changed',
      'state_changed',
      'resolved',
      'reopened',
      'resolved',
      'closed',
    ]);
    expect(new Set(all.map((message) => message.headers['ce_id'])).size).toBe(9);
    expect(events[5]?.value).toMatchObject({
      fromStatus: 'TICKET_STATUS_IN_PROGRESS',
      action: 'TICKET_ACTION_RESOLVE',
      actorId: 'agent-7',
      ticket: { status: 'TICKET_STATUS_RESOLVED', resolutionCode: 'fixed' },
    });

    const history = (await (
      await suite.fetch(`${suite.ticketsUrl}/${ticket.id}/history`)
    ).json()) as {
      items: {
        action: string;
        actorId: string;
        changes: { field: string; from: string | null; to: string | null }[];
      }[];
    };
    expect(history.items.map((entry) => entry.action)).toEqual([
      'created',
      'assign',
      'start',
      'pend',
      'resume',
      'resolve',
      'reopen',
      'resolve',
      'close',
    ]);
    expect(history.items[1]?.changes).toEqual(
      expect.arrayContaining([
        { field: 'status', from: 'new', to: 'assigned' },
        { field: 'assigneeId', from: null, to: 'agent-7' },
      ]),
    );
  });

  it('refuses a stale If-Match with 412 and loses no update', async () => {
    const ticket = await create();
    expect((await act(ticket, { action: 'assign', assigneeId: 'agent-1' }, 1)).status).toBe(200);
    const stale = await act(ticket, { action: 'cancel' }, 1);
    expect(stale.status).toBe(412);
    expect(stale.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect((await stale.json()) as ProblemBody).toMatchObject({
      type: '/problems/version-conflict',
      status: 412,
      currentVersion: 2,
    });
    const read = (await (
      await suite.fetch(`${suite.ticketsUrl}/${ticket.id}`)
    ).json()) as TicketBody;
    expect(read).toMatchObject({ status: 'assigned', version: 2 });
  });

  it('refuses a transition the state does not allow with 409 naming the allowed actions', async () => {
    const ticket = await create();
    const refused = await act(ticket, { action: 'close' });
    expect(refused.status).toBe(409);
    expect((await refused.json()) as ProblemBody).toMatchObject({
      type: '/problems/invalid-transition',
      status: 409,
      currentStatus: 'new',
      allowedActions: ['assign', 'cancel'],
    });
  });

  it('asks for what an action needs, and rejects malformed If-Match', async () => {
    const ticket = await create();
    const missing = await act(ticket, { action: 'assign' });
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as ProblemBody)['errors']).toEqual([
      { field: 'assigneeId', message: 'assign needs an assignee or an assignment group' },
    ]);
    const unknownAction = await act(ticket, { action: 'escalate' });
    expect(unknownAction.status).toBe(400);
    const malformed = await suite.postJson(
      `${suite.ticketsUrl}/${ticket.id}/transitions`,
      { action: 'cancel', actorId: 'a' },
      { 'If-Match': 'version-1' },
    );
    expect(malformed.status).toBe(400);
  });

  it('refuses an Idempotency-Key reused with a different body with 422', async () => {
    const body = aTicketRequestBody();
    expect(
      (await suite.postJson(suite.ticketsUrl, body, { 'Idempotency-Key': 'lifecycle-key' })).status,
    ).toBe(201);
    const reused = await suite.postJson(
      suite.ticketsUrl,
      { ...body, title: 'something else' },
      { 'Idempotency-Key': 'lifecycle-key' },
    );
    expect(reused.status).toBe(422);
    expect((await reused.json()) as ProblemBody).toMatchObject({
      type: '/problems/idempotency-key-reused',
    });
  });

  it('keeps a conversation: the first agent reply is the first response, internal notes stay internal', async () => {
    const ticket = await create();
    const commentsUrl = `${suite.ticketsUrl}/${ticket.id}/comments`;
    const own = await suite.postJson(commentsUrl, {
      authorId: ticket.requesterId,
      body: 'Any news?',
    });
    expect(own.status).toBe(201);
    const note = await suite.postJson(commentsUrl, {
      authorId: 'agent-7',
      visibility: 'internal',
      body: 'Known issue KB-12.',
    });
    expect(note.status).toBe(201);
    expect(
      ((await (await suite.fetch(`${suite.ticketsUrl}/${ticket.id}`)).json()) as TicketBody)
        .firstRespondedAt,
    ).toBeNull();

    const reply = await suite.postJson(
      commentsUrl,
      { authorId: 'agent-7', body: 'Fixed on our side, please retry.' },
      {
        'Idempotency-Key': 'reply-1',
      },
    );
    expect(reply.status).toBe(201);
    const replied = (await (
      await suite.fetch(`${suite.ticketsUrl}/${ticket.id}`)
    ).json()) as TicketBody;
    expect(replied.firstRespondedAt).not.toBeNull();
    expect(reply.headers.get('etag')).toBe(`"${replied.version}"`);

    const retry = await suite.postJson(
      commentsUrl,
      { authorId: 'agent-7', body: 'Fixed on our side, please retry.' },
      {
        'Idempotency-Key': 'reply-1',
      },
    );
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    const reused = await suite.postJson(
      commentsUrl,
      { authorId: 'agent-7', body: 'Another text' },
      { 'Idempotency-Key': 'reply-1' },
    );
    expect(reused.status).toBe(422);

    const publicOnly = (await (await suite.fetch(`${commentsUrl}?visibility=public`)).json()) as {
      items: { body: string }[];
    };
    expect(publicOnly.items.map((item) => item.body)).toEqual([
      'Any news?',
      'Fixed on our side, please retry.',
    ]);
    const all = (await (await suite.fetch(commentsUrl)).json()) as {
      items: { visibility: string }[];
    };
    expect(all.items.map((item) => item.visibility)).toEqual(['public', 'internal', 'public']);

    const events = await suite.probe.waitForKey(ticket.id, { count: 4 });
    const commented = events.filter(
      (event) => event.headers['ce_type'] === 'itsm.tickets.v1.ticket.commented',
    );
    expect(
      commented.map((event) => (event.value as { firstResponse?: boolean }).firstResponse ?? false),
    ).toEqual([false, false, true]);
  });

  it('refuses comments on a cancelled ticket with 409', async () => {
    const ticket = await create();
    expect((await act(ticket, { action: 'cancel' })).status).toBe(200);
    const refused = await suite.postJson(`${suite.ticketsUrl}/${ticket.id}/comments`, {
      authorId: 'agent-7',
      body: 'hello',
    });
    expect(refused.status).toBe(409);
    expect((await refused.json()) as ProblemBody).toMatchObject({ currentStatus: 'cancelled' });
  });

  it('edits a ticket: the matrix recomputes the priority, a manual priority needs a reason', async () => {
    const ticket = await create();
    const url = `${suite.ticketsUrl}/${ticket.id}`;
    const patch = (body: Record<string, unknown>, version?: number) =>
      suite.fetch(url, {
        method: 'PATCH',
        headers: {
          'content-type': 'application/json',
          ...(version ? { 'If-Match': `"${version}"` } : {}),
        },
        body: JSON.stringify({ actorId: 'agent-7', ...body }),
      });

    const raised = await patch(
      { impact: 'high', urgency: 'high', title: 'Whole floor offline' },
      1,
    );
    expect(raised.status).toBe(200);
    expect((await raised.json()) as TicketBody).toMatchObject({
      priority: 'critical',
      version: 2,
      priorityReason: null,
    });

    const noReason = await patch({ priority: 'low' });
    expect(noReason.status).toBe(400);
    expect(((await noReason.json()) as ProblemBody)['errors']).toEqual([
      { field: 'priorityReason', message: 'a manual priority needs a reason' },
    ]);

    const manual = await patch({ priority: 'low', priorityReason: 'Workaround in place' }, 2);
    expect((await manual.json()) as TicketBody).toMatchObject({
      priority: 'low',
      priorityReason: 'Workaround in place',
    });
    const stale = await patch({ title: 'late edit' }, 2);
    expect(stale.status).toBe(412);
    const back = await patch({ priority: null }, 3);
    expect((await back.json()) as TicketBody).toMatchObject({
      priority: 'critical',
      priorityReason: null,
      version: 4,
    });

    const events = await suite.probe.waitForKey(ticket.id, { count: 4 });
    const updated = events.filter(
      (event) => event.headers['ce_type'] === 'itsm.tickets.v1.ticket.updated',
    );
    expect(updated).toHaveLength(3);
    const history = (await (await suite.fetch(`${url}/history`)).json()) as {
      items: { action: string }[];
    };
    expect(history.items.map((entry) => entry.action)).toEqual([
      'created',
      'update',
      'update',
      'update',
    ]);
  });
});
