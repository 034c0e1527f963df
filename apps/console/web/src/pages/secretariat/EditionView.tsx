import { Badge, Group, List, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useProvinceNames } from '../../api/regions';
import { useI18n } from '../../i18n';
import { formatDate, formatNumber, formatPercent, type Language } from '../../i18n/format';
import { anchorId, type CriterionPreview, type EditionPreview, type RubricPreview } from './edition-preview';

type T = TFunction;

const dateOf = (iso: string | undefined, language: Language, t: T) => {
  if (!iso) return t('admin.edition.missing');
  return Number.isNaN(Date.parse(iso)) ? iso : formatDate(iso, language);
};

/** A part of the preview a problem can point at: focusable, outlined in red when it has one. */
function Part({ anchor, problems, children }: { anchor: string; problems: Set<string>; children: ReactNode }) {
  const { t } = useI18n();
  const flagged = problems.has(anchor);
  return (
    <Paper
      id={anchorId(anchor)}
      tabIndex={-1}
      withBorder
      p="sm"
      radius="sm"
      style={flagged ? { borderColor: 'var(--mantine-color-red-6)', borderWidth: 2 } : undefined}
    >
      {flagged && (
        <Badge color="red" variant="light" leftSection={<IconAlertTriangle size={12} aria-hidden />} mb="xs" tt="none">
          {t('admin.edition.hasProblem')}
        </Badge>
      )}
      {children}
    </Paper>
  );
}

export function describeSource(c: CriterionPreview, t: T): string {
  const v = c.value;
  const source =
    v.kind === 'panel'
      ? t('admin.edition.source.panel', { round: v.round })
      : v.kind === 'unknown'
        ? t('admin.edition.source.unknown')
        : t(`admin.edition.source.${v.kind}`, { a: v.indicators[0] ?? '?', b: v.indicators[1] ?? '?' });
  return c.aggregate ? `${source} (${t(`admin.edition.aggregate.${c.aggregate}`, { defaultValue: c.aggregate })})` : source;
}

export function describeScale(c: CriterionPreview, t: T, language: Language): string {
  const s = c.scale;
  const n = (value: number | undefined) => (value === undefined ? '?' : formatNumber(value, language, Number.isInteger(value) ? 0 : 2));
  switch (s.kind) {
    case 'linear':
      return t('admin.edition.scaleOf.linear', { min: n(s.min), max: n(s.max) });
    case 'steps':
      return t('admin.edition.scaleOf.steps', {
        steps: s.steps.map((step) => t('admin.edition.scaleOf.step', { gte: n(step.gte), score: n(step.score) })).join('; '),
      });
    case 'map':
      return t('admin.edition.scaleOf.map', { entries: s.entries.map(([key, score]) => `${key} → ${n(score)}`).join('; ') });
    default:
      return t('admin.edition.scaleOf.unknown');
  }
}

