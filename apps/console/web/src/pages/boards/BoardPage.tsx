import { Badge, Button, Card, Group, Loader, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconSearch } from '@tabler/icons-react';
import { DataTable } from 'mantine-datatable';
import { useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { exportBoardCsv, exportScoresCsv } from '../../api/boards';
import type { StandingResponse } from '../../api/generated/ranking/types.gen';
import { useEdition } from '../../api/intake';
import { useBoard } from '../../api/results';
import { useAuth } from '../../auth/AuthProvider';
import { download } from '../../components/csv';
import { Page } from '../../components/Page';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ScoreExplanation } from '../../components/ScoreExplanation';
import { useI18n } from '../../i18n';
import { ToneBadge } from '../../components/ToneBadge';
import { formatDateTime, formatScore, pageRange } from '../../i18n/format';
import { boardFileName, parseBoardId } from './board-logic';
import { BoardStatusBadge, PanelProgress, useBoardNames } from './BoardsPage';
import { PublishBoard } from './PublishBoard';

const PAGE_SIZE = 50;

function DownloadButton({ label, fetchCsv, filename }: { label: string; fetchCsv: () => Promise<string>; filename: string }) {
  const { t } = useI18n();
  const [state, setState] = useState<unknown>(false);
  const run = async () => {
    setState(true);
    try {
      download(filename, await fetchCsv());
      setState(false);
      notifications.show({ color: 'green', message: t('boards.board.exported') });
    } catch (error) {
      setState(error);
    }
  };
  return (
    <Stack gap={4}>
      <Button variant="light" leftSection={<IconDownload size={16} aria-hidden />} loading={state === true} onClick={() => void run()}>
        {label}
      </Button>
      {state !== true && state !== false && <ProblemAlert error={state} />}
    </Stack>
  );
}

