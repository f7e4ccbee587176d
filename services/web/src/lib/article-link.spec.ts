import { portalArticlePath, withArticleLink } from './article-link';

const article = { id: '0194a000-0000-7000-8000-00000000a001', title: ' VPN does not connect ' };
const url = `https://desk.example.com/portal/knowledge/${article.id}`;

describe('withArticleLink', () => {
  it('makes an empty reply the title and the portal address', () => {
    expect(withArticleLink('', article, 'https://desk.example.com/')).toBe(
      `VPN does not connect: ${url}`,
    );
  });

  it('adds the link on its own line after what was written, trailing blanks dropped', () => {
    expect(
      withArticleLink('Hello,\nplease try this:  \n', article, 'https://desk.example.com'),
    ).toBe(`Hello,\nplease try this:\n\nVPN does not connect: ${url}`);
  });

  it('does not add the same article twice', () => {
    const reply = `See VPN does not connect: ${url}`;
    expect(withArticleLink(reply, article, 'https://desk.example.com')).toBe(reply);
  });

  it('escapes the id into the path', () => {
    expect(portalArticlePath('a/b')).toBe('/portal/knowledge/a%2Fb');
  });
});
