import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { CreateTicketDto } from './create-ticket.dto';

async function violationsOf(body: Record<string, unknown>): Promise<Record<string, string[]>> {
  const errors = await validate(plainToInstance(CreateTicketDto, body));
  return Object.fromEntries(
    errors.map((error) => [error.property, Object.values(error.constraints ?? {})]),
  );
}

const change = { type: 'change', title: 'Upgrade the database', requesterId: 'emp-1' };

describe('CreateTicketDto', () => {
  it('takes a change kind, configuration items and a window on a change', async () => {
    expect(
      await violationsOf({
        ...change,
        changeKind: 'emergency',
        configurationItemIds: ['ci-db-primary'],
        plannedStart: '2026-12-05T22:00:00+03:00',
        plannedEnd: '2026-12-06T02:00:00+03:00',
      }),
    ).toEqual({});
  });

  it('refuses a change kind on any other type, saying why', async () => {
    expect(await violationsOf({ ...change, type: 'incident', changeKind: 'normal' })).toEqual({
      changeKind: ['changeKind is only for type change'],
    });
  });

  it('refuses more than 50 configuration items, blank or overlong ones and loose instants', async () => {
    const violations = await violationsOf({
      ...change,
      configurationItemIds: Array.from({ length: 51 }, (_, index) => `ci-${index}`),
      plannedStart: '2026-12-05 22:00',
    });
    expect(Object.keys(violations).sort()).toEqual(['configurationItemIds', 'plannedStart']);
    expect(
      (await violationsOf({ ...change, configurationItemIds: ['', 'x'.repeat(201)] }))
        .configurationItemIds,
    ).toHaveLength(2);
  });

  it('takes up to 20 tags and refuses more, blank, overlong or comma-joined ones', async () => {
    const incident = { type: 'incident', title: 'VPN down', requesterId: 'emp-1' };
    expect(await violationsOf({ ...incident, tags: ['vpn', 'VIP'] })).toEqual({});
    expect(
      Object.keys(
        await violationsOf({
          ...incident,
          tags: Array.from({ length: 21 }, (_, index) => `tag-${index}`),
        }),
      ),
    ).toEqual(['tags']);
    expect(
      (await violationsOf({ ...incident, tags: ['', 'x'.repeat(51), 'vpn,vip'] })).tags,
    ).toEqual([
      'each value in tags must be longer than or equal to 1 characters',
      'each value in tags must be shorter than or equal to 50 characters',
      'a tag cannot contain a comma',
    ]);
  });
  it('takes a service, a category and form values, refusing ids that are no uuids and non-objects', async () => {
    const incident = { type: 'incident', title: 'Printer jams', requesterId: 'emp-1' };
    expect(
      await violationsOf({
        ...incident,
        serviceId: '0193a7a0-0000-7000-8000-0000000000a1',
        categoryId: '0193a7a0-0000-7000-8000-0000000000c1',
        customFields: { printerName: 'PR-3-14', pagesJammed: [1, 2] },
      }),
    ).toEqual({});
    expect(
      Object.keys(
        await violationsOf({
          ...incident,
          serviceId: 'workplace-it',
          categoryId: 'printers',
          customFields: ['PR-3-14'],
        }),
      ).sort(),
    ).toEqual(['categoryId', 'customFields', 'serviceId']);
  });
});
