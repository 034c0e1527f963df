import { ActionIcon, Group, Progress, Select, Stack, Text, Tooltip } from '@mantine/core';
import { IconFileSpreadsheet, IconMail, IconTable } from '@tabler/icons-react';
import { DataTable } from 'mantine-datatable';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { fetchText } from '../../api/client';
import { useEditions } from '../../api/intake';
import { useProvinceNames } from '../../api/regions';
import { useBoardProgress } from '../../api/secretariat';
import { download } from '../../components/csv';
import { Page } from '../../components/Page';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n';
import { ToneBadge } from '../../components/ToneBadge';
import { formatDate, pageRange } from '../../i18n/format';
import { filterBoards, progressOf, type BoardFilter } from './board-filter';

const PAGE_SIZE = 50;

/** A board's CSV (standings) or its scores' CSV (every assessor), saved under a file name of the board. */
async function exportCsv(kind: 'board' | 'scores', boardId: string): Promise<void> {
  const path =
    kind === 'board'
      ? `/api/ranking/v1/boards/${encodeURIComponent(boardId)}/export`
      : `/api/scoring/v1/scores/export?boardId=${encodeURIComponent(boardId)}`;
  download(`${kind === 'board' ? 'papan' : 'nilai'}-${boardId.replace(/:/g, '-')}.csv`, await fetchText(path));
}

export function StatusBadge({ status }: { status: string }) {
  const { t } = useI18n();
  return (
    <ToneBadge tone={status === 'published' ? 'ok' : 'info'} miw={90}>
      {t(`admin.boards.${status === 'published' ? 'published' : 'open'}`)}
    </ToneBadge>
  );
}

