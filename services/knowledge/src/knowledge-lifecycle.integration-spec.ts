import { KnowledgeHarness } from './testing/knowledge-harness';

describe('articles, versions and feedback on PostgreSQL', () => {
  let kb: KnowledgeHarness;

  beforeAll(async () => {
    kb = await KnowledgeHarness.start();
  });

  afterAll(async () => {
    await kb?.stop();
  });

  const transition = (
    articleId: string,
    action: 'submit' | 'approve' | 'send_back' | 'rollback' | 'archive' | 'publish',
    actorId: string,
    extra: { comment?: string; version?: number } = {},
  ) =>
    kb.transition().execute({
      articleId,
      action,
      actorId,
      comment: extra.comment,
      version: extra.version,
      expectedRevision: undefined,
    });

  it('keeps every published change as a version with its author, a diff and a rollback', async () => {
    const article = await kb.publish({ title: 'VPN', body: 'шаг 1\nшаг 2\nшаг 3' });
    await kb.update().execute({
      articleId: article.id,
      expectedRevision: article.revision,
      editorId: 'author-2',
      edit: { content: { body: 'шаг 1\nшаг 2 изменён\nшаг 3', tags: ['vpn'] } },
    });
    await transition(article.id, 'submit', 'author-2');
    await transition(article.id, 'send_back', 'reviewer-1', { comment: 'Уточните шаг 2' });
    await transition(article.id, 'submit', 'author-2');
    await transition(article.id, 'approve', 'reviewer-1');

    const versions = await kb.versions().list(article.id);
    expect(
      versions.map((version) => [version.number, version.authorId, version.approvedBy]),
    ).toEqual([
      [2, 'author-2', 'reviewer-1'],
      [1, 'author-1', 'reviewer-1'],
    ]);
    const v2 = await kb.versions().get(article.id, 2);
    expect(v2.changes.map((change) => change.field)).toEqual(['tags', 'body']);
    expect(v2.bodyDiff).toBe(
      '--- v1\n+++ v2\n@@ -1,3 +1,3 @@\n шаг 1\n-шаг 2\n+шаг 2 изменён\n шаг 3',
    );
    expect((await kb.versions().reviews(article.id)).map((review) => review.decision)).toEqual([
      'approved',
      'sent_back',
      'approved',
    ]);

    const { article: rolledBack, version } = await transition(
      article.id,
      'rollback',
      'kb-manager',
      {
        version: 1,
      },
    );
    expect(version).toMatchObject({ number: 3, restoredFrom: 1, origin: 'rollback' });
    expect(rolledBack.publishedContent?.body).toBe('шаг 1\nшаг 2\nшаг 3');
    expect((await kb.getArticle().execute(article.id, 'requester')).content.body).toBe(
      'шаг 1\nшаг 2\nшаг 3',
    );
  });

  it('writes each change, its event and its index queue entry in one transaction', async () => {
    const article = await kb.publish({ title: 'Почта', body: 'Outlook' });
    const events = await kb.database.query<{ type: string; partition_key: string }>(
      `SELECT type, partition_key FROM outbox_events WHERE partition_key = $1 ORDER BY position`,
      [article.id],
    );
    expect(events.map((event) => event.type)).toEqual([
      'itsm.knowledge.v1.article.created',
      'itsm.knowledge.v1.article.submitted',
      'itsm.knowledge.v1.article.published',
    ]);
    const queued = await kb.database.query(
      `SELECT article_id FROM article_index_queue WHERE article_id = $1`,
      [article.id],
    );
    expect(queued).toHaveLength(1);
  });

  it('counts votes, views, deflections once per suggestion and tickets solved', async () => {
    const article = await kb.publish({ title: 'Принтер', body: 'Картридж' });
    const feedback = kb.feedback();
    await feedback.vote({
      articleId: article.id,
      voterId: 'emp-1',
      helpful: false,
      comment: '',
      viewer: 'requester',
    });
    await feedback.vote({
      articleId: article.id,
      voterId: 'emp-1',
      helpful: true,
      comment: 'помогло',
      viewer: 'requester',
    });
    await feedback.vote({
      articleId: article.id,
      voterId: 'emp-2',
      helpful: false,
      comment: '',
      viewer: 'requester',
    });
    const suggestionId = '0193a7a0-0000-7000-8000-0000000000aa';
    await feedback.view({
      articleId: article.id,
      viewerId: 'emp-1',
      source: 'suggestion',
      suggestionId,
      viewer: 'requester',
    });
    const first = await feedback.deflect({
      suggestionId,
      articleId: article.id,
      requesterId: 'emp-1',
    });
    const again = await feedback.deflect({
      suggestionId,
      articleId: article.id,
      requesterId: 'emp-1',
    });
    const link = await kb
      .ticketLinks()
      .link({ articleId: article.id, ticketId: 'ticket-7', actorId: 'agent-1' });
    const relink = await kb
      .ticketLinks()
      .link({ articleId: article.id, ticketId: 'ticket-7', actorId: 'agent-2' });

    expect([first.recorded, again.recorded, link.created, relink.created]).toEqual([
      true,
      false,
      true,
      false,
    ]);
    expect(relink.link.linkedBy).toBe('agent-1');
    expect(await feedback.feedback(article.id)).toEqual({
      articleId: article.id,
      views: 1,
      helpfulVotes: 1,
      notHelpfulVotes: 1,
      solvedTickets: 1,
      deflections: 1,
    });
    expect(await kb.ticketLinks().ofTicket('ticket-7')).toEqual([
      expect.objectContaining({ articleId: article.id, articleTitle: 'Принтер' }),
    ]);
  });
});
