import { checkOrder, checkRelayed, type TopicMessage, type WrittenEvent } from './order';

const T = 'paritrana.rankings.v1';
const row = (seq: number, key = 'board-a', writer = 'ranking'): WrittenEvent => ({ writer, seq, id: `e${seq}`, topic: T, key });
const at = (offset: number, seq: number, key = 'board-a', partition = 0): TopicMessage => ({
  topic: T,
  key,
  partition,
  offset,
  id: `e${seq}`,
});

describe('checkOrder', () => {
  it('should pass when every key reads in its order of writing, other keys interleaved', () => {
    const written = [row(1), row(2, 'board-b'), row(3), row(4, 'board-b')];
    const messages = [at(0, 1), at(1, 2, 'board-b'), at(2, 3), at(3, 4, 'board-b')];

    const sut = checkOrder(messages, written);

    expect(sut).toEqual({ keys: 2, checked: 4, unchecked: 0, violations: [] });
  });

  it('should not mind the order between keys, nor between partitions', () => {
    const written = [row(1), row(2, 'board-b')];
    const messages = [at(0, 2, 'board-b', 1), at(0, 1, 'board-a', 0)];

    expect(checkOrder(messages, written).violations).toEqual([]);
  });

  it('should name an event that arrived after a later-written event of its key', () => {
    const written = [row(1), row(2), row(3)];
    const messages = [at(0, 1), at(1, 3), at(2, 2)];

    const sut = checkOrder(messages, written);

    expect(sut.violations).toEqual([{ topic: T, key: 'board-a', id: 'e2', seq: 2, after: 3 }]);
  });

  it('should read by offset, not in the order the messages were fetched', () => {
    const written = [row(1), row(2)];

    expect(checkOrder([at(5, 2), at(4, 1)], written).violations).toEqual([]);
  });

  it('should take a redelivered batch as a redelivery, not a violation', () => {
    const written = [row(1), row(2), row(3)];
    // sent, the relay cut before deleting, sent again with the next row
    const messages = [at(0, 1), at(1, 2), at(2, 1), at(3, 2), at(4, 3)];

    const sut = checkOrder(messages, written);

    expect(sut).toMatchObject({ checked: 3, violations: [] });
  });

  it('should compare sequences of one outbox only', () => {
    const written = [row(7, 'k', 'intake'), row(2, 'k', 'scoring')];

    expect(checkOrder([at(0, 7, 'k'), at(1, 2, 'k')], written).violations).toEqual([]);
  });

  it('should count events no outbox row accounts for as unchecked', () => {
    const sut = checkOrder([at(0, 1), { topic: T, key: 'x', partition: 0, offset: 1 }], []);

    expect(sut).toMatchObject({ checked: 0, unchecked: 1, violations: [] });
  });
});

describe('checkRelayed', () => {
  it('should find every deleted row on its topic, and leave queued and set-aside rows out', () => {
    const written = [row(1), row(2), row(3), row(4)];

    const sut = checkRelayed(written, new Set(['e3']), new Set(['e4']), [at(0, 1), at(1, 2)]);

    expect(sut).toEqual({ written: 4, queued: 1, setAside: 1, missing: [], misplaced: [] });
  });

  it('should name a deleted row on no topic, and one on another topic', () => {
    const written = [row(1), row(2)];

    const sut = checkRelayed(written, new Set(), new Set(), [{ ...at(0, 2), topic: 'paritrana.scores.v1' }]);

    expect(sut.missing).toEqual([row(1)]);
    expect(sut.misplaced).toEqual([row(2)]);
  });
});
