import { CATEGORY_MAX_DEPTH, createCategory, type KnowledgeCategory, treeOrder } from './category';
import { KnowledgeErrorCode } from './knowledge-error';

const now = new Date('2026-11-27T00:00:00.000Z');

function category(id: string, name: string, parent: KnowledgeCategory | null) {
  return createCategory({ id, name, parent, now });
}

describe('categories', () => {
  it('records the path from the root down, with a trimmed name', () => {
    const root = category('r', '  Удалённый   доступ ', null);
    const child = category('c', 'VPN', root);
    expect(root).toEqual({
      id: 'r',
      parentId: null,
      name: 'Удалённый доступ',
      path: ['r'],
      createdAt: now,
    });
    expect(child).toMatchObject({ parentId: 'r', path: ['r', 'c'] });
  });

  it('refuses an empty name and a tree deeper than six levels', () => {
    let parent: KnowledgeCategory | null = null;
    for (let level = 1; level <= CATEGORY_MAX_DEPTH; level += 1) {
      parent = category(`c${level}`, `level ${level}`, parent);
    }
    expect(() => category('x', ' ', parent)).toThrow(
      expect.objectContaining({
        code: KnowledgeErrorCode.ValidationFailed,
        violations: [
          expect.objectContaining({ field: 'name' }),
          expect.objectContaining({ field: 'parentId' }),
        ],
      }) as Error,
    );
  });

  it('orders a tree parents first, siblings by name', () => {
    const network = category('n', 'Сеть', null);
    const access = category('a', 'Доступ', null);
    const wifi = category('w', 'Wi-Fi', network);
    const vpn = category('v', 'VPN', network);
    expect(treeOrder([wifi, network, vpn, access]).map((c) => c.name)).toEqual([
      'Доступ',
      'Сеть',
      'VPN',
      'Wi-Fi',
    ]);
  });
});
