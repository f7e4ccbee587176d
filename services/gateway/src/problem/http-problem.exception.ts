/**
 * An error the gateway itself answers with (authentication, permissions, rate limits), with
 * its problem type, the headers the client needs (WWW-Authenticate, Retry-After) and
 * extension members.
 */
export class HttpProblemException extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    readonly detail: string,
    readonly headers: Readonly<Record<string, string>> = {},
    readonly extensions: Readonly<Record<string, unknown>> = {},
  ) {
    super(detail);
    this.name = 'HttpProblemException';
  }
}
