import type { BoardCopies, BoardLists } from '@paritrana/contracts';
import { isDeepStrictEqual } from 'node:util';

/** A board as `GET /v1/boards/:id` answers it. */
export interface LiveBoard extends BoardLists {
  status: 'open' | 'published';
  version?: number;
  pending?: boolean;
}

export interface CheckOutcome {
  /** Boards whose copy equals the live board at the same version. */
  equal: string[];
  /** Boards not comparable at this moment: the copy or the live board is ahead, or a change is not announced yet. */
  waiting: string[];
  /** Boards whose copy differs from the live board at the same version, each with what differs. */
  differ: string[];
}

/** As the JSON of an event or an answer carries it: absent optional fields and key order do not count. */
const plain = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;
const lists = (board: BoardLists) => plain({ standings: board.standings, ineligible: board.ineligible });

/** What differs first between two boards' lists, for the report. */
function firstDifference(copy: BoardLists, live: BoardLists): string {
  if (copy.standings.length !== live.standings.length)
    return `${copy.standings.length} standings in the copy, ${live.standings.length} live`;
  const at = copy.standings.findIndex((s, i) => !isDeepStrictEqual(plain(s), plain(live.standings[i])));
  if (at >= 0) return `rank ${at + 1}: ${JSON.stringify(copy.standings[at])} in the copy, ${JSON.stringify(live.standings[at])} live`;
  return 'the ineligible lists differ';
}

/**
 * Compares each board's copy with the live board, when both stand at the same version: an open board that is not
 * pending shows exactly the standings of its version; a published one, the standings it was published with.
 */
export async function checkBoards(
  copies: BoardCopies,
  boardIds: string[],
  fetchBoard: (boardId: string) => Promise<LiveBoard | undefined>,
): Promise<CheckOutcome> {
  const outcome: CheckOutcome = { equal: [], waiting: [], differ: [] };
  for (const boardId of boardIds) {
    const copy = copies.get(boardId);
    const live = await fetchBoard(boardId);
    const comparable =
      copy !== undefined &&
      live !== undefined &&
      (live.status === 'published'
        ? copy.status === 'published'
        : copy.status === 'open' && !live.pending && live.version === copy.version);
    if (!comparable) outcome.waiting.push(boardId);
    else if (isDeepStrictEqual(lists(copy), lists(live))) outcome.equal.push(boardId);
    else outcome.differ.push(`${boardId} at version ${copy.version}: ${firstDifference(copy, live)}`);
  }
  return outcome;
}
