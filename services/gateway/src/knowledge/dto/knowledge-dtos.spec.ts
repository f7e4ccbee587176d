import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { SearchArticlesQueryDto } from './search.query.dto';
import { TransitionArticleDto } from './transition-article.dto';
import { CreateArticleDto, UpdateArticleDto } from './write-article.dto';

async function violationsOf<T extends object>(
  type: new () => T,
  body: Record<string, unknown>,
): Promise<string[]> {
  const errors = await validate(plainToInstance(type, body));
  return errors.map((error) => error.property).sort();
}

describe('knowledge request bodies', () => {
  it('takes a minimal article and refuses unknown languages, audiences and a loose date', async () => {
    const minimal = { language: 'ru', title: 'VPN', audience: 'public', authorId: 'a' };
    expect(await violationsOf(CreateArticleDto, minimal)).toEqual([]);
    expect(
      await violationsOf(CreateArticleDto, {
        ...minimal,
        language: 'de',
        audience: 'everyone',
        reviewBy: '2027-01-01 10:00',
        categoryId: 'cat',
      }),
    ).toEqual(['audience', 'categoryId', 'language', 'reviewBy']);
  });

  it('lets an update clear the category and the dates with null', async () => {
    expect(
      await violationsOf(UpdateArticleDto, {
        editorId: 'e',
        categoryId: null,
        reviewBy: null,
        expiresAt: null,
      }),
    ).toEqual([]);
  });

  it('knows the workflow actions', async () => {
    expect(await violationsOf(TransitionArticleDto, { action: 'approve', actorId: 'r' })).toEqual(
      [],
    );
    expect(await violationsOf(TransitionArticleDto, { action: 'delete', actorId: 'r' })).toEqual([
      'action',
    ]);
  });

  it('reads tags from repeated or comma-separated parameters and bounds the page size', async () => {
    const query = plainToInstance(SearchArticlesQueryDto, { tags: 'vpn,mac', pageSize: '20' });
    expect(query.tags).toEqual(['vpn', 'mac']);
    expect(query.pageSize).toBe(20);
    expect(await violationsOf(SearchArticlesQueryDto, { pageSize: '51', view: 'admin' })).toEqual([
      'pageSize',
      'view',
    ]);
  });
});
