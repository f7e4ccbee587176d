import { assertUnreachable } from './assert-unreachable';

type Shape = { kind: 'circle'; radius: number } | { kind: 'square'; side: number };

function area(shape: Shape): number {
  switch (shape.kind) {
    case 'circle':
      return Math.PI * shape.radius ** 2;
    case 'square':
      return shape.side ** 2;
    default:
      return assertUnreachable(shape, 'shape');
  }
}

describe('assertUnreachable', () => {
  it('lets an exhaustive switch answer every case it handles', () => {
    expect(area({ kind: 'square', side: 3 })).toBe(9);
  });

  it('names what was unexpected and shows the value as JSON', () => {
    const triangle = { kind: 'triangle', base: 2 } as unknown as Shape;

    expect(() => area(triangle)).toThrow(
      new Error('unexpected shape {"kind":"triangle","base":2}'),
    );
  });

  it.each<[string, unknown, string]>([
    ['a string, quoted', 'ARCHIVED', 'unexpected value "ARCHIVED"'],
    ['a number', 42, 'unexpected value 42'],
    ['undefined', undefined, 'unexpected value undefined'],
    ['a BigInt, which JSON cannot show', 7n, 'unexpected value 7'],
    ['a symbol', Symbol('late'), 'unexpected value Symbol(late)'],
  ])('shows %s', (_case, value, message) => {
    expect(() => assertUnreachable(value as never)).toThrow(new Error(message));
  });

  it('shows a value with a cycle without failing on it', () => {
    const node: { id: number; self?: unknown } = { id: 1 };
    node.self = node;

    expect(() => assertUnreachable(node as never, 'node')).toThrow(
      new Error('unexpected node [object Object]'),
    );
  });
});
