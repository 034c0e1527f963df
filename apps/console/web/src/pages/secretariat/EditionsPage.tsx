import { Button, Loader, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useEditions } from '../../api/intake';
import { Page } from '../../components/Page';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n';
import { formatDate } from '../../i18n/format';

/** Every edition, newest first, each opening its readable definition. */
export function EditionsPage() {
  const { t, language } = useI18n();
  const editions = useEditions();
  return (
    <Page
      title={t('admin.editions.title')}
      actions={
        <Button component={Link} to="/edisi/baru" leftSection={<IconPlus size={16} aria-hidden />}>
          {t('admin.editions.new')}
        </Button>
      }
    >
      {editions.error ? (
        <ProblemAlert error={editions.error} onRetry={() => void editions.refetch()} />
      ) : editions.isPending ? (
        <Loader aria-label={t('app.loading')} />
      ) : editions.data.length === 0 ? (
        <Text c="dimmed">{t('admin.editions.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped highlightOnHover captionSide="top">
            <Table.Caption>{t('admin.editions.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('admin.editions.name')}</Table.Th>
                <Table.Th scope="col">{t('admin.editions.code')}</Table.Th>
                <Table.Th scope="col">{t('admin.editions.period')}</Table.Th>
                <Table.Th scope="col">{t('admin.editions.awardYear')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('admin.editions.categories')}
                </Table.Th>
                <Table.Th scope="col">{t('admin.editions.provincialWindow')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {editions.data.map((e) => (
                <Table.Tr key={e.code}>
                  <Table.Th scope="row" fw={500}>
                    <Link to={`/edisi/${encodeURIComponent(e.code)}`}>{e.name}</Link>
                  </Table.Th>
                  <Table.Td>{e.code}</Table.Td>
                  <Table.Td>{e.assessmentYear}</Table.Td>
                  <Table.Td>{e.awardYear}</Table.Td>
                  <Table.Td ta="right">{e.categories.length}</Table.Td>
                  <Table.Td>
                    {formatDate(e.schedule.provincial.submissionsOpen, language)} –{' '}
                    {formatDate(e.schedule.provincial.submissionsClose, language)}
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
