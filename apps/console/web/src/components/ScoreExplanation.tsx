import { Loader, Table, Text } from '@mantine/core';
import type { Edition } from '../api/intake';
import { useScore } from '../api/results';
import { useI18n } from '../i18n';
import { formatNumber, formatScore } from '../i18n/format';
import { ProblemAlert } from './ProblemAlert';

/**
 * A nomination's score, criterion by criterion (scoring's explanation), the criteria named as the
 * rubric of its category and tier names them, with the reasons when it is ineligible.
 */
export function ScoreExplanation({
  nominationId,
  caption,
  category,
  tier,
  edition,
}: {
  nominationId: string;
  caption: string;
  category: string;
  tier: 'provincial' | 'national';
  edition?: Edition;
}) {
  const { t, language } = useI18n();
  const score = useScore(nominationId);
  const criteria = edition?.categories.find((c) => c.code === category)?.rubrics[tier]?.criteria ?? [];
  if (score.error) return <ProblemAlert error={score.error} onRetry={() => void score.refetch()} />;
  if (score.data === undefined) return <Loader size="sm" aria-label={t('app.loading')} />;
  if (score.data === null) return <Text size="sm">{t('timeline.waitingScore')}</Text>;
  const value = (v: number | string | null) =>
    v === null ? '—' : typeof v === 'number' ? formatNumber(v, language, Number.isInteger(v) ? 0 : 2) : v;
  return (
    <Table.ScrollContainer minWidth={360}>
      <Table fz="sm" captionSide="top">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('score.criterion')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('score.weight')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('score.subScore')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('score.contribution')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {score.data.criteria.map((c) => (
            <Table.Tr key={c.code}>
              <Table.Th scope="row" fw={400}>
                {criteria.find((r) => r.code === c.code)?.name ?? c.code}
                <Text span size="xs" c="dimmed">
                  {' '}
                  ({value(c.value)})
                </Text>
              </Table.Th>
              <Table.Td ta="right">{formatNumber(c.weight, language)}</Table.Td>
              <Table.Td ta="right">{formatScore(c.subScore, language)}</Table.Td>
              <Table.Td ta="right">{formatScore(c.contribution, language)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th scope="row">{t('score.total')}</Table.Th>
            <Table.Td />
            <Table.Td />
            <Table.Td ta="right" fw={700}>
              {formatScore(score.data.total, language)}
            </Table.Td>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
      {score.data.reasons.length > 0 && <Text size="sm">{t('score.reasons', { reasons: score.data.reasons.join('; ') })}</Text>}
    </Table.ScrollContainer>
  );
}
