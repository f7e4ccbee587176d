import { NO_FIGURES, type ServiceDeskStatsRequest } from '../../domain/service-desk-stats';
import { TicketError, TicketErrorCode } from '../../domain/ticket-error';
import type {
  CountedFigures,
  ServiceDeskStatsQuery,
  ServiceDeskStatsStore,
} from '../ports/service-desk-stats-store';
import { userCaller } from '../testing/test-callers';
import { GetServiceDeskStatsUseCase } from './get-service-desk-stats.use-case';

class RecordingStatsStore implements ServiceDeskStatsStore {
  readonly queries: ServiceDeskStatsQuery[] = [];

  constructor(private readonly answer: CountedFigures) {}

  figures(query: ServiceDeskStatsQuery): Promise<CountedFigures> {
    this.queries.push(query);
    return Promise.resolve(this.answer);
  }
}

const twoDays: ServiceDeskStatsRequest = {
  from: new Date('2026-11-01T00:00:00+03:00'),
  to: new Date('2026-11-03T00:00:00+03:00'),
  timeZone: 'Europe/Moscow',
  assignmentGroupId: 'g-1',
  type: 'incident',
};

async function refusal(promise: Promise<unknown>): Promise<TicketError> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof TicketError)) throw new Error('expected a TicketError');
  return error;
}

describe('GetServiceDeskStatsUseCase', () => {
  it('asks the store for the tickets the supervisor sees and lists every day of the period', async () => {
    const resolvedOnce = { ...NO_FIGURES, resolved: 1 };
    const store = new RecordingStatsStore({
      days: new Map([['2026-11-02', resolvedOnce]]),
      total: resolvedOnce,
    });
    const supervisor = userCaller({ id: 'sup-1', roles: ['supervisor'] });

    const stats = await new GetServiceDeskStatsUseCase(store).execute(twoDays, supervisor);

    expect(stats.days.map((day) => [day.date, day.figures.resolved])).toEqual([
      ['2026-11-01', 0],
      ['2026-11-02', 1],
    ]);
    expect(store.queries).toEqual([
      {
        period: { ...twoDays, timeZone: 'Europe/Moscow' },
        visibility: { kind: 'all' },
      },
    ]);
  });

  it('refuses whoever may not read reports, before counting anything', async () => {
    const store = new RecordingStatsStore({ days: new Map(), total: NO_FIGURES });
    const agent = userCaller({ id: 'agent-1', roles: ['agent'] });

    const error = await refusal(new GetServiceDeskStatsUseCase(store).execute(twoDays, agent));

    expect(error.code).toBe(TicketErrorCode.NotPermitted);
    expect(error.details).toEqual({ requiredPermission: 'tickets.report' });
    expect(store.queries).toEqual([]);
  });

  it('refuses an invalid period with the field at fault', async () => {
    const store = new RecordingStatsStore({ days: new Map(), total: NO_FIGURES });
    const manager = userCaller({ id: 'sdm-1', roles: ['service_desk_manager'] });

    const error = await refusal(
      new GetServiceDeskStatsUseCase(store).execute({ ...twoDays, timeZone: 'Moon/Base' }, manager),
    );

    expect(error.code).toBe(TicketErrorCode.ValidationFailed);
    expect(error.violations.map((violation) => violation.field)).toEqual(['timeZone']);
    expect(store.queries).toEqual([]);
  });
});
