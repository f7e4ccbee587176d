import type { ReactElement } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { STATUSES } from '../api/types';
import { useMe } from '../auth/session';
import { useDirectory } from '../console/directory';
import { useI18n } from '../i18n/i18n';
import { openCount } from '../lib/list-keys';
import { isFinished } from '../lib/ticket-actions';
import { EmptyState, ErrorState, SkeletonRows } from '../ui/feedback';
import { PageHeader } from '../ui/layout';
import { useAsync } from '../ui/use-async';

const DAY_MS = 86_400_000;
const COLORS = {
  accent: 'var(--color-accent)',
  met: 'var(--color-success)',
  breached: 'var(--color-danger)',
  muted: 'var(--color-border-strong)',
};

/** The supervisor's picture of the desk, from the reports the API already has. */
export default function DashboardPage() {
  const { t } = useI18n();
  const { call } = useMe();
  const directory = useDirectory();
  const groupsKey = directory.groups.map((group) => group.id).join(',');

  const data = useAsync(async () => {
    const to = new Date();
    const from = new Date(to.getTime() - 30 * DAY_MS);
    const [counts, compliance, byGroup] = await Promise.all([
      call.ticketCounts({}),
      call.compliance('group', from.toISOString(), to.toISOString()).catch(() => undefined),
      Promise.all(
        directory.groups.map(async (group) => ({
          group: group.name,
          open: openCount((await call.ticketCounts({ assignmentGroupId: group.id })).byStatus),
        })),
      ),
    ]);
    return { counts, compliance, byGroup };
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

  return (
    <div className="page page--wide">
      <PageHeader title={t('dashboard.title')} subtitle={t('dashboard.subtitle')} />
      {!data.data ? (
        <SkeletonRows rows={6} />
      ) : (
        <div className="dashboard">
          <section className="card stat-card">
            <span className="stat-card__label">{t('dashboard.open')}</span>
            <span className="stat-card__value">{openCount(data.data.counts.byStatus)}</span>
          </section>
          <section className="card stat-card">
            <span className="stat-card__label">{t('dashboard.compliance')}</span>
            <span className="stat-card__value">
              {compliance?.total.compliancePercent === null || compliance === undefined
                ? '—'
                : t('dashboard.complianceTotal', {
                    percent: Math.round(compliance.total.compliancePercent * 10) / 10,
                  })}
            </span>
          </section>

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
