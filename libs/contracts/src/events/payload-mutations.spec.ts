import { payloadMutations, writeAt } from './payload-mutations';

describe('payloadMutations', () => {
  it('should remove each object field, replace each node and add an unknown field to each object when given a document', () => {
    const sut = payloadMutations({ a: 1, b: [{ c: 'x' }] }, [null]);

    expect(sut.map((m) => [m.path, m.change, m.document])).toEqual([
      ['', 'unknown field added', { a: 1, b: [{ c: 'x' }], unexpected: 1 }],
      ['a', 'removed', { b: [{ c: 'x' }] }],
      ['a', '= null', { a: null, b: [{ c: 'x' }] }],
      ['b', 'removed', { a: 1 }],
      ['b', '= null', { a: 1, b: null }],
      ['b.0', '= null', { a: 1, b: [null] }],
      ['b.0', 'unknown field added', { a: 1, b: [{ c: 'x', unexpected: 1 }] }],
      ['b.0.c', 'removed', { a: 1, b: [{}] }],
      ['b.0.c', '= null', { a: 1, b: [{ c: null }] }],
    ]);
  });
});

describe('writeAt', () => {
  it('should leave the document unchanged when it replaces a node in a copy', () => {
    const document = { a: { b: 1 } };

    const sut = writeAt(document, ['a', 'b'], 2);

    expect([sut, document]).toEqual([{ a: { b: 2 } }, { a: { b: 1 } }]);
  });
});
