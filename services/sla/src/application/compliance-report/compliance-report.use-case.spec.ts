import { DAY_MS } from '@itsm/zoned-time';
import { SlaErrorCode } from '../../domain/sla-error';
import type {
  ComplianceCount,
  ComplianceCounts,
  ComplianceCountsQuery,
} from '../ports/compliance-counts';
import { msk, policyNamed, seededCatalog } from '../testing/fixtures';
import { ComplianceReportUseCase } from './compliance-report.use-case';

class FixedCounts implements ComplianceCounts {
  readonly queries: ComplianceCountsQuery[] = [];
  constructor(private readonly counts: ComplianceCount[]) {}

  async count(query: ComplianceCountsQuery): Promise<ComplianceCount[]> {
    this.queries.push(query);
    return this.counts;
  }
}

const november = { from: msk('2026-11-01 00:00'), to: msk('2026-12-01 00:00'), target: null };

describe('the SLA compliance report', () => {
  it('gives the share met per policy, named, busiest first, with a total', async () => {
    const critical = policyNamed('Incidents · critical');
    const medium = policyNamed('Incidents · medium');
    const counts = new FixedCounts([
      { key: critical.id, met: 3, breached: 1 },
      { key: medium.id, met: 9, breached: 3 },
      { key: '0194c000-0000-7000-8000-00000000dead', met: 0, breached: 2 },
    ]);
    const report = await new ComplianceReportUseCase(counts, seededCatalog()).execute({
      groupBy: 'policy',
      ...november,
    });
    expect(report.rows).toEqual([
      { key: medium.id, label: medium.name, met: 9, breached: 3, compliancePercent: 75 },
      { key: critical.id, label: critical.name, met: 3, breached: 1, compliancePercent: 75 },
      {
        key: '0194c000-0000-7000-8000-00000000dead',
        label: null,
        met: 0,
        breached: 2,
        compliancePercent: 0,
      },
    ]);
    expect(report.total).toEqual({
      key: null,
      label: null,
      met: 12,
      breached: 6,
      compliancePercent: 66.67,
    });
    expect(counts.queries).toEqual([{ groupBy: 'policy', ...november }]);
  });

  it('labels nothing when grouped by group, and has no share where nothing was decided', async () => {
    const report = await new ComplianceReportUseCase(
      new FixedCounts([{ key: null, met: 1, breached: 0 }]),
      seededCatalog(),
    ).execute({ groupBy: 'group', ...november, target: 'resolution' });
    expect(report.rows).toEqual([
      { key: null, label: null, met: 1, breached: 0, compliancePercent: 100 },
    ]);
    const empty = await new ComplianceReportUseCase(new FixedCounts([]), seededCatalog()).execute({
      groupBy: 'service',
      ...november,
    });
    expect(empty.total.compliancePercent).toBeNull();
  });

  it.each([
    ['an empty period', november.to, november.to, 'to must be after from'],
    ['a reversed period', november.to, november.from, 'to must be after from'],
    [
      'more than 400 days',
      november.from,
      new Date(november.from.getTime() + 401 * DAY_MS),
      'a report covers at most 400 days',
    ],
  ])('refuses %s', async (_label, from, to, message) => {
    const counts = new FixedCounts([]);
    await expect(
      new ComplianceReportUseCase(counts, seededCatalog()).execute({
        groupBy: 'policy',
        from,
        to,
        target: null,
      }),
    ).rejects.toMatchObject({ code: SlaErrorCode.ValidationFailed, violations: [{ message }] });
    expect(counts.queries).toEqual([]);
  });
});
