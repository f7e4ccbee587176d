/** Who works in a support group and who supervises it, as the routing service knows. */
export interface SupportGroupPeople {
  memberIds: string[];
  supervisorId: string | null;
}

export interface GroupDirectory {
  peopleOf(groupId: string): Promise<SupportGroupPeople>;
}
