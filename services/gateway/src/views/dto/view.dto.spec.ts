import type { Type } from '@nestjs/common';
import { apiValidationPipe } from '../../configure-http';
import { ValidationException } from '../../problem/validation.exception';
import { CreateViewDto, UpdateViewDto, ViewTicketsQueryDto } from './view.dto';

/** The body or query as the API's own pipe takes it: the fields refused, or the value. */
async function validated<T>(metatype: Type<T>, value: unknown, type: 'body' | 'query' = 'body') {
  try {
    return { value: (await apiValidationPipe().transform(value, { type, metatype })) as T };
  } catch (error) {
    if (!(error instanceof ValidationException)) throw error;
    return { refused: [...new Set(error.errors.map((violation) => violation.field))].sort() };
  }
}

const view = { ownerId: 'agent-7', name: 'Сеть: новые VIP' };

describe('a view body', () => {
  it('takes the list filters of tickets, nested', async () => {
    const filters = {
      status: 'new',
      priority: 'critical',
      assignmentGroupId: 'network',
      tag: ['vpn', 'vip'],
      createdFrom: '2026-11-01T00:00:00+03:00',
      sort: '-priority',
    };
    const { value } = await validated(CreateViewDto, { ...view, filters });
    expect(value?.filters).toEqual(filters);
  });

  it('takes no filters ({}) as a view of every ticket', async () => {
    expect((await validated(CreateViewDto, { ...view, filters: {} })).value).toBeDefined();
  });

  it('takes no owner: the view is the caller’s', async () => {
    const { value } = await validated(CreateViewDto, { name: 'VIP', filters: {} });
    expect(value?.ownerId).toBeUndefined();
  });

  it.each([
    ['a page size', { limit: 10 }, ['filters.limit']],
    ['a cursor', { cursor: 'abc' }, ['filters.cursor']],
    ['an unknown filter', { colour: 'red' }, ['filters.colour']],
    ['an unknown state', { status: 'sleeping' }, ['filters.status']],
    ['a date that is no instant', { updatedTo: '2026-02-30T00:00:00Z' }, ['filters.updatedTo']],
    ['a blank tag', { tag: ['vpn', ''] }, ['filters.tag']],
    ['a service that is no uuid', { serviceId: 'workplace-it' }, ['filters.serviceId']],
  ])('refuses %s among the filters', async (_, filters, fields) => {
    expect(await validated(CreateViewDto, { ...view, filters })).toEqual({ refused: fields });
  });

  it.each([
    ['no filters', { ...view }, ['filters']],
    ['filters as a list', { ...view, filters: [] }, ['filters']],
    ['a blank owner', { ownerId: '', name: 'VIP', filters: {} }, ['ownerId']],
    ['an empty name', { ...view, name: '', filters: {} }, ['name']],
    ['a blank name', { ...view, name: '   ', filters: {} }, ['name']],
    ['a name over 100 characters', { ...view, name: 'x'.repeat(101), filters: {} }, ['name']],
    ['a non-boolean shared', { ...view, shared: 'yes', filters: {} }, ['shared']],
  ])('refuses %s', async (_, body, fields) => {
    expect(await validated(CreateViewDto, body)).toEqual({ refused: fields });
  });

  it('is shared only when told so on create, and says so on replace', async () => {
    expect(
      (await validated(CreateViewDto, { ...view, filters: {} })).value?.shared,
    ).toBeUndefined();
    expect(await validated(UpdateViewDto, { ...view, filters: {} })).toEqual({
      refused: ['shared'],
    });
    expect(
      (await validated(UpdateViewDto, { ...view, shared: false, filters: {} })).value?.shared,
    ).toBe(false);
  });
});

describe('a page of the tickets of a view', () => {
  it('takes a limit and a cursor from the query string, and no filters', async () => {
    expect(
      (
        await validated(
          ViewTicketsQueryDto,
          { limit: '50', cursor: 'c', ownerId: 'agent-1' },
          'query',
        )
      ).value,
    ).toEqual({ limit: 50, cursor: 'c', ownerId: 'agent-1' });
    expect(
      await validated(ViewTicketsQueryDto, { status: 'new', ownerId: 'agent-1' }, 'query'),
    ).toEqual({
      refused: ['status'],
    });
  });
});
