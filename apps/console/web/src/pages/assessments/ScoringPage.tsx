import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  List,
  Loader,
  NumberInput,
  Radio,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useAssessmentQueue, useNominationAssessments, useRecordAssessment } from '../../api/assessments';
import type { AssessmentHistoryResponse } from '../../api/generated/scoring/types.gen';
import { useEdition, useNomination, type Edition, type Nomination } from '../../api/intake';
import { ApiError } from '../../api/problem';
import { useProvinceNames } from '../../api/regions';
import { useAuth } from '../../auth/AuthProvider';
import { Page } from '../../components/Page';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { IndicatorTable } from '../nominations/IndicatorTable';
import { AssessmentsTable } from './AssessmentsTable';
import { nextStop, openingRound, roundCriteria, roundName, type QueuedNomination } from './queue';

type Conflict = 'no' | 'yes' | null;

interface FormProps {
  nomination: Nomination;
  queued: QueuedNomination;
  round: string;
  edition: Edition | undefined;
  onSaved: (next: boolean) => Promise<void>;
}

/** The round's form, filled with the assessor's current assessment of it once that is loaded. */
function AssessmentForm(props: FormProps) {
  const { t } = useI18n();
  const { principal } = useAuth();
  const history = useNominationAssessments(props.nomination.id);
  if (history.error) return <ProblemAlert error={history.error} onRetry={() => void history.refetch()} />;
  if (!history.data) return <Loader aria-label={t('app.loading')} />;
  const held = history.data.assessments.find((a) => a.assessor === principal?.sub && a.current && a.round === props.round);
  return <RoundForm {...props} held={held} />;
}

