import type { TicketState, TicketType } from './gateway-api';
import { ApiProblemError, type DemoApi } from './gateway-client';
import type { SeedPlan, SeedStep, TicketPlan } from './seed-plan';

export interface SeedSummary {
  tickets: number;
  /** Opened by this run. */
  created: number;
  /** Opened by an earlier run (the create was a replay): their steps were skipped. */
  alreadySeeded: number;
  createdByType: Record<TicketType, number>;
  transitions: number;
  comments: number;
  votes: number;
}

export interface RunOptions {
  /** Tickets worked on at once; the steps of one ticket always run in order. */
  concurrency: number;
}

const REUSED_KEY_TYPE = '/problems/idempotency-key-reused';

/**
 * Runs `work` for every item with at most `limit` at once. After the first failure no new
 * item starts; the ones under way finish, then the first failure is thrown.
 */
export async function forEachLimited<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`bad concurrency ${limit}`);
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async (): Promise<void> => {
    while (!failure && next < items.length) {
      const item = items[next++] as T;
      try {
        await work(item);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failure) throw failure.error;
}

function describeStep(step: SeedStep): string {
  switch (step.kind) {
    case 'transition':
      return `transition ${step.body.action} by ${step.body.actorId}`;
    case 'comment':
      return `${step.body.visibility} comment by ${step.body.authorId}`;
    case 'vote':
      return `vote ${step.body.decision} by ${step.body.approverId}`;
    default:
      return assertUnreachable(step);
  }
}

function assertUnreachable(value: never): never {
  throw new Error(`unhandled step ${JSON.stringify(value)}`);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Seeds the plan through the API. A ticket whose creation is replayed was seeded by an
 * earlier run and is left as it is (somebody may have worked on it since). Any error answer
 * stops the run with what the API said; so does a ticket that does not end where planned.
 */
export async function runSeedPlan(
  plan: SeedPlan,
  api: DemoApi,
  options: RunOptions,
): Promise<SeedSummary> {
  const summary: SeedSummary = {
    tickets: plan.tickets.length,
    created: 0,
    alreadySeeded: 0,
    createdByType: { incident: 0, service_request: 0, problem: 0, change: 0 },
    transitions: 0,
    comments: 0,
    votes: 0,
  };

  const seedTicket = async (ticket: TicketPlan): Promise<void> => {
    let created: { ticket: TicketState; replayed: boolean };
    try {
      created = await api.createTicket(ticket.idempotencyKey, ticket.create);
    } catch (error) {
      const hint =
        error instanceof ApiProblemError && error.problemType === REUSED_KEY_TYPE
          ? ' (the demo catalogue changed since this database was seeded: seed a fresh database)'
          : '';
      throw new Error(`${ticket.idempotencyKey}: opening failed: ${messageOf(error)}${hint}`);
    }
    if (created.replayed) {
      summary.alreadySeeded += 1;
      return;
    }
    summary.created += 1;
    summary.createdByType[ticket.create.type] += 1;

    let state = created.ticket;
    for (const [index, step] of ticket.steps.entries()) {
      try {
        switch (step.kind) {
          case 'transition':
            state = await api.transition(state.id, state.version, step.body);
            summary.transitions += 1;
            break;
          case 'comment': {
            const answer = await api.comment(state.id, step.idempotencyKey, step.body);
            if (answer.version !== undefined) state = { ...state, version: answer.version };
            if (!answer.replayed) summary.comments += 1;
            break;
          }
          case 'vote':
            state = await api.vote(state.id, step.body);
            summary.votes += 1;
            break;
          default:
            assertUnreachable(step);
        }
      } catch (error) {
        throw new Error(
          `${ticket.idempotencyKey} (${state.number}, ${state.status}) step ${index + 1} of ` +
            `${ticket.steps.length}, ${describeStep(step)}: ${messageOf(error)}`,
        );
      }
    }
    if (state.status !== ticket.finalStatus) {
      throw new Error(
        `${ticket.idempotencyKey} (${state.number}) ended ${state.status}; the plan says ${ticket.finalStatus}`,
      );
    }
  };

  await forEachLimited(plan.tickets, options.concurrency, seedTicket);
  return summary;
}

/** "demo: 400 tickets (400 created, 0 already there), …" */
export function formatSummary(summary: SeedSummary, elapsedMs: number): string {
  const byType = summary.createdByType;
  const created =
    summary.created === 0
      ? ''
      : ` — ${byType.incident} incidents, ${byType.service_request} service requests, ` +
        `${byType.problem} problems, ${byType.change} changes`;
  return (
    `demo: ${summary.tickets} tickets (${summary.created} created, ${summary.alreadySeeded} already there)` +
    `${created}; ${summary.comments} comments, ${summary.transitions} transitions, ` +
    `${summary.votes} approval votes in ${(elapsedMs / 1000).toFixed(1)} s`
  );
}
