import { judge, type Observations } from './verdict';

const NO_DLQ = { 'paritrana.nominations.v1.dlq': 0 };

/** Two accepted nominations, both scored, ranked, known to notification and published; the first won. */
function healthy(): Observations {
  return {
    accepted: new Map([
      ['n1', 'a@x.id'],
      ['n2', 'b@x.id'],
    ]),
    stored: ['n1', 'n2'],
    scored: ['n1', 'n2'],
    ranked: ['n1', 'n2'],
    contacts: ['n1', 'n2'],
    scoreEvents: new Map([
      ['n1', 1],
      ['n2', 1],
    ]),
    published: [{ boardId: 'b', standings: [{ nominationId: 'n1', title: 'Terbaik I' }, { nominationId: 'n2' }] }],
    topics: [{ topic: 'paritrana.scores.v1', messages: 3, distinctIds: 2, unreadable: 0 }],
    emails: [{ to: ['a@x.id'], messageId: '<1@x>' }],
    deadLetters: NO_DLQ,
    messages: [
      { topic: 'paritrana.scores.v1', key: 'n1', partition: 0, offset: 0, id: 'e1' },
      { topic: 'paritrana.scores.v1', key: 'n2', partition: 1, offset: 0, id: 'e2' },
      { topic: 'paritrana.scores.v1', key: 'n2', partition: 1, offset: 1, id: 'e2' },
    ],
    outbox: {
      written: [
        { writer: 'scoring', seq: 1, id: 'e1', topic: 'paritrana.scores.v1', key: 'n1' },
        { writer: 'scoring', seq: 2, id: 'e2', topic: 'paritrana.scores.v1', key: 'n2' },
      ],
      queued: [],
      setAside: [],
    },
    killsWhileSending: 1,
  };
}

describe('judge', () => {
  it('should pass when everything accepted went through once and each winner got one email', () => {
    const sut = judge(healthy());

    expect(sut).toMatchObject({ accepted: 2, lost: 0, duplicated: 0, unaccounted: 0, failures: [] });
    expect(sut.emails).toEqual({ expected: 1, sent: 1, doubled: 0, resent: 0, missing: 0, unexpected: 0 });
  });

  it('should count a redelivered event as a redelivery, not a failure', () => {
    const sut = judge(healthy());

    expect(sut.redeliveries).toEqual({ 'paritrana.scores.v1': 1 });
  });

  it('should name a nomination lost when it is missing at any stage, once across stages', () => {
    const observations = { ...healthy(), scored: ['n1'], ranked: ['n1'] };

    const sut = judge(observations);

    expect(sut.lost).toBe(1);
    expect(sut.lostAt).toMatchObject({ scoring: 1, ranking: 1, intake: 0 });
    expect(sut.failures).toEqual(expect.arrayContaining(['1 accepted nomination(s) missing at scoring: n2']));
  });

  it('should name a nomination duplicated when it was scored by two events or placed twice', () => {
    const observations = healthy();
    observations.scoreEvents.set('n2', 2);
    observations.published.push({ boardId: 'c', standings: [{ nominationId: 'n2' }] });

    const sut = judge(observations);

    expect(sut.duplicated).toBe(1);
    expect(sut.duplicatedAt).toEqual({ scoring: 1, published: 1 });
  });

  it('should fail on a doubled, a missing and an unexpected email', () => {
    const observations = {
      ...healthy(),
      emails: [
        { to: ['A@x.id'], messageId: '<1@x>' },
        { to: ['a@x.id'], messageId: '<2@x>' },
        { to: ['z@x.id'], messageId: '<9@x>' },
      ],
    };

    const doubled = judge(observations);
    const missing = judge({ ...healthy(), emails: [] });

    expect(doubled.emails).toMatchObject({ doubled: 1, resent: 0, unexpected: 1, missing: 0 });
    expect(missing.emails.missing).toBe(1);
    expect(missing.failures).toContain('1 winner(s) never mailed');
  });

  it('should fail on a stored nomination no client was told about, and on any dead letter', () => {
    const sut = judge({ ...healthy(), stored: ['n1', 'n2', 'n3'], deadLetters: { 'paritrana.scores.v1.dlq': 2 } });

    expect(sut.unaccounted).toBe(1);
    expect(sut.failures).toHaveLength(2);
  });

  it('should allow one resend with the same Message-ID per kill while sending, and no more', () => {
    const resent = [
      { to: ['a@x.id'], messageId: '<1@x>' },
      { to: ['a@x.id'], messageId: '<1@x>' },
    ];

    const once = judge({ ...healthy(), emails: resent });
    const twice = judge({ ...healthy(), emails: [...resent, resent[0]] });

    expect(once.emails).toMatchObject({ doubled: 0, resent: 1 });
    expect(once.failures).toEqual([]);
    expect(twice.failures).toEqual(['2 email(s) resent with the same Message-ID, more than the 1 kill(s) while sending can explain']);
  });

  it('should fail on an event out of order for its key and name it', () => {
    const observations = healthy();
    observations.outbox.written.push({ writer: 'scoring', seq: 3, id: 'e3', topic: 'paritrana.scores.v1', key: 'n2' });
    observations.messages.splice(1, 0, { topic: 'paritrana.scores.v1', key: 'n2', partition: 1, offset: -1, id: 'e3' });

    const sut = judge(observations);

    expect(sut.orderViolations).toBe(1);
    expect(sut.failures).toEqual(['1 event(s) out of order for their key: paritrana.scores.v1 key n2: #2 after #3']);
  });

  it('should fail on an outbox row deleted without reaching its topic, not on one still queued', () => {
    const observations = healthy();
    observations.outbox.written.push(
      { writer: 'scoring', seq: 3, id: 'e3', topic: 'paritrana.scores.v1', key: 'n2' },
      { writer: 'scoring', seq: 4, id: 'e4', topic: 'paritrana.scores.v1', key: 'n2' },
    );
    observations.outbox.queued.push('e4');

    const sut = judge(observations);

    expect(sut.outbox).toEqual({ written: 4, queued: 1, set_aside: 0, lost: 1, misplaced: 0 });
    expect(sut.failures).toEqual(['1 outbox row(s) deleted but not on their topic: paritrana.scores.v1 e3']);
  });

  it('should fail when no outbox row was recorded at all', () => {
    const sut = judge({ ...healthy(), messages: [], outbox: { written: [], queued: [], setAside: [] } });

    expect(sut.failures).toEqual(['no outbox row was recorded, so the relay could not be checked']);
  });
});
