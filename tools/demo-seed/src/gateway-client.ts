import type {
  CommentBody,
  CreateTicketBody,
  TicketState,
  TransitionBody,
  VoteBody,
} from './gateway-api';

/** What the seeder does through the API; the runner works against this, tests fake it. */
export interface DemoApi {
  /** Opens a ticket; `replayed` when the key was used before and the first ticket is returned. */
  createTicket(
    idempotencyKey: string,
    body: CreateTicketBody,
  ): Promise<{ ticket: TicketState; replayed: boolean }>;
  /** `version`: the version the seeder last saw, sent as If-Match. */
  transition(ticketId: string, version: number, body: TransitionBody): Promise<TicketState>;
  /** Resolves to the ticket's version after the comment (a first response raises it). */
  comment(
    ticketId: string,
    idempotencyKey: string,
    body: CommentBody,
  ): Promise<{ version: number | undefined; replayed: boolean }>;
  vote(ticketId: string, body: VoteBody): Promise<TicketState>;
}

/** An error answer of the API, with its RFC 9457 problem details when it sent them. */
export class ApiProblemError extends Error {
  constructor(
    readonly status: number,
    readonly problemType: string | undefined,
    message: string,
  ) {
    super(message);
    this.name = 'ApiProblemError';
  }
}

interface ProblemBody {
  type?: unknown;
  title?: unknown;
  detail?: unknown;
  errors?: unknown;
  traceId?: unknown;
}

/** "409 Conflict: cannot resolve ... (field: message; ...) [trace …]" from an error answer. */
export function describeProblem(status: number, text: string): { type?: string; message: string } {
  let problem: ProblemBody | undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object') problem = parsed as ProblemBody;
  } catch {
    problem = undefined;
  }
  if (!problem) return { message: `${status}: ${text.slice(0, 300) || '(empty body)'}` };
  const title = typeof problem.title === 'string' ? ` ${problem.title}` : '';
  const detail = typeof problem.detail === 'string' ? `: ${problem.detail}` : '';
  const fields = Array.isArray(problem.errors)
    ? problem.errors
        .map((error: unknown) => {
          const { field, message } = (error ?? {}) as { field?: unknown; message?: unknown };
          return `${String(field)}: ${String(message)}`;
        })
        .join('; ')
    : '';
  const trace = typeof problem.traceId === 'string' ? ` [trace ${problem.traceId}]` : '';
  return {
    ...(typeof problem.type === 'string' ? { type: problem.type } : {}),
    message: `${status}${title}${detail}${fields ? ` (${fields})` : ''}${trace}`,
  };
}

/** The version in an ETag of this API (`"3"` or `W/"3"`). */
export function versionOfETag(etag: string | null): number | undefined {
  const match = etag?.match(/^(?:W\/)?"(\d+)"$/);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

function ticketStateOf(value: unknown): TicketState {
  const ticket = (value ?? {}) as Partial<TicketState>;
  if (
    typeof ticket.id !== 'string' ||
    typeof ticket.number !== 'string' ||
    typeof ticket.status !== 'string' ||
    typeof ticket.version !== 'number'
  ) {
    throw new Error(`not a ticket: ${JSON.stringify(value).slice(0, 300)}`);
  }
  return { id: ticket.id, number: ticket.number, status: ticket.status, version: ticket.version };
}

export type Fetch = typeof fetch;

/** The gateway's REST API over Node's fetch (keep-alive by default). */
export class GatewayClient implements DemoApi {
  private readonly ticketsUrl: string;

  constructor(
    baseUrl: string,
    private readonly fetchImpl: Fetch = fetch,
    private readonly timeoutMs = 30_000,
  ) {
    this.ticketsUrl = `${baseUrl.replace(/\/+$/, '')}/api/v1/tickets`;
  }

  async createTicket(
    idempotencyKey: string,
    body: CreateTicketBody,
  ): Promise<{ ticket: TicketState; replayed: boolean }> {
    const response = await this.post(this.ticketsUrl, body, { 'Idempotency-Key': idempotencyKey });
    return {
      ticket: ticketStateOf(await response.json()),
      replayed: response.headers.get('Idempotent-Replayed') === 'true',
    };
  }

  async transition(ticketId: string, version: number, body: TransitionBody): Promise<TicketState> {
    const response = await this.post(`${this.ticketsUrl}/${ticketId}/transitions`, body, {
      'If-Match': `"${version}"`,
    });
    return ticketStateOf(await response.json());
  }

  async comment(
    ticketId: string,
    idempotencyKey: string,
    body: CommentBody,
  ): Promise<{ version: number | undefined; replayed: boolean }> {
    const response = await this.post(`${this.ticketsUrl}/${ticketId}/comments`, body, {
      'Idempotency-Key': idempotencyKey,
    });
    // The body is the comment; the ticket's version comes as the ETag.
    await response.arrayBuffer();
    return {
      version: versionOfETag(response.headers.get('ETag')),
      replayed: response.headers.get('Idempotent-Replayed') === 'true',
    };
  }

  async vote(ticketId: string, body: VoteBody): Promise<TicketState> {
    const response = await this.post(`${this.ticketsUrl}/${ticketId}/approval/votes`, body, {});
    const answer = (await response.json()) as { ticket?: unknown };
    return ticketStateOf(answer.ticket);
  }

  private async post(
    url: string,
    body: unknown,
    headers: Record<string, string>,
  ): Promise<Response> {
    let response: Response;
    try {
      response = await this.fetchImpl(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      const cause =
        error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
      throw new Error(
        `POST ${url} failed: ${error instanceof Error ? error.message : String(error)}${cause}`,
      );
    }
    if (!response.ok) {
      const { type, message } = describeProblem(response.status, await response.text());
      throw new ApiProblemError(response.status, type, `POST ${url} answered ${message}`);
    }
    return response;
  }
}
