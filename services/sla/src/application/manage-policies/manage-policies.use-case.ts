import { SlaError, SlaErrorCode, type FieldViolation } from '../../domain/sla-error';
import { SLA_TARGETS } from '../../domain/sla-clock';
import { type SlaPolicy, validatePolicy } from '../../domain/sla-policy';
import { notFound, written } from '../definition-writes';
import type { DefinitionStore, PolicyWrite, StoredPolicy } from '../ports/definition-store';
import type { IdGenerator } from '../ports/id-generator';
import type { SlaCatalog } from '../ports/sla-catalog';
import type { TimeSource } from '../ports/time-source';
import { isUuid } from '../uuid';
import type {
  CreatePolicyCommand,
  PolicyDraft,
  UpdatePolicyCommand,
} from './manage-policies.commands';

/** Space left between policies added at the end, so one can go between two without renumbering. */
export const ORDER_STEP = 10;

/**
 * SLA and OLA policies: created, replaced (reordered) and deactivated after the domain checked
 * them and every calendar they count in exists. Every write drops the catalog cache, so the next
 * ticket opened gets the policy as written. Clocks already running keep their targets until their
 * ticket's policy changes (a priority change), as the issue asks: a target applies from a change.
 */
export class ManagePoliciesUseCase {
  constructor(
    private readonly store: DefinitionStore,
    private readonly catalog: SlaCatalog,
    private readonly ids: IdGenerator,
    private readonly time: TimeSource,
  ) {}

  list(options: { includeInactive: boolean }): Promise<StoredPolicy[]> {
    return this.store.policies(options);
  }

  async get(id: string): Promise<StoredPolicy> {
    const policy = isUuid(id) ? await this.store.policy(id) : undefined;
    if (!policy) throw notFound('policy', id);
    return policy;
  }

  async create(command: CreatePolicyCommand): Promise<StoredPolicy> {
    const order = command.draft.order ?? ((await this.store.lastPolicyOrder()) ?? 0) + ORDER_STEP;
    const write = await this.checked(this.ids.newId(), command.draft, order);
    const policy = await this.store.insertPolicy(write, this.time.now());
    this.catalog.invalidate();
    return policy;
  }

  async update(command: UpdatePolicyCommand): Promise<StoredPolicy> {
    const current = await this.get(command.id);
    const write = await this.checked(
      command.id,
      command.draft,
      command.draft.order ?? current.policy.order,
    );
    return this.write(write, command.expectedVersion);
  }

  /** No new clocks start by the policy; clocks it started keep counting by it. */
  async deactivate(id: string): Promise<StoredPolicy> {
    const current = await this.get(id);
    if (!current.active) return current;
    return this.write(
      { policy: current.policy, kind: current.kind, active: false },
      current.version,
    );
  }

  private async write(write: PolicyWrite, expectedVersion: number | null): Promise<StoredPolicy> {
    const policy = written(
      await this.store.updatePolicy(write, expectedVersion, this.time.now()),
      'policy',
      write.policy.id,
    );
    this.catalog.invalidate();
    return policy;
  }

  /** The policy to write once the domain accepts it and its calendars exist. */
  private async checked(id: string, draft: PolicyDraft, order: number): Promise<PolicyWrite> {
    const policy: SlaPolicy = {
      id,
      name: draft.name,
      order,
      conditions: draft.conditions,
      targets: draft.targets,
      warningThresholds: draft.warningThresholds,
      pauseWhen: draft.pauseWhen,
    };
    const violations: FieldViolation[] = [];
    try {
      validatePolicy(policy, draft.kind);
    } catch (error) {
      if (!(error instanceof SlaError)) throw error;
      violations.push(...error.violations);
    }
    for (const target of SLA_TARGETS) {
      const calendarId = draft.targets[target]?.calendarId;
      if (!calendarId?.trim()) continue;
      const exists = isUuid(calendarId) && (await this.store.calendar(calendarId)) !== undefined;
      if (!exists) {
        violations.push({
          field: `targets.${target}.calendarId`,
          message: `calendar ${calendarId} does not exist`,
        });
      }
    }
    if (violations.length > 0) {
      throw new SlaError(SlaErrorCode.ValidationFailed, 'the SLA policy is invalid', violations);
    }
    return { policy, kind: draft.kind, active: draft.active };
  }
}
