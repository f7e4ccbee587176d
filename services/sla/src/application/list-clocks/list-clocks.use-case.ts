import {
  type ClockCondition,
  type ClockListing,
  type ClockListRequest,
  clockListingOf,
  clockPageToken,
} from '../../domain/clock-listing';
import type { ClockList, ListedClock } from '../ports/clock-list';
import type { TimeSource } from '../ports/time-source';

export interface ClockPage {
  listing: ClockListing;
  /** Earliest due first. */
  clocks: ListedClock[];
  /** Empty on the last page. */
  nextPageToken: string;
  /** How many clocks are at risk now and breached in the period, with the group filter. */
  counts: Record<ClockCondition, number>;
}

/** The clocks a supervisor acts on next: those at risk of breaching and today's breaches. */
export class ListClocksUseCase {
  constructor(
    private readonly clocks: ClockList,
    private readonly time: TimeSource,
  ) {}

  async execute(request: ClockListRequest): Promise<ClockPage> {
    const listing = clockListingOf(request, this.time.now());
    const filter = {
      breachedSince: listing.breachedSince,
      breachedUntil: listing.breachedUntil,
      groupId: listing.groupId,
    };
    const [rows, counts] = await Promise.all([
      this.clocks.page(listing.condition, filter, listing.after, listing.pageSize + 1),
      this.clocks.count(filter),
    ]);
    const clocks = rows.slice(0, listing.pageSize);
    const last = clocks.at(-1);
    return {
      listing,
      clocks,
      nextPageToken:
        rows.length > listing.pageSize && last
          ? clockPageToken(listing.condition, { dueAt: last.dueAt, id: last.id })
          : '',
      counts,
    };
  }
}
