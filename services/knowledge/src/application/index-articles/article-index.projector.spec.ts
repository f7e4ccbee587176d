import { eventually } from '@itsm/testing';
import { FakeIndexQueue, FakeIndexWriter } from '../testing/fake-index';
import { ArticleIndexProjector } from './article-index.projector';

const silent = { info: () => undefined, warn: () => undefined };
const options = { batchSize: 2, idlePollMs: 5, maxBackoffMs: 20 };

describe('ArticleIndexProjector', () => {
  it('creates the index once and queues every searchable article into a new one', async () => {
    const queue = new FakeIndexQueue(['a', 'b', 'c']);
    const writer = new FakeIndexWriter();
    const projector = new ArticleIndexProjector(queue, writer, silent, options);

    expect(await projector.projectBatch()).toBe(2);
    expect(await projector.projectBatch()).toBe(1);
    expect(await projector.projectBatch()).toBe(0);

    expect(writer.ensured).toBe(1);
    expect(queue.queuedAll).toBe(1);
    expect(writer.writes.map((write) => write.ids)).toEqual([['a', 'b'], ['c']]);
  });

  it('keeps the queue while the engine is down and catches up when it returns', async () => {
    const queue = new FakeIndexQueue();
    const writer = new FakeIndexWriter();
    writer.created = false;
    const projector = new ArticleIndexProjector(queue, writer, silent, options);
    writer.down = true;
    queue.queued.push('a', 'b', 'c');
    projector.start();
    try {
      await eventually('failures recorded', () => (queue.failures.length >= 2 ? true : undefined));
      expect(queue.queued).toEqual(['a', 'b', 'c']);
      expect(queue.failures[0]).toBe('connect ECONNREFUSED');

      writer.down = false;
      await eventually('the queue drained', () => (queue.queued.length === 0 ? true : undefined));
    } finally {
      await projector.stop();
    }
    expect(writer.writes.flatMap((write) => write.ids)).toEqual(['a', 'b', 'c']);
  });
});
