import { Group, Progress, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { DataTable } from 'mantine-datatable';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useAssessmentProgress, useBoards, type BoardSummary } from '../../api/boards';
import { useCurrentEdition, useEdition, useEditions, type Edition } from '../../api/intake';
import { useProvinceNames } from '../../api/regions';
import { useAuth } from '../../auth/AuthProvider';
import { Page } from '../../components/Page';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n';
import { ToneBadge } from '../../components/ToneBadge';
import { formatDate, pageRange } from '../../i18n/format';

const PAGE_SIZE = 25;

/** The names a board is shown with: its category, and its province, zone or "national". */
export function useBoardNames(edition: Edition | undefined) {
  const { t } = useI18n();
  const provinces = useProvinceNames();
  return {
    category: (code: string) => edition?.categories.find((c) => c.code === code)?.name ?? code,
    scope: (board: { tier: string; scope: string }) =>
      board.tier === 'provincial'
        ? (provinces.data?.get(board.scope) ?? board.scope)
        : board.scope === 'national'
          ? t('boards.national')
          : (edition?.zones.find((z) => z.code === board.scope)?.name ?? board.scope),
  };
}

export function BoardStatusBadge({ status }: { status: 'open' | 'published' }) {
  const { t } = useI18n();
  return (
    <ToneBadge tone={status === 'published' ? 'ok' : 'info'} miw={90}>
      {t(`boards.${status}`)}
    </ToneBadge>
  );
}

/** The panel's progress on one board, round by round (scoring's count against minAssessors). */
export function PanelProgress({ boardId }: { boardId: string }) {
  const { t } = useI18n();
  const progress = useAssessmentProgress(boardId);
  const [editionCode, tier, , categoryCode] = boardId.split(':');
  const edition = useEdition(editionCode);
  const rubric = edition.data?.categories.find((c) => c.code === categoryCode)?.rubrics[tier as 'provincial' | 'national'];
  const roundName = (code: string) => rubric?.criteria.find((c) => c.code === code)?.name ?? code;
  if (progress.error) return <Text size="xs">—</Text>;
  if (!progress.data) return <Text size="xs">{t('app.loading')}</Text>;
  const { rounds, nominations, minAssessors } = progress.data;
  if (rounds.length === 0) return <Text size="xs">{t('boards.noPanel')}</Text>;
  return (
    <Text size="xs">
      {t('boards.panel', {
        rounds: rounds.map((r) => t('boards.round', { round: roundName(r.round), assessed: r.assessed, of: nominations })).join(', '),
        min: minAssessors,
      })}
    </Text>
  );
}

function Counts({ board }: { board: BoardSummary }) {
  const { t } = useI18n();
  const { final, provisional, ineligible } = board.counts;
  const standing = final + provisional;
  return (
    <Stack gap={4} miw={180}>
      <Progress
        value={standing === 0 ? 0 : (final / standing) * 100}
        color={provisional === 0 && standing > 0 ? 'green' : 'yellow'}
        aria-label={t('boards.progress')}
      />
      <Text size="xs">{t('boards.counts', { final, provisional, ineligible })}</Text>
    </Stack>
  );
}

/** The boards of the reader's scope with their progress; a panel chair of a province sees its provincial boards, the national chair the national ones. */
export function BoardsPage() {
  const { t, language } = useI18n();
  const { principal } = useAuth();
  const navigate = useNavigate();
  const editions = useEditions();
  const current = useCurrentEdition();
  const [editionCode, setEditionCode] = useState<string | null>(null);
  const [tier, setTier] = useState<'provincial' | 'national'>(principal!.provinces.length > 0 ? 'provincial' : 'national');
  const [page, setPage] = useState(1);
  const edition = editions.data?.find((e) => e.code === editionCode) ?? current.data;
  const boards = useBoards({ edition: edition?.code, tier }, !!edition);
  const names = useBoardNames(edition);
  const mayReadProgress = ['panel-chair', 'secretariat', 'admin'].includes(principal!.role);
  const records = boards.data ?? [];

  return (
    <Page title={t('boards.title')}>
      <Text c="dimmed">{t('boards.lead')}</Text>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Select
          label={t('boards.edition')}
          data={(editions.data ?? []).map((e) => ({ value: e.code, label: e.name }))}
          value={edition?.code ?? null}
          onChange={(value) => {
            setEditionCode(value);
            setPage(1);
          }}
          allowDeselect={false}
          w={{ base: '100%', sm: 260 }}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="tier-label">
            {t('boards.tier')}
          </Text>
          <SegmentedControl
            aria-labelledby="tier-label"
            value={tier}
            onChange={(value) => {
              setTier(value as 'provincial' | 'national');
              setPage(1);
            }}
            data={(['provincial', 'national'] as const).map((value) => ({ value, label: t(`tier.${value}`) }))}
          />
        </Stack>
      </Group>
      {editions.error || boards.error ? (
        <ProblemAlert
          error={editions.error ?? boards.error}
          onRetry={() => void (editions.error ? editions.refetch() : boards.refetch())}
        />
      ) : (
        <DataTable<BoardSummary>
          withTableBorder
          striped
          highlightOnHover
          minHeight={180}
          aria-label={t('boards.caption', { edition: edition?.name ?? '' })}
          fetching={boards.isFetching || editions.isPending}
          idAccessor="boardId"
          records={records.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE)}
          totalRecords={records.length}
          recordsPerPage={PAGE_SIZE}
          page={page}
          onPageChange={setPage}
          paginationText={(range) => t('boards.board.pagination', pageRange(range, language))}
          noRecordsText={t('boards.empty')}
          onRowClick={({ record }) => navigate(`/papan/${encodeURIComponent(record.boardId)}`)}
          columns={[
            {
              accessor: 'category',
              title: t('boards.category'),
              render: (b) => (
                <Link
                  to={`/papan/${encodeURIComponent(b.boardId)}`}
                  aria-label={t('boards.open_board', { name: `${names.category(b.category)}, ${names.scope(b)}` })}
                >
                  {names.category(b.category)}
                </Link>
              ),
            },
            { accessor: 'scope', title: t('boards.scope'), render: (b) => names.scope(b) },
            { accessor: 'counts', title: t('boards.progress'), render: (b) => <Counts board={b} /> },
            ...(mayReadProgress
              ? [{ accessor: 'panel', title: t('boards.panelColumn'), render: (b: BoardSummary) => <PanelProgress boardId={b.boardId} /> }]
              : []),
            {
              accessor: 'status',
              title: t('boards.status'),
              render: (b) => (
                <Stack gap={2}>
                  <BoardStatusBadge status={b.status} />
                  {b.publishedAt && <Text size="xs">{t('boards.publishedOn', { date: formatDate(b.publishedAt, language) })}</Text>}
                </Stack>
              ),
            },
          ]}
        />
      )}
    </Page>
  );
}
