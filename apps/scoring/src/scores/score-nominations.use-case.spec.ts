import { createEvent, EventTypes, type CloudEvent } from '@paritrana/contracts';
import type { DomainError } from '@paritrana/platform';
import { ids, regencyEdition, regencyNomination, scoringTestKit } from '../testing/scoring-test-kit';
import type { NominationVersion } from './score-store';
import { ScoreNominationsUseCase, type NominationChanged } from './score-nominations.use-case';

describe('ScoreNominationsUseCase', () => {
  const setup = async () => {
    const kit = scoringTestKit();
    await kit.editions.save(kit.tx, regencyEdition('2024', { panel: false }));
    return { ...kit, sut: new ScoreNominationsUseCase(kit.editions, kit.scores, kit.rescore) };
  };
  const changed = (nomination: NominationVersion): NominationChanged => {
    const { version: _v, ...data } = nomination;
    const cause: CloudEvent = createEvent(
      EventTypes.NominationSubmitted,
      nomination.nominationId,
      {
        ...data,
        nominee: data.nominee!,
        contact: { name: 'Setda', email: 'setda@example.go.id' },
        submittedAt: '2024-05-01T00:00:00.000Z',
        submittedBy: 'ro',
      },
      { service: 'nomination-intake' },
    );
    return { nomination, cause };
  };

  it('should store each nomination and publish its score caused by its event when nominations arrive', async () => {
    const { sut, events, scores, tx } = await setup();
    const changes = [changed(regencyNomination(ids.a, '2024', 800)), changed(regencyNomination(ids.b, '2024', 500))];

    const outcome = await sut.execute(changes, tx);

    expect(outcome.map((e) => [e.data.nominationId, e.causationid])).toEqual([
      [ids.a, changes[0].cause.id],
      [ids.b, changes[1].cause.id],
    ]);
    expect(events.published).toEqual(outcome);
    expect((await scores.nomination(tx, ids.a))?.status).toBe('final');
  });

  it('should score only the newest version when one batch holds several versions of a nomination', async () => {
    const { sut, scores, tx } = await setup();

    const outcome = await sut.execute(
      [changed(regencyNomination(ids.a, '2024', 300, 2)), changed(regencyNomination(ids.a, '2024', 900, 1))],
      tx,
    );

    expect(outcome).toHaveLength(1);
    expect((await scores.nomination(tx, ids.a))?.version).toBe(2);
    expect(outcome[0].data.total).toBe(58);
  });

  it('should change nothing and publish nothing when the version is stale', async () => {
    const { sut, events, scores, tx } = await setup();
    await sut.execute([changed(regencyNomination(ids.a, '2024', 800, 3))], tx);

    const outcome = await sut.execute([changed(regencyNomination(ids.a, '2024', 100, 2))], tx);

    expect(outcome).toEqual([]);
    expect(events.published).toHaveLength(1);
    expect((await scores.nomination(tx, ids.a))?.version).toBe(3);
  });

  it('should refuse with EDITION_NOT_YET_KNOWN and store nothing when the edition has not reached scoring', async () => {
    const { sut, scores, tx } = await setup();

    const refusal = await sut.execute([changed(regencyNomination(ids.a, '2099'))], tx).catch((e: DomainError) => e);

    expect(refusal).toMatchObject({ code: 'EDITION_NOT_YET_KNOWN', kind: 'unavailable' });
    expect(scores.rows.size).toBe(0);
  });
});
