import { validateRule } from '../../domain/rule-engine';
import { RoutingError, RoutingErrorCode, throwIfInvalid } from '../../domain/routing-error';
import type { RoutingConfiguration } from '../routing-configuration/routing-configuration';
import type { Clock, IdGenerator } from '../ports/clock';
import type {
  OrganisationStore,
  RoutingSettings,
  RuleDraft,
  StoredRule,
} from '../ports/organisation-store';
import { isUuid, notFound, requireUuid, writtenOrThrow } from '../versioned-write';

/** Routing rules (versioned: every save keeps the previous one readable) and routing settings. */
export class ManageRulesUseCase {
  constructor(
    private readonly store: OrganisationStore,
    private readonly configuration: RoutingConfiguration,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  rules(includeDisabled: boolean): Promise<StoredRule[]> {
    return this.store.rules(includeDisabled);
  }

  async rule(id: string): Promise<StoredRule> {
    requireUuid('rule', id);
    const rule = await this.store.rule(id);
    if (!rule) throw notFound('rule', id);
    return rule;
  }

  async versions(id: string): Promise<StoredRule[]> {
    requireUuid('rule', id);
    const versions = await this.store.ruleVersions(id);
    if (versions.length === 0) throw notFound('rule', id);
    return versions;
  }

  async create(draft: RuleDraft, actorId: string): Promise<StoredRule> {
    await this.check(draft);
    const rule = await this.store.insertRule(this.ids.newId(), draft, actorId, this.clock.now());
    this.configuration.invalidate();
    return rule;
  }

  async update(
    id: string,
    draft: RuleDraft,
    expectedVersion: number | null,
    actorId: string,
  ): Promise<StoredRule> {
    requireUuid('rule', id);
    await this.check(draft);
    const rule = writtenOrThrow(
      await this.store.updateRule(id, draft, expectedVersion, actorId, this.clock.now()),
      'rule',
      id,
    );
    this.configuration.invalidate();
    return rule;
  }

  async delete(id: string, actorId: string): Promise<void> {
    requireUuid('rule', id);
    if (!(await this.store.deleteRule(id, actorId, this.clock.now()))) throw notFound('rule', id);
    this.configuration.invalidate();
  }

  settings(): Promise<RoutingSettings> {
    return this.store.settings();
  }

  async updateSettings(
    settings: Omit<RoutingSettings, 'version'>,
    expectedVersion: number | null,
  ): Promise<RoutingSettings> {
    const violations = [];
    const threshold = settings.classificationThreshold;
    if (!Number.isFinite(threshold) || threshold < 0 || threshold > 1) {
      violations.push({ field: 'classificationThreshold', message: 'must be from 0 to 1' });
    }
    if (
      settings.defaultGroupId &&
      !(isUuid(settings.defaultGroupId) && (await this.store.group(settings.defaultGroupId)))
    ) {
      violations.push({
        field: 'defaultGroupId',
        message: `group ${settings.defaultGroupId} does not exist`,
      });
    }
    throwIfInvalid('the routing settings are invalid', violations);
    const write = await this.store.updateSettings(settings, expectedVersion);
    if (write.outcome === 'not_found') {
      throw new RoutingError(RoutingErrorCode.NotFound, 'the routing settings are missing');
    }
    const saved = writtenOrThrow(write, 'routing settings', 'of this installation');
    this.configuration.invalidate();
    return saved;
  }

  private async check(draft: RuleDraft): Promise<void> {
    const groups = await this.store.groups();
    throwIfInvalid(
      'the rule is invalid',
      validateRule(draft, { groupIds: new Set(groups.map(({ id }) => id)) }),
    );
  }
}