/** The conflict of interest declaration first, then a score per criterion within its range, and a comment. */
function RoundForm({ nomination, queued, round, edition, onSaved, held }: FormProps & { held: AssessmentHistoryResponse | undefined }) {
  const { t, language, field } = useI18n();
  const record = useRecordAssessment();
  const mine = queued.rounds.find((r) => r.round === round)?.mine;
  const [conflict, setConflict] = useState<Conflict>(mine ? (mine.conflictOfInterest ? 'yes' : 'no') : null);
  const [scores, setScores] = useState<Record<string, number | string>>(held?.scores ?? {});
  const [comment, setComment] = useState(held?.comment ?? '');
  const [next, setNext] = useState(true);
  const criteria = roundCriteria(edition, nomination.category, nomination.tier, round);
  const name = nomination.nominee.name ?? nomination.nominee.regionCode;

  const problems = record.error instanceof ApiError ? record.error.fields : [];
  const problemAt = (path: string) =>
    problems
      .filter((p) => p.path === path)
      .map(field)
      .join('; ') || undefined;
  const placed = new Set(['conflictOfInterest', 'comment', ...criteria.map((c) => `scores.${c.code}`)]);
  const unplaced = problems.filter((p) => !placed.has(p.path));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const goNext = (event.nativeEvent as SubmitEvent).submitter?.getAttribute('name') === 'next';
    setNext(goNext);
    const declared = conflict === 'yes';
    record.mutate(
      {
        nominationId: nomination.id,
        round,
        scores: declared ? {} : Object.fromEntries(Object.entries(scores).filter((e): e is [string, number] => typeof e[1] === 'number')),
        conflictOfInterest: declared,
        ...(comment.trim() ? { comment: comment.trim() } : {}),
      },
      {
        onSuccess: async () => {
          notifications.show({ color: 'green', message: t(declared ? 'assess.scoring.savedConflict' : 'assess.scoring.saved', { name }) });
          await onSaved(goNext);
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {mine && (
          <Alert color="blue">
            {t(mine.conflictOfInterest ? 'assess.scoring.alreadyConflict' : 'assess.scoring.already', {
              date: formatDateTime(mine.submittedAt, language),
            })}
          </Alert>
        )}
        <Radio.Group
          label={t('assess.scoring.conflictLegend')}
          description={t('assess.scoring.conflictQuestion', { name })}
          value={conflict}
          onChange={(value) => setConflict(value as Conflict)}
          error={problemAt('conflictOfInterest')}
          required
        >
          <Stack gap="xs" mt="xs">
            <Radio value="no" label={t('assess.scoring.conflictNone')} />
            <Radio value="yes" label={t('assess.scoring.conflictDeclared')} />
          </Stack>
        </Radio.Group>
        {conflict === 'yes' ? (
          <Alert color="orange">{t('assess.scoring.conflictNote')}</Alert>
        ) : (
          <>
            {conflict === null && (
              <Text size="sm" c="dimmed">
                {t('assess.scoring.conflictFirst')}
              </Text>
            )}
            {criteria.map((c) => (
              <NumberInput
                key={c.code}
                label={c.name}
                description={
                  c.min !== undefined && c.max !== undefined
                    ? t('assess.scoring.range', {
                        min: formatNumber(c.min, language),
                        max: formatNumber(c.max, language),
                        weight: formatNumber(c.weight, language),
                      })
                    : t('assess.scoring.weight', { weight: formatNumber(c.weight, language) })
                }
                value={scores[c.code] ?? ''}
                onChange={(value) => setScores((s) => ({ ...s, [c.code]: value }))}
                min={c.min}
                max={c.max}
                clampBehavior="none"
                decimalScale={2}
                decimalSeparator={language === 'id' ? ',' : '.'}
                disabled={conflict !== 'no'}
                error={problemAt(`scores.${c.code}`)}
                required
                maw={240}
              />
            ))}
          </>
        )}
        <Textarea
          label={t('assess.scoring.comment')}
          description={t('assess.scoring.commentHint')}
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
          maxLength={2000}
          autosize
          minRows={3}
          disabled={conflict === null}
          error={problemAt('comment')}
        />
        {record.error !== null && <ProblemAlert error={record.error} />}
        {unplaced.length > 0 && (
          <List size="sm" c="red">
            {unplaced.map((p) => (
              <List.Item key={`${p.path}:${p.message}`}>
                {p.path}: {field(p)}
              </List.Item>
            ))}
          </List>
        )}
        <Group justify="flex-end" gap="xs">
          <Button type="submit" name="save" variant="light" disabled={conflict === null} loading={record.isPending && !next}>
            {t('assess.scoring.save')}
          </Button>
          <Button type="submit" name="next" disabled={conflict === null} loading={record.isPending && next}>
            {t('assess.scoring.saveNext')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The scoring page: what the nominee reported beside the round's criteria, then every assessment the assessor may see. */
export function ScoringPage() {
  const { nominationId } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const nomination = useNomination(nominationId);
  const edition = useEdition(nomination.data?.edition);
  const queue = useAssessmentQueue(nomination.data?.edition);
  const provinces = useProvinceNames();
  if (nomination.error) return <ProblemAlert error={nomination.error} onRetry={() => void nomination.refetch()} />;
  if (!nomination.data || queue.isPending) return <Loader aria-label={t('app.loading')} />;
  const n = nomination.data;
  const queued = queue.data?.nominations.find((q) => q.nominationId === n.id);
  const round = openingRound(queued, params.get('babak'));
  const category = edition.data?.categories.find((c) => c.code === n.category);
  const name = (r: string) => roundName(edition.data, n.category, n.tier, r);

  const onSaved = async (goNext: boolean) => {
    if (!goNext || !round) return;
    const fresh = await queue.refetch();
    const stop = fresh.data && nextStop(fresh.data.nominations, { nominationId: n.id, round });
    if (stop) {
      await navigate(`/penilaian/${stop.nominationId}?babak=${encodeURIComponent(stop.round)}`);
    } else {
      notifications.show({ color: 'blue', message: t('assess.scoring.queueDone') });
      await navigate('/penilaian');
    }
  };

  return (
    <Page
      title={n.nominee.name ?? n.nominee.regionCode}
      actions={
        <Button component={Link} to="/penilaian" variant="default">
          {t('assess.scoring.backToQueue')}
        </Button>
      }
    >
      <Group gap="xs">
        <Badge variant="outline">{category?.name ?? n.category}</Badge>
        <Badge variant="outline">{provinces.data?.get(n.province) ?? n.province}</Badge>
        <Badge variant="outline">{t(`tier.${n.tier}`)}</Badge>
      </Group>
      {queue.error && <ProblemAlert error={queue.error} onRetry={() => void queue.refetch()} />}
      {queued && queued.rounds.length > 1 && round && (
        <SegmentedControl
          w="fit-content"
          aria-label={t('assess.scoring.round')}
          value={round}
          onChange={(value) => setParams({ babak: value }, { replace: true })}
          data={queued.rounds.map((r) => ({ value: r.round, label: name(r.round) }))}
        />
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Card withBorder>
          <Title order={2} size="h4" mb="sm">
            {t('assess.scoring.nomination')}
          </Title>
          <Stack gap="sm">
            <IndicatorTable nomination={n} caption={t('assess.scoring.indicators')} />
            <Title order={3} size="h5">
              {t('assess.scoring.documents')}
            </Title>
            {n.documents.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('assess.scoring.noDocuments')}
              </Text>
            ) : (
              <List size="sm">
                {n.documents.map((d) => (
                  <List.Item key={d.url}>
                    <Anchor href={d.url} target="_blank" rel="noreferrer noopener">
                      {d.name}
                    </Anchor>
                  </List.Item>
                ))}
              </List>
            )}
            <Anchor component={Link} to={`/nominasi/${n.id}`} size="sm">
              {t('assess.scoring.openNomination')}
            </Anchor>
          </Stack>
        </Card>
        <Card withBorder>
          {queued && round ? (
            <>
              <Title order={2} size="h4" mb="sm">
                {t('assess.scoring.form', { round: name(round) })}
              </Title>
              <AssessmentForm
                key={`${n.id}:${round}`}
                nomination={n}
                queued={queued}
                round={round}
                edition={edition.data}
                onSaved={onSaved}
              />
            </>
          ) : (
            <Alert color="yellow">{t('assess.scoring.notInQueue')}</Alert>
          )}
        </Card>
      </SimpleGrid>
      <Card withBorder>
        <Title order={2} size="h4" mb="sm">
          {t('assess.assessments.title')}
        </Title>
        <Stack gap="sm">
          <AssessmentsTable nominationId={n.id} edition={edition.data} category={n.category} tier={n.tier} />
        </Stack>
      </Card>
    </Page>
  );
}
