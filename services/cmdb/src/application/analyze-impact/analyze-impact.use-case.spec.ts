import { CmdbErrorCode } from '../../domain/cmdb-error';
import type { RelationshipType } from '../../domain/relationship';
import { cmdbPorts, itemMaker } from '../testing/cmdb-fixtures';
import { InMemoryCmdb } from '../testing/in-memory-cmdb-store';
import { AnalyzeImpactUseCase } from './analyze-impact.use-case';

describe('AnalyzeImpactUseCase', () => {
  let cmdb: InMemoryCmdb;
  let analyse: AnalyzeImpactUseCase;
  let make: ReturnType<typeof itemMaker>;
  let relationships = 0;

  const relate = (sourceId: string, targetId: string, type: RelationshipType) =>
    cmdb.state.relationships.push({
      id: `20000000-0000-7000-8000-${String(++relationships).padStart(12, '0')}`,
      sourceId,
      targetId,
      type,
      createdAt: new Date(),
      createdBy: 'admin',
    });

  beforeEach(() => {
    cmdb = new InMemoryCmdb();
    analyse = new AnalyzeImpactUseCase(cmdb);
    make = itemMaker(cmdb, cmdbPorts());
  });

  async function bankingStack() {
    const service = await make('business_service', 'Online banking');
    const application = await make('application', 'Banking API');
    const vm = await make('virtual_machine', 'vm-bank-01');
    const host = await make('server', 'esx-07');
    relate(service.id, application.id, 'depends_on');
    relate(application.id, vm.id, 'runs_on');
    relate(vm.id, host.id, 'runs_on');
    return { service, application, vm, host };
  }

  it('reports what depends on an item, each at its depth with its path, and the business services', async () => {
    const { service, application, vm, host } = await bankingStack();
    const result = await analyse.execute({
      itemIds: [host.id],
      direction: 'upstream',
      maxDepth: 0,
      limit: 0,
    });
    expect(result.items.map(({ id, depth, path }) => ({ id, depth, path }))).toEqual([
      { id: vm.id, depth: 1, path: [host.id, vm.id] },
      { id: application.id, depth: 2, path: [host.id, vm.id, application.id] },
      { id: service.id, depth: 3, path: [host.id, vm.id, application.id, service.id] },
    ]);
    expect(result.businessServices.map(({ id }) => id)).toEqual([service.id]);
    expect(result).toMatchObject({ truncated: false, maxDepth: 5 });
  });

  it('reports what an item rests on, downstream', async () => {
    const { service, application, vm, host } = await bankingStack();
    const result = await analyse.execute({
      itemIds: [service.id],
      direction: 'downstream',
      maxDepth: 0,
      limit: 0,
    });
    expect(result.items.map(({ id, depth }) => [id, depth])).toEqual([
      [application.id, 1],
      [vm.id, 2],
      [host.id, 3],
    ]);
    expect(result.businessServices).toEqual([]);
  });

  it('reaches each item once, at its shortest depth, through cycles', async () => {
    const a = await make('network_device', 'a');
    const b = await make('network_device', 'b');
    const c = await make('network_device', 'c');
    const app = await make('application', 'app');
    relate(a.id, b.id, 'connected_to');
    relate(b.id, c.id, 'connected_to');
    relate(c.id, a.id, 'connected_to');
    relate(app.id, c.id, 'depends_on');
    relate(app.id, a.id, 'depends_on');
    const { items } = await analyse.execute({
      itemIds: [a.id],
      direction: 'upstream',
      maxDepth: 10,
      limit: 0,
    });
    expect(items.map(({ name, depth }) => [name, depth])).toEqual([
      ['app', 1],
      ['b', 1],
      ['c', 1],
    ]);
  });

  it('stops at the depth and at the limit, saying when it left items out', async () => {
    const { application, vm, host } = await bankingStack();
    const shallow = await analyse.execute({
      itemIds: [host.id],
      direction: 'upstream',
      maxDepth: 2,
      limit: 0,
    });
    expect(shallow.items.map(({ id }) => id)).toEqual([vm.id, application.id]);
    expect(shallow.truncated).toBe(false);
    const limited = await analyse.execute({
      itemIds: [host.id],
      direction: 'upstream',
      maxDepth: 0,
      limit: 2,
    });
    expect(limited.items.map(({ id }) => id)).toEqual([vm.id, application.id]);
    expect(limited.truncated).toBe(true);
  });

  it('analyses several items at once, none of them reported as impacted', async () => {
    const { service, application, vm, host } = await bankingStack();
    const result = await analyse.execute({
      itemIds: [host.id, vm.id],
      direction: 'upstream',
      maxDepth: 0,
      limit: 0,
    });
    expect(result.items.map(({ id, depth }) => [id, depth])).toEqual([
      [application.id, 1],
      [service.id, 2],
    ]);
  });

  it('takes ids in any case', async () => {
    const { vm, host } = await bankingStack();
    const result = await analyse.execute({
      itemIds: [host.id.toUpperCase(), host.id],
      direction: 'upstream',
      maxDepth: 1,
      limit: 0,
    });
    expect(result.items.map(({ id }) => id)).toEqual([vm.id]);
  });

  it.each([
    [{ itemIds: [] }, CmdbErrorCode.ValidationFailed],
    [{ itemIds: ['x'], maxDepth: 11 }, CmdbErrorCode.ValidationFailed],
    [{ itemIds: ['x'], limit: -1 }, CmdbErrorCode.ValidationFailed],
    [{ itemIds: ['not-a-uuid'] }, CmdbErrorCode.NotFound],
    [{ itemIds: ['00000000-0000-7000-8000-999999999999'] }, CmdbErrorCode.NotFound],
  ])('refuses %j with %s', async (query, code) => {
    await expect(
      analyse.execute({ direction: 'upstream', maxDepth: 0, limit: 0, ...query }),
    ).rejects.toMatchObject({ code });
  });
});