function RubricTable({ rubric, category, problems }: { rubric: RubricPreview; category: string; problems: Set<string> }) {
  const { t, language } = useI18n();
  const tier = t(`tier.${rubric.tier}`, { defaultValue: rubric.tier });
  const show = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));
  return (
    <Part anchor={rubric.path} problems={problems}>
      <Stack gap="xs">
        <Title order={4} size="h5">
          {t('admin.edition.rubric', { tier, version: rubric.version ?? '?' })}
        </Title>
        {rubric.minAssessors !== undefined && rubric.minAssessors > 0 && (
          <Text size="sm">{t('admin.edition.minAssessors', { count: rubric.minAssessors })}</Text>
        )}
        <Text size="sm" fw={600}>
          {t('admin.edition.eligibility')}
        </Text>
        {rubric.eligibility.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('admin.edition.noEligibility')}
          </Text>
        ) : (
          <List size="sm">
            {rubric.eligibility.map((rule, i) => (
              <List.Item key={i}>
                {rule.includesAll
                  ? t('admin.edition.includesAll', { indicator: rule.indicator ?? '?', values: rule.includesAll.map(show).join(', ') })
                  : t('admin.edition.equals', { indicator: rule.indicator ?? '?', value: show(rule.equals) })}
              </List.Item>
            ))}
          </List>
        )}
        <Table.ScrollContainer minWidth={640}>
          <Table striped captionSide="top" verticalSpacing={4}>
            <Table.Caption>{t('admin.edition.criteriaCaption', { tier, category })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('admin.edition.criterion')}</Table.Th>
                <Table.Th scope="col">{t('admin.edition.value')}</Table.Th>
                <Table.Th scope="col">{t('admin.edition.scale')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('admin.edition.weight')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('admin.edition.share')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rubric.criteria.map((c) => (
                <Table.Tr
                  key={c.path}
                  id={anchorId(c.path)}
                  tabIndex={-1}
                  bg={problems.has(c.path) ? 'var(--mantine-color-red-light)' : undefined}
                >
                  <Table.Th scope="row" fw={500}>
                    {problems.has(c.path) && (
                      <IconAlertTriangle size={14} color="var(--mantine-color-red-7)" aria-label={t('admin.edition.hasProblem')} />
                    )}{' '}
                    {c.name ?? t('admin.edition.missing')}{' '}
                    <Text span size="xs" c="dimmed">
                      {c.code}
                    </Text>
                  </Table.Th>
                  <Table.Td>{describeSource(c, t)}</Table.Td>
                  <Table.Td>{describeScale(c, t, language)}</Table.Td>
                  <Table.Td ta="right">
                    {c.weight === undefined ? '?' : formatNumber(c.weight, language, Number.isInteger(c.weight) ? 0 : 2)}
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {c.share === undefined ? '—' : formatPercent(c.share, language, 1)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th scope="row" colSpan={3}>
                  {t('admin.edition.weightTotal')}
                </Table.Th>
                <Table.Td ta="right" fw={700}>
                  {formatNumber(rubric.weightTotal, language, Number.isInteger(rubric.weightTotal) ? 0 : 2)}
                </Table.Td>
                <Table.Td ta="right" fw={700} style={{ whiteSpace: 'nowrap' }}>
                  {rubric.weightTotal > 0 ? formatPercent(1, language, 0) : '—'}
                </Table.Td>
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </Table.ScrollContainer>
        <Text size="xs" c="dimmed">
          {t('admin.edition.weightNote')}
        </Text>
        <Text size="sm">
          {rubric.tieBreak.length > 0
            ? t('admin.edition.tieBreak', {
                criteria: rubric.tieBreak.map((code) => rubric.criteria.find((c) => c.code === code)?.name ?? code).join(' → '),
              })
            : t('admin.edition.noTieBreak')}
        </Text>
      </Stack>
    </Part>
  );
}

/** An edition definition as people read it: facts, schedule in Indonesian dates, zones, and each category's rubrics with their weights and total. */
export function EditionView({ edition, problems = new Set<string>() }: { edition: EditionPreview; problems?: Set<string> }) {
  const { t, language } = useI18n();
  const provinces = useProvinceNames();
  const provinceName = (code: string) => provinces.data?.get(code) ?? code;
  const missing = t('admin.edition.missing');
  return (
    <Stack gap="md">
      <Part anchor="general" problems={problems}>
        <Title order={3} size="h4" mb="xs">
          {t('admin.edition.general')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          <Text size="sm">
            {t('admin.edition.name')}: <b>{edition.name ?? missing}</b>
          </Text>
          <Text size="sm">
            {t('admin.edition.code')}: <b>{edition.code ?? missing}</b>
          </Text>
          <Text size="sm">
            {t('admin.edition.assessmentYear')}: <b>{edition.assessmentYear ?? missing}</b>
          </Text>
          <Text size="sm">
            {t('admin.edition.awardYear')}: <b>{edition.awardYear ?? missing}</b>
          </Text>
          <Text size="sm">
            {t('admin.edition.normalization')}:{' '}
            <b>{edition.panelNormalization === 'zscore' ? t('admin.edition.normalizationZscore') : t('admin.edition.normalizationNone')}</b>
          </Text>
        </SimpleGrid>
      </Part>
      <Part anchor="schedule" problems={problems}>
        <Title order={3} size="h4" mb="xs">
          {t('admin.edition.schedule')}
        </Title>
        <Stack gap={4}>
          {edition.schedule.map((w) => (
            <Text key={w.path} id={anchorId(w.path)} tabIndex={-1} size="sm" c={problems.has(w.path) ? 'red' : undefined}>
              <b>{t(`tier.${w.tier}`, { defaultValue: w.tier })}</b>:{' '}
              {t('admin.edition.window', { open: dateOf(w.open, language, t), close: dateOf(w.close, language, t) })}
            </Text>
          ))}
        </Stack>
      </Part>
      <Part anchor="zones" problems={problems}>
        <Title order={3} size="h4" mb="xs">
          {t('admin.edition.zones')}
        </Title>
        {edition.zones.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('admin.edition.noZones')}
          </Text>
        ) : (
          <Stack gap={4}>
            {edition.zones.map((z) => (
              <Text key={z.path} id={anchorId(z.path)} tabIndex={-1} size="sm" c={problems.has(z.path) ? 'red' : undefined}>
                <b>{z.name ?? z.code ?? missing}</b> —{' '}
                {t('admin.edition.zoneProvinces', { provinces: z.provinces.map(provinceName).join(', ') })}
              </Text>
            ))}
          </Stack>
        )}
      </Part>
      <Part anchor="categories" problems={problems}>
        <Title order={3} size="h4" mb="sm">
          {t('admin.edition.categories')}
        </Title>
        <Stack gap="md">
          {edition.categories.map((c) => (
            <Part key={c.path} anchor={c.path} problems={problems}>
              <Group justify="space-between" wrap="wrap" mb="xs">
                <Title order={4} size="h4">
                  {c.name ?? missing}
                </Title>
                <Text size="xs" c="dimmed">
                  {c.code}
                </Text>
              </Group>
              <Text size="sm" mb="sm">
                {t('admin.edition.categoryFacts', {
                  kind: t(`nomineeKind.${c.nomineeKind}`, { defaultValue: c.nomineeKind ?? missing }),
                  tiers: c.tiers.map((tier) => t(`tier.${tier}`, { defaultValue: tier })).join(' + '),
                  winners: c.winners ?? '?',
                  advance: c.advance ?? '?',
                  scope: c.nationalScope === 'zone' ? t('admin.edition.scopeZone') : t('admin.edition.scopeNational'),
                })}
              </Text>
              <Stack gap="sm">
                {c.rubrics.map((r) => (
                  <RubricTable key={r.path} rubric={r} category={c.name ?? c.code ?? ''} problems={problems} />
                ))}
              </Stack>
            </Part>
          ))}
        </Stack>
      </Part>
    </Stack>
  );
}
