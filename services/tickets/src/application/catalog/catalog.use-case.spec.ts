import { SYSTEM_CALLER, userCaller } from '../testing/test-callers';
import { TicketErrorCode } from '../../domain/ticket-error';
import { AjvFormValidator } from '../../infrastructure/ajv-form.validator';
import { CreateTicketUseCase } from '../create-ticket/create-ticket.use-case';
import { emptyCatalog, InMemoryCatalogStore } from '../testing/in-memory-catalog-store';
import {
  InMemoryTicketStore,
  sequentialIds,
  steppingClock,
} from '../testing/in-memory-ticket-store';
import { ManageCatalogUseCase } from './manage-catalog.use-case';
import { RequestCatalogItemUseCase } from './request-catalog-item.use-case';

const laptopForm = {
  type: 'object',
  required: ['model'],
  properties: { model: { type: 'string', enum: ['ThinkPad T14', 'MacBook Pro 14'] } },
  additionalProperties: false,
};

async function setup() {
  const catalog = new InMemoryCatalogStore();
  const tickets = new InMemoryTicketStore();
  const clock = steppingClock(new Date('2026-11-27T09:00:00Z'));
  const ids = sequentialIds();
  const forms = new AjvFormValidator();
  const manage = new ManageCatalogUseCase(catalog, forms, clock, ids);
  const create = new CreateTicketUseCase(tickets, clock, ids, emptyCatalog(catalog));
  const request = new RequestCatalogItemUseCase(catalog, forms, create);
  const workplace = await manage.createService(
    {
      name: 'Workplace',
      description: 'Laptops, phones, peripherals',
      ownerGroupId: 'workplace',
    },
    SYSTEM_CALLER,
  );
  const hardware = await manage.createCategory(
    {
      parentId: null,
      name: 'Hardware',
      formSchema: null,
    },
    SYSTEM_CALLER,
  );
  const laptop = await manage.createItem(
    {
      serviceId: workplace.id,
      name: 'New laptop',
      description: '',
      formSchema: laptopForm,
      defaultCategoryId: hardware.id,
      defaultImpact: 'low',
      defaultUrgency: 'medium',
      fulfilmentGroupId: 'workplace',
    },
    SYSTEM_CALLER,
  );
  return { catalog, manage, create, request, workplace, hardware, laptop };
}

const order = {
  requesterId: 'emp-1',
  organizationId: undefined,
  title: '',
  description: 'Starts on Monday',
  channel: undefined,
  idempotencyKey: '',
};

