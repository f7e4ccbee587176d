import { randomUUID } from 'node:crypto';
import { aTicketRequestBody, eventually } from '@itsm/testing';
import type { TicketBody } from './support/api-bodies';
import { createUser, postJsonAs, type TestUser } from './support/api-session';
import { EventStreamSubscription } from './support/event-stream';
import { platformSuite } from './support/platform-suite';

/** The `data` of a `ticket` event: what changed, never the content. */
interface TicketChangeData {
  id: string;
  type: string;
  ticketId: string;
  number: string;
  version: number;
  occurredAt: string;
}

describe('live ticket events (server-sent events)', () => {
  const suite = platformSuite();
  const suffix = randomUUID().slice(0, 8);
  const streams: EventStreamSubscription[] = [];
  let requesterA: TestUser;
  let requesterB: TestUser;
  let agent: TestUser;
  let supervisor: TestUser;
  let organizationA: string;
  let organizationB: string;

  async function created<T>(response: Response, what: string): Promise<T> {
    if (response.status !== 201)
      throw new Error(`${what}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }

  async function subscribe(user: TestUser, name: string): Promise<EventStreamSubscription> {
    const stream = await EventStreamSubscription.live(name, suite.platform.gatewayUrl, user.auth);
    streams.push(stream);
    return stream;
  }

  const ofTicket = (ticketId: string) => (change: TicketChangeData) => change.ticketId === ticketId;

  beforeAll(async () => {
    const gateway = suite.platform.gatewayUrl;
    const organization = async (name: string) =>
      (
        await created<{ id: string }>(
          await postJsonAs(suite.fetch, `${gateway}/api/v1/organizations`, { name }),
          `organisation ${name}`,
        )
      ).id;
    organizationA = await organization(`Live A ${suffix}`);
    organizationB = await organization(`Live B ${suffix}`);
    const user = (name: string, roles: string[], organizationId?: string) =>
      createUser(gateway, suite.admin, {
        email: `${name}-${suffix}@live.test`,
        displayName: name,
        roles,
        ...(organizationId ? { organizationId } : {}),
      });
    requesterA = await user('requester-a', ['requester'], organizationA);
    requesterB = await user('requester-b', ['requester'], organizationB);
    agent = await user('agent', ['agent']);
    supervisor = await user('supervisor', ['supervisor']);
  });

  afterAll(async () => {
    await Promise.all(streams.map((stream) => stream.close()));
  });

  it('tells each caller of the changes it may see, internal notes to staff only', async () => {
    const streamA = await subscribe(requesterA, 'requester of A');
    const streamB = await subscribe(requesterB, 'requester of B');
    const agentStream = await subscribe(agent, 'agent');
    const supervisorStream = await subscribe(supervisor, 'supervisor');

    // The integration files the ticket for requester A, as a mail gateway would.
    const ticket = await created<TicketBody>(
      await suite.postJson(
        suite.ticketsUrl,
        aTicketRequestBody({ requesterId: requesterA.id, organizationId: organizationA }),
      ),
      'ticket of A',
    );
    const comments = `${suite.ticketsUrl}/${ticket.id}/comments`;
    await created(
      await postJsonAs(agent.fetch, comments, { body: 'Could you restart the VPN client?' }),
      'public reply',
    );
    await created(
      await postJsonAs(agent.fetch, comments, {
        body: 'Probably the expired certificate again.',
        visibility: 'internal',
      }),
      'internal note',
    );
    // A later public change of the same ticket: same Kafka key, so delivered after the note.
    await created(
      await postJsonAs(requesterA.fetch, comments, { body: 'Restarted, still no luck.' }),
      'requester reply',
    );

    // Staff hear of all three comments, the internal note among them, in the order written.
    const staffComments = await commentsOf(agentStream, ticket.id, 3);
    const supervisorComments = await commentsOf(supervisorStream, ticket.id, 3);
    expect(supervisorComments.map(({ id }) => id)).toEqual(staffComments.map(({ id }) => id));
    const [publicReply, internalNote, requesterReply] = staffComments;

    // Requester A has the reply that followed the note on the same Kafka key, so the note's
    // event would have reached them before it: it did not.
    await streamA.next(
      'their own reply',
      'ticket',
      (change: TicketChangeData) => change.id === requesterReply?.id,
    );
    const seenByA = streamA.dataOf<TicketChangeData>('ticket', ofTicket(ticket.id));
    expect(seenByA.map(({ id }) => id)).not.toContain(internalNote?.id);
    expect(seenByA.filter(({ type }) => type === 'ticket.commented').map(({ id }) => id)).toEqual([
      publicReply?.id,
      requesterReply?.id,
    ]);
    const [createdForA] = seenByA;
    expect(createdForA).toMatchObject({
      type: 'ticket.created',
      ticketId: ticket.id,
      number: ticket.number,
      version: 1,
    });
    // What changed, never what it says.
    expect(Object.keys(createdForA ?? {}).sort()).toEqual(
      ['id', 'number', 'occurredAt', 'ticketId', 'type', 'version'].sort(),
    );
    expect(JSON.stringify(streamA.events)).not.toContain(ticket.title);

    // Barrier for B: every change of A's ticket has been fanned out (the supervisor has the
    // last one); B's own ticket is filed after that, so its event reaches B after anything
    // of A's that B would have been sent.
    const ticketOfB = await created<TicketBody>(
      await postJsonAs(requesterB.fetch, suite.ticketsUrl, {
        type: 'incident',
        title: 'Printer on floor 2 jams',
      }),
      'ticket of B',
    );
    await streamB.next('their own ticket', 'ticket', ofTicket(ticketOfB.id));
    expect(streamB.dataOf<TicketChangeData>('ticket', ofTicket(ticket.id))).toEqual([]);
    expect(streamB.dataOf<TicketChangeData>('ticket').map(({ ticketId }) => ticketId)).toEqual([
      ticketOfB.id,
    ]);
    // A, in turn, never hears of B's ticket. Once staff have it, it has been fanned out; a
    // change of A's made after that reaches A behind anything of B's A would have been sent.
    await supervisorStream.next('the ticket of B', 'ticket', ofTicket(ticketOfB.id));
    await agentStream.next('the ticket of B', 'ticket', ofTicket(ticketOfB.id));
    await created(
      await postJsonAs(requesterA.fetch, comments, { body: 'Any news?' }),
      'later requester reply',
    );
    await commentsOf(streamA, ticket.id, 3);
    expect(streamA.dataOf<TicketChangeData>('ticket', ofTicket(ticketOfB.id))).toEqual([]);
  });

  /** The `ticket.commented` changes of a ticket, once `count` have arrived, in order. */
  async function commentsOf(
    stream: EventStreamSubscription,
    ticketId: string,
    count: number,
  ): Promise<TicketChangeData[]> {
    const comments = () =>
      stream.dataOf<TicketChangeData>(
        'ticket',
        (change) => change.ticketId === ticketId && change.type === 'ticket.commented',
      );
    await eventually(`${count} comments on ${ticketId}`, () =>
      comments().length >= count ? true : undefined,
    );
    expect(comments()).toHaveLength(count);
    return comments();
  }
});