/** Every board of an edition across the provinces and the national round: status, progress, exports and email log. */
export function BoardsPage() {
  const { t, language } = useI18n();
  const [params, setParams] = useSearchParams();
  const editions = useEditions();
  const edition = params.get('edisi') ?? editions.data?.[0]?.code;
  const progress = useBoardProgress(edition);
  const names = useProvinceNames();
  const [exportError, setExportError] = useState<unknown>();
  const [page, setPage] = useState(1);
  const current = editions.data?.find((e) => e.code === edition);
  const categoryName = (code: string) => current?.categories.find((c) => c.code === code)?.name ?? code;
  const zoneName = (code: string) => current?.zones.find((z) => z.code === code)?.name ?? code;
  const scopeName = (tier: string, scope: string) =>
    tier === 'provincial' ? (names.data?.get(scope) ?? scope) : scope === 'national' ? t('admin.boards.national') : zoneName(scope);

  const filter: BoardFilter = {
    tier: params.get('tingkat') ?? undefined,
    province: params.get('provinsi') ?? undefined,
    category: params.get('kategori') ?? undefined,
    status: params.get('status') ?? undefined,
  };
  const set = (key: string, value: string | null) => {
    setPage(1);
    setParams(
      (now) => {
        const next = new URLSearchParams(now);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  };
  const boards = filterBoards(progress.data?.boards ?? [], filter);
  const run = (kind: 'board' | 'scores', boardId: string) => {
    setExportError(undefined);
    exportCsv(kind, boardId).catch(setExportError);
  };
  const label = (b: { tier: string; scope: string; category: string }) => `${categoryName(b.category)} — ${scopeName(b.tier, b.scope)}`;

  return (
    <Page title={t('admin.boards.title')}>
      {exportError !== undefined && <ProblemAlert error={exportError} />}
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Select
          label={t('admin.dashboard.edition')}
          data={(editions.data ?? []).map((e) => ({ value: e.code, label: e.name }))}
          value={edition ?? null}
          onChange={(value) => set('edisi', value)}
          allowDeselect={false}
          w={{ base: '100%', sm: 220 }}
        />
        <Select
          label={t('admin.boards.tier')}
          placeholder={t('admin.boards.all')}
          data={(['provincial', 'national'] as const).map((value) => ({ value, label: t(`tier.${value}`) }))}
          value={filter.tier ?? null}
          onChange={(value) => set('tingkat', value)}
          clearable
          w={{ base: '100%', sm: 160 }}
        />
        <Select
          label={t('admin.boards.province')}
          placeholder={t('admin.boards.all')}
          data={[...(names.data ?? new Map<string, string>())].map(([value, name]) => ({ value, label: name }))}
          value={filter.province ?? null}
          onChange={(value) => set('provinsi', value)}
          clearable
          searchable
          w={{ base: '100%', sm: 220 }}
        />
        <Select
          label={t('admin.boards.category')}
          placeholder={t('admin.boards.all')}
          data={(current?.categories ?? []).map((c) => ({ value: c.code, label: c.name }))}
          value={filter.category ?? null}
          onChange={(value) => set('kategori', value)}
          clearable
          w={{ base: '100%', sm: 260 }}
        />
        <Select
          label={t('admin.boards.status')}
          placeholder={t('admin.boards.all')}
          data={(['open', 'published'] as const).map((value) => ({ value, label: t(`admin.boards.${value}`) }))}
          value={filter.status ?? null}
          onChange={(value) => set('status', value)}
          clearable
          w={{ base: '100%', sm: 160 }}
        />
      </Group>
      {editions.error || progress.error ? (
        <ProblemAlert
          error={editions.error ?? progress.error}
          onRetry={() => void (editions.error ? editions.refetch() : progress.refetch())}
        />
      ) : (
        <Stack gap={4}>
          <Text size="sm" c="dimmed" role="status">
            {t('admin.boards.count', { count: boards.length })}
          </Text>
          <DataTable
            aria-label={t('admin.boards.caption', { edition: current?.name ?? edition ?? '' })}
            withTableBorder
            striped
            highlightOnHover
            minHeight={180}
            fetching={progress.isFetching || editions.isPending}
            idAccessor="boardId"
            records={boards.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE)}
            totalRecords={boards.length}
            recordsPerPage={PAGE_SIZE}
            page={page}
            onPageChange={setPage}
            paginationText={(range) => t('list.pagination', pageRange(range, language))}
            noRecordsText={t('admin.boards.empty')}
            columns={[
              {
                accessor: 'category',
                title: t('admin.boards.board'),
                render: (b) => <Link to={`/papan/${encodeURIComponent(b.boardId)}`}>{label(b)}</Link>,
              },
              { accessor: 'tier', title: t('admin.boards.tier'), render: (b) => t(`tier.${b.tier}`) },
              { accessor: 'status', title: t('admin.boards.status'), render: (b) => <StatusBadge status={b.status} /> },
              {
                accessor: 'final',
                title: t('admin.boards.progress'),
                width: 200,
                render: (b) => {
                  const p = progressOf(b);
                  return (
                    <Stack gap={2}>
                      <Text size="sm">
                        {t('admin.boards.progressOf', { settled: p.settled, standing: p.standing })}
                        {b.provisional > 0 && (
                          <Text span size="xs" c="dimmed">
                            {' '}
                            · {t('admin.boards.provisional', { count: b.provisional })}
                          </Text>
                        )}
                      </Text>
                      <Progress
                        value={p.fraction * 100}
                        size="sm"
                        aria-label={t('admin.boards.progressOf', { settled: p.settled, standing: p.standing })}
                      />
                    </Stack>
                  );
                },
              },
              {
                accessor: 'publishedAt',
                title: t('admin.boards.publishedAt'),
                render: (b) => (b.publishedAt ? formatDate(b.publishedAt, language) : '—'),
              },
              {
                accessor: 'boardId',
                title: t('admin.boards.actions'),
                textAlign: 'right',
                render: (b) => (
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    <Tooltip label={t('admin.boards.boardCsv')}>
                      <ActionIcon
                        variant="subtle"
                        aria-label={t('admin.boards.boardCsvOf', { board: label(b) })}
                        onClick={() => run('board', b.boardId)}
                      >
                        <IconTable size={18} aria-hidden />
                      </ActionIcon>
                    </Tooltip>
                    <Tooltip label={t('admin.boards.scoresCsv')}>
                      <ActionIcon
                        variant="subtle"
                        aria-label={t('admin.boards.scoresCsvOf', { board: label(b) })}
                        onClick={() => run('scores', b.boardId)}
                      >
                        <IconFileSpreadsheet size={18} aria-hidden />
                      </ActionIcon>
                    </Tooltip>
                    {b.status === 'published' && (
                      <Tooltip label={t('admin.boards.deliveries')}>
                        <ActionIcon
                          component={Link}
                          to={`/email?papan=${encodeURIComponent(b.boardId)}`}
                          variant="subtle"
                          aria-label={t('admin.boards.deliveriesOf', { board: label(b) })}
                        >
                          <IconMail size={18} aria-hidden />
                        </ActionIcon>
                      </Tooltip>
                    )}
                  </Group>
                ),
              },
            ]}
          />
        </Stack>
      )}
    </Page>
  );
}
