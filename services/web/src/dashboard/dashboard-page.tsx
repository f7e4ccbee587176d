import { type ReactElement, type ReactNode, useId, useState } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { type DurationFigures, type ServiceDeskReport, STATUSES } from '../api/types';
import { useMe } from '../auth/session';
import { useDirectory } from '../console/directory';
import { useI18n } from '../i18n/i18n';
import type { Language } from '../i18n/language';
import { formatDuration, localeOf } from '../lib/format';
import { backlogByLine } from '../lib/backlog-by-line';
import { bilingual } from '../lib/bilingual';
import { openCount } from '../lib/list-keys';
import { isFinished } from '../lib/ticket-actions';
import { EmptyState, ErrorState, SkeletonRows } from '../ui/feedback';
import { PageHeader } from '../ui/layout';
import { useAsync } from '../ui/use-async';
import { SlaRiskPanel } from './sla-risk-panel';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
const COLORS = {
  accent: 'var(--color-accent)',
  met: 'var(--color-success)',
  breached: 'var(--color-danger)',
  muted: 'var(--color-border-strong)',
  warning: 'var(--color-warning)',
};
/** The periods a supervisor compares: a week, a month, a quarter. */
const PERIODS = [7, 30, 90] as const;
type PeriodDays = (typeof PERIODS)[number];

