import { aTicketRequestBody } from '@itsm/testing';
import type { ProblemBody, TicketBody } from './support/api-bodies';
import { platformSuite } from './support/platform-suite';

interface RatedTicketBody extends TicketBody {
  tags: string[];
  watcherIds: string[];
  satisfaction: { rating: number; comment: string; ratedAt: string } | null;
}

describe('tags, watchers and satisfaction through the gateway', () => {
  const suite = platformSuite();

  const read = async (id: string) =>
    (await (await suite.fetch(`${suite.ticketsUrl}/${id}`)).json()) as RatedTicketBody;

  it('tags tickets, finds them by every tag, and edits the tags as a whole', async () => {
    const marker = `floor-${Date.now()}`;
    const created = await suite.postJson(
      suite.ticketsUrl,
      aTicketRequestBody({ tags: [' Wi-Fi ', marker, 'VIP'] }),
    );
    expect(created.status).toBe(201);
    const ticket = (await created.json()) as RatedTicketBody;
    expect(ticket.tags).toEqual(['wi-fi', marker, 'vip']);
    await suite.postJson(suite.ticketsUrl, aTicketRequestBody({ tags: [marker] }));

    const numbers = async (query: string) =>
      (
        (await (await suite.fetch(`${suite.ticketsUrl}?${query}`)).json()) as {
          items: RatedTicketBody[];
        }
      ).items.length;
    expect(await numbers(`tag=${marker}`)).toBe(2);
    expect(await numbers(`tag=${marker}&tag=vip`)).toBe(1);
    expect(await numbers(`tag=${marker},wi-fi`)).toBe(1);

    const patched = await suite.fetch(`${suite.ticketsUrl}/${ticket.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', 'if-match': `"${ticket.version}"` },
      body: JSON.stringify({ actorId: 'agent-1', tags: ['network'] }),
    });
    expect(patched.status).toBe(200);
    expect(((await patched.json()) as RatedTicketBody).tags).toEqual(['network']);
    expect(await numbers(`tag=${marker}`)).toBe(1);
  });

  it('adds and removes watchers idempotently', async () => {
    const ticket = (await (
      await suite.postJson(suite.ticketsUrl, aTicketRequestBody())
    ).json()) as RatedTicketBody;
    const watch = () =>
      suite.fetch(`${suite.ticketsUrl}/${ticket.id}/watchers/manager-3?actorId=agent-1`, {
        method: 'PUT',
      });
    expect((await watch()).status).toBe(200);
    const again = await watch();
    expect(((await again.json()) as RatedTicketBody).watcherIds).toEqual(['manager-3']);
    expect(again.headers.get('etag')).toBe('"2"');
    const removed = await suite.fetch(
      `${suite.ticketsUrl}/${ticket.id}/watchers/manager-3?actorId=agent-1`,
      { method: 'DELETE' },
    );
    expect(((await removed.json()) as RatedTicketBody).watcherIds).toEqual([]);
    expect((await read(ticket.id)).version).toBe(3);
  });

  it('takes the requester’s rating once the ticket is resolved, once', async () => {
    const body = aTicketRequestBody();
    const ticket = (await (await suite.postJson(suite.ticketsUrl, body)).json()) as RatedTicketBody;
    const rate = (rating: number, requesterId = String(body['requesterId'])) =>
      suite.postJson(`${suite.ticketsUrl}/${ticket.id}/satisfaction`, {
        requesterId,
        rating,
        comment: 'Быстро и вежливо',
      });
    expect((await rate(5)).status).toBe(409);
    for (const step of [
      { action: 'assign', assigneeId: 'agent-1' },
      { action: 'resolve', resolutionCode: 'fixed' },
    ]) {
      const response = await suite.postJson(`${suite.ticketsUrl}/${ticket.id}/transitions`, {
        actorId: 'agent-1',
        ...step,
      });
      expect(response.status).toBe(200);
    }
    expect((await rate(5, 'someone-else')).status).toBe(400);
    const rated = await rate(5);
    expect(rated.status).toBe(200);
    expect(((await rated.json()) as RatedTicketBody).satisfaction).toMatchObject({
      rating: 5,
      comment: 'Быстро и вежливо',
    });
    expect((await rate(5)).status).toBe(200);
    const changed = await rate(2);
    expect(changed.status).toBe(409);
    expect(((await changed.json()) as ProblemBody).detail).toContain('already rated 5');
  });
});
