import { ApiError } from '../../api/problem';
import { base64Bytes, boardFileName, parseBoardId, provisionalOf, publishChecklist, winnersOf } from './board-logic';

const standing = (rank: number, status: 'final' | 'provisional' = 'final', title?: string) => ({
  rank,
  ...(title ? { title } : {}),
  nominationId: `n${rank}`,
  total: 90 - rank,
  status,
});

describe('parseBoardId', () => {
  it('should split a board id and refuse what is not one', () => {
    expect(parseBoardId('2024:provincial:15:regency')).toEqual({ edition: '2024', tier: 'provincial', scope: '15', category: 'regency' });
    expect(parseBoardId('2024:regional:15:regency')).toBeUndefined();
    expect(parseBoardId('2024:national:national')).toBeUndefined();
  });
});

describe('winnersOf', () => {
  it('should keep the titled standings with what their emails need', () => {
    expect(winnersOf({ status: 'open', standings: [standing(1, 'final', 'Terbaik I'), standing(2)] })).toEqual([
      { nominationId: 'n1', rank: 1, title: 'Terbaik I', total: 89 },
    ]);
  });
});

describe('publishChecklist', () => {
  const progress = { minAssessors: 2, nominations: 2, rounds: [{ round: 'interview', assessed: 2 }] };

  it('should tick every item when the board is open, final, fully assessed and every winner’s contact is known', () => {
    const board = { status: 'open' as const, standings: [standing(1, 'final', 'Terbaik I'), standing(2)] };

    expect(publishChecklist(board, progress, 0).every((i) => i.ok)).toBe(true);
  });

  it('should name what is missing when standings are provisional, the panel incomplete and contacts unknown', () => {
    const board = { status: 'open' as const, standings: [standing(1, 'provisional')] };
    const incomplete = { ...progress, rounds: [{ round: 'interview', assessed: 1 }] };

    expect(
      publishChecklist(board, incomplete, 1)
        .filter((i) => !i.ok)
        .map((i) => i.item),
    ).toEqual(['allFinal', 'panelComplete', 'contactsKnown']);
  });

  it('should refuse an empty or already published board, and leave unknown progress unticked', () => {
    const items = publishChecklist({ status: 'published', standings: [] }, undefined, undefined);

    expect(items.filter((i) => !i.ok).map((i) => i.item)).toEqual(['open', 'notEmpty', 'panelComplete', 'contactsKnown']);
  });
});

describe('provisionalOf', () => {
  it('should read the provisional standings of ranking’s 409, and nothing of other errors', () => {
    const conflict = ApiError.from(409, {
      code: 'BOARD_HAS_PROVISIONAL_SCORES',
      message: '1 standing(s) are still provisional',
      provisional: [{ nominationId: 'n1', name: 'Kabupaten Bungo' }, 'junk'],
    });

    expect(provisionalOf(conflict)).toEqual([{ nominationId: 'n1', name: 'Kabupaten Bungo' }]);
    expect(provisionalOf(ApiError.from(409, { code: 'BOARD_ALREADY_PUBLISHED' }))).toEqual([]);
    expect(provisionalOf(new Error('x'))).toEqual([]);
  });
});

describe('boardFileName and base64Bytes', () => {
  it('should make a safe file name and decode base64', () => {
    expect(boardFileName('papan', '2024:provincial:15:regency')).toBe('papan-2024-provincial-15-regency.csv');
    expect(Array.from(base64Bytes(btoa('%PDF')))).toEqual([37, 80, 68, 70]);
  });
});
