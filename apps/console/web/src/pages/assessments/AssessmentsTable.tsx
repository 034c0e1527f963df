import { Alert, Badge, Group, Loader, Table, Text } from '@mantine/core';
import { useNominationAssessments } from '../../api/assessments';
import type { Edition } from '../../api/intake';
import { useAuth } from '../../auth/AuthProvider';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { roundCriteria, roundName, scoresText } from './queue';

/** A panel score as written: whole numbers plain, others to two decimals. */
export const formatPanelScore = (value: number, language: 'id' | 'en') => formatNumber(value, language, Number.isInteger(value) ? 0 : 2);

/** The assessments of a nomination the reader may see; for an assessor, why others' are hidden in rounds they have not scored. */
export function AssessmentsTable({
  nominationId,
  edition,
  category,
  tier,
}: {
  nominationId: string;
  edition: Edition | undefined;
  category: string;
  tier: string;
}) {
  const { t, language } = useI18n();
  const { principal } = useAuth();
  const assessments = useNominationAssessments(nominationId);
  if (assessments.error) return <ProblemAlert error={assessments.error} onRetry={() => void assessments.refetch()} />;
  if (!assessments.data) return <Loader aria-label={t('app.loading')} />;
  const name = (round: string) => roundName(edition, category, tier, round);
  const { withheldRounds } = assessments.data;
  return (
    <>
      {withheldRounds.length > 0 && (
        <Alert color="blue">{t('assess.assessments.withheld', { rounds: withheldRounds.map(name).join(', ') })}</Alert>
      )}
      {assessments.data.assessments.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('assess.assessments.none')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped captionSide="top">
            <Table.Caption>{t('assess.assessments.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('assess.assessments.submittedAt')}</Table.Th>
                <Table.Th scope="col">{t('assess.assessments.assessor')}</Table.Th>
                <Table.Th scope="col">{t('assess.assessments.round')}</Table.Th>
                <Table.Th scope="col">{t('assess.assessments.scores')}</Table.Th>
                <Table.Th scope="col">{t('assess.assessments.comment')}</Table.Th>
                <Table.Th scope="col">{t('assess.assessments.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {assessments.data.assessments.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>{formatDateTime(a.submittedAt, language)}</Table.Td>
                  <Table.Td>
                    {a.assessor === principal?.sub ? t('assess.assessments.you', { name: a.assessorName }) : a.assessorName}
                  </Table.Td>
                  <Table.Td>{name(a.round)}</Table.Td>
                  <Table.Td>
                    {a.conflictOfInterest
                      ? '—'
                      : scoresText(a.scores, roundCriteria(edition, category, tier, a.round), (v) => formatPanelScore(v, language))}
                  </Table.Td>
                  <Table.Td>{a.comment ?? '—'}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      <Badge color={a.current ? 'green' : 'gray'} variant="dot" tt="none" miw={100}>
                        {t(a.current ? 'assess.assessments.current' : 'assess.assessments.superseded')}
                      </Badge>
                      {a.conflictOfInterest && (
                        <Badge color="orange" variant="dot" tt="none">
                          {t('assess.assessments.conflict')}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </>
  );
}
