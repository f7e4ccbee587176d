/** The `TicketCreated` events the benchmark sends: new, unassigned incidents as the portal opens them. */
import { Channel, Priority, Ticket, TicketStatus, TicketType, toTimestamp } from '@itsm/contracts';
import { CHANNELS, KEYWORDS, pick, PRIORITIES, uuidOf } from './seed';

const TITLES: ReadonlyArray<(word: string) => string> = [
  (word) => `Не работает ${word}`,
  (word) => `${word} is not working since this morning`,
  (word) => `Проблема: ${word} недоступен`,
  (word) => `Cannot connect to ${word}`,
  (word) => `Прошу помочь, ${word} выдаёт ошибку`,
];

const PRIORITY_ENUM: Record<(typeof PRIORITIES)[number], Priority> = {
  critical: Priority.PRIORITY_CRITICAL,
  high: Priority.PRIORITY_HIGH,
  medium: Priority.PRIORITY_MEDIUM,
  low: Priority.PRIORITY_LOW,
  planning: Priority.PRIORITY_PLANNING,
};

const CHANNEL_ENUM: Record<(typeof CHANNELS)[number], Channel> = {
  portal: Channel.CHANNEL_PORTAL,
  email: Channel.CHANNEL_EMAIL,
  phone: Channel.CHANNEL_PHONE,
  chat: Channel.CHANNEL_CHAT,
  api: Channel.CHANNEL_API,
};

/** Number of the i-th ticket of a phase: `W-000001` warm-up, `M-000001` measured. */
export const ticketNumberOf = (phase: 'W' | 'M', index: number): string =>
  `${phase}-${String(index + 1).padStart(6, '0')}`;

/** The ticket of event `index` of a phase, in a run told apart by `run`. */
export function benchTicket(
  run: string,
  phase: 'W' | 'M',
  index: number,
  categoryIds: readonly string[],
  random: () => number,
  now: Date,
): Ticket {
  const number = ticketNumberOf(phase, index);
  const word = pick(random, KEYWORDS);
  const other = pick(random, KEYWORDS);
  const priority = pick(random, PRIORITIES);
  return {
    ...Ticket.fromJSON({}),
    id: uuidOf(`${run}-${number}`),
    number,
    type: TicketType.TICKET_TYPE_INCIDENT,
    status: TicketStatus.TICKET_STATUS_NEW,
    title: pick(random, TITLES)(word),
    description: `Пользователь сообщает: ${other}. User reports an issue with ${other}.`,
    priority: PRIORITY_ENUM[priority],
    channel: CHANNEL_ENUM[pick(random, CHANNELS)],
    categoryId: random() < 0.9 ? pick(random, categoryIds) : '',
    requesterId: `bench-requester-${Math.floor(random() * 5_000)}`,
    createdAt: toTimestamp(now),
    updatedAt: toTimestamp(now),
    version: 1,
  };
}
