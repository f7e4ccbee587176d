import type { ProblemBody } from './api-bodies';

/** One request a caller makes, and the statuses it may be answered with. */
export interface Attempt {
  what: string;
  call: () => Promise<Response>;
  /** One status, or the statuses any of which is right (e.g. 403 or 404). */
  expected: number | readonly number[];
}

function label(status: number): string {
  return status >= 400 ? `${status} problem` : String(status);
}

/**
 * How a response answered, in one comparable line: `200`, `404 problem`, or what is wrong with
 * an error (not problem+json, a problem whose status differs, a 401 with no challenge).
 */
export async function outcomeOf(response: Response): Promise<string> {
  const contentType = response.headers.get('content-type') ?? '';
  if (response.status < 400) {
    await response.body?.cancel();
    return String(response.status);
  }
  if (!contentType.startsWith('application/problem+json'))
    return `${response.status} (not problem+json but ${contentType}: ${await response.text()})`;
  const problem = (await response.json()) as ProblemBody;
  if (
    problem.status !== response.status ||
    typeof problem.title !== 'string' ||
    typeof problem.detail !== 'string'
  )
    return `${response.status} (malformed problem ${JSON.stringify(problem)})`;
  if (response.status === 401 && !/^Bearer /.test(response.headers.get('www-authenticate') ?? ''))
    return '401 problem without a WWW-Authenticate challenge';
  return label(response.status);
}

/**
 * Makes the attempts one after another and compares all outcomes at once, so a failure lists
 * every attempt that was answered otherwise.
 */
export async function expectOutcomes(attempts: readonly Attempt[]): Promise<void> {
  const actual: string[] = [];
  const expected: string[] = [];
  for (const attempt of attempts) {
    const outcome = await outcomeOf(await attempt.call());
    const allowed = [attempt.expected].flat().map(label);
    actual.push(`${attempt.what}: ${outcome}`);
    expected.push(`${attempt.what}: ${allowed.includes(outcome) ? outcome : allowed.join(' or ')}`);
  }
  expect(actual).toEqual(expected);
}
