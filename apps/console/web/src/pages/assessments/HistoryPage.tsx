import { Alert, Badge, Group, Loader, Text } from '@mantine/core';
import { DataTable } from 'mantine-datatable';
import { useState } from 'react';
import { Link } from 'react-router';
import { useMyAssessments } from '../../api/assessments';
import type { MyAssessmentResponse } from '../../api/generated/scoring/types.gen';
import { useCurrentEdition } from '../../api/intake';
import { Page } from '../../components/Page';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n';
import { formatDateTime, pageRange } from '../../i18n/format';
import { formatPanelScore } from './AssessmentsTable';
import { roundCriteria, roundName, scoresText } from './queue';

const PAGE_SIZE = 25;

/** "Riwayat saya": every assessment the assessor saved in the edition, newest first, superseded ones marked. */
export function HistoryPage() {
  const { t, language } = useI18n();
  const edition = useCurrentEdition();
  const mine = useMyAssessments(edition.data?.code);
  const [page, setPage] = useState(1);
  const records = mine.data?.assessments ?? [];
  const categoryName = (code: string) => edition.data?.categories.find((c) => c.code === code)?.name ?? code;

  return (
    <Page title={t('assess.history.title')}>
      <Text c="dimmed">{t('assess.history.lead')}</Text>
      {edition.error || mine.error ? (
        <ProblemAlert error={edition.error ?? mine.error} onRetry={() => void (edition.error ? edition.refetch() : mine.refetch())} />
      ) : edition.isPending ? (
        <Loader aria-label={t('app.loading')} />
      ) : !edition.data ? (
        <Alert color="yellow">{t('home.noEdition')}</Alert>
      ) : (
        <DataTable<MyAssessmentResponse>
          withTableBorder
          striped
          minHeight={180}
          fetching={mine.isFetching}
          records={records.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE)}
          totalRecords={records.length}
          recordsPerPage={PAGE_SIZE}
          page={page}
          onPageChange={setPage}
          paginationText={(range) => t('list.pagination', pageRange(range, language))}
          noRecordsText={t('assess.history.empty')}
          columns={[
            { accessor: 'submittedAt', title: t('assess.assessments.submittedAt'), render: (a) => formatDateTime(a.submittedAt, language) },
            {
              accessor: 'nominationId',
              title: t('assess.history.nominee'),
              render: (a) => (
                <Link to={`/penilaian/${a.nominationId}?babak=${encodeURIComponent(a.round)}`}>
                  {a.nomination.nominee?.name ?? a.nominationId}
                </Link>
              ),
            },
            { accessor: 'nomination.category', title: t('assess.history.category'), render: (a) => categoryName(a.nomination.category) },
            {
              accessor: 'round',
              title: t('assess.assessments.round'),
              render: (a) => roundName(edition.data, a.nomination.category, a.nomination.tier, a.round),
            },
            {
              accessor: 'scores',
              title: t('assess.assessments.scores'),
              render: (a) =>
                a.conflictOfInterest
                  ? '—'
                  : scoresText(a.scores, roundCriteria(edition.data, a.nomination.category, a.nomination.tier, a.round), (v) =>
                      formatPanelScore(v, language),
                    ),
            },
            { accessor: 'comment', title: t('assess.assessments.comment'), render: (a) => a.comment ?? '—' },
            {
              accessor: 'current',
              title: t('assess.assessments.status'),
              render: (a) => (
                <Group gap={4}>
                  <Badge color={a.current ? 'green' : 'gray'} variant="dot" tt="none" miw={100}>
                    {t(a.current ? 'assess.assessments.current' : 'assess.assessments.superseded')}
                  </Badge>
                  {a.conflictOfInterest && (
                    <Badge color="orange" variant="dot" tt="none">
                      {t('assess.assessments.conflict')}
                    </Badge>
                  )}
                  {a.nomination.withdrawnAt && (
                    <Badge color="red" variant="dot" tt="none">
                      {t('assess.history.withdrawn')}
                    </Badge>
                  )}
                </Group>
              ),
            },
          ]}
        />
      )}
    </Page>
  );
}
