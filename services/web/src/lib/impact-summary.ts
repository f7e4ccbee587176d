/** How much the business depends on a configuration item (the `criticality` attribute). */
export const CRITICALITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Criticality = (typeof CRITICALITIES)[number];

/** The criticality a configuration item's attributes declare, if they declare a known one. */
export function criticalityOf(attributes: Record<string, unknown> | undefined): Criticality | null {
  const value = attributes?.['criticality'];
  return typeof value === 'string' && (CRITICALITIES as readonly string[]).includes(value)
    ? (value as Criticality)
    : null;
}

/** The most critical of several criticalities; null when none is known. */
export function highestCriticality(values: readonly (Criticality | null)[]): Criticality | null {
  let highest: Criticality | null = null;
  for (const value of values) {
    if (value && (!highest || CRITICALITIES.indexOf(value) > CRITICALITIES.indexOf(highest)))
      highest = value;
  }
  return highest;
}

export interface ImpactedItem {
  id: string;
  name: string;
  businessService: boolean;
}

export interface LinkedItem {
  id: string;
  criticality: Criticality | null;
}

export interface ImpactSummary {
  /** Items that fail with the ticket's items, the ticket's own items left out. */
  affectedItems: number;
  /** The business services among them (or among the ticket's own items), most critical first. */
  businessServices: { id: string; name: string; criticality: Criticality | null }[];
  /** The most critical of the ticket's items and the business services they affect. */
  highest: Criticality | null;
  /** The analysis stopped before it reached every item. */
  truncated: boolean;
}

/**
 * What the ticket's configuration items put at risk: the items the analysis reached, the
 * business services among them with their criticality, and the worst of it. `criticalityById`
 * holds what is known of the business services' own criticality.
 */
export function summarizeImpact(
  linked: readonly LinkedItem[],
  impact: { items: readonly ImpactedItem[]; truncated: boolean },
  criticalityById: Readonly<Record<string, Criticality | null>>,
): ImpactSummary {
  const linkedIds = new Set(linked.map((item) => item.id));
  const affected = impact.items.filter((item) => !linkedIds.has(item.id));
  const rank = (value: Criticality | null) => (value ? CRITICALITIES.indexOf(value) : -1);
  const businessServices = impact.items
    .filter((item) => item.businessService)
    .map((item) => ({
      id: item.id,
      name: item.name,
      criticality: criticalityById[item.id] ?? null,
    }))
    .sort((a, b) => rank(b.criticality) - rank(a.criticality) || a.name.localeCompare(b.name));
  return {
    affectedItems: affected.length,
    businessServices,
    highest: highestCriticality([
      ...linked.map((item) => item.criticality),
      ...businessServices.map((service) => service.criticality),
    ]),
    truncated: impact.truncated,
  };
}

/** The ticket's items with one more; the order kept, no item twice. */
export function withItem(ids: readonly string[], id: string): string[] {
  return ids.includes(id) ? [...ids] : [...ids, id];
}

/** The ticket's items without one. */
export function withoutItem(ids: readonly string[], id: string): string[] {
  return ids.filter((candidate) => candidate !== id);
}
