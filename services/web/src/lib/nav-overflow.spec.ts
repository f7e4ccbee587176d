import { entriesThatFit } from './nav-overflow';

describe('entriesThatFit', () => {
  const widths = [120, 100, 80, 150];

  it.each([
    ['every entry when they fit, gaps included', 474, 4],
    ['every entry at exactly their width', 462, 4],
    ['the first ones, leaving room for “More”', 461, 3],
    ['fewer as the room shrinks', 300, 2],
    ['none when only “More” fits', 100, 0],
  ])('gives %s', (_, available, expected) => {
    expect(entriesThatFit(widths, available, 4, 60)).toBe(expected);
  });

  it('has nothing to hide with no entries', () => {
    expect(entriesThatFit([], 0, 4, 60)).toBe(0);
  });
});
