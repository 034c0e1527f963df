import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  Pagination,
  Progress,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useAssessmentQueue } from '../../api/assessments';
import { useCurrentEdition, type Edition } from '../../api/intake';
import { ApiError } from '../../api/problem';
import { useProvinceNames } from '../../api/regions';
import { Page } from '../../components/Page';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { groupQueue, isWaiting, openingRound, roundName, type QueueGroup, type QueuedNomination } from './queue';

const PAGE_SIZE = 25;

/** Where the assessor stands in one round: waiting, scored, or a declared conflict. */
export function RoundBadge({ round }: { round: QueuedNomination['rounds'][number] }) {
  const { t } = useI18n();
  if (!round.mine)
    return (
      <Badge color="orange" variant="dot" tt="none">
        {t('assess.queue.waiting')}
      </Badge>
    );
  return (
    <Badge color={round.mine.conflictOfInterest ? 'gray' : 'green'} variant="dot" tt="none">
      {t(round.mine.conflictOfInterest ? 'assess.queue.conflict' : 'assess.queue.scored')}
    </Badge>
  );
}

/** "Kabupaten/kota · Jambi": a board of the queue as people name it. */
export function useBoardName() {
  const { t } = useI18n();
  const provinces = useProvinceNames();
  return (edition: Edition | undefined, group: Pick<QueueGroup, 'category' | 'province'>) =>
    t('assess.queue.board', {
      category: edition?.categories.find((c) => c.code === group.category)?.name ?? group.category,
      scope: group.province ? (provinces.data?.get(group.province) ?? group.province) : t('assess.queue.national'),
    });
}

function GroupCard({ edition, group, waitingOnly }: { edition: Edition | undefined; group: QueueGroup; waitingOnly: boolean }) {
  const { t, language } = useI18n();
  const boardName = useBoardName();
  const [page, setPage] = useState(1);
  const shown = waitingOnly ? group.nominations.filter((n) => n.rounds.some(isWaiting)) : group.nominations;
  const pages = Math.max(1, Math.ceil(shown.length / PAGE_SIZE));
  const rows = shown.slice((Math.min(page, pages) - 1) * PAGE_SIZE, Math.min(page, pages) * PAGE_SIZE);
  const name = (round: string) => roundName(edition, group.category, group.tier, round);
  const title = boardName(edition, group);
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {title}
        </Title>
        <Group gap="lg" wrap="wrap">
          {group.rounds.map((r) => (
            <Stack key={r.round} gap={4} miw={200}>
              <Text size="sm">
                {t('assess.queue.roundProgress', {
                  round: name(r.round),
                  done: formatNumber(r.done, language),
                  total: formatNumber(r.total, language),
                })}
              </Text>
              <Progress value={r.total ? (100 * r.done) / r.total : 0} aria-label={name(r.round)} />
            </Stack>
          ))}
        </Group>
        {shown.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('assess.queue.groupDone')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={520}>
            <Table striped highlightOnHover captionSide="top">
              <Table.Caption>
                <VisuallyHidden>{title}</VisuallyHidden>
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('assess.queue.nominee')}</Table.Th>
                  <Table.Th scope="col">{t('assess.queue.rounds')}</Table.Th>
                  <Table.Th scope="col">{t('assess.queue.action')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((n) => {
                  const waiting = n.rounds.some(isWaiting);
                  const to = `/penilaian/${n.nominationId}?babak=${encodeURIComponent(openingRound(n, null) ?? '')}`;
                  return (
                    <Table.Tr key={n.nominationId}>
                      <Table.Th scope="row" fw={400}>
                        <Link to={to}>{n.nominee.name}</Link>
                      </Table.Th>
                      <Table.Td>
                        <Stack gap={4}>
                          {n.rounds.map((r) => (
                            <Group key={r.round} gap="xs" wrap="nowrap">
                              <Text size="sm" miw={120}>
                                {name(r.round)}
                              </Text>
                              <RoundBadge round={r} />
                            </Group>
                          ))}
                        </Stack>
                      </Table.Td>
                      <Table.Td>
                        <Button
                          component={Link}
                          to={to}
                          size="xs"
                          variant={waiting ? 'filled' : 'light'}
                          aria-label={`${t(waiting ? 'assess.queue.score' : 'assess.queue.open')} ${n.nominee.name}`}
                        >
                          {t(waiting ? 'assess.queue.score' : 'assess.queue.open')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {pages > 1 && <Pagination total={pages} value={Math.min(page, pages)} onChange={setPage} size="sm" />}
      </Stack>
    </Card>
  );
}

/** The editions' current queue, or why it cannot be shown. */
export function useCurrentQueue() {
  const edition = useCurrentEdition();
  const queue = useAssessmentQueue(edition.data?.code);
  const editionUnknown = queue.error instanceof ApiError && queue.error.code === 'EDITION_NOT_FOUND';
  return { edition, queue, editionUnknown };
}

/** "Antrean saya": the nominations of the assessor's panel, by board, with what still waits for their score. */
export function QueuePage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const { edition, queue, editionUnknown } = useCurrentQueue();
  const waitingOnly = params.get('tampil') !== 'semua';

  return (
    <Page title={t('assess.queue.title')}>
      <Text c="dimmed">{t('assess.queue.lead')}</Text>
      <SegmentedControl
        w="fit-content"
        aria-label={t('assess.queue.show')}
        value={waitingOnly ? 'waiting' : 'all'}
        onChange={(value) => setParams(value === 'all' ? { tampil: 'semua' } : {}, { replace: true })}
        data={[
          { value: 'waiting', label: t('assess.queue.waitingOnly') },
          { value: 'all', label: t('assess.queue.all') },
        ]}
      />
      {edition.error ? (
        <ProblemAlert error={edition.error} onRetry={() => void edition.refetch()} />
      ) : edition.isPending ? (
        <Loader aria-label={t('app.loading')} />
      ) : !edition.data ? (
        <Alert color="yellow">{t('home.noEdition')}</Alert>
      ) : editionUnknown ? (
        <Alert color="yellow">{t('assess.queue.editionUnknown')}</Alert>
      ) : queue.error ? (
        <ProblemAlert error={queue.error} onRetry={() => void queue.refetch()} />
      ) : queue.isPending ? (
        <Loader aria-label={t('app.loading')} />
      ) : queue.data.nominations.length === 0 ? (
        <Alert color="blue">{t('assess.queue.empty')}</Alert>
      ) : (
        groupQueue(queue.data.nominations).map((group) => (
          <GroupCard key={group.key} edition={edition.data} group={group} waitingOnly={waitingOnly} />
        ))
      )}
    </Page>
  );
}
