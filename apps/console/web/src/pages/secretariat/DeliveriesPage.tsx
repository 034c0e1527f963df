import { Alert, Badge, Button, Group, Loader, Select, Table, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';
import { useEditions } from '../../api/intake';
import { useProvinceNames } from '../../api/regions';
import { useBoardProgress, useDeliveryLog } from '../../api/secretariat';
import { download, toCsv } from '../../components/csv';
import { Page } from '../../components/Page';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../i18n/format';

const STATUS_COLOR = { pending: 'yellow', sent: 'green', failed: 'red' } as const;

/** The congratulation emails of a published board: to whom, with which title, sent or why not. */
export function DeliveriesPage() {
  const { t, language } = useI18n();
  const [params, setParams] = useSearchParams();
  const editions = useEditions();
  const boardId = params.get('papan') ?? undefined;
  const edition = boardId?.split(':')[0] ?? editions.data?.[0]?.code;
  const progress = useBoardProgress(edition);
  const names = useProvinceNames();
  const log = useDeliveryLog(boardId);
  const current = editions.data?.find((e) => e.code === edition);
  const label = (id: string) => {
    const [, tier, scope, category] = id.split(':');
    const categoryName = current?.categories.find((c) => c.code === category)?.name ?? category;
    const scopeName =
      tier === 'provincial'
        ? (names.data?.get(scope) ?? scope)
        : scope === 'national'
          ? t('admin.boards.national')
          : (current?.zones.find((z) => z.code === scope)?.name ?? scope);
    return `${categoryName} — ${scopeName}`;
  };
  const published = (progress.data?.boards ?? []).filter((b) => b.status === 'published');

  const exportCsv = () =>
    log.data &&
    download(
      `email-${log.data.boardId.replace(/:/g, '-')}.csv`,
      toCsv(
        ['papan', 'nominasi', 'penerima', 'gelar', 'status', 'percobaan', 'kendala_terakhir', 'direncanakan', 'terkirim', 'message_id'],
        log.data.deliveries.map((d) => [
          d.boardId,
          d.nominationId,
          d.recipient,
          d.title,
          t(`admin.deliveries.${d.status}`),
          d.attempts,
          d.lastError,
          formatDateTime(d.createdAt, language),
          d.sentAt ? formatDateTime(d.sentAt, language) : '',
          d.messageId,
        ]),
      ),
    );

  return (
    <Page
      title={t('admin.deliveries.title')}
      actions={
        <Button
          variant="light"
          leftSection={<IconDownload size={16} aria-hidden />}
          onClick={exportCsv}
          disabled={!log.data?.deliveries.length}
        >
          {t('admin.deliveries.exportCsv')}
        </Button>
      }
    >
      {progress.error && <ProblemAlert error={progress.error} onRetry={() => void progress.refetch()} />}
      <Select
        label={t('admin.deliveries.board')}
        placeholder={t('admin.deliveries.boardPlaceholder')}
        data={[...new Set([...published.map((b) => b.boardId), ...(boardId ? [boardId] : [])])].map((id) => ({
          value: id,
          label: label(id),
        }))}
        value={boardId ?? null}
        onChange={(value) => setParams(value ? { papan: value } : {}, { replace: true })}
        searchable
        w={{ base: '100%', sm: 420 }}
      />
      {!boardId ? (
        progress.data && published.length === 0 ? (
          <Alert color="gray">{t('admin.deliveries.noPublished')}</Alert>
        ) : (
          <Text c="dimmed">{t('admin.deliveries.choose')}</Text>
        )
      ) : log.error ? (
        <ProblemAlert error={log.error} onRetry={() => void log.refetch()} />
      ) : log.isPending ? (
        <Loader aria-label={t('app.loading')} />
      ) : log.data.deliveries.length === 0 ? (
        <Text c="dimmed">{t('admin.deliveries.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table striped captionSide="top">
            <Table.Caption>{t('admin.deliveries.caption', { board: label(boardId) })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('admin.deliveries.recipient')}</Table.Th>
                <Table.Th scope="col">{t('admin.deliveries.title_')}</Table.Th>
                <Table.Th scope="col">{t('admin.deliveries.status')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('admin.deliveries.attempts')}
                </Table.Th>
                <Table.Th scope="col">{t('admin.deliveries.createdAt')}</Table.Th>
                <Table.Th scope="col">{t('admin.deliveries.sentAt')}</Table.Th>
                <Table.Th scope="col">{t('admin.deliveries.lastError')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {log.data.deliveries.map((d) => (
                <Table.Tr key={d.nominationId}>
                  <Table.Th scope="row" fw={400}>
                    <Group gap={4} wrap="nowrap">
                      <Link to={`/nominasi/${d.nominationId}`}>{d.recipient}</Link>
                    </Group>
                  </Table.Th>
                  <Table.Td>{d.title}</Table.Td>
                  <Table.Td>
                    <Badge color={STATUS_COLOR[d.status]} variant="light" tt="none">
                      {t(`admin.deliveries.${d.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td ta="right">{d.attempts}</Table.Td>
                  <Table.Td>{formatDateTime(d.createdAt, language)}</Table.Td>
                  <Table.Td>{d.sentAt ? formatDateTime(d.sentAt, language) : '—'}</Table.Td>
                  <Table.Td>
                    <Text size="xs" c={d.lastError ? 'red' : 'dimmed'}>
                      {d.lastError ?? '—'}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Page>
  );
}
