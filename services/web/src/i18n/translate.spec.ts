import { en } from './messages';
import { ru } from './messages.ru';
import { format, pluralCategory } from './translate';

describe('pluralCategory', () => {
  it.each([
    [1, 'one'],
    [2, 'few'],
    [4, 'few'],
    [5, 'many'],
    [11, 'many'],
    [21, 'one'],
    [22, 'few'],
    [0, 'many'],
    [1.5, 'other'],
  ] as const)('Russian %d is %s', (count, category) => {
    expect(pluralCategory('ru', count)).toBe(category);
  });

  it.each([
    [1, 'one'],
    [2, 'other'],
    [0, 'other'],
  ] as const)('English %d is %s', (count, category) => {
    expect(pluralCategory('en', count)).toBe(category);
  });
});

describe('format', () => {
  it('fills in parameters', () => {
    expect(format('Request {number} is on its way', 'en', { number: 'REQ-000042' })).toBe(
      'Request REQ-000042 is on its way',
    );
  });

  it.each([
    [1, '1 обращение'],
    [3, '3 обращения'],
    [5, '5 обращений'],
    [21, '21 обращение'],
    [1012, '1 012 обращений'],
  ])('counts %d Russian tickets as “%s”', (count, expected) => {
    expect(format(ru['console.count'], 'ru', { count }).replace(/\u00a0/g, ' ')).toBe(expected);
  });

  it.each([
    [1, '1 ticket'],
    [2, '2 tickets'],
  ])('counts %d English tickets as “%s”', (count, expected) => {
    expect(format(en['console.count'], 'en', { count })).toBe(expected);
  });

  it('leaves a parameter it was not given visible rather than blank', () => {
    expect(format('Due in {duration}', 'en')).toBe('Due in {duration}');
  });
});

describe('dictionaries', () => {
  const placeholders = (message: unknown) =>
    JSON.stringify(message)
      .match(/\{\w+\}/g)
      ?.filter((name) => name !== '{count}')
      .sort() ?? [];

  it('give the Russian text the same parameters as the English one', () => {
    const mismatched = (Object.keys(en) as (keyof typeof en)[]).filter(
      (key) =>
        JSON.stringify([...new Set(placeholders(en[key]))]) !==
        JSON.stringify([...new Set(placeholders(ru[key]))]),
    );
    expect(mismatched).toEqual([]);
  });

  it('give every Russian plural the forms Russian needs', () => {
    const incomplete = Object.entries(ru).filter(
      ([, message]) => typeof message !== 'string' && (!message.few || !message.many),
    );
    expect(incomplete).toEqual([]);
  });
});