/** A local date of the report (YYYY-MM-DD) as "23 Nov" in the reader's language. */
function dayLabel(date: string, language: Language): string {
  return new Intl.DateTimeFormat(localeOf(language), {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).format(new Date(`${date}T12:00:00Z`));
}

const hoursOf = (minutes: number | null) =>
  minutes === null ? null : Math.round((minutes / 60) * 100) / 100;

function durationText(minutes: number | null, language: Language): string {
  return minutes === null ? '—' : formatDuration(minutes * MINUTE_MS, language);
}

/** The supervisor's picture of the desk, from the reports the API already has. */
export default function DashboardPage() {
  const { t, zone, language } = useI18n();
  const { call } = useMe();
  const directory = useDirectory();
  const groupsKey = directory.groups.map((group) => group.id).join(',');
  const [periodDays, setPeriodDays] = useState<PeriodDays>(30);
  const [groupId, setGroupId] = useState('');
  const periodLabelId = useId();

  const report = useAsync(async () => {
    const to = new Date();
    const from = new Date(to.getTime() - periodDays * DAY_MS);
    return call.serviceDeskReport({
      from: from.toISOString(),
      to: to.toISOString(),
      timeZone: zone.timeZone,
      ...(groupId ? { groupId } : {}),
    });
  }, [call, periodDays, groupId, zone.timeZone]);

  const data = useAsync(async () => {
    const to = new Date();
    const from = new Date(to.getTime() - 30 * DAY_MS);
    const [counts, compliance, byGroup, lines] = await Promise.all([
      call.ticketCounts({}),
      call.compliance('group', from.toISOString(), to.toISOString()).catch(() => undefined),
      Promise.all(
        directory.groups.map(async (group) => ({
          group: group.name,
          lineId: group.lineId,
          open: openCount((await call.ticketCounts({ assignmentGroupId: group.id })).byStatus),
        })),
      ),
      // Without routing's lines (or the right to read them) the chart by line is left out.
      call.supportLines().then(
        (page) => page.items,
        () => [],
      ),
    ]);
    return { counts, compliance, byGroup, lines };
  }, [call, groupsKey]);

  if (data.status === 'error' && !data.data)
    return (
      <div className="page">
        <ErrorState error={data.error} onRetry={data.reload} />
      </div>
    );

  const byState = STATUSES.filter((status) => !isFinished(status))
    .map((status) => ({
      state: t(`status.${status}`),
      count: data.data?.counts.byStatus[status] ?? 0,
    }))
    .filter((row) => row.count > 0);
  const byLine = data.data
    ? backlogByLine(
        data.data.byGroup,
        data.data.lines.map((line) => ({ ...line, name: bilingual(line.name, language) })),
        t('dashboard.noLine'),
      )
    : [];
  const compliance = data.data?.compliance;
  const complianceRows =
    compliance?.rows.map((row) => ({
      group: directory.groupName(row.key) ?? row.label ?? '—',
      met: row.met,
      breached: row.breached,
    })) ?? [];
  const load = directory.agents.map((agent) => ({
    agent: agent.displayName,
    open: agent.openTickets,
    capacity: agent.capacity,
  }));
  const trends = report.data;
  const timeTrend =
    trends?.days.map((day) => ({
      day: dayLabel(day.date, language),
      mtta: hoursOf(day.firstResponse.meanMinutes),
      mttr: hoursOf(day.resolution.meanMinutes),
    })) ?? [];
  const csatTrend =
    trends?.days.map((day) => ({
      day: dayLabel(day.date, language),
      average: day.satisfaction.average,
      ratings: day.satisfaction.ratings,
    })) ?? [];
  const hoursTooltip = (value: unknown) =>
    typeof value === 'number' ? formatDuration(value * 60 * MINUTE_MS, language) : '—';

  return (
    <div className="page page--wide">
      <PageHeader title={t('dashboard.title')} subtitle={t('dashboard.subtitle')} />
      <div className="filters dashboard-filters" role="group" aria-label={t('dashboard.filters')}>
        <div className="filter">
          <span className="filter__label" id={periodLabelId}>
            {t('dashboard.period')}
          </span>
          <div className="segmented" role="group" aria-labelledby={periodLabelId}>
            {PERIODS.map((days) => (
              <button
                key={days}
                type="button"
                className="segmented__option"
                aria-pressed={periodDays === days}
                onClick={() => setPeriodDays(days)}
              >
                {t('dashboard.lastDays', { days })}
              </button>
            ))}
          </div>
        </div>
        <label className="filter">
          <span className="filter__label">{t('dashboard.group')}</span>
          <select
            className="input input--compact"
            value={groupId}
            onChange={(event) => setGroupId(event.target.value)}
          >
            <option value="">{t('dashboard.allGroups')}</option>
            {directory.groups.map((group) => (
              <option key={group.id} value={group.id}>
                {group.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      {!data.data ? (
        <SkeletonRows rows={6} />
      ) : (
        <div className="dashboard">
          <section className="dashboard__headlines" aria-label={t('dashboard.headlines')}>
            <StatCard label={t('dashboard.open')} value={openCount(data.data.counts.byStatus)} />
            <StatCard
              label={t('dashboard.compliance')}
              value={
                compliance?.total.compliancePercent === null || compliance === undefined
                  ? '—'
                  : t('dashboard.complianceTotal', {
                      percent: Math.round(compliance.total.compliancePercent * 10) / 10,
                    })
              }
            />
            <TrendCards report={trends} failed={report.status === 'error'} />
          </section>
          <SlaRiskPanel />

          <ChartCard title={t('dashboard.timeTrend')} empty={!hasDurations(trends)}>
            <LineChart data={timeTrend} margin={{ left: -16, right: 8 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="day" tick={{ fontSize: 12 }} minTickGap={16} />
              <YAxis tick={{ fontSize: 12 }} />
              <Tooltip formatter={hoursTooltip} />
              <Legend />
              <Line
                type="monotone"
                dataKey="mtta"
                name={t('dashboard.mttaShort')}
                stroke={COLORS.accent}
                strokeWidth={2}
                dot={{ r: 2 }}
                connectNulls
              />
              <Line
                type="monotone"
                dataKey="mttr"
                name={t('dashboard.mttrShort')}
                stroke={COLORS.warning}
                strokeWidth={2}
                dot={{ r: 2 }}
                connectNulls
              />
            </LineChart>
          </ChartCard>

          <ChartCard
            title={t('dashboard.csatTrend')}
            empty={(trends?.total.satisfaction.ratings ?? 0) === 0}
          >
            <ComposedChart data={csatTrend} margin={{ left: -16, right: -16 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="day" tick={{ fontSize: 12 }} minTickGap={16} />
              <YAxis
                yAxisId="average"
                domain={[1, 5]}
                ticks={[1, 2, 3, 4, 5]}
                tick={{ fontSize: 12 }}
              />
              <YAxis
                yAxisId="ratings"
                orientation="right"
                allowDecimals={false}
                tick={{ fontSize: 12 }}
              />
              <Tooltip />
              <Legend />
              <Bar
                yAxisId="ratings"
                dataKey="ratings"
                name={t('dashboard.ratings')}
                fill={COLORS.muted}
                radius={[4, 4, 0, 0]}
              />
              <Line
                yAxisId="average"
                type="monotone"
                dataKey="average"
                name={t('dashboard.averageRating')}
                stroke={COLORS.met}
                strokeWidth={2}
                connectNulls
              />
            </ComposedChart>
          </ChartCard>

          <ChartCard title={t('dashboard.backlogByState')} empty={byState.length === 0}>
            <BarChart data={byState} margin={{ left: -16 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="state" tick={{ fontSize: 12 }} interval={0} />
              <YAxis allowDecimals={false} tick={{ fontSize: 12 }} />
              <Tooltip />
              <Bar
                dataKey="count"
                name={t('dashboard.openTickets')}
                fill={COLORS.accent}
                radius={[4, 4, 0, 0]}
              />
            </BarChart>
          </ChartCard>

          {byLine.length > 0 && (
            <ChartCard
              title={t('dashboard.backlogByLine')}
              empty={byLine.every((row) => row.open === 0)}
            >
              <BarChart data={byLine} margin={{ left: -16 }}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="line" tick={{ fontSize: 12 }} interval={0} />
                <YAxis allowDecimals={false} tick={{ fontSize: 12 }} />
                <Tooltip />
                <Bar
                  dataKey="open"
                  name={t('dashboard.openTickets')}
                  fill={COLORS.accent}
                  radius={[4, 4, 0, 0]}
                />
              </BarChart>
            </ChartCard>
          )}

          <ChartCard
            title={t('dashboard.backlogByGroup')}
            empty={data.data.byGroup.every((row) => row.open === 0)}
          >
            <BarChart data={data.data.byGroup} layout="vertical" margin={{ left: 24 }}>
              <CartesianGrid strokeDasharray="3 3" horizontal={false} />
              <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12 }} />
              <YAxis type="category" dataKey="group" width={140} tick={{ fontSize: 12 }} />
              <Tooltip />
              <Bar
                dataKey="open"
                name={t('dashboard.openTickets')}
                fill={COLORS.accent}
                radius={[0, 4, 4, 0]}
              />
            </BarChart>
          </ChartCard>

          <ChartCard title={t('dashboard.compliance')} empty={complianceRows.length === 0}>
            <BarChart data={complianceRows} margin={{ left: -16 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="group" tick={{ fontSize: 12 }} interval={0} />
              <YAxis allowDecimals={false} tick={{ fontSize: 12 }} />
              <Tooltip />
              <Legend />
              <Bar dataKey="met" stackId="sla" name={t('dashboard.met')} fill={COLORS.met} />
              <Bar
                dataKey="breached"
                stackId="sla"
                name={t('dashboard.breached')}
                fill={COLORS.breached}
                radius={[4, 4, 0, 0]}
              />
            </BarChart>
          </ChartCard>

          <ChartCard title={t('dashboard.load')} empty={load.length === 0}>
            <BarChart data={load} layout="vertical" margin={{ left: 24 }}>
              <CartesianGrid strokeDasharray="3 3" horizontal={false} />
              <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12 }} />
              <YAxis type="category" dataKey="agent" width={140} tick={{ fontSize: 12 }} />
              <Tooltip />
              <Legend />
              <Bar dataKey="open" name={t('dashboard.openTickets')} fill={COLORS.accent} />
              <Bar dataKey="capacity" name={t('dashboard.capacity')} fill={COLORS.muted} />
            </BarChart>
          </ChartCard>
        </div>
      )}
    </div>
  );
}

function hasDurations(report: ServiceDeskReport | undefined): boolean {
  return (report?.total.firstResponse.count ?? 0) > 0 || (report?.total.resolution.count ?? 0) > 0;
}

function StatCard({
  label,
  value,
  detail,
}: {
  label: string;
  value: ReactNode;
  detail?: ReactNode;
}) {
  return (
    <section className="card stat-card" aria-label={label}>
      <h2 className="stat-card__label">{label}</h2>
      <span className="stat-card__value">{value}</span>
      {detail ? <span className="stat-card__detail">{detail}</span> : null}
    </section>
  );
}

/** MTTA, MTTR, CSAT and resolved tickets of the chosen period and group. */
function TrendCards({
  report,
  failed,
}: {
  report: ServiceDeskReport | undefined;
  failed: boolean;
}) {
  const { t, language } = useI18n();
  const pending = report ? undefined : failed ? '—' : '…';
  const total = report?.total;
  const duration = (figures: DurationFigures | undefined) => ({
    value: pending ?? durationText(figures?.meanMinutes ?? null, language),
    detail:
      figures?.medianMinutes === null || figures === undefined
        ? undefined
        : t('dashboard.median', { duration: durationText(figures.medianMinutes, language) }),
  });
  const mtta = duration(total?.firstResponse);
  const mttr = duration(total?.resolution);
  const satisfaction = total?.satisfaction;
  const average = satisfaction?.average ?? null;
  return (
    <>
      <StatCard label={t('dashboard.mtta')} value={mtta.value} detail={mtta.detail} />
      <StatCard label={t('dashboard.mttr')} value={mttr.value} detail={mttr.detail} />
      <StatCard
        label={t('dashboard.csat')}
        value={
          pending ??
          (average === null
            ? '—'
            : t('dashboard.csatValue', {
                average: new Intl.NumberFormat(localeOf(language), {
                  maximumFractionDigits: 1,
                }).format(average),
              }))
        }
        detail={
          satisfaction && satisfaction.satisfiedPercent !== null
            ? t('dashboard.csatDetail', {
                percent: Math.round(satisfaction.satisfiedPercent),
                count: satisfaction.ratings,
              })
            : undefined
        }
      />
      <StatCard
        label={t('dashboard.resolved')}
        value={pending ?? total?.resolved ?? 0}
        detail={total ? t('dashboard.resolvedDetail', { created: total.created }) : undefined}
      />
    </>
  );
}

function ChartCard({
  title,
  empty,
  children,
}: {
  title: string;
  empty: boolean;
  children: ReactElement;
}) {
  const { t } = useI18n();
  return (
    <section className="card chart-card" aria-label={title}>
      <h2 className="section-title">{title}</h2>
      {empty ? (
        <EmptyState title={t('dashboard.noData')} />
      ) : (
        <div className="chart">
          <ResponsiveContainer width="100%" height={260}>
            {children}
          </ResponsiveContainer>
        </div>
      )}
    </section>
  );
}
