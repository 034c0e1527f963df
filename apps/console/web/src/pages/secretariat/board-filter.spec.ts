import { filterBoards, progressOf, type BoardRow } from './board-filter';

const board = (boardId: string, overrides: Partial<BoardRow> = {}): BoardRow => {
  const [, tier, scope, category] = boardId.split(':');
  return { boardId, tier, scope, category, status: 'open', provisional: 0, final: 0, ineligible: 0, ...overrides };
};

describe('filterBoards', () => {
  const boards = [
    board('2024:provincial:15:regency', { status: 'published' }),
    board('2024:provincial:16:regency'),
    board('2024:provincial:15:village'),
    board('2024:national:national:regency'),
  ];

  it('should keep every board when no filter is given', () => {
    expect(filterBoards(boards, {})).toHaveLength(4);
  });

  it('should keep a province’s provincial boards only when a province is given', () => {
    expect(filterBoards(boards, { province: '15' }).map((b) => b.boardId)).toEqual([
      '2024:provincial:15:regency',
      '2024:provincial:15:village',
    ]);
  });

  it('should apply every filter together', () => {
    expect(filterBoards(boards, { tier: 'provincial', category: 'regency', status: 'open' }).map((b) => b.boardId)).toEqual([
      '2024:provincial:16:regency',
    ]);
  });
});

describe('progressOf', () => {
  it('should count final and ineligible standings as settled', () => {
    expect(progressOf(board('2024:provincial:15:regency', { provisional: 1, final: 2, ineligible: 1 }))).toEqual({
      settled: 3,
      standing: 4,
      fraction: 0.75,
    });
  });

  it('should answer no progress when nothing stands on the board', () => {
    expect(progressOf(board('2024:provincial:15:regency'))).toEqual({ settled: 0, standing: 0, fraction: 0 });
  });
});
