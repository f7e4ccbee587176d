/** An integration (mail gateway, monitoring, HR system) that calls the API with API keys. */
export interface ServiceAccount {
  id: string;
  name: string;
  description: string;
  disabled: boolean;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

export const SERVICE_ACCOUNT_NAME_MAX_LENGTH = 100;
export const SERVICE_ACCOUNT_DESCRIPTION_MAX_LENGTH = 1000;
