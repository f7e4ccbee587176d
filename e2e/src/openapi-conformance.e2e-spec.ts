import { randomUUID } from 'node:crypto';
import { aTicketRequestBody, eventually } from '@itsm/testing';
import type { TicketBody } from './support/api-bodies';
import { type CallerFetch, createUser, fetchAs, postJsonAs } from './support/api-session';
import {
  fetchOpenApiDocument,
  type HttpMethod,
  type OpenApiDocument,
  ResponseConformance,
  validateOpenApiDocument,
} from './support/openapi-document';
import { platformSuite } from './support/platform-suite';

/** A call whose answer is checked against what the document says of that operation. */
interface Call {
  method: HttpMethod;
  /** The operation's templated path, as the document names it. */
  path: string;
  /** The concrete URL path called. */
  url: string;
  caller: CallerFetch;
  body?: unknown;
  status: number;
}

describe('the API answers as its OpenAPI 3.1 document says', () => {
  const suite = platformSuite({ routing: true, knowledge: true });
  const suffix = randomUUID().slice(0, 8);
  let document: OpenApiDocument;

  beforeAll(async () => {
    document = await fetchOpenApiDocument(suite.platform.gatewayUrl, suite.fetch);
  });

  it('serves a valid OpenAPI 3.1 document', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(validateOpenApiDocument(document)).toEqual({ valid: true });
    // Not a 3.0 keyword left: `nullable` would make every null answer fail the schema.
    expect(JSON.stringify(document.components.schemas)).not.toMatch(/"nullable":/);
  });

  it('tells a body that breaks the schema, so the check below can fail', async () => {
    const conformance = new ResponseConformance(document, { closed: true });
    const answer = (body: unknown) =>
      new Response(JSON.stringify(body), {
        status: 200,
        headers: { 'content-type': 'application/json; charset=utf-8' },
      });
    const me = {
      kind: 'user',
      id: 'u-1',
      name: 'Мария',
      email: null,
      roles: ['requester'],
      scopes: [],
      permissions: ['tickets.read'],
      organization: null,
      organizationWide: false,
      groupIds: [],
      language: null,
      timeZone: null,
    };
    expect(await conformance.errorsOf(answer(me), 'get', '/api/v1/me')).toEqual([]);
    const { id: _id, ...withoutId } = me;
    const broken = [
      withoutId,
      { ...me, roles: ['root'] },
      { ...me, organization: 'org-1' },
      { ...me, undocumented: true },
    ];
    for (const body of broken)
      expect(await conformance.errorsOf(answer(body), 'get', '/api/v1/me')).not.toEqual([]);
  });

  it('answers representative calls with bodies its schemas describe, undocumented fields included', async () => {
    const gateway = suite.platform.gatewayUrl;
    const administrator = fetchAs(suite.admin);
    const organization = (await (
      await postJsonAs(administrator, `${gateway}/api/v1/organizations`, {
        name: `Conformance ${suffix}`,
      })
    ).json()) as { id: string };
    const requester = await createUser(gateway, suite.admin, {
      email: `conformance-${suffix}@openapi.test`,
      displayName: 'Conformance requester',
      roles: ['requester'],
      organizationId: organization.id,
    });
    const ticketResponse = await postJsonAs(
      requester.fetch,
      suite.ticketsUrl,
      aTicketRequestBody({ requesterId: requester.id }),
    );
    expect(ticketResponse.status).toBe(201);
    const ticket = (await ticketResponse.json()) as TicketBody;
    const line = (await (
      await suite.postJson(`${gateway}/api/v1/routing/lines`, { name: `Line ${suffix}`, level: 1 })
    ).json()) as { id: string };
    const group = await suite.postJson(`${gateway}/api/v1/routing/groups`, {
      name: `Group ${suffix}`,
      lineId: line.id,
      strategy: 'least_loaded',
    });
    expect(group.status).toBe(201);
    await eventually('the routing decision of the ticket', async () => {
      const response = await suite.fetch(`${suite.ticketsUrl}/${ticket.id}/routing`);
      return response.status === 200 ? true : undefined;
    });

    const ticketPath = '/api/v1/tickets/{id}';
    const at = `/api/v1/tickets/${ticket.id}`;
    const calls: Call[] = [
      {
        method: 'post',
        path: '/api/v1/tickets',
        url: '/api/v1/tickets',
        caller: suite.fetch,
        body: aTicketRequestBody({ tags: ['conformance'] }),
        status: 201,
      },
      { method: 'get', path: ticketPath, url: at, caller: requester.fetch, status: 200 },
      {
        method: 'get',
        path: '/api/v1/tickets',
        url: '/api/v1/tickets',
        caller: suite.fetch,
        status: 200,
      },
      {
        method: 'get',
        path: '/api/v1/tickets/counts',
        url: '/api/v1/tickets/counts',
        caller: suite.fetch,
        status: 200,
      },
      {
        method: 'patch',
        path: ticketPath,
        url: at,
        caller: suite.fetch,
        body: { title: 'VPN drops every hour' },
        status: 200,
      },
      {
        method: 'post',
        path: `${ticketPath}/comments`,
        url: `${at}/comments`,
        caller: requester.fetch,
        body: { body: 'It happens again.' },
        status: 201,
      },
      {
        method: 'post',
        path: `${ticketPath}/comments`,
        url: `${at}/comments`,
        caller: suite.fetch,
        body: { body: 'Certificate expired.', visibility: 'internal' },
        status: 201,
      },
      {
        method: 'get',
        path: `${ticketPath}/comments`,
        url: `${at}/comments`,
        caller: suite.fetch,
        status: 200,
      },
      {
        method: 'get',
        path: `${ticketPath}/history`,
        url: `${at}/history`,
        caller: suite.fetch,
        status: 200,
      },
      {
        method: 'get',
        path: `${ticketPath}/routing`,
        url: `${at}/routing`,
        caller: suite.fetch,
        status: 200,
      },
      {
        method: 'post',
        path: '/api/v1/tickets',
        url: '/api/v1/tickets',
        caller: suite.fetch,
        body: { type: 'outage', title: '' },
        status: 400,
      },
      {
        method: 'get',
        path: '/api/v1/tickets',
        url: '/api/v1/tickets',
        caller: fetch,
        status: 401,
      },
      {
        method: 'get',
        path: '/api/v1/users',
        url: '/api/v1/users',
        caller: requester.fetch,
        status: 403,
      },
      {
        method: 'get',
        path: ticketPath,
        url: `/api/v1/tickets/${randomUUID()}`,
        caller: requester.fetch,
        status: 404,
      },
      {
        method: 'get',
        path: '/api/v1/me',
        url: '/api/v1/me',
        caller: requester.fetch,
        status: 200,
      },
      { method: 'get', path: '/api/v1/me', url: '/api/v1/me', caller: administrator, status: 200 },
      { method: 'get', path: '/api/v1/me', url: '/api/v1/me', caller: suite.fetch, status: 200 },
      {
        method: 'get',
        path: '/api/v1/users',
        url: '/api/v1/users',
        caller: administrator,
        status: 200,
      },
      {
        method: 'get',
        path: '/api/v1/organizations/{id}',
        url: `/api/v1/organizations/${organization.id}`,
        caller: administrator,
        status: 200,
      },
      {
        method: 'get',
        path: '/api/v1/service-accounts',
        url: '/api/v1/service-accounts',
        caller: administrator,
        status: 200,
      },
      {
        method: 'get',
        path: '/api/v1/audit-events',
        url: '/api/v1/audit-events',
        caller: administrator,
        status: 200,
      },
      {
        method: 'get',
        path: '/api/v1/routing/groups',
        url: '/api/v1/routing/groups',
        caller: suite.fetch,
        status: 200,
      },
      {
        method: 'get',
        path: '/api/v1/knowledge/search',
        url: '/api/v1/knowledge/search?q=vpn',
        caller: requester.fetch,
        status: 200,
      },
    ];

    const conformance = new ResponseConformance(document, { closed: true });
    const problems: string[] = [];
    for (const call of calls) {
      const response = await call.caller(`${gateway}${call.url}`, {
        method: call.method.toUpperCase(),
        ...(call.body === undefined
          ? {}
          : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(call.body) }),
      });
      const where = `${call.method.toUpperCase()} ${call.url}`;
      if (response.status !== call.status)
        problems.push(
          `${where}: ${response.status} (expected ${call.status}) ${await response.text()}`,
        );
      else problems.push(...(await conformance.errorsOf(response, call.method, call.path)));
    }
    expect(problems).toEqual([]);
  });
});
