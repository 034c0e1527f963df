import { Alert, Button, Card, Group, Loader, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useProvinceNames } from '../../api/regions';
import { useAuth } from '../../auth/AuthProvider';
import { Page } from '../../components/Page';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { groupQueue, progressOf, waitingStops } from './queue';
import { useBoardName, useCurrentQueue } from './QueuePage';

/** An assessor's home: their scope, and how far their queue has come, board by board. */
export function AssessorHome() {
  const { t, language } = useI18n();
  const { principal } = useAuth();
  const provinces = useProvinceNames();
  const boardName = useBoardName();
  const { edition, queue, editionUnknown } = useCurrentQueue();
  const scope = principal!.provinces.map((code) => provinces.data?.get(code) ?? code).join(', ');
  const nominations = queue.data?.nominations ?? [];
  const overall = progressOf(nominations);
  const first = waitingStops(nominations)[0];
  const count = (n: number) => formatNumber(n, language);

  return (
    <Page title={t('home.greeting', { name: principal!.name })}>
      <Text c="dimmed">{principal!.provinces.length > 0 ? t('home.scope', { provinces: scope }) : t('home.national')}</Text>
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
      ) : (
        <Card withBorder>
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {edition.data.name}
            </Text>
            <Title order={2} size="h3">
              {t('assess.home.title')}
            </Title>
            {overall.total === 0 ? (
              <Text>{t('assess.queue.empty')}</Text>
            ) : (
              <>
                <Text>{t('assess.home.progress', { done: count(overall.done), total: count(overall.total) })}</Text>
                <Progress
                  value={(100 * overall.done) / overall.total}
                  size="lg"
                  aria-label={t('assess.home.progress', { done: count(overall.done), total: count(overall.total) })}
                />
                {!first && <Alert color="green">{t('assess.home.allDone')}</Alert>}
                <Table.ScrollContainer minWidth={360}>
                  <Table captionSide="top">
                    <Table.Caption>{t('assess.queue.title')}</Table.Caption>
                    <Table.Tbody>
                      {groupQueue(nominations).map((group) => {
                        const progress = progressOf(group.nominations);
                        return (
                          <Table.Tr key={group.key}>
                            <Table.Th scope="row" fw={400}>
                              {boardName(edition.data, group)}
                            </Table.Th>
                            <Table.Td ta="right">
                              {t('assess.home.progress', { done: count(progress.done), total: count(progress.total) })}
                            </Table.Td>
                          </Table.Tr>
                        );
                      })}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              </>
            )}
            <Group gap="xs">
              {first && (
                <Button component={Link} to={`/penilaian/${first.nominationId}?babak=${encodeURIComponent(first.round)}`}>
                  {t('assess.home.continue')}
                </Button>
              )}
              <Button component={Link} to="/penilaian" variant="light">
                {t('assess.home.openQueue')}
              </Button>
            </Group>
          </Stack>
        </Card>
      )}
    </Page>
  );
}