/** One board: its standings (paged, searchable, each with its score explained), the ineligible with their reasons, exports and publication. */
export function BoardPage() {
  const { boardId = '' } = useParams();
  const { t, language } = useI18n();
  const { principal } = useAuth();
  const key = parseBoardId(boardId);
  const board = useBoard(key ? boardId : undefined);
  const edition = useEdition(key?.edition);
  const names = useBoardNames(edition.data);
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search, 200);
  const [page, setPage] = useState(1);
  const [expanded, setExpanded] = useState<string[]>([]);
  const standings = useMemo(() => {
    const q = query.trim().toLowerCase();
    const all = board.data?.standings ?? [];
    return q ? all.filter((s) => s.nominee.name.toLowerCase().includes(q)) : all;
  }, [board.data, query]);

  if (!key) return <ProblemAlert error={new Error(boardId)} />;
  if (board.error) return <ProblemAlert error={board.error} onRetry={() => void board.refetch()} />;
  if (board.data === undefined) return <Loader aria-label={t('app.loading')} />;
  const name = `${names.category(key.category)} — ${names.scope(key)}`;
  const mayPublish = ['panel-chair', 'secretariat', 'admin'].includes(principal!.role);
  if (board.data === null)
    return (
      <Page title={name}>
        <Text>{t('boards.board.noStandings')}</Text>
      </Page>
    );
  const b = board.data;
  const count = (status: string) => b.standings.filter((s) => s.status === status).length;

  return (
    <Page
      title={name}
      actions={
        <>
          <DownloadButton
            label={t('boards.board.exportBoard')}
            fetchCsv={() => exportBoardCsv(boardId)}
            filename={boardFileName('papan', boardId)}
          />
          {mayPublish && (
            <DownloadButton
              label={t('boards.board.exportScores')}
              fetchCsv={() => exportScoresCsv(boardId)}
              filename={boardFileName('nilai', boardId)}
            />
          )}
          {mayPublish && b.status === 'open' && <PublishBoard board={b} name={name} />}
        </>
      }
    >
      <Group gap="xs">
        <BoardStatusBadge status={b.status} />
        <Badge variant="outline" tt="none">
          {edition.data?.name ?? key.edition}
        </Badge>
        <Badge variant="outline" tt="none">
          {t(`tier.${key.tier}`)}
        </Badge>
      </Group>
      <Text size="sm">
        {t('boards.board.summary', {
          standings: b.standings.length,
          final: count('final'),
          provisional: count('provisional'),
          ineligible: b.ineligible.length,
        })}
      </Text>
      {mayPublish && <PanelProgress boardId={boardId} />}
      {b.publishedAt && (
        <Text size="sm">{t('boards.board.publishedBy', { date: formatDateTime(b.publishedAt, language), by: b.publishedBy ?? '' })}</Text>
      )}
      <Card withBorder>
        <Stack gap="sm">
          <Group justify="space-between" align="flex-end" wrap="wrap">
            <Title order={2} size="h4">
              {t('boards.board.standings')}
            </Title>
            <TextInput
              label={t('boards.board.search')}
              placeholder={t('boards.board.searchPlaceholder')}
              leftSection={<IconSearch size={16} aria-hidden />}
              value={search}
              onChange={(e) => {
                setSearch(e.currentTarget.value);
                setPage(1);
              }}
              w={{ base: '100%', sm: 260 }}
            />
          </Group>
          <DataTable<StandingResponse>
            withTableBorder
            striped
            minHeight={160}
            aria-label={t('boards.board.standingsCaption', { name })}
            idAccessor="nominationId"
            records={standings.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE)}
            totalRecords={standings.length}
            recordsPerPage={PAGE_SIZE}
            page={page}
            onPageChange={setPage}
            paginationText={(range) => t('boards.board.pagination', pageRange(range, language))}
            noRecordsText={t('boards.board.noStandings')}
            rowExpansion={{
              trigger: 'never',
              allowMultiple: true,
              expanded: { recordIds: expanded, onRecordIdsChange: (ids: unknown[]) => setExpanded(ids as string[]) },
              content: ({ record }) => (
                <Stack p="sm">
                  <ScoreExplanation
                    nominationId={record.nominationId}
                    caption={t('boards.board.explainFor', { name: record.nominee.name })}
                    category={key.category}
                    tier={key.tier}
                    edition={edition.data}
                  />
                </Stack>
              ),
            }}
            columns={[
              { accessor: 'rank', title: t('boards.board.rank'), textAlign: 'right', width: 90 },
              {
                accessor: 'title',
                title: t('boards.board.titleCol'),
                render: (s) => (s.title ? <ToneBadge tone="gold">{s.title}</ToneBadge> : ''),
              },
              { accessor: 'nominee.name', title: t('boards.board.nominee') },
              { accessor: 'total', title: t('boards.board.total'), textAlign: 'right', render: (s) => formatScore(s.total, language) },
              {
                accessor: 'status',
                title: t('boards.board.status'),
                render: (s) => <ToneBadge tone={s.status === 'final' ? 'ok' : 'warn'}>{t(`boards.${s.status}`)}</ToneBadge>,
              },
              {
                accessor: 'explain',
                title: t('boards.board.explain'),
                render: (s) => {
                  const open = expanded.includes(s.nominationId);
                  return (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      aria-expanded={open}
                      aria-label={open ? t('boards.board.hideExplain') : t('boards.board.explainFor', { name: s.nominee.name })}
                      onClick={() => setExpanded(open ? expanded.filter((id) => id !== s.nominationId) : [...expanded, s.nominationId])}
                    >
                      {open ? t('boards.board.hideExplain') : t('boards.board.explain')}
                    </Button>
                  );
                },
              },
            ]}
          />
        </Stack>
      </Card>
      <Card withBorder>
        <Title order={2} size="h4" mb="sm">
          {t('boards.board.ineligible')}
        </Title>
        {b.ineligible.length === 0 ? (
          <Text size="sm">{t('boards.board.noIneligible')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={480}>
            <Table>
              <Table.Caption>{t('boards.board.ineligibleCaption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('boards.board.nominee')}</Table.Th>
                  <Table.Th scope="col">{t('boards.board.reasons')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {b.ineligible.map((i) => (
                  <Table.Tr key={i.nominationId}>
                    <Table.Th scope="row" fw={400}>
                      {i.nominee.name}
                    </Table.Th>
                    <Table.Td>{i.reasons.join('; ')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
    </Page>
  );
}
