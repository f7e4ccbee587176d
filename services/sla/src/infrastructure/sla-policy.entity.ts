import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { SlaTarget } from '../domain/sla-clock';
import type { PauseRule, PolicyConditions, PolicyTarget } from '../domain/sla-policy';

/** A row of `sla_policies`. */
@Entity({ name: 'sla_policies' })
export class SlaPolicyEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  name!: string;

  /** `sla` (customer-facing) or `ola` (per support group). */
  @Column('text')
  kind!: string;

  /** Lower positions are tried first. */
  @Column('integer')
  position!: number;

  @Column('jsonb')
  conditions!: PolicyConditions;

  @Column('jsonb')
  targets!: Partial<Record<SlaTarget, PolicyTarget>>;

  @Column('jsonb', { name: 'warning_thresholds' })
  warningThresholds!: number[];

  @Column('jsonb', { name: 'pause_rules' })
  pauseRules!: PauseRule[];

  @Column('boolean')
  active!: boolean;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;

  @Column('integer')
  version!: number;
}
