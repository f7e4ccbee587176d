import type { SlaTarget } from '../../domain/sla-clock';
import type {
  PauseRule,
  PolicyConditions,
  PolicyKind,
  PolicyTarget,
} from '../../domain/sla-policy';

/** A policy as an administrator writes it; spelled as the tickets domain spells tickets. */
export interface PolicyDraft {
  name: string;
  kind: PolicyKind;
  /** Null: after every other policy when created, unchanged when updated. */
  order: number | null;
  conditions: PolicyConditions;
  targets: Partial<Record<SlaTarget, PolicyTarget>>;
  warningThresholds: readonly number[];
  pauseWhen: readonly PauseRule[];
  active: boolean;
}

export interface CreatePolicyCommand {
  draft: PolicyDraft;
}

/** Replaces a policy; changing its order is how policies are reordered. */
export interface UpdatePolicyCommand {
  id: string;
  draft: PolicyDraft;
  /** The version the change was made from; null replaces whatever is stored. */
  expectedVersion: number | null;
}
