import type { UnansweredSearch } from '../../domain/feedback';
import { throwIfInvalid } from '../../domain/knowledge-error';
import type { FeedbackStore } from '../ports/feedback-store';

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 100;

/** What readers searched for and did not find, most frequent first: the authors' to-do list. */
export class ListUnansweredSearchesUseCase {
  constructor(private readonly feedback: FeedbackStore) {}

  execute(limit: number | undefined): Promise<UnansweredSearch[]> {
    const size = limit || DEFAULT_LIMIT;
    if (!Number.isInteger(size) || size < 1 || size > MAX_LIMIT) {
      throwIfInvalid('the report is invalid', [
        { field: 'limit', message: `limit must be 1 to ${MAX_LIMIT}` },
      ]);
    }
    return this.feedback.unansweredSearches(size);
  }
}
