/** A customer organisation whose people file tickets. */
export interface Organization {
  id: string;
  name: string;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

export const ORGANIZATION_NAME_MAX_LENGTH = 200;
