import { csvCell } from '@paritrana/contracts';
import type { BoardView } from './board-views';

/** One row per standing in rank order, then the ineligible nominations with their reasons. */
export function boardCsv(board: BoardView): string {
  const lines = [
    [
      'board_id',
      'board_status',
      'rank',
      'title',
      'nomination_id',
      'nominee',
      'kind',
      'region_code',
      'npp',
      'total',
      'status',
      'reasons',
    ].join(','),
  ];
  for (const s of board.standings) {
    lines.push(
      [
        board.boardId,
        board.status,
        s.rank,
        s.title,
        s.nominationId,
        s.nominee.name,
        s.nominee.kind,
        s.nominee.regionCode,
        s.nominee.npp,
        s.total,
        s.status,
        '',
      ]
        .map(csvCell)
        .join(','),
    );
  }
  for (const i of board.ineligible) {
    lines.push(
      [
        board.boardId,
        board.status,
        '',
        '',
        i.nominationId,
        i.nominee.name,
        i.nominee.kind,
        i.nominee.regionCode,
        i.nominee.npp,
        '',
        'ineligible',
        i.reasons.join('; '),
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}
