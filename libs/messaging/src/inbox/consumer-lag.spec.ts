import { ConsumerLag } from './consumer-lag';

const TICKETS = 'itsm.tickets.v1';
const SLA = 'itsm.sla.v1';

type Step =
  | ['fetched', string, number, string, string | null]
  | ['processed', string, number, string]
  | ['assigned', Record<string, number[]>]
  | ['clear'];

function lagAfter(steps: Step[]): Record<string, number> {
  const lag = new ConsumerLag();
  for (const step of steps) {
    switch (step[0]) {
      case 'fetched':
        lag.fetched(step[1], step[2], step[3], step[4]);
        break;
      case 'processed':
        lag.processed(step[1], step[2], step[3]);
        break;
      case 'assigned':
        lag.assigned(step[1]);
        break;
      case 'clear':
        lag.clear();
        break;
    }
  }
  return Object.fromEntries(
    lag.current().map(({ topic, partition, messages }) => [`${topic}/${partition}`, messages]),
  );
}

describe('ConsumerLag', () => {
  it.each<[string, Step[], Record<string, number>]>([
    ['nothing fetched yet: no lag known', [], {}],
    [
      'a fetched batch: everything from its first offset on is behind',
      [['fetched', TICKETS, 0, '120', '100']],
      { [`${TICKETS}/0`]: 20 },
    ],
    [
      'each processed message moves the position past it',
      [
        ['fetched', TICKETS, 0, '120', '100'],
        ['processed', TICKETS, 0, '100'],
        ['processed', TICKETS, 0, '101'],
      ],
      { [`${TICKETS}/0`]: 18 },
    ],
    [
      'the whole batch processed and nothing newer: caught up',
      [
        ['fetched', TICKETS, 0, '102', '100'],
        ['processed', TICKETS, 0, '100'],
        ['processed', TICKETS, 0, '101'],
      ],
      { [`${TICKETS}/0`]: 0 },
    ],
    [
      'the next fetch moves the end: what was written meanwhile is behind',
      [
        ['fetched', TICKETS, 0, '102', '100'],
        ['processed', TICKETS, 0, '101'],
        ['fetched', TICKETS, 0, '150', '102'],
      ],
      { [`${TICKETS}/0`]: 48 },
    ],
    [
      'a batch without messages (only control records) keeps the position',
      [
        ['processed', TICKETS, 0, '99'],
        ['fetched', TICKETS, 0, '105', null],
      ],
      { [`${TICKETS}/0`]: 5 },
    ],
    [
      'partitions and topics are apart',
      [
        ['fetched', TICKETS, 0, '10', '4'],
        ['fetched', TICKETS, 1, '7', '7'],
        ['fetched', SLA, 0, '3', '0'],
      ],
      { [`${TICKETS}/0`]: 6, [`${TICKETS}/1`]: 0, [`${SLA}/0`]: 3 },
    ],
    [
      'a rebalance: the partitions another member now reads count 0 here',
      [
        ['fetched', TICKETS, 0, '10', '4'],
        ['fetched', TICKETS, 1, '10', '4'],
        ['fetched', SLA, 0, '10', '4'],
        ['assigned', { [TICKETS]: [1] }],
      ],
      { [`${TICKETS}/0`]: 0, [`${TICKETS}/1`]: 6, [`${SLA}/0`]: 0 },
    ],
    [
      'a partition given back: its lag is measured afresh, not remembered',
      [
        ['fetched', TICKETS, 0, '10', '4'],
        ['assigned', {}],
        ['processed', TICKETS, 0, '20'],
        ['fetched', TICKETS, 0, '30', '21'],
      ],
      { [`${TICKETS}/0`]: 9 },
    ],
    [
      'stopping: behind on nothing',
      [['fetched', TICKETS, 0, '10', '4'], ['clear']],
      { [`${TICKETS}/0`]: 0 },
    ],
    [
      'offsets beyond 2^53 are subtracted exactly',
      [['fetched', TICKETS, 0, '9007199254740999', '9007199254740993']],
      { [`${TICKETS}/0`]: 6 },
    ],
  ])('%s', (_scenario, steps, expected) => {
    expect(lagAfter(steps)).toEqual(expected);
  });
});
