import type { ArticleContent } from './article';

/** How a version came to be. */
export type VersionOrigin = 'approve' | 'rollback';

/** A published state of an article; never changed. */
export interface ArticleVersion {
  articleId: string;
  /** 1, 2, 3 ... per article. */
  number: number;
  content: ArticleContent;
  /** Who wrote this content; for a rollback, who rolled back. */
  authorId: string;
  approvedBy: string;
  origin: VersionOrigin;
  /** The version a rollback restored; null otherwise. */
  restoredFrom: number | null;
  publishedAt: Date;
}

export type ReviewDecision = 'approved' | 'sent_back';

export interface ArticleReview {
  id: string;
  articleId: string;
  reviewerId: string;
  decision: ReviewDecision;
  comment: string;
  /** The article revision that was reviewed. */
  revision: number;
  createdAt: Date;
}

/** One changed field; values are JSON text so lists and nulls compare as written. */
export interface ContentChange {
  field: keyof ArticleContent;
  from: string;
  to: string;
}

const DIFFED_FIELDS: readonly (keyof ArticleContent)[] = [
  'title',
  'audience',
  'categoryId',
  'tags',
  'serviceIds',
  'configurationItemIds',
  'body',
];

/** The fields of `after` that differ from `before` (every field when there is no before). */
export function contentChanges(
  before: ArticleContent | null,
  after: ArticleContent,
): ContentChange[] {
  return DIFFED_FIELDS.flatMap((field) => {
    const from = before ? JSON.stringify(before[field]) : 'null';
    const to = JSON.stringify(after[field]);
    return from === to ? [] : [{ field, from, to }];
  });
}

/** Lines beyond which a body diff is not computed line by line (the LCS table is quadratic). */
export const MAX_DIFF_LINES = 4000;
const CONTEXT_LINES = 2;

type DiffLine = { kind: ' ' | '-' | '+'; text: string; before: number; after: number };

/**
 * A unified diff of two texts by lines, with two lines of context per hunk; empty when they are
 * equal. Texts longer than MAX_DIFF_LINES are shown as wholly replaced.
 */
export function unifiedDiff(
  before: string,
  after: string,
  labels: { before: string; after: string },
): string {
  if (before === after) return '';
  const a = before.split('\n');
  const b = after.split('\n');
  const lines =
    a.length > MAX_DIFF_LINES || b.length > MAX_DIFF_LINES ? replaceAll(a, b) : diffLines(a, b);
  const hunks = toHunks(lines);
  return [`--- ${labels.before}`, `+++ ${labels.after}`, ...hunks].join('\n');
}

function replaceAll(a: string[], b: string[]): DiffLine[] {
  return [
    ...a.map((text, index) => ({ kind: '-' as const, text, before: index, after: 0 })),
    ...b.map((text, index) => ({ kind: '+' as const, text, before: a.length, after: index })),
  ];
}

/** Longest common subsequence of lines, walked back into keep/remove/add lines. */
function diffLines(a: string[], b: string[]): DiffLine[] {
  const width = b.length + 1;
  const table = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) {
      table[i * width + j] =
        a[i] === b[j]
          ? (table[(i + 1) * width + j + 1] ?? 0) + 1
          : Math.max(table[(i + 1) * width + j] ?? 0, table[i * width + j + 1] ?? 0);
    }
  }
  const lines: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      lines.push({ kind: ' ', text: a[i] ?? '', before: i, after: j });
      i += 1;
      j += 1;
    } else if (
      i < a.length &&
      (j === b.length || (table[(i + 1) * width + j] ?? 0) >= (table[i * width + j + 1] ?? 0))
    ) {
      // Removals before additions, as diff(1) prints them.
      lines.push({ kind: '-', text: a[i] ?? '', before: i, after: j });
      i += 1;
    } else {
      lines.push({ kind: '+', text: b[j] ?? '', before: i, after: j });
      j += 1;
    }
  }
  return lines;
}

function toHunks(lines: DiffLine[]): string[] {
  const changed = lines.flatMap((line, index) => (line.kind === ' ' ? [] : [index]));
  const output: string[] = [];
  let start = 0;
  while (start < changed.length) {
    let end = start;
    // Join changes whose contexts touch into one hunk.
    while (
      end + 1 < changed.length &&
      (changed[end + 1] ?? 0) - (changed[end] ?? 0) <= 2 * CONTEXT_LINES + 1
    ) {
      end += 1;
    }
    const from = Math.max(0, (changed[start] ?? 0) - CONTEXT_LINES);
    const to = Math.min(lines.length - 1, (changed[end] ?? 0) + CONTEXT_LINES);
    const hunk = lines.slice(from, to + 1);
    const first = hunk[0];
    const beforeCount = hunk.filter((line) => line.kind !== '+').length;
    const afterCount = hunk.filter((line) => line.kind !== '-').length;
    const beforeStart = first ? first.before + (beforeCount > 0 ? 1 : 0) : 0;
    const afterStart = first ? first.after + (afterCount > 0 ? 1 : 0) : 0;
    output.push(`@@ -${beforeStart},${beforeCount} +${afterStart},${afterCount} @@`);
    output.push(...hunk.map((line) => `${line.kind}${line.text}`));
    start = end + 1;
  }
  return output;
}
