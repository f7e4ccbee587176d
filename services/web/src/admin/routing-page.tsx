import { useState } from 'react';
import type { Availability, RoutingAgent, RoutingRule, RuleCondition } from '../api/admin-types';
import { ApiError } from '../api/client';
import { useMe } from '../auth/session';
import { useI18n } from '../i18n/i18n';
import { bilingual } from '../lib/bilingual';
import { EmptyState, ErrorState, SkeletonRows, useErrorMessage, useToasts } from '../ui/feedback';
import { PageHeader } from '../ui/layout';
import { useAsync } from '../ui/use-async';

const AVAILABILITIES: readonly Availability[] = ['online', 'away', 'off'];

/** Assignment groups, their agents and the rules that route tickets to them. */
export function RoutingPage() {
  const { t, language } = useI18n();
  const { call, me } = useMe();
  const { notify } = useToasts();
  const errorMessage = useErrorMessage();
  const canManage = me.permissions.includes('routing.manage');
  const canManageAgents = me.permissions.includes('routing.manage_agents');
  const [busy, setBusy] = useState<string | null>(null);
  const data = useAsync(async () => {
    const [lines, groups, agents, rules] = await Promise.all([
      call.supportLines().catch(() => ({ items: [] })),
      call.routingGroups(),
      call.routingAgents(),
      call.routingRules(),
    ]);
    return { lines: lines.items, groups: groups.items, agents: agents.items, rules: rules.items };
  }, [call]);

  const groupName = (id: string | null | undefined) => {
    if (!id) return '—';
    const group = data.data?.groups.find((candidate) => candidate.id === id);
    return group ? bilingual(group.name, language) : id;
  };
  const lineName = (id: string) => {
    const line = data.data?.lines.find((candidate) => candidate.id === id);
    return line ? bilingual(line.name, language) : '—';
  };

  async function setAvailability(agent: RoutingAgent, availability: Availability) {
    setBusy(agent.id);
    try {
      const { agent: saved } = await call.setAvailability(agent, availability);
      if (data.data)
        data.set({
          ...data.data,
          agents: data.data.agents.map((item) => (item.id === saved.id ? saved : item)),
        });
      notify(
        t('admin.routing.availabilitySaved', {
          name: bilingual(agent.displayName, language),
          availability: t(`admin.availability.${availability}`),
        }),
      );
    } catch (error) {
      notify(errorMessage(error), 'error');
      data.reload();
    } finally {
      setBusy(null);
    }
  }

  async function toggleRule(rule: RoutingRule, enabled: boolean) {
    setBusy(rule.id);
    try {
      const saved = await call.saveRoutingRule({ ...rule, enabled });
      if (data.data)
        data.set({
          ...data.data,
          rules: data.data.rules.map((item) => (item.id === saved.id ? saved : item)),
        });
      notify(t(enabled ? 'admin.routing.ruleOn' : 'admin.routing.ruleOff', { name: rule.name }));
    } catch (error) {
      notify(
        error instanceof ApiError && error.status === 412
          ? t('admin.conflictReloaded')
          : errorMessage(error),
        'error',
      );
      data.reload();
    } finally {
      setBusy(null);
    }
  }

  function conditionText(condition: RuleCondition): string {
    const field = t(`admin.rule.field.${condition.field}`);
    const name = condition.customField ? `${field} “${condition.customField}”` : field;
    const values = (condition.values ?? [])
      .map((value) => {
        if (condition.field === 'priority') return t(`priority.${value}` as 'priority.high');
        if (condition.field === 'type') return t(`type.${value}` as 'type.incident');
        return value;
      })
      .join(', ');
    return t(`admin.rule.op.${condition.operator}`, { field: name, values });
  }

  function actionsText(rule: RoutingRule): string {
    const parts: string[] = [];
    if (rule.actions.setGroupId)
      parts.push(t('admin.rule.toGroup', { group: groupName(rule.actions.setGroupId) }));
    if (rule.actions.setPriority)
      parts.push(t('admin.rule.priority', { priority: t(`priority.${rule.actions.setPriority}`) }));
    if (rule.actions.addTags?.length)
      parts.push(t('admin.rule.tags', { tags: rule.actions.addTags.join(', ') }));
    if (rule.actions.setCategoryId) parts.push(t('admin.rule.category'));
    if (rule.stopProcessing) parts.push(t('admin.rule.stop'));
    return parts.join('; ') || '—';
  }

  return (
    <>
      <PageHeader title={t('admin.routing.title')} subtitle={t('admin.routing.subtitle')} />
      {data.status === 'error' && !data.data ? (
        <ErrorState error={data.error} onRetry={data.reload} />
      ) : !data.data ? (
        <SkeletonRows rows={6} />
      ) : (
        <div className="stack stack--large">
          <section aria-labelledby="groups-title" className="stack">
            <h2 className="section-title" id="groups-title">
              {t('admin.routing.groups')}
            </h2>
            {data.data.groups.length === 0 ? (
              <EmptyState title={t('admin.routing.noGroups')} />
            ) : (
              <div
                className="table-wrap"
                role="region"
                aria-labelledby="routing-groups-table-caption"
                tabIndex={0}
              >
                <table className="data-table">
                  <caption id="routing-groups-table-caption" className="visually-hidden">
                    {t('admin.routing.groups')}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('admin.name')}</th>
                      <th scope="col">{t('admin.routing.line')}</th>
                      <th scope="col">{t('admin.routing.strategy')}</th>
                      <th scope="col">{t('admin.routing.autoAssign')}</th>
                      <th scope="col">{t('admin.routing.queued')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.data.groups.map((group) => (
                      <tr key={group.id}>
                        <th scope="row">{bilingual(group.name, language)}</th>
                        <td>{lineName(group.lineId)}</td>
                        <td>{t(`admin.strategy.${group.strategy}`)}</td>
                        <td>{group.autoAssign ? t('admin.yes') : t('admin.no')}</td>
                        <td className="numeric">{group.queuedTickets}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>

          <section aria-labelledby="agents-title" className="stack">
            <h2 className="section-title" id="agents-title">
              {t('admin.routing.agents')}
            </h2>
            {data.data.agents.length === 0 ? (
              <EmptyState title={t('admin.routing.noAgents')} />
            ) : (
              <div
                className="table-wrap"
                role="region"
                aria-labelledby="routing-agents-table-caption"
                tabIndex={0}
              >
                <table className="data-table">
                  <caption id="routing-agents-table-caption" className="visually-hidden">
                    {t('admin.routing.agents')}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('admin.name')}</th>
                      <th scope="col">{t('admin.routing.agentGroups')}</th>
                      <th scope="col">{t('admin.routing.load')}</th>
                      <th scope="col">{t('admin.routing.availability')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.data.agents.map((agent) => {
                      const name = bilingual(agent.displayName, language);
                      return (
                        <tr key={agent.id}>
                          <th scope="row">{name}</th>
                          <td>{agent.groupIds.map((id) => groupName(id)).join(', ') || '—'}</td>
                          <td className="numeric">
                            {t('admin.routing.loadOf', {
                              open: agent.openTickets,
                              capacity: agent.capacity,
                            })}
                          </td>
                          <td>
                            {canManageAgents ? (
                              <select
                                className="input input--compact"
                                aria-label={t('admin.routing.availabilityOf', { name })}
                                value={agent.availability}
                                disabled={busy === agent.id}
                                onChange={(event) =>
                                  void setAvailability(agent, event.target.value as Availability)
                                }
                              >
                                {AVAILABILITIES.map((availability) => (
                                  <option key={availability} value={availability}>
                                    {t(`admin.availability.${availability}`)}
                                  </option>
                                ))}
                              </select>
                            ) : (
                              t(`admin.availability.${agent.availability}`)
                            )}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            )}
          </section>

          <section aria-labelledby="rules-title" className="stack">
            <h2 className="section-title" id="rules-title">
              {t('admin.routing.rules')}
            </h2>
            {data.data.rules.length === 0 ? (
              <EmptyState title={t('admin.routing.noRules')} />
            ) : (
              <div
                className="table-wrap"
                role="region"
                aria-labelledby="routing-rules-table-caption"
                tabIndex={0}
              >
                <table className="data-table">
                  <caption id="routing-rules-table-caption" className="visually-hidden">
                    {t('admin.routing.rules')}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('admin.routing.order')}</th>
                      <th scope="col">{t('admin.name')}</th>
                      <th scope="col">{t('admin.routing.conditions')}</th>
                      <th scope="col">{t('admin.routing.actions')}</th>
                      <th scope="col">{t('admin.triggers.enabled')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.data.rules.map((rule) => (
                      <tr key={rule.id}>
                        <td className="numeric">{rule.order}</td>
                        <th scope="row">{rule.name}</th>
                        <td>
                          {rule.conditions.length === 0
                            ? t('admin.rule.everyTicket')
                            : rule.conditions
                                .map((condition) => conditionText(condition))
                                .join('; ')}
                        </td>
                        <td>{actionsText(rule)}</td>
                        <td>
                          {canManage ? (
                            <label className="switch">
                              <input
                                type="checkbox"
                                role="switch"
                                checked={rule.enabled}
                                disabled={busy === rule.id}
                                aria-label={t('admin.routing.ruleEnabled', { name: rule.name })}
                                onChange={(event) => void toggleRule(rule, event.target.checked)}
                              />
                              <span className="switch__track" aria-hidden="true" />
                            </label>
                          ) : rule.enabled ? (
                            t('admin.yes')
                          ) : (
                            t('admin.no')
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        </div>
      )}
    </>
  );
}
