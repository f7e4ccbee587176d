import { refusedRows } from './bulk-outcome';

describe('refusedRows', () => {
  it('blames the ticket the API named and leaves the others unchanged', () => {
    expect(refusedRows(['INC-1', 'INC-2', 'INC-3'], 'INC-2', 'resolved')).toEqual([
      { number: 'INC-1', state: 'unchanged' },
      { number: 'INC-2', state: 'refused', reason: 'resolved' },
      { number: 'INC-3', state: 'unchanged' },
    ]);
  });

  it('gives every ticket the reason when no ticket of the selection is named', () => {
    expect(refusedRows(['INC-1', 'INC-2'], null, 'forbidden')).toEqual([
      { number: 'INC-1', state: 'refused', reason: 'forbidden' },
      { number: 'INC-2', state: 'refused', reason: 'forbidden' },
    ]);
    expect(refusedRows(['INC-1'], 'INC-9', 'gone')).toEqual([
      { number: 'INC-1', state: 'refused', reason: 'gone' },
    ]);
  });
});
