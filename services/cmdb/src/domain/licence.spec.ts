import { licenceCompliance } from './licence';

describe('licence compliance', () => {
  it.each<[string, number, number, number, boolean]>([
    ['seats to spare', 250, 180, 70, true],
    ['exactly used up', 50, 50, 0, true],
    ['over-deployed', 50, 53, -3, false],
    ['none owned, none used', 0, 0, 0, true],
    ['none owned, one used', 0, 1, -1, false],
  ])('%s: %i seats, %i assigned', (_name, seats, assigned, available, compliant) => {
    expect(licenceCompliance(seats, assigned)).toEqual({ available, compliant });
  });
});
