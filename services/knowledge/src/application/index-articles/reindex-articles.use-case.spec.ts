import { FakeIndexQueue, FakeIndexWriter } from '../testing/fake-index';
import { ReindexArticlesUseCase } from './reindex-articles.use-case';

describe('ReindexArticlesUseCase', () => {
  it('loads every searchable article into a new index in batches, swaps, then queues late changes', async () => {
    const queue = new FakeIndexQueue(['a', 'b', 'c', 'd', 'e']);
    const writer = new FakeIndexWriter();
    let clock = 0;
    const useCase = new ReindexArticlesUseCase(
      queue,
      writer,
      { batchSize: 2, catchUpMarginMs: 60_000 },
      () => (clock += 50),
    );

    const report = await useCase.execute();

    expect(writer.writes).toEqual([
      { ids: ['a', 'b'], index: 'kb-v1-r1' },
      { ids: ['c', 'd'], index: 'kb-v1-r1' },
      { ids: ['e'], index: 'kb-v1-r1' },
    ]);
    expect(writer.completed).toEqual(['kb-v1-r1']);
    expect(queue.changedSince).toEqual([new Date('2026-11-28T11:59:00.000Z')]);
    expect(report).toEqual({
      index: 'kb-v1-r1',
      indexed: 5,
      requeued: 2,
      detachedFrom: ['kb-v1'],
      durationMs: 50,
    });
  });

  it('leaves the alias alone when loading fails', async () => {
    const queue = new FakeIndexQueue(['a', 'b', 'c']);
    const writer = new FakeIndexWriter();
    const useCase = new ReindexArticlesUseCase(queue, writer, {
      batchSize: 2,
      catchUpMarginMs: 0,
    });
    writer.down = true;

    await expect(useCase.execute()).rejects.toThrow('ECONNREFUSED');
    expect(writer.completed).toEqual([]);
  });
});
