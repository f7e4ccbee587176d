export type DataFormat = 'csv' | 'json';

export interface ImportItemsCommand {
  format: DataFormat;
  content: string;
  /** Rows without a type column take this one; null when none. */
  defaultTypeKey: string | null;
  actorId: string;
  /** Check every row and report, writing nothing. */
  dryRun: boolean;
}

export interface RejectedRow {
  /** 1-based, the header not counted. */
  row: number;
  externalId: string | null;
  errors: string[];
}

export interface ImportReport {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: RejectedRow[];
}
