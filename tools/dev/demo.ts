import type { EditionDefinition, Principal } from '@paritrana/contracts';
import { sleep } from '@paritrana/infra/ports';
import { repoRoot } from '@paritrana/infra/repo-root';
import { DEVELOPMENT_JWT_SECRET, signToken } from '@paritrana/platform';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importNominations } from '../import/importer';
import {
  matchAssessments,
  pendingAssessments,
  readDemoAssessments,
  roundsOutsideRubrics,
  type NominationRef,
  type RecordedAssessment,
} from './demo-assessments';

/** Where the demo is loaded: the services' base URLs. */
export interface DemoTargets {
  intake: string;
  scoring: string;
}

/** Makes an access token the services accept for a principal. */
export type TokenFactory = (principal: Principal) => string;

export interface DemoLoad {
  targets: DemoTargets;
  log: (line: string) => void;
  /** Default: development tokens signed with AUTH_JWT_SECRET, else the development secret. */
  tokens?: TokenFactory;
  /** How long to wait for scoring to know the demo nominations (default 120 s). */
  timeoutMs?: number;
}

/** The loader defines the edition and nominates, as the platform's administrator. */
export const DEMO_ADMIN: Principal = { sub: 'demo-loader', name: 'Demo loader', role: 'admin' };

/**
 * The assessor of the demo scores: the development realm's `penilai-jambi`, whose user id (the
 * tokens' `sub`) is its username, so signed in through Keycloak it finds these scores its own.
 */
export const DEMO_ASSESSOR: Principal = { sub: 'penilai-jambi', name: 'Penilai Jambi', role: 'assessor', provinces: ['15'] };

export const developmentTokens: TokenFactory = (principal) =>
  signToken(process.env.AUTH_JWT_SECRET || DEVELOPMENT_JWT_SECRET, { ...principal });

const demoFile = (name: string) => readFileSync(join(repoRoot(), 'deploy', 'demo', name), 'utf8');

/** The whole demo, as `make start` loads it: the edition, its nominations, then the assessors' scores. */
export async function loadDemo(load: DemoLoad): Promise<void> {
  await loadDemoEdition(load);
  await loadDemoNominations(load);
  await loadDemoAssessments(load);
}

/** Defines the demo edition through the public API; an edition that already exists is left as it is. */
export async function loadDemoEdition({ targets, log, tokens = developmentTokens }: DemoLoad): Promise<void> {
  const definition = JSON.parse(demoFile('edition-2024.json')) as { code: string };
  const response = await fetch(`${targets.intake}/v1/editions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens(DEMO_ADMIN)}` },
    body: JSON.stringify(definition),
  });
  if (response.status === 201) log(`Demo edition ${definition.code} defined`);
  else if (response.status === 409) log(`Demo edition ${definition.code} already defined`);
  else throw new Error(`Defining the demo edition failed with ${response.status}: ${await response.text()}`);
}

/** Nominates the demo's regencies, villages and employers; existing ones are left alone. */
export async function loadDemoNominations({ targets, log, tokens = developmentTokens }: DemoLoad): Promise<void> {
  const report = await importNominations(demoFile('nominations-2024.csv'), { intakeUrl: targets.intake, token: tokens(DEMO_ADMIN) });
  if (report.refused > 0) {
    const first = report.outcomes.find((o) => o.status !== 201 && o.status !== 409);
    throw new Error(`The demo nominations were refused: row ${first?.row}: ${first?.message}`);
  }
  log(`Demo nominations: ${report.accepted} submitted, ${report.duplicates} already there`);
}

/**
 * Enters the demo's panel scores as `penilai-jambi` through POST /v1/assessments, once scoring knows
 * each nomination (its score explanation answers). A round the assessor already scored is left as it is.
 */
