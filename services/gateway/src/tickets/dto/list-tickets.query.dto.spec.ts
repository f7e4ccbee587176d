import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { ListTicketsQueryDto } from './list-tickets.query.dto';
import { CountTicketsQueryDto } from './ticket-counts.dto';

type QueryClass = typeof ListTicketsQueryDto | typeof CountTicketsQueryDto;

/** The query as Express parses it: one value a string, a repeated parameter an array. */
async function tagsOf(dto: QueryClass, query: Record<string, unknown>) {
  const instance = plainToInstance(dto, query);
  const errors = await validate(instance);
  return { tag: instance.tag, violated: errors.map((error) => error.property) };
}

describe('the tag filter of lists and counts', () => {
  it.each([
    ['one value', 'vpn', ['vpn']],
    ['a repeated parameter', ['vpn', 'vip'], ['vpn', 'vip']],
    ['commas', 'vpn, vip', ['vpn', 'vip']],
    ['both', ['vpn,vip', 'printer'], ['vpn', 'vip', 'printer']],
  ])('takes %s as a list of tags', async (_, tag, expected) => {
    for (const dto of [ListTicketsQueryDto, CountTicketsQueryDto]) {
      expect(await tagsOf(dto, { tag })).toEqual({ tag: expected, violated: [] });
    }
  });

  it('is no filter when absent', async () => {
    expect(await tagsOf(ListTicketsQueryDto, {})).toEqual({ tag: undefined, violated: [] });
  });

  it.each([
    ['a blank tag', 'vpn,'],
    ['an overlong tag', 'x'.repeat(51)],
    ['more than 20 tags', Array.from({ length: 21 }, (_, index) => `tag-${index}`).join(',')],
    ['a nested value', { vpn: 'x' }],
  ])('refuses %s', async (_, tag) => {
    for (const dto of [ListTicketsQueryDto, CountTicketsQueryDto]) {
      expect((await tagsOf(dto, { tag })).violated).toEqual(['tag']);
    }
  });
});

describe('the service and category filters of lists and counts', () => {
  it('take uuids and refuse anything else', async () => {
    const ids = {
      serviceId: '0193a7a0-0000-7000-8000-0000000000a1',
      categoryId: '0193a7a0-0000-7000-8000-0000000000c1',
    };
    for (const dto of [ListTicketsQueryDto, CountTicketsQueryDto]) {
      expect(await validate(plainToInstance(dto, ids))).toEqual([]);
      const errors = await validate(
        plainToInstance(dto, { serviceId: 'workplace-it', categoryId: 'printers' }),
      );
      expect(errors.map((error) => error.property).sort()).toEqual(['categoryId', 'serviceId']);
    }
  });
});

describe('the ticket ids of a list', () => {
  const uuid = (n: number) => `0194a000-0000-7000-8000-${String(n).padStart(12, '0')}`;
  async function idsOf(query: Record<string, unknown>) {
    const instance = plainToInstance(ListTicketsQueryDto, query);
    const errors = await validate(instance);
    return { id: instance.id, violated: errors.map((error) => error.property) };
  }

  it('are read from a repeated parameter or commas', async () => {
    expect(await idsOf({ id: [`${uuid(1)},${uuid(2)}`, uuid(3)] })).toEqual({
      id: [uuid(1), uuid(2), uuid(3)],
      violated: [],
    });
  });

  it.each([
    ['a ticket number', 'INC-000001'],
    ['101 ids', Array.from({ length: 101 }, (_, n) => uuid(n)).join(',')],
  ])('refuse %s', async (_, id) => {
    expect((await idsOf({ id })).violated).toEqual(['id']);
  });

  it('are no filter of counts', async () => {
    const counts = plainToInstance(CountTicketsQueryDto, { id: uuid(1) });
    expect(await validate(counts, { whitelist: true, forbidNonWhitelisted: true })).toEqual([
      expect.objectContaining({ property: 'id' }),
    ]);
  });
});
