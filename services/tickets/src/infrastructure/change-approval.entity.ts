import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One stored vote of an approval round (the `votes` JSON array of `change_approvals`). */
export interface StoredVote {
  approverId: string;
  viaGroupId: string | null;
  decision: string;
  comment: string;
  at: string;
}

/** A row of `change_approvals`. The rules live in domain/change-approval.ts. */
@Entity({ name: 'change_approvals' })
export class ChangeApprovalEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'change_id' })
  changeId!: string;

  @Column('text', { name: 'approver_ids', array: true })
  approverIds!: string[];

  @Column('text', { name: 'cab_group_id', nullable: true })
  cabGroupId!: string | null;

  @Column('text')
  quorum!: string;

  @Column('jsonb')
  votes!: StoredVote[];

  @Column('text')
  outcome!: string;

  @Column('timestamptz', { name: 'opened_at' })
  openedAt!: Date;

  @Column('timestamptz', { name: 'decided_at', nullable: true })
  decidedAt!: Date | null;
}