describe('service catalog', () => {
  it('opens a request from an item with its service, category, defaults, queue and form', async () => {
    const { request, laptop, workplace, hardware } = await setup();
    const { ticket } = await request.execute({
      caller: SYSTEM_CALLER,
      ...order,
      itemId: laptop.id,
      fields: { model: 'ThinkPad T14' },
    });
    expect(ticket).toMatchObject({
      type: 'service_request',
      title: 'New laptop',
      channel: 'portal',
      serviceId: workplace.id,
      categoryId: hardware.id,
      catalogItemId: laptop.id,
      assignmentGroupId: 'workplace',
      priority: 'low',
      customFields: { model: 'ThinkPad T14' },
    });
  });

  it('refuses a form that does not fit the item, naming the fields', async () => {
    const { request, laptop } = await setup();
    await expect(
      request.execute({
        caller: SYSTEM_CALLER,
        ...order,
        itemId: laptop.id,
        fields: { model: 'Amiga', colour: 'red' },
      }),
    ).rejects.toMatchObject({
      code: TicketErrorCode.ValidationFailed,
      violations: expect.arrayContaining([
        { field: 'customFields/model', message: 'must be equal to one of the allowed values' },
      ]) as unknown,
    });
  });

  it('checks what a ticket points to and the category form', async () => {
    const { manage, create } = await setup();
    const network = await manage.createCategory(
      {
        parentId: null,
        name: 'Network',
        formSchema: {
          type: 'object',
          required: ['location'],
          properties: { location: { type: 'string', minLength: 2 } },
        },
      },
      SYSTEM_CALLER,
    );
    const base = {
      idempotencyKey: '',
      type: 'incident' as const,
      title: 'Wi-Fi drops',
      description: '',
      impact: undefined,
      urgency: undefined,
      channel: undefined,
      requesterId: 'emp-1',
      organizationId: undefined,
    };
    await expect(
      create.execute({ caller: SYSTEM_CALLER, ...base, categoryId: network.id, customFields: {} }),
    ).rejects.toMatchObject({ violations: [{ field: 'customFields/location' }] });
    const { ticket } = await create.execute({
      caller: SYSTEM_CALLER,
      ...base,
      categoryId: network.id,
      customFields: { location: 'Room 4.12' },
    });
    expect(ticket.customFields).toEqual({ location: 'Room 4.12' });
    await expect(
      create.execute({
        caller: SYSTEM_CALLER,
        ...base,
        serviceId: '0193a7a0-0000-7000-8000-00000000dead',
      }),
    ).rejects.toMatchObject({ violations: [{ field: 'serviceId' }] });
    await expect(
      create.execute({ caller: SYSTEM_CALLER, ...base, serviceId: 'mail' }),
    ).rejects.toMatchObject({
      violations: [{ field: 'serviceId', message: 'serviceId must be a catalog id (UUID)' }],
    });
  });

  it('refuses a duplicate service, a broken schema and a sixth level of categories', async () => {
    const { manage, workplace } = await setup();
    await expect(
      manage.createService(
        { name: 'workplace', description: '', ownerGroupId: null },
        SYSTEM_CALLER,
      ),
    ).rejects.toMatchObject({ violations: [{ field: 'name' }] });
    await expect(
      manage.createItem(
        {
          serviceId: workplace.id,
          name: 'Broken',
          description: '',
          formSchema: { type: 'object', properties: { a: { type: 'strng' } } },
          defaultCategoryId: null,
          defaultImpact: undefined,
          defaultUrgency: undefined,
          fulfilmentGroupId: null,
        },
        SYSTEM_CALLER,
      ),
    ).rejects.toMatchObject({ violations: [{ field: 'formSchema' }] });
    let parentId: string | null = null;
    for (let level = 0; level < 5; level += 1) {
      parentId = (
        await manage.createCategory(
          { parentId, name: `L${level}`, formSchema: null },
          SYSTEM_CALLER,
        )
      ).id;
    }
    await expect(
      manage.createCategory({ parentId, name: 'Too deep', formSchema: null }, SYSTEM_CALLER),
    ).rejects.toMatchObject({ violations: [{ field: 'parentId' }] });
  });

  describe('changing an item', () => {
    const monitorForm = {
      type: 'object',
      required: ['monitors'],
      properties: { monitors: { type: 'integer', minimum: 1, maximum: 2 } },
      additionalProperties: false,
    };

    it('replaces its form and defaults as version 2; later requests use them', async () => {
      const { manage, request, laptop, workplace } = await setup();
      const changed = await manage.updateItem(
        {
          id: laptop.id,
          expectedVersion: 1,
          serviceId: workplace.id,
          name: '  Monitor  ',
          description: 'One or two screens',
          formSchema: monitorForm,
          defaultCategoryId: null,
          defaultImpact: 'high',
          defaultUrgency: undefined,
          fulfilmentGroupId: null,
          active: true,
        },
        SYSTEM_CALLER,
      );
      expect(changed).toMatchObject({
        id: laptop.id,
        name: 'Monitor',
        version: 2,
        createdAt: laptop.createdAt,
        defaultCategoryId: null,
        defaultUrgency: 'medium',
        fulfilmentGroupId: null,
      });
      expect(changed.updatedAt.getTime()).toBeGreaterThan(laptop.updatedAt.getTime());
      await expect(
        request.execute({ caller: SYSTEM_CALLER, ...order, itemId: laptop.id, fields: {} }),
      ).rejects.toMatchObject({ violations: [{ field: 'customFields/monitors' }] });
      const { ticket } = await request.execute({
        caller: SYSTEM_CALLER,
        ...order,
        itemId: laptop.id,
        fields: { monitors: 2 },
      });
      expect(ticket).toMatchObject({ title: 'Monitor', categoryId: null, impact: 'high' });
    });

    it('refuses a change made on an older version and keeps the newer one', async () => {
      const { catalog, manage, laptop, workplace } = await setup();
      const change = {
        id: laptop.id,
        serviceId: workplace.id,
        description: '',
        formSchema: undefined,
        defaultCategoryId: null,
        defaultImpact: undefined,
        defaultUrgency: undefined,
        fulfilmentGroupId: null,
        active: true,
      };
      await manage.updateItem({ ...change, expectedVersion: 1, name: 'First edit' }, SYSTEM_CALLER);
      await expect(
        manage.updateItem({ ...change, expectedVersion: 1, name: 'Second edit' }, SYSTEM_CALLER),
      ).rejects.toMatchObject({
        code: TicketErrorCode.VersionConflict,
        details: { currentVersion: 2 },
      });
      expect(await catalog.findItem(laptop.id)).toMatchObject({ name: 'First edit', version: 2 });
    });

    it('retires an item: it leaves the catalog, cannot be ordered, and can come back', async () => {
      const { catalog, manage, request, laptop, workplace, hardware } = await setup();
      const change = {
        id: laptop.id,
        expectedVersion: undefined,
        serviceId: workplace.id,
        name: laptop.name,
        description: '',
        formSchema: laptopForm,
        defaultCategoryId: hardware.id,
        defaultImpact: undefined,
        defaultUrgency: undefined,
        fulfilmentGroupId: null,
      };
      await manage.updateItem({ ...change, active: false }, SYSTEM_CALLER);
      expect(await catalog.items({ serviceId: undefined, includeInactive: false })).toEqual([]);
      await expect(
        request.execute({
          caller: SYSTEM_CALLER,
          ...order,
          itemId: laptop.id,
          fields: { model: 'ThinkPad T14' },
        }),
      ).rejects.toMatchObject({ code: TicketErrorCode.InvalidTransition });
      const back = await manage.updateItem({ ...change, active: true }, SYSTEM_CALLER);
      expect(back).toMatchObject({ active: true, version: 3 });
    });

    it('refuses an unknown item, an unknown service and a caller who may not manage', async () => {
      const { manage, laptop, workplace } = await setup();
      const change = {
        id: laptop.id,
        expectedVersion: undefined,
        serviceId: workplace.id,
        name: 'Laptop',
        description: '',
        formSchema: undefined,
        defaultCategoryId: null,
        defaultImpact: undefined,
        defaultUrgency: undefined,
        fulfilmentGroupId: null,
        active: true,
      };
      await expect(
        manage.updateItem({ ...change, id: '0193a7a0-0000-7000-8000-00000000dead' }, SYSTEM_CALLER),
      ).rejects.toMatchObject({ code: TicketErrorCode.NotFound });
      await expect(
        manage.updateItem(
          { ...change, serviceId: '0193a7a0-0000-7000-8000-00000000beef' },
          SYSTEM_CALLER,
        ),
      ).rejects.toMatchObject({ violations: [{ field: 'serviceId' }] });
      await expect(
        manage.updateItem({ ...change }, userCaller({ id: 'agent-1', roles: ['agent'] })),
      ).rejects.toMatchObject({ code: TicketErrorCode.NotPermitted });
    });
  });
});
