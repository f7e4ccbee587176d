/** The CMDB and knowledge shapes of the gateway's API the agent console reads. */
import type { SearchHit } from './types';

export type CiStatus = 'planned' | 'active' | 'maintenance' | 'retired';

export interface ConfigurationItem {
  id: string;
  type: string;
  name: string;
  externalId: string | null;
  attributes: Record<string, unknown>;
  status: CiStatus;
  version: number;
}

export interface ConfigurationItemPage {
  items: ConfigurationItem[];
  nextCursor: string | null;
}

export interface ImpactedItem {
  id: string;
  name: string;
  type: string;
  depth: number;
  path: string[];
  businessService: boolean;
  status: CiStatus;
}

export interface TicketImpact {
  ticketId: string;
  configurationItemIds: string[];
  items: ImpactedItem[];
  businessServices: ImpactedItem[];
  truncated: boolean;
  maxDepth: number;
}

export interface ArticleSuggestions {
  suggestionId: string;
  items: (SearchHit & { language: 'ru' | 'en'; audience: 'public' | 'internal' })[];
}

export interface TicketArticleLink {
  articleId: string;
  ticketId: string;
  linkedBy: string;
  linkedAt: string;
  articleTitle: string;
}