export async function loadDemoAssessments({ targets, log, tokens = developmentTokens, timeoutMs = 120_000 }: DemoLoad): Promise<void> {
  const admin = tokens(DEMO_ADMIN);
  const planned = readDemoAssessments(demoFile('assessments-2024.csv'));
  const code = (JSON.parse(demoFile('edition-2024.json')) as { code: string }).code;
  const stored = await fetch(`${targets.intake}/v1/editions/${code}`, { headers: { authorization: `Bearer ${admin}` } });
  if (stored.status !== 200) throw new Error(`Reading the demo edition failed with ${stored.status}: ${await stored.text()}`);
  const outside = roundsOutsideRubrics(planned, (await stored.json()) as EditionDefinition);
  if (outside.length > 0) {
    log(
      `Demo scores not entered: edition ${code} was defined by an earlier demo, without the rounds ${outside.join(', ')}; ` +
        'stop, rm -rf .data and make start again for the whole demo',
    );
    return;
  }
  const boards = [
    ...new Map(
      planned.map(({ edition, tier, province, category }) => [
        `${edition}:${tier}:${province}:${category}`,
        { edition, tier, province, category },
      ]),
    ).values(),
  ];
  const nominations: NominationRef[] = [];
  for (const board of boards) nominations.push(...(await listNominations(targets.intake, admin, board)));
  const { matched, withdrawn, unmatched } = matchAssessments(planned, nominations);
  if (unmatched.length > 0) {
    const first = unmatched[0];
    throw new Error(
      `Demo assessment row ${first.row}: no nomination of ${first.nominee} in ${first.category} (${unmatched.length} such rows)`,
    );
  }
  const recorded = await assessmentsOnceScored(
    targets.scoring,
    admin,
    matched.map((a) => a.nominationId),
    timeoutMs,
  );
  const pending = pendingAssessments(matched, recorded, DEMO_ASSESSOR.sub);
  const assessor = tokens(DEMO_ASSESSOR);
  for (const a of pending) {
    const response = await fetch(`${targets.scoring}/v1/assessments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${assessor}` },
      body: JSON.stringify({
        nominationId: a.nominationId,
        round: a.round,
        scores: a.scores,
        ...(a.comment ? { comment: a.comment } : {}),
      }),
    });
    if (response.status !== 201) {
      throw new Error(`Demo assessment row ${a.row} was refused with ${response.status}: ${await response.text()}`);
    }
  }
  log(
    `Demo assessments by ${DEMO_ASSESSOR.sub}: ${pending.length} entered, ${matched.length - pending.length} already there` +
      (withdrawn.length > 0 ? `, ${withdrawn.length} of withdrawn nominations left out` : ''),
  );
}

/** Every nomination of one board, page by page. */
async function listNominations(
  intake: string,
  token: string,
  board: { edition: string; tier: string; province: string; category: string },
): Promise<NominationRef[]> {
  const found: NominationRef[] = [];
  for (let page = 1; ; page++) {
    const query = new URLSearchParams({ ...board, page: String(page), pageSize: '500' });
    const response = await fetch(`${intake}/v1/nominations?${query}`, { headers: { authorization: `Bearer ${token}` } });
    if (response.status !== 200) throw new Error(`Listing the demo nominations failed with ${response.status}: ${await response.text()}`);
    const body = (await response.json()) as { items: NominationRef[]; total: number };
    found.push(...body.items);
    if (body.items.length === 0 || found.length >= body.total) return found;
  }
}

/**
 * Waits until scoring has scored every nomination (its events reach scoring asynchronously), polling
 * each one's score explanation, and answers the assessments recorded for each.
 */
async function assessmentsOnceScored(
  scoring: string,
  token: string,
  nominationIds: string[],
  timeoutMs: number,
): Promise<Map<string, RecordedAssessment[]>> {
  const deadline = Date.now() + timeoutMs;
  const recorded = new Map<string, RecordedAssessment[]>();
  let waiting = [...new Set(nominationIds)];
  for (;;) {
    const still: string[] = [];
    for (const id of waiting) {
      const response = await fetch(`${scoring}/v1/scores/${id}`, { headers: { authorization: `Bearer ${token}` } });
      if (response.status === 200) recorded.set(id, ((await response.json()) as { assessments?: RecordedAssessment[] }).assessments ?? []);
      else if (response.status === 404) still.push(id);
      else throw new Error(`Reading the score of nomination ${id} failed with ${response.status}: ${await response.text()}`);
    }
    waiting = still;
    if (waiting.length === 0) return recorded;
    if (Date.now() > deadline) {
      throw new Error(`Scoring had not scored ${waiting.length} demo nomination(s) within ${timeoutMs / 1000} s, e.g. ${waiting[0]}`);
    }
    await sleep(250);
  }
}
