import { randomUUID } from 'node:crypto';

/** A valid body for POST /api/v1/tickets; override what the test is about. */
export function aTicketRequestBody(
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    type: 'incident',
    title: 'VPN does not connect from home',
    description: 'The client times out after the second factor.',
    impact: 'medium',
    urgency: 'high',
    channel: 'portal',
    requesterId: `emp-${randomUUID().slice(0, 8)}`,
    ...overrides,
  };
}

export async function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}
