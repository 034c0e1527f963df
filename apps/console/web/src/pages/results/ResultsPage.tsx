import { Alert, Card, Group, Loader, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconSearch, IconTrophy } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { usePublicResults } from '../../api/boards';
import type { BoardResultResponse } from '../../api/generated/ranking/types.gen';
import { ApiError } from '../../api/problem';
import { Page } from '../../components/Page';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n';
import { ToneBadge } from '../../components/ToneBadge';
import { formatDate } from '../../i18n/format';
import { filterGroups, groupResults, type ResultGroup } from './results-grouping';

function Winners({ board }: { board: BoardResultResponse }) {
  const { t, language } = useI18n();
  return (
    <Table.ScrollContainer minWidth={300}>
      <Table>
        <Table.Caption>{t('results.caption', { category: board.categoryName, scope: board.scopeName })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w={120}>
              {t('results.titleCol')}
            </Table.Th>
            <Table.Th scope="col">{t('results.winner')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {board.winners.map((w) => (
            <Table.Tr key={`${w.rank}-${w.name}`}>
              <Table.Td>
                <ToneBadge tone={w.rank === 1 ? 'gold' : 'neutral'}>{w.title}</ToneBadge>
              </Table.Td>
              <Table.Th scope="row" fw={w.rank === 1 ? 700 : 400}>
                {w.name}
              </Table.Th>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed">
        {t('results.publishedOn', { date: formatDate(board.publishedAt, language) })}
      </Text>
    </Table.ScrollContainer>
  );
}

function ScopeResults({ group, headingOrder }: { group: ResultGroup<BoardResultResponse>; headingOrder: 3 }) {
  return (
    <Card withBorder component="section" aria-label={group.scopeName}>
      <Title order={headingOrder} size="h4" mb="sm">
        {group.scopeName}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        {group.boards.map((b) => (
          <Stack key={b.boardId} gap={4}>
            <Text fw={600} size="sm">
              {b.categoryName}
            </Text>
            <Winners board={b} />
          </Stack>
        ))}
      </SimpleGrid>
    </Card>
  );
}

/** The published winners of an edition, for anyone (no sign-in): national and zone winners, then each province by category. */
export function ResultsPage() {
  const { edition: asked } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const results = usePublicResults(asked);
  const [search, setSearch] = useState('');
  const edition = results.data?.edition;
  const title = edition ? t('results.titleEdition', { name: edition.name }) : t('results.title');

  if (results.error instanceof ApiError && results.error.status === 404)
    return (
      <Page title={t('results.title')}>
        <Alert color="blue">{t('results.notPublished', { edition: asked ?? '' })}</Alert>
      </Page>
    );
  if (results.error) return <ProblemAlert error={results.error} onRetry={() => void results.refetch()} />;
  if (!results.data) return <Loader aria-label={t('app.loading')} />;
  const { national, provinces } = groupResults(results.data.boards);
  const shown = filterGroups(provinces, search);

  return (
    <Page
      title={title}
      actions={
        results.data.editions.length > 1 && (
          <Select
            label={t('results.edition')}
            data={results.data.editions.map((e) => ({ value: e.code, label: e.name }))}
            value={edition?.code ?? null}
            onChange={(code) => code && navigate(`/hasil/${encodeURIComponent(code)}`)}
            allowDeselect={false}
            w={220}
          />
        )
      }
    >
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <IconTrophy size={20} aria-hidden />
        <Text>{t('results.lead')}</Text>
      </Group>
      {!edition ? (
        <Alert color="blue">{t('results.nothingYet')}</Alert>
      ) : (
        <>
          <Text size="sm" c="dimmed">
            {t('results.years', { assessment: edition.assessmentYear, award: edition.awardYear })}
          </Text>
          {national.length > 0 && (
            <Stack gap="sm">
              <Title order={2} size="h3">
                {t('results.national')}
              </Title>
              {national.map((g) => (
                <ScopeResults key={g.scope} group={g} headingOrder={3} />
              ))}
            </Stack>
          )}
          {provinces.length > 0 && (
            <Stack gap="sm">
              <Group justify="space-between" align="flex-end" wrap="wrap">
                <Stack gap={0}>
                  <Title order={2} size="h3">
                    {t('results.provinces')}
                  </Title>
                  <Text size="sm" c="dimmed">
                    {t('results.provinceCount', { count: provinces.length })}
                  </Text>
                </Stack>
                <TextInput
                  label={t('results.search')}
                  placeholder={t('results.searchPlaceholder')}
                  leftSection={<IconSearch size={16} aria-hidden />}
                  value={search}
                  onChange={(e) => setSearch(e.currentTarget.value)}
                  w={{ base: '100%', sm: 280 }}
                />
              </Group>
              {shown.length === 0 ? (
                <Text>{t('results.noMatch')}</Text>
              ) : (
                shown.map((g) => <ScopeResults key={g.scope} group={g} headingOrder={3} />)
              )}
            </Stack>
          )}
        </>
      )}
    </Page>
  );
}
