import { Alert, Card, Group, Loader, SegmentedControl, Select, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useEditions } from '../../api/intake';
import { useProvinceNames } from '../../api/regions';
import { useNationalCounts } from '../../api/secretariat';
import { useAuth } from '../../auth/AuthProvider';
import { Page } from '../../components/Page';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { provinceRows, type ProvinceRow } from './national-stats';

type Tier = 'provincial' | 'national';

function Figure({ label, value, of }: { label: string; value: number; of?: number }) {
  const { t, language } = useI18n();
  return (
    <Card withBorder padding="sm">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl">
        {formatNumber(value, language)}
      </Text>
      {of !== undefined && (
        <Text size="xs" c="dimmed">
          {t('admin.dashboard.ofTotal', { total: formatNumber(of, language) })}
        </Text>
      )}
    </Card>
  );
}

/** The secretariat's and admin's home: every province's progress in an edition, from each service's own counts. */
export function NationalDashboard() {
  const { t, language } = useI18n();
  const { principal } = useAuth();
  const editions = useEditions();
  const [chosen, setChosen] = useState<string | null>(null);
  const [tier, setTier] = useState<Tier>('provincial');
  const edition = chosen ?? editions.data?.[0]?.code;
  const counts = useNationalCounts(edition);
  const names = useProvinceNames();
  const failed = Object.values(counts).find((q) => q.error);
  const loading = Object.values(counts).some((q) => q.isPending);
  const n = (value: number) => formatNumber(value, language);

  const table =
    !loading && !failed
      ? provinceRows(tier, tier === 'provincial' ? [...(names.data?.keys() ?? [])] : [], {
          nominations: counts.nominations.data!.provinces,
          scores: counts.scores.data!.provinces,
          boards: counts.boards.data!.boards,
          deliveries: counts.deliveries.data!.provinces,
        })
      : undefined;
  const national = table && !loading && !failed ? counts.boards.data!.boards.filter((b) => b.tier === 'national') : [];

  const cells = (r: ProvinceRow) => (
    <>
      <Table.Td ta="right">{n(r.nominations)}</Table.Td>
      <Table.Td ta="right">{n(r.withdrawn)}</Table.Td>
      <Table.Td ta="right">{n(r.scored)}</Table.Td>
      <Table.Td ta="right">{n(r.final)}</Table.Td>
      <Table.Td ta="right">{n(r.ineligible)}</Table.Td>
      {tier === 'provincial' && (
        <Table.Td ta="right">{t('admin.dashboard.boardsOf', { published: n(r.published), boards: n(r.boards) })}</Table.Td>
      )}
      <Table.Td ta="right">
        {n(r.sent)}
        {r.failed > 0 && (
          <Text span c="red" size="xs">
            {' '}
            ({t('admin.dashboard.emailsFailed', { count: r.failed })})
          </Text>
        )}
        {r.pending > 0 && (
          <Text span c="dimmed" size="xs">
            {' '}
            ({t('admin.dashboard.emailsPending', { count: r.pending })})
          </Text>
        )}
      </Table.Td>
    </>
  );

  return (
    <Page title={t('home.greeting', { name: principal!.name })}>
      <Text c="dimmed">{t('home.national')}</Text>
      {editions.error ? (
        <ProblemAlert error={editions.error} onRetry={() => void editions.refetch()} />
      ) : editions.isPending ? (
        <Loader aria-label={t('app.loading')} />
      ) : !edition ? (
        <Alert color="yellow">
          {t('admin.dashboard.noEdition')} <Link to="/edisi/baru">{t('admin.editions.new')}</Link>
        </Alert>
      ) : (
        <Stack gap="md">
          <Group gap="sm" align="flex-end" wrap="wrap">
            <Select
              label={t('admin.dashboard.edition')}
              data={editions.data.map((e) => ({ value: e.code, label: e.name }))}
              value={edition}
              onChange={setChosen}
              allowDeselect={false}
              w={{ base: '100%', sm: 280 }}
            />
            <Stack gap={4}>
              <Text size="sm" fw={500} id="tingkat-dasbor">
                {t('admin.dashboard.tier')}
              </Text>
              <SegmentedControl
                aria-labelledby="tingkat-dasbor"
                value={tier}
                onChange={(value) => setTier(value as Tier)}
                data={(['provincial', 'national'] as const).map((value) => ({ value, label: t(`tier.${value}`) }))}
              />
            </Stack>
          </Group>
          {failed ? (
            <ProblemAlert error={failed.error} onRetry={() => Object.values(counts).forEach((q) => void q.refetch())} />
          ) : !table ? (
            <Loader aria-label={t('app.loading')} />
          ) : (
            <>
              <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="sm">
                <Figure label={t('admin.dashboard.cards.nominations')} value={table.total.nominations} />
                <Figure label={t('admin.dashboard.cards.scored')} value={table.total.scored} of={table.total.nominations} />
                <Figure label={t('admin.dashboard.cards.final')} value={table.total.final} of={table.total.scored} />
                {tier === 'provincial' ? (
                  <Figure label={t('admin.dashboard.cards.published')} value={table.total.published} of={table.total.boards} />
                ) : (
                  <Figure
                    label={t('admin.dashboard.cards.published')}
                    value={national.filter((b) => b.status === 'published').length}
                    of={national.length}
                  />
                )}
                <Figure
                  label={t('admin.dashboard.cards.sent')}
                  value={table.total.sent}
                  of={table.total.sent + table.total.failed + table.total.pending}
                />
              </SimpleGrid>
              <Table.ScrollContainer minWidth={860}>
                <Table striped highlightOnHover captionSide="top" stickyHeader>
                  <Table.Caption>{t('admin.dashboard.caption', { tier: t(`tier.${tier}`).toLowerCase() })}</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('admin.dashboard.province')}</Table.Th>
                      <Table.Th scope="col" ta="right">
                        {t('admin.dashboard.nominations')}
                      </Table.Th>
                      <Table.Th scope="col" ta="right">
                        {t('admin.dashboard.withdrawn')}
                      </Table.Th>
                      <Table.Th scope="col" ta="right">
                        {t('admin.dashboard.scored')}
                      </Table.Th>
                      <Table.Th scope="col" ta="right">
                        {t('admin.dashboard.final')}
                      </Table.Th>
                      <Table.Th scope="col" ta="right">
                        {t('admin.dashboard.ineligible')}
                      </Table.Th>
                      {tier === 'provincial' && (
                        <Table.Th scope="col" ta="right">
                          {t('admin.dashboard.boards')}
                        </Table.Th>
                      )}
                      <Table.Th scope="col" ta="right">
                        {t('admin.dashboard.emails')}
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {table.rows.map((r) => (
                      <Table.Tr key={r.province}>
                        <Table.Th scope="row" fw={400}>
                          {tier === 'provincial' ? (
                            <Link to={`/semua-papan?tingkat=provincial&provinsi=${r.province}`}>
                              {names.data?.get(r.province) ?? r.province}
                            </Link>
                          ) : (
                            (names.data?.get(r.province) ?? r.province)
                          )}
                        </Table.Th>
                        {cells(r)}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                  <Table.Tfoot>
                    <Table.Tr>
                      <Table.Th scope="row">{t('admin.dashboard.total')}</Table.Th>
                      {cells(table.total)}
                    </Table.Tr>
                  </Table.Tfoot>
                </Table>
              </Table.ScrollContainer>
              <Text size="xs" c="dimmed">
                {t('admin.dashboard.hint')}
              </Text>
            </>
          )}
        </Stack>
      )}
    </Page>
  );
}
