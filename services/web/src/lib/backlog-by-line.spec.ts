import { backlogByLine } from './backlog-by-line';

const lines = [
  { id: 'l2', name: 'Second line', level: 2 },
  { id: 'l1', name: 'Service desk', level: 1 },
  { id: 'l3', name: 'Vendors', level: 3 },
];

describe('backlogByLine', () => {
  it('adds up the groups of each line, first line first, quiet lines at zero', () => {
    expect(
      backlogByLine(
        [
          { lineId: 'l1', open: 4 },
          { lineId: 'l2', open: 2 },
          { lineId: 'l1', open: 3 },
        ],
        lines,
        'Other',
      ),
    ).toEqual([
      { line: 'Service desk', open: 7 },
      { line: 'Second line', open: 2 },
      { line: 'Vendors', open: 0 },
    ]);
  });

  it('puts groups of a line it does not know, or of none, under the given name', () => {
    expect(
      backlogByLine(
        [{ lineId: 'gone', open: 1 }, { open: 2 }, { lineId: 'l1', open: 1 }],
        lines.slice(1, 2),
        'Other',
      ),
    ).toEqual([
      { line: 'Service desk', open: 1 },
      { line: 'Other', open: 3 },
    ]);
  });

  it('leaves the unknown line out when nothing is in it', () => {
    expect(backlogByLine([{ open: 0 }], [], 'Other')).toEqual([]);
  });
});
