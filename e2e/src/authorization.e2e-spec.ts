import { randomUUID } from 'node:crypto';
import { eventually } from '@itsm/testing';
import type { TicketBody } from './support/api-bodies';
import {
  type AuthHeaders,
  type CallerFetch,
  createUser,
  fetchAs,
  integrationKey,
  postJsonAs,
  signIn,
  type TestUser,
} from './support/api-session';
import { type Attempt, expectOutcomes, outcomeOf } from './support/access-outcomes';
import { platformSuite } from './support/platform-suite';

interface CommentBody {
  id: string;
  authorId: string;
  visibility: string;
  body: string;
}

/** A request as a caller: JSON body when given. */
function requestAs(
  caller: CallerFetch,
  method: string,
  url: string,
  body?: unknown,
): Promise<Response> {
  return caller(url, {
    method,
    ...(body === undefined
      ? {}
      : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
}

describe('authorization: nobody sees or changes what is not theirs', () => {
  const suite = platformSuite({ routing: true, sla: true });
  const suffix = randomUUID().slice(0, 8);
  /** Marks the fixture's tickets, so lists can be compared exactly. */
  const fixtureTag = `authz-${suffix}`;
  const url = (path: string) => `${suite.platform.gatewayUrl}${path}`;
  const ticketUrl = (id: string, rest = '') => `${suite.ticketsUrl}/${id}${rest}`;

  let organizationA: string;
  let organizationB: string;
  let requesterA: TestUser;
  let colleagueA: TestUser;
  let orgWideA: TestUser;
  let requesterB: TestUser;
  let agentX: TestUser;
  let agentY: TestUser;
  let supervisor: TestUser;
  let manager: TestUser;
  let administrator: CallerFetch;
  let groupX: string;
  let groupY: string;
  /** Requester A's own ticket, worked by group X. */
  let ticketA: TicketBody;
  /** A colleague's ticket in organisation A, worked by group Y. */
  let colleagueTicket: TicketBody;
  /** Requester B's ticket, worked by group Y. */
  let ticketB: TicketBody;
  let publicReply: CommentBody;
  let internalNote: CommentBody;
  const internalNoteText = `Internal: the customer's VPN certificate is revoked ${suffix}`;

  async function body<T>(response: Response, status: number, what: string): Promise<T> {
    if (response.status !== status)
      throw new Error(
        `${what}: expected ${status}, got ${response.status} ${await response.text()}`,
      );
    return (await response.json()) as T;
  }

  async function signedInAgain(user: TestUser): Promise<TestUser> {
    const auth = await signIn(suite.platform.gatewayUrl, user.email, user.password);
    return { ...user, auth, fetch: fetchAs(auth) };
  }

  beforeAll(async () => {
    const gateway = suite.platform.gatewayUrl;
    administrator = fetchAs(suite.admin);
    const organization = async (name: string) =>
      (
        await body<{ id: string }>(
          await postJsonAs(administrator, url('/api/v1/organizations'), { name }),
          201,
          `organisation ${name}`,
        )
      ).id;
    organizationA = await organization(`Org A ${suffix}`);
    organizationB = await organization(`Org B ${suffix}`);
    const user = (
      name: string,
      roles: string[],
      extra: { organizationId?: string; organizationWide?: boolean } = {},
    ) =>
      createUser(gateway, suite.admin, {
        email: `${name}-${suffix}@authz.test`,
        displayName: name,
        roles,
        ...extra,
      });
    requesterA = await user('requester-a', ['requester'], { organizationId: organizationA });
    colleagueA = await user('colleague-a', ['requester'], { organizationId: organizationA });
    orgWideA = await user('org-wide-a', ['requester'], {
      organizationId: organizationA,
      organizationWide: true,
    });
    requesterB = await user('requester-b', ['requester'], { organizationId: organizationB });
    supervisor = await user('supervisor', ['supervisor']);
    manager = await user('manager', ['service_desk_manager']);

    // Agents' groups come from routing, read at sign-in: records first, then sign in again.
    const line = await body<{ id: string }>(
      await suite.postJson(url('/api/v1/routing/lines'), { name: `1st line ${suffix}`, level: 1 }),
      201,
      'support line',
    );
    const group = async (name: string) =>
      (
        await body<{ id: string }>(
          await suite.postJson(url('/api/v1/routing/groups'), {
            name: `${name} ${suffix}`,
            lineId: line.id,
            strategy: 'least_loaded',
            autoAssign: false,
          }),
          201,
          `group ${name}`,
        )
      ).id;
    groupX = await group('Group X');
    groupY = await group('Group Y');
    const agent = async (name: string, groupId: string) => {
      const created = await user(name, ['agent']);
      await body(
        await suite.postJson(url('/api/v1/routing/agents'), {
          userId: created.id,
          displayName: name,
          groupIds: [groupId],
          capacity: 10,
          availability: 'online',
        }),
        201,
        `agent record of ${name}`,
      );
      return signedInAgain(created);
    };
    agentX = await agent('agent-x', groupX);
    agentY = await agent('agent-y', groupY);

    const fileTicket = async (requester: TestUser, title: string, groupId: string) => {
      const ticket = await body<TicketBody>(
        await postJsonAs(requester.fetch, suite.ticketsUrl, {
          type: 'incident',
          title,
          tags: [fixtureTag],
        }),
        201,
        title,
      );
      return body<TicketBody>(
        await postJsonAs(supervisor.fetch, ticketUrl(ticket.id, '/transitions'), {
          action: 'assign',
          assignmentGroupId: groupId,
        }),
        200,
        `assigning ${title}`,
      );
    };
    ticketA = await fileTicket(requesterA, 'VPN drops every hour', groupX);
    colleagueTicket = await fileTicket(colleagueA, 'Monitor flickers', groupY);
    ticketB = await fileTicket(requesterB, 'Printer jams', groupY);

    publicReply = await body<CommentBody>(
      await postJsonAs(agentX.fetch, ticketUrl(ticketA.id, '/comments'), {
        body: 'Please try the new client.',
      }),
      201,
      'public reply',
    );
    internalNote = await body<CommentBody>(
      await postJsonAs(agentX.fetch, ticketUrl(ticketA.id, '/comments'), {
        body: internalNoteText,
        visibility: 'internal',
      }),
      201,
      'internal note',
    );
  });

  /** Reads and changes of a ticket the caller must not see, and what each must answer. */
  function foreignTicketAttempts(
    who: string,
    caller: CallerFetch,
    ticket: TicketBody,
    { works }: { works: boolean },
  ): Attempt[] {
    const at = (rest: string) => ticketUrl(ticket.id, rest);
    const on = `${who} on ${ticket.title}`;
    // What a requester's role lacks is refused before the ticket is looked at (403); the rest
    // answers as if the ticket did not exist (404).
    const unlessWorker = works ? 404 : 403;
    return [
      { what: `${on}: GET`, call: () => caller(at('')), expected: 404 },
      {
        what: `${on}: PATCH`,
        call: () => requestAs(caller, 'PATCH', at(''), { title: 'Taken over' }),
        expected: unlessWorker,
      },
      {
        what: `${on}: comment`,
        call: () => postJsonAs(caller, at('/comments'), { body: 'Hello from outside' }),
        expected: 404,
      },
      {
        what: `${on}: transition`,
        call: () => postJsonAs(caller, at('/transitions'), { action: 'cancel' }),
        expected: 404,
      },
      { what: `${on}: GET comments`, call: () => caller(at('/comments')), expected: 404 },
      { what: `${on}: GET history`, call: () => caller(at('/history')), expected: 404 },
      { what: `${on}: GET sla`, call: () => caller(at('/sla')), expected: unlessWorker },
      { what: `${on}: GET routing`, call: () => caller(at('/routing')), expected: unlessWorker },
      { what: `${on}: GET impact`, call: () => caller(at('/impact')), expected: unlessWorker },
      {
        what: `${on}: GET knowledge articles`,
        call: () => caller(url(`/api/v1/knowledge/tickets/${ticket.id}/articles`)),
        expected: 404,
      },
      { what: `${on}: GET attachments`, call: () => caller(at('/attachments')), expected: 404 },
      { what: `${on}: GET relations`, call: () => caller(at('/relations')), expected: 404 },
      {
        what: `${on}: escalate`,
        call: () => postJsonAs(caller, at('/escalations'), { reason: 'Please hurry' }),
        expected: unlessWorker,
      },
    ];
  }

  /** The ids of the fixture's tickets the caller's list shows. */
  async function listedTickets(caller: CallerFetch, query: Record<string, string> = {}) {
    const search = new URLSearchParams({ tag: fixtureTag, limit: '100', ...query });
    const page = await body<{ items: TicketBody[] }>(
      await caller(`${suite.ticketsUrl}?${search}`),
      200,
      'ticket list',
    );
    return page.items.map(({ id }) => id).sort();
  }

  const sorted = (...tickets: TicketBody[]) => tickets.map(({ id }) => id).sort();

  describe('requesters', () => {
    it('see their own ticket and list exactly their own', async () => {
      await expectOutcomes([
        {
          what: 'A reads own ticket',
          call: () => requesterA.fetch(ticketUrl(ticketA.id)),
          expected: 200,
        },
        {
          what: 'A reads own history',
          call: () => requesterA.fetch(ticketUrl(ticketA.id, '/history')),
          expected: 200,
        },
        {
          what: 'B reads own ticket',
          call: () => requesterB.fetch(ticketUrl(ticketB.id)),
          expected: 200,
        },
      ]);
      expect(await listedTickets(requesterA.fetch)).toEqual(sorted(ticketA));
      expect(await listedTickets(colleagueA.fetch)).toEqual(sorted(colleagueTicket));
      expect(await listedTickets(requesterB.fetch)).toEqual(sorted(ticketB));
    });

    it('cannot widen their list with filters naming others', async () => {
      expect(await listedTickets(requesterA.fetch, { requesterId: requesterB.id })).toEqual([]);
      expect(await listedTickets(requesterA.fetch, { organizationId: organizationB })).toEqual([]);
      expect(await listedTickets(requesterA.fetch, { requesterId: colleagueA.id })).toEqual([]);
      expect(await listedTickets(orgWideA.fetch, { organizationId: organizationB })).toEqual([]);
    });

    it('see a colleague’s ticket only when organisation-wide, and never another organisation’s', async () => {
      await expectOutcomes([
        {
          what: 'organisation-wide A reads a colleague’s ticket',
          call: () => orgWideA.fetch(ticketUrl(colleagueTicket.id)),
          expected: 200,
        },
        {
          what: 'organisation-wide A reads their colleague’s comments',
          call: () => orgWideA.fetch(ticketUrl(ticketA.id, '/comments')),
          expected: 200,
        },
        ...foreignTicketAttempts('requester A', requesterA.fetch, colleagueTicket, {
          works: false,
        }),
        ...foreignTicketAttempts('requester A', requesterA.fetch, ticketB, { works: false }),
        ...foreignTicketAttempts('organisation-wide A', orgWideA.fetch, ticketB, { works: false }),
        ...foreignTicketAttempts('requester B', requesterB.fetch, ticketA, { works: false }),
      ]);
      expect(await listedTickets(orgWideA.fetch)).toEqual(sorted(ticketA, colleagueTicket));
    });

    it('answer a ticket they may not see exactly as one that does not exist', async () => {
      const problemOf = async (response: Response) => {
        const { status, type, title, detail } = (await response.json()) as Record<string, unknown>;
        return { status, type, title, detail: String(detail).replace(/[0-9a-f-]{36}/g, '<id>') };
      };
      const foreign = await problemOf(await requesterA.fetch(ticketUrl(ticketB.id)));
      const missing = await problemOf(await requesterA.fetch(ticketUrl(randomUUID())));
      expect(foreign).toEqual(missing);
      const foreignSla = await problemOf(await agentX.fetch(ticketUrl(ticketB.id, '/sla')));
      const missingSla = await problemOf(await agentX.fetch(ticketUrl(randomUUID(), '/sla')));
      expect(foreignSla.status).toBe(404);
      expect(foreignSla).toEqual(missingSla);
    });

    it('never get an internal note, and may not write one', async () => {
      const comments = await body<{ items: CommentBody[] }>(
        await requesterA.fetch(ticketUrl(ticketA.id, '/comments')),
        200,
        'comments as requester',
      );
      expect(comments.items.map(({ id }) => id)).toEqual([publicReply.id]);
      const onlyInternal = await body<{ items: CommentBody[] }>(
        await requesterA.fetch(ticketUrl(ticketA.id, '/comments?visibility=internal')),
        200,
        'internal comments as requester',
      );
      expect(onlyInternal.items).toEqual([]);
      for (const path of ['', '/history', '/comments']) {
        const response = await requesterA.fetch(ticketUrl(ticketA.id, path));
        expect(response.status).toBe(200);
        const text = await response.text();
        expect(text).not.toContain(internalNote.id);
        expect(text).not.toContain(internalNoteText);
      }
      const list = await (await requesterA.fetch(`${suite.ticketsUrl}?tag=${fixtureTag}`)).text();
      expect(list).not.toContain(internalNoteText);
      // Positive control: staff of the group read the note.
      const staffComments = await body<{ items: CommentBody[] }>(
        await agentX.fetch(ticketUrl(ticketA.id, '/comments')),
        200,
        'comments as agent',
      );
      expect(staffComments.items.map(({ id }) => id)).toEqual([publicReply.id, internalNote.id]);

      await expectOutcomes([
        {
          what: 'requester A writes an internal note on their own ticket',
          call: () =>
            postJsonAs(requesterA.fetch, ticketUrl(ticketA.id, '/comments'), {
              body: 'Let me in',
              visibility: 'internal',
            }),
          expected: 403,
        },
        {
          what: 'organisation-wide A writes an internal note',
          call: () =>
            postJsonAs(orgWideA.fetch, ticketUrl(ticketA.id, '/comments'), {
              body: 'Let me in',
              visibility: 'internal',
            }),
          expected: 403,
        },
      ]);
    });

    it('act as themselves: naming someone else is refused, and the actor recorded is the caller', async () => {
      await expectOutcomes([
        {
          what: 'A comments as their colleague',
          call: () =>
            postJsonAs(requesterA.fetch, ticketUrl(ticketA.id, '/comments'), {
              body: 'Written by my colleague, honestly',
              authorId: colleagueA.id,
            }),
          expected: 403,
        },
        {
          what: 'A files a ticket for their colleague',
          call: () =>
            postJsonAs(requesterA.fetch, suite.ticketsUrl, {
              type: 'incident',
              title: 'For somebody else',
              requesterId: colleagueA.id,
            }),
          expected: 403,
        },
        {
          what: 'A files a ticket into organisation B',
          call: () =>
            postJsonAs(requesterA.fetch, suite.ticketsUrl, {
              type: 'incident',
              title: 'Into another organisation',
              organizationId: organizationB,
            }),
          expected: 403,
        },
      ]);
      const own = await body<CommentBody>(
        await postJsonAs(requesterA.fetch, ticketUrl(ticketA.id, '/comments'), {
          body: 'Still broken',
        }),
        201,
        'comment as requester',
      );
      expect(own.authorId).toBe(requesterA.id);
      const history = await body<{ items: { action: string; actorId: string }[] }>(
        await requesterA.fetch(ticketUrl(ticketA.id, '/history')),
        200,
        'history',
      );
      expect(history.items.find(({ action }) => action === 'created')?.actorId).toBe(requesterA.id);
      expect(ticketA.requesterId).toBe(requesterA.id);
      expect(publicReply.authorId).toBe(agentX.id);
    });
  });

  describe('agents', () => {
    it('see their group’s tickets and nothing of another group’s', async () => {
      await expectOutcomes([
        {
          what: 'agent X reads group X’s ticket',
          call: () => agentX.fetch(ticketUrl(ticketA.id)),
          expected: 200,
        },
        {
          what: 'agent X comments on group X’s ticket',
          call: () =>
            postJsonAs(agentX.fetch, ticketUrl(ticketA.id, '/comments'), { body: 'On it' }),
          expected: 201,
        },
        {
          what: 'agent Y reads group Y’s ticket',
          call: () => agentY.fetch(ticketUrl(ticketB.id)),
          expected: 200,
        },
        ...foreignTicketAttempts('agent X', agentX.fetch, ticketB, { works: true }),
        ...foreignTicketAttempts('agent X', agentX.fetch, colleagueTicket, { works: true }),
        ...foreignTicketAttempts('agent Y', agentY.fetch, ticketA, { works: true }),
      ]);
      expect(await listedTickets(agentX.fetch)).toEqual(sorted(ticketA));
      expect(await listedTickets(agentY.fetch)).toEqual(sorted(colleagueTicket, ticketB));
      expect(await listedTickets(agentX.fetch, { assignmentGroupId: groupY })).toEqual([]);
      // The services behind the sub-resources answer for the ticket once it is visible.
      await eventually('the routing of group X’s ticket for agent X', async () => {
        const response = await agentX.fetch(ticketUrl(ticketA.id, '/routing'));
        return response.status === 200 ? true : undefined;
      });
    });

    it('may not name another actor', async () => {
      await expectOutcomes([
        {
          what: 'agent X edits as agent Y',
          call: () =>
            requestAs(agentX.fetch, 'PATCH', ticketUrl(ticketA.id), {
              title: 'Edited by someone else',
              actorId: agentY.id,
            }),
          expected: 403,
        },
        {
          what: 'agent X comments as the requester',
          call: () =>
            postJsonAs(agentX.fetch, ticketUrl(ticketA.id, '/comments'), {
              body: 'I withdraw my ticket',
              authorId: requesterA.id,
            }),
          expected: 403,
        },
      ]);
    });
  });

  describe('supervisors', () => {
    it('see every ticket', async () => {
      expect(await listedTickets(supervisor.fetch)).toEqual(
        sorted(ticketA, colleagueTicket, ticketB),
      );
      const attempts: Attempt[] = [ticketA, colleagueTicket, ticketB].flatMap((ticket) => [
        {
          what: `supervisor reads ${ticket.title}`,
          call: () => supervisor.fetch(ticketUrl(ticket.id)),
          expected: 200,
        },
        {
          what: `supervisor reads the comments of ${ticket.title}`,
          call: () => supervisor.fetch(ticketUrl(ticket.id, '/comments')),
          expected: 200,
        },
      ]);
      await expectOutcomes(attempts);
      await eventually('the SLA clocks of B’s ticket for the supervisor', async () => {
        const response = await supervisor.fetch(ticketUrl(ticketB.id, '/sla'));
        return response.status === 200 ? true : undefined;
      });
    });
  });

  describe('administration', () => {
    /** What only the service desk's management and the administrators may do. */
    function administrationAttempts(who: string, caller: CallerFetch, { read }: { read: boolean }) {
      const attempts: Attempt[] = [
        { what: `${who}: list users`, call: () => caller(url('/api/v1/users')), expected: 403 },
        {
          what: `${who}: create a user`,
          call: () =>
            postJsonAs(caller, url('/api/v1/users'), {
              email: `intruder-${randomUUID().slice(0, 8)}@authz.test`,
              displayName: 'Intruder',
              password: 'a-long-enough-password',
              roles: ['administrator'],
            }),
          expected: 403,
        },
        {
          what: `${who}: make themselves administrator`,
          call: () =>
            requestAs(caller, 'PUT', url(`/api/v1/users/${requesterA.id}/roles`), {
              roles: ['administrator'],
            }),
          expected: 403,
        },
        {
          what: `${who}: list organisations`,
          call: () => caller(url('/api/v1/organizations')),
          expected: 403,
        },
        {
          what: `${who}: create an organisation`,
          call: () =>
            postJsonAs(caller, url('/api/v1/organizations'), { name: `Shadow ${randomUUID()}` }),
          expected: 403,
        },
        {
          what: `${who}: list service accounts`,
          call: () => caller(url('/api/v1/service-accounts')),
          expected: 403,
        },
        {
          what: `${who}: read the audit log`,
          call: () => caller(url('/api/v1/audit-events')),
          expected: 403,
        },
        {
          what: `${who}: create a routing rule`,
          call: () =>
            postJsonAs(caller, url('/api/v1/routing/rules'), {
              name: 'Everything to me',
              conditions: [{ field: 'priority', operator: 'in', values: ['critical'] }],
              actions: { setGroupId: groupX },
            }),
          expected: 403,
        },
        {
          what: `${who}: create a routing group`,
          call: () =>
            postJsonAs(caller, url('/api/v1/routing/groups'), {
              name: 'Mine',
              strategy: 'least_loaded',
            }),
          expected: 403,
        },
        {
          what: `${who}: create an SLA policy`,
          call: () => postJsonAs(caller, url('/api/v1/sla/policies'), { name: 'No deadlines' }),
          expected: 403,
        },
        {
          what: `${who}: create an SLA calendar`,
          call: () => postJsonAs(caller, url('/api/v1/sla/calendars'), { name: 'Always off' }),
          expected: 403,
        },
        {
          what: `${who}: read the SLA compliance report`,
          call: () => caller(url('/api/v1/sla/reports/compliance')),
          expected: 403,
        },
        {
          what: `${who}: create a catalog service`,
          call: () => postJsonAs(caller, url('/api/v1/catalog/services'), { name: 'Free laptops' }),
          expected: 403,
        },
        {
          what: `${who}: create a catalog category`,
          call: () => postJsonAs(caller, url('/api/v1/catalog/categories'), { name: 'Perks' }),
          expected: 403,
        },
        {
          what: `${who}: create a CMDB type`,
          call: () =>
            postJsonAs(caller, url('/api/v1/cmdb/types'), { key: 'backdoor', nameEn: 'Backdoor' }),
          expected: 403,
        },
        {
          what: `${who}: change the priority matrix`,
          call: () =>
            requestAs(caller, 'PUT', url('/api/v1/settings/priority-matrix'), { matrix: {} }),
          expected: 403,
        },
      ];
      if (!read) return attempts;
      return [
        ...attempts,
        {
          what: `${who}: read routing rules`,
          call: () => caller(url('/api/v1/routing/rules')),
          expected: 403,
        },
        {
          what: `${who}: read SLA policies`,
          call: () => caller(url('/api/v1/sla/policies')),
          expected: 403,
        },
        {
          what: `${who}: read the CMDB`,
          call: () => caller(url('/api/v1/cmdb/items')),
          expected: 403,
        },
        {
          what: `${who}: use saved views`,
          call: () => caller(url('/api/v1/views')),
          expected: 403,
        },
      ];
    }

    it('is refused to requesters and agents', async () => {
      await expectOutcomes([
        ...administrationAttempts('requester A', requesterA.fetch, { read: true }),
        ...administrationAttempts('organisation-wide A', orgWideA.fetch, { read: true }),
        ...administrationAttempts('agent X', agentX.fetch, { read: false }),
      ]);
    });

    it('keeps user administration and the audit log from supervisors', async () => {
      await expectOutcomes([
        {
          what: 'supervisor lists users',
          call: () => supervisor.fetch(url('/api/v1/users')),
          expected: 200,
        },
        {
          what: 'supervisor creates a requester',
          call: () =>
            postJsonAs(supervisor.fetch, url('/api/v1/users'), {
              email: `by-supervisor-${suffix}@authz.test`,
              displayName: 'By supervisor',
              password: 'a-long-enough-password',
              roles: ['requester'],
            }),
          expected: 403,
        },
        {
          what: 'supervisor reads the audit log',
          call: () => supervisor.fetch(url('/api/v1/audit-events')),
          expected: 403,
        },
        {
          what: 'supervisor lists service accounts',
          call: () => supervisor.fetch(url('/api/v1/service-accounts')),
          expected: 403,
        },
        {
          what: 'supervisor creates a routing rule',
          call: () =>
            postJsonAs(supervisor.fetch, url('/api/v1/routing/rules'), {
              name: 'Mine',
              conditions: [{ field: 'priority', operator: 'in', values: ['critical'] }],
              actions: { setGroupId: groupX },
            }),
          expected: 403,
        },
      ]);
    });

    it('lets a service desk manager run the desk but not grant administrator or touch API keys', async () => {
      const administratorUser = await createUser(suite.platform.gatewayUrl, suite.admin, {
        email: `second-admin-${suffix}@authz.test`,
        displayName: 'Second administrator',
        roles: ['administrator'],
      });
      const account = await body<{ id: string }>(
        await postJsonAs(administrator, url('/api/v1/service-accounts'), {
          name: `mail-${suffix}`,
        }),
        201,
        'service account',
      );
      const key = await body<{ id: string; key: string }>(
        await postJsonAs(administrator, url(`/api/v1/service-accounts/${account.id}/api-keys`), {
          name: 'production',
          scopes: ['tickets:read'],
        }),
        201,
        'API key',
      );
      const keyUrl = url(`/api/v1/service-accounts/${account.id}/api-keys/${key.id}`);
      const readKey = fetchAs({ 'x-api-key': key.key });
      await expectOutcomes([
        {
          what: 'manager creates a requester',
          call: () =>
            postJsonAs(manager.fetch, url('/api/v1/users'), {
              email: `by-manager-${suffix}@authz.test`,
              displayName: 'By manager',
              password: 'a-long-enough-password',
              roles: ['requester'],
            }),
          expected: 201,
        },
        {
          what: 'manager reads the audit log',
          call: () => manager.fetch(url('/api/v1/audit-events')),
          expected: 200,
        },
        {
          what: 'manager creates an administrator',
          call: () =>
            postJsonAs(manager.fetch, url('/api/v1/users'), {
              email: `admin-by-manager-${suffix}@authz.test`,
              displayName: 'Admin by manager',
              password: 'a-long-enough-password',
              roles: ['administrator'],
            }),
          expected: 403,
        },
        {
          what: 'manager grants administrator to a requester',
          call: () =>
            requestAs(manager.fetch, 'PUT', url(`/api/v1/users/${requesterA.id}/roles`), {
              roles: ['administrator'],
            }),
          expected: 403,
        },
        {
          what: 'manager grants administrator to themselves',
          call: () =>
            requestAs(manager.fetch, 'PUT', url(`/api/v1/users/${manager.id}/roles`), {
              roles: ['administrator'],
            }),
          expected: 403,
        },
        {
          what: 'manager demotes an administrator',
          call: () =>
            requestAs(manager.fetch, 'PUT', url(`/api/v1/users/${administratorUser.id}/roles`), {
              roles: ['requester'],
            }),
          expected: 403,
        },
        {
          what: 'manager lists service accounts',
          call: () => manager.fetch(url('/api/v1/service-accounts')),
          expected: 403,
        },
        {
          what: 'manager creates an API key',
          call: () =>
            postJsonAs(manager.fetch, url(`/api/v1/service-accounts/${account.id}/api-keys`), {
              name: 'mine',
              scopes: ['identity:admin'],
            }),
          expected: 403,
        },
        {
          what: 'manager revokes someone else’s API key',
          call: () => manager.fetch(keyUrl, { method: 'DELETE' }),
          expected: 403,
        },
        { what: 'the key still works', call: () => readKey(ticketUrl(ticketA.id)), expected: 200 },
        {
          what: 'agent revokes someone else’s API key',
          call: () => agentX.fetch(keyUrl, { method: 'DELETE' }),
          expected: 403,
        },
        {
          what: 'a tickets:read key revokes itself',
          call: () => readKey(keyUrl, { method: 'DELETE' }),
          expected: 403,
        },
        {
          what: 'manager creates a CMDB type',
          call: () =>
            postJsonAs(manager.fetch, url('/api/v1/cmdb/types'), {
              key: 'backdoor',
              nameEn: 'Backdoor',
            }),
          expected: 403,
        },
        {
          what: 'manager creates an organisation',
          call: () =>
            postJsonAs(manager.fetch, url('/api/v1/organizations'), {
              name: `By manager ${suffix}`,
            }),
          expected: 403,
        },
      ]);
    });

    it('does not let an administrator act as somebody else', async () => {
      await expectOutcomes([
        {
          what: 'administrator comments as requester A',
          call: () =>
            postJsonAs(administrator, ticketUrl(ticketA.id, '/comments'), {
              body: 'Signed, requester A',
              authorId: requesterA.id,
            }),
          expected: 403,
        },
        {
          what: 'administrator lists service accounts',
          call: () => administrator(url('/api/v1/service-accounts')),
          expected: 200,
        },
      ]);
    });
  });

  describe('API keys and credentials', () => {
    async function keyWith(name: string, scopes: Parameters<typeof integrationKey>[3]) {
      return fetchAs(
        await integrationKey(suite.platform.gatewayUrl, suite.admin, `${name}-${suffix}`, scopes),
      );
    }

    it('limits a key to its scopes', async () => {
      const ticketsRead = await keyWith('reader', ['tickets:read']);
      const ticketsWrite = await keyWith('writer', ['tickets:write']);
      const catalogRead = await keyWith('catalog', ['catalog:read']);
      await expectOutcomes([
        {
          what: 'tickets:read reads a ticket',
          call: () => ticketsRead(ticketUrl(ticketB.id)),
          expected: 200,
        },
        {
          what: 'tickets:read files a ticket',
          call: () =>
            postJsonAs(ticketsRead, suite.ticketsUrl, { type: 'incident', title: 'Nope' }),
          expected: 403,
        },
        {
          what: 'tickets:read comments',
          call: () => postJsonAs(ticketsRead, ticketUrl(ticketA.id, '/comments'), { body: 'Nope' }),
          expected: 403,
        },
        {
          what: 'tickets:read edits',
          call: () => requestAs(ticketsRead, 'PATCH', ticketUrl(ticketA.id), { title: 'Nope' }),
          expected: 403,
        },
        {
          what: 'tickets:read lists users',
          call: () => ticketsRead(url('/api/v1/users')),
          expected: 403,
        },
        {
          what: 'tickets:write reads a ticket',
          call: () => ticketsWrite(ticketUrl(ticketA.id)),
          expected: 403,
        },
        {
          what: 'tickets:write creates a service account',
          call: () =>
            postJsonAs(ticketsWrite, url('/api/v1/service-accounts'), { name: `x-${suffix}` }),
          expected: 403,
        },
        {
          what: 'catalog:read reads the catalog',
          call: () => catalogRead(url('/api/v1/catalog/services')),
          expected: 200,
        },
        {
          what: 'catalog:read lists tickets',
          call: () => catalogRead(suite.ticketsUrl),
          expected: 403,
        },
        {
          what: 'catalog:read creates a catalog service',
          call: () => postJsonAs(catalogRead, url('/api/v1/catalog/services'), { name: 'Nope' }),
          expected: 403,
        },
      ]);
      expect(await listedTickets(ticketsRead)).toEqual(sorted(ticketA, colleagueTicket, ticketB));
    });

    it('refuses a revoked key with 401', async () => {
      const account = await body<{ id: string }>(
        await postJsonAs(administrator, url('/api/v1/service-accounts'), {
          name: `revoked-${suffix}`,
        }),
        201,
        'service account',
      );
      const key = await body<{ id: string; key: string }>(
        await postJsonAs(administrator, url(`/api/v1/service-accounts/${account.id}/api-keys`), {
          name: 'soon revoked',
          scopes: ['tickets:read'],
        }),
        201,
        'API key',
      );
      const asKey = fetchAs({ 'x-api-key': key.key });
      await expectOutcomes([
        {
          what: 'the key before revocation',
          call: () => asKey(ticketUrl(ticketA.id)),
          expected: 200,
        },
        {
          what: 'the administrator revokes it',
          call: () =>
            administrator(url(`/api/v1/service-accounts/${account.id}/api-keys/${key.id}`), {
              method: 'DELETE',
            }),
          expected: 204,
        },
        { what: 'the revoked key', call: () => asKey(ticketUrl(ticketA.id)), expected: 401 },
        {
          what: 'the revoked key as Authorization: ApiKey',
          call: () =>
            fetch(ticketUrl(ticketA.id), { headers: { authorization: `ApiKey ${key.key}` } }),
          expected: 401,
        },
      ]);
    });

    it('refuses missing, garbage, forged and ended credentials with 401 and a challenge', async () => {
      const [header, payload, signature] = (requesterA.auth['authorization'] ?? '')
        .replace(/^Bearer /, '')
        .split('.');
      const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()) as Record<
        string,
        unknown
      >;
      const forgedPayload = Buffer.from(
        JSON.stringify({ ...claims, roles: ['administrator'] }),
      ).toString('base64url');
      const forged = `Bearer ${header}.${forgedPayload}.${signature}`;
      const session = await signedInAgain(requesterA);
      const signOut = await session.fetch(url('/api/v1/auth/sign-out'), { method: 'POST' });
      expect(signOut.status).toBe(204);
      const as = (auth: AuthHeaders) => fetchAs(auth);
      await expectOutcomes([
        { what: 'no credentials', call: () => fetch(suite.ticketsUrl), expected: 401 },
        { what: 'no credentials on /me', call: () => fetch(url('/api/v1/me')), expected: 401 },
        {
          what: 'no credentials on a write',
          call: () => postJsonAs(fetch, suite.ticketsUrl, { type: 'incident', title: 'Anonymous' }),
          expected: 401,
        },
        {
          what: 'a garbage bearer token',
          call: () => as({ authorization: 'Bearer garbage' })(suite.ticketsUrl),
          expected: 401,
        },
        {
          what: 'an empty bearer token',
          call: () => as({ authorization: 'Bearer ' })(suite.ticketsUrl),
          expected: 401,
        },
        {
          what: 'basic credentials',
          call: () => as({ authorization: 'Basic YWRtaW46YWRtaW4=' })(suite.ticketsUrl),
          expected: 401,
        },
        {
          what: 'a token with forged roles',
          call: () => as({ authorization: forged })(url('/api/v1/users')),
          expected: 401,
        },
        {
          what: 'a garbage API key',
          call: () => as({ 'x-api-key': 'itsm_0000_garbage' })(suite.ticketsUrl),
          expected: 401,
        },
        {
          what: 'the token of an ended session',
          call: () => session.fetch(suite.ticketsUrl),
          expected: 401,
        },
        {
          what: 'a live session (control)',
          call: () => requesterA.fetch(url('/api/v1/me')),
          expected: 200,
        },
      ]);
      const challenge = await fetch(suite.ticketsUrl);
      expect(challenge.headers.get('www-authenticate')).toMatch(/^Bearer realm="itsm"/);
      expect(await outcomeOf(challenge)).toBe('401 problem');
    });
  });
});
