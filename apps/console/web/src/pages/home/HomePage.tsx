import { Alert, Button, Card, Group, Loader, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useCurrentEdition, useNominationCounts, type Edition } from '../../api/intake';
import { useProvinceNames } from '../../api/regions';
import { useAuth } from '../../auth/AuthProvider';
import { AssessorHome } from '../assessments/AssessorHome';
import { Page } from '../../components/Page';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n';
import { formatDate, formatNumber } from '../../i18n/format';
import { NationalDashboard } from '../secretariat/NationalDashboard';

const STATUSES = ['submitted', 'withdrawn'] as const;

/** The provincial submission window of the edition, said as a sentence. */
export function WindowNotice({ edition }: { edition: Edition }) {
  const { t, language } = useI18n();
  const { submissionsOpen, submissionsClose } = edition.schedule.provincial;
  const now = Date.now();
  const open = formatDate(submissionsOpen, language);
  const close = formatDate(submissionsClose, language);
  if (now < Date.parse(submissionsOpen)) return <Alert color="blue">{t('home.windowUpcoming', { open })}</Alert>;
  if (now > Date.parse(submissionsClose)) return <Alert color="gray">{t('home.windowClosed', { close })}</Alert>;
  return <Alert color="green">{t('home.windowOpen', { open, close })}</Alert>;
}

/** How many nominations each category holds in the reader's provinces, by status (intake's counts, within the token's scope). */
function NominationCounts({ edition }: { edition: Edition }) {
  const { t, language } = useI18n();
  const categories = edition.categories.filter((c) => c.tiers.includes('provincial'));
  const counts = useNominationCounts(edition.code);
  if (counts.error) return <ProblemAlert error={counts.error} onRetry={() => void counts.refetch()} />;
  const count = (category: string, status: (typeof STATUSES)[number]) =>
    counts.data?.categories.filter((c) => c.tier === 'provincial' && c.category === category).reduce((sum, c) => sum + c[status], 0);
  return (
    <Table.ScrollContainer minWidth={340}>
      <Table striped highlightOnHover captionSide="top">
        <Table.Caption>{t('home.byCategory')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('home.category')}</Table.Th>
            {STATUSES.map((s) => (
              <Table.Th key={s} scope="col" ta="right">
                {t(`home.${s}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {categories.map((category) => (
            <Table.Tr key={category.code}>
              <Table.Th scope="row" fw={400}>
                <Link to={`/nominasi?kategori=${encodeURIComponent(category.code)}`}>{category.name}</Link>
              </Table.Th>
              {STATUSES.map((status) => {
                const n = count(category.code, status);
                return (
                  <Table.Td key={status} ta="right">
                    {n === undefined ? <Loader size="xs" aria-label={t('app.loading')} /> : formatNumber(n, language)}
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Each role's home: the national dashboard for the secretariat and admin, the queue for assessors, its provinces' nominations for the others. */
export function HomePage() {
  const { principal } = useAuth();
  if (principal!.role === 'secretariat' || principal!.role === 'admin') return <NationalDashboard />;
  return principal!.role === 'assessor' ? <AssessorHome /> : <ScopeHome />;
}

function ScopeHome() {
  const { t } = useI18n();
  const { principal } = useAuth();
  const edition = useCurrentEdition();
  const provinces = useProvinceNames();
  const scope = principal!.provinces.map((code) => provinces.data?.get(code) ?? code).join(', ');

  return (
    <Page title={t('home.greeting', { name: principal!.name })}>
      <Text c="dimmed">{principal!.provinces.length > 0 ? t('home.scope', { provinces: scope }) : t('home.national')}</Text>
      {edition.error ? (
        <ProblemAlert error={edition.error} onRetry={() => void edition.refetch()} />
      ) : edition.isPending ? (
        <Loader aria-label={t('app.loading')} />
      ) : !edition.data ? (
        <Alert color="yellow">{t('home.noEdition')}</Alert>
      ) : (
        <Stack gap="md">
          <Card withBorder>
            <Group justify="space-between" wrap="wrap">
              <Stack gap={2}>
                <Text size="sm" c="dimmed">
                  {t('home.edition')}
                </Text>
                <Title order={2} size="h3">
                  {edition.data.name}
                </Title>
              </Stack>
              {principal!.role === 'regional-office' && (
                <Group gap="xs">
                  <Button component={Link} to="/nominasi/baru">
                    {t('nav.newNomination')}
                  </Button>
                  <Button component={Link} to="/impor" variant="light">
                    {t('nav.import')}
                  </Button>
                </Group>
              )}
            </Group>
          </Card>
          <WindowNotice edition={edition.data} />
          <SimpleGrid cols={1}>
            <NominationCounts edition={edition.data} />
          </SimpleGrid>
        </Stack>
      )}
    </Page>
  );
}
