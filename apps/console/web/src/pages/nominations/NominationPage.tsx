import { Badge, Button, Card, Group, Loader, Modal, SimpleGrid, Stack, Text, Textarea, Timeline, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconClock } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useEdition, useNomination, useWithdrawNomination, type Edition, type Nomination } from '../../api/intake';
import { useProvinceNames } from '../../api/regions';
import { boardIdOf, useBoard, useScore } from '../../api/results';
import { useAuth } from '../../auth/AuthProvider';
import { Page } from '../../components/Page';
import { ScoreExplanation } from '../../components/ScoreExplanation';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n';
import { formatDate, formatDateTime, formatScore } from '../../i18n/format';
import { IndicatorTable } from './IndicatorTable';
import { StatusBadge } from './NominationsPage';

/** Submitted → scored → on the board → published (with its title), from intake, scoring and ranking. */
function StatusTimeline({ nomination, edition }: { nomination: Nomination; edition?: Edition }) {
  const { t, language } = useI18n();
  const score = useScore(nomination.id);
  const board = useBoard(boardIdOf(nomination));
  const standing = board.data?.standings.find((s) => s.nominationId === nomination.id);
  const ineligible = board.data?.ineligible.find((s) => s.nominationId === nomination.id);
  const steps = [
    { done: true, title: t('timeline.submitted'), text: formatDateTime(nomination.submittedAt, language) },
    {
      done: score.data?.status === 'final' || score.data?.status === 'ineligible',
      title: t('timeline.scored'),
      text: !score.data
        ? t('timeline.waitingScore')
        : score.data.status === 'final'
          ? t('timeline.scoreFinal', { total: formatScore(score.data.total, language) })
          : score.data.status === 'ineligible'
            ? t('timeline.ineligible')
            : t('timeline.scoreProvisional', { total: formatScore(score.data.total, language) }),
    },
    {
      done: !!standing || !!ineligible,
      title: t('timeline.board'),
      text: standing
        ? t('timeline.rank', { rank: standing.rank, of: board.data!.standings.length })
        : ineligible
          ? t('timeline.ineligible')
          : t('timeline.waitingBoard'),
    },
    {
      done: board.data?.status === 'published',
      title: t('timeline.published'),
      text: board.data?.status === 'published' ? (standing?.title ?? t('timeline.publishedNoTitle')) : t('timeline.waitingPublication'),
    },
  ];
  if (nomination.status === 'withdrawn')
    return <Text>{t('timeline.withdrawn', { date: nomination.withdrawnAt ? formatDate(nomination.withdrawnAt, language) : '' })}</Text>;
  // The timeline is lit up to the last step reached without a gap.
  const active = steps.findIndex((s) => !s.done) === -1 ? steps.length - 1 : steps.findIndex((s) => !s.done) - 1;
  return (
    <Stack gap="sm">
      {(score.error || board.error) && <ProblemAlert error={score.error ?? board.error} />}
      <Timeline active={active} bulletSize={22} lineWidth={2}>
        {steps.map((step) => (
          <Timeline.Item
            key={step.title}
            title={step.title}
            bullet={step.done ? <IconCheck size={12} aria-hidden /> : <IconClock size={12} aria-hidden />}
          >
            <Text size="sm" c="dimmed">
              {step.text}
            </Text>
          </Timeline.Item>
        ))}
      </Timeline>
      {score.data && (
        <ScoreExplanation
          nominationId={nomination.id}
          caption={t('score.caption')}
          category={nomination.category}
          tier={nomination.tier}
          edition={edition}
        />
      )}
    </Stack>
  );
}

function WithdrawButton({ nomination }: { nomination: Nomination }) {
  const { t } = useI18n();
  const [opened, { open, close }] = useDisclosure(false);
  const [reason, setReason] = useState('');
  const withdraw = useWithdrawNomination(nomination.id);
  return (
    <>
      <Button color="red" variant="light" onClick={open}>
        {t('detail.withdraw')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('detail.withdrawTitle', { name: nomination.nominee.name ?? '' })}>
        <Stack>
          <Text size="sm">{t('detail.withdrawWarning')}</Text>
          <Textarea
            label={t('detail.withdrawReason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            maxLength={500}
            autosize
            minRows={2}
          />
          {withdraw.error && <ProblemAlert error={withdraw.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('app.cancel')}
            </Button>
            <Button
              color="red"
              loading={withdraw.isPending}
              onClick={() =>
                withdraw.mutate(reason.trim(), {
                  onSuccess: () => {
                    close();
                    notifications.show({ color: 'green', message: t('detail.withdrawn') });
                  },
                })
              }
            >
              {t('detail.withdrawConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/** One nomination: who, what was reported, where it stands, and — while the window is open — amend or withdraw. */
export function NominationPage() {
  const { id } = useParams();
  const { t, language } = useI18n();
  const { principal } = useAuth();
  const nomination = useNomination(id);
  const edition = useEdition(nomination.data?.edition);
  const provinces = useProvinceNames();
  if (nomination.error) return <ProblemAlert error={nomination.error} onRetry={() => void nomination.refetch()} />;
  if (!nomination.data) return <Loader aria-label={t('app.loading')} />;
  const n = nomination.data;
  const category = edition.data?.categories.find((c) => c.code === n.category);
  const window = edition.data?.schedule[n.tier];
  const open = !!window && Date.now() >= Date.parse(window.submissionsOpen) && Date.now() <= Date.parse(window.submissionsClose);
  const mayChange = principal!.role !== 'assessor' && principal!.role !== 'panel-chair' && n.status === 'submitted' && open;

  return (
    <Page
      title={n.nominee.name ?? n.nominee.regionCode}
      actions={
        mayChange && (
          <>
            <Button component={Link} to={`/nominasi/${n.id}/ubah`} variant="light">
              {t('detail.amend')}
            </Button>
            <WithdrawButton nomination={n} />
          </>
        )
      }
    >
      <Group gap="xs">
        <StatusBadge status={n.status} />
        <Badge variant="outline">{category?.name ?? n.category}</Badge>
        <Badge variant="outline">{provinces.data?.get(n.province) ?? n.province}</Badge>
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Card withBorder>
          <Title order={2} size="h4" mb="sm">
            {t('detail.progress')}
          </Title>
          <StatusTimeline nomination={n} edition={edition.data} />
        </Card>
        <Card withBorder>
          <Title order={2} size="h4" mb="sm">
            {t('detail.about')}
          </Title>
          <Stack gap={4}>
            <Text size="sm">
              {t('detail.regionCode')}: {n.nominee.regionCode}
            </Text>
            {n.nominee.npp && <Text size="sm">NPP: {n.nominee.npp}</Text>}
            <Text size="sm">
              {t('form.contact')}: {n.contact.name} ({n.contact.email})
            </Text>
            <Text size="sm">{t('detail.submittedBy', { date: formatDate(n.submittedAt, language) })}</Text>
            {n.documents.map((d) => (
              <Text size="sm" key={d.url}>
                <a href={d.url} target="_blank" rel="noreferrer noopener">
                  {d.name}
                </a>
              </Text>
            ))}
          </Stack>
        </Card>
      </SimpleGrid>
      <Card withBorder>
        <Title order={2} size="h4" mb="sm">
          {t('detail.indicators')}
        </Title>
        <IndicatorTable nomination={n} />
      </Card>
    </Page>
  );
}
