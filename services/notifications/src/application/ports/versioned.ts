/** A stored definition with the version an update must name (optimistic concurrency). */
export type Versioned<T> = T & { version: number; updatedAt: Date };

/** What a versioned save reports: the stored record, or that the named version is stale. */
export type SaveResult<T> = { saved: Versioned<T> } | { conflict: number };
