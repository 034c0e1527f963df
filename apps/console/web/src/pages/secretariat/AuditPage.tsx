import { Anchor, Button, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconDownload } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useProvinceNames } from '../../api/regions';
import { useAuditTrails, type AuditQuery } from '../../api/secretariat';
import { download, toCsv } from '../../components/csv';
import { Page } from '../../components/Page';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { AUDITED_SERVICES, describeDetails, mergeTrails, type AuditedService } from './audit-trail';

const ACTIONS = [
  'edition.defined',
  'nomination.submitted',
  'nomination.amended',
  'nomination.withdrawn',
  'assessment.recorded',
  'board.published',
] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LIMITS = ['50', '100', '500', '1000'];

/** Who did what and when, across the services that keep an audit trail; filtered by nomination, actor, action or service. */
export function AuditPage() {
  const { t, language } = useI18n();
  const [params, setParams] = useSearchParams();
  const names = useProvinceNames();
  const [nomination, setNomination] = useState(params.get('nominasi') ?? '');
  const [actor, setActor] = useState(params.get('pelaku') ?? '');
  const [debouncedNomination] = useDebouncedValue(nomination.trim(), 300);
  const [debouncedActor] = useDebouncedValue(actor.trim(), 300);
  const service = params.get('layanan') as AuditedService | null;
  const action = params.get('tindakan') as AuditQuery['action'] | null;
  const limit = Number(params.get('batas') ?? 100);

  const set = (changes: Record<string, string | null>) =>
    setParams(
      (now) => {
        const next = new URLSearchParams(now);
        for (const [key, value] of Object.entries(changes))
          if (value) next.set(key, value);
          else next.delete(key);
        return next;
      },
      { replace: true },
    );
  useEffect(() => {
    set({ nominasi: debouncedNomination || null, pelaku: debouncedActor || null });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debouncedNomination, debouncedActor]);

  const nominationInvalid = debouncedNomination !== '' && !UUID.test(debouncedNomination);
  const query: AuditQuery = {
    ...(debouncedNomination && !nominationInvalid ? { nominationId: debouncedNomination } : {}),
    ...(debouncedActor ? { actor: debouncedActor } : {}),
    ...(action ? { action } : {}),
    limit,
  };
  const services = service ? [service] : AUDITED_SERVICES;
  const trails = useAuditTrails(services, query);
  const failed = trails.find((q) => q.error);
  const entries = mergeTrails(Object.fromEntries(trails.flatMap((q) => (q.data ? [[q.data.service, q.data.entries]] : []))), limit);

  const exportCsv = () =>
    download(
      'jejak-audit.csv',
      toCsv(
        ['waktu', 'layanan', 'pelaku', 'peran', 'tindakan', 'nominasi', 'provinsi', 'rincian'],
        entries.map((e) => [
          formatDateTime(e.at, language),
          t(`admin.audit.services.${e.service}`),
          e.actor,
          t(`roles.${e.actorRole}`, { defaultValue: e.actorRole }),
          t(`admin.audit.actions.${e.action}`, { defaultValue: e.action }),
          e.nominationId,
          e.province,
          describeDetails(e.details),
        ]),
      ),
    );

  return (
    <Page
      title={t('admin.audit.title')}
      actions={
        <Button variant="light" leftSection={<IconDownload size={16} aria-hidden />} onClick={exportCsv} disabled={entries.length === 0}>
          {t('admin.audit.exportCsv')}
        </Button>
      }
    >
      <Text>{t('admin.audit.lead')}</Text>
      <Group gap="sm" align="flex-start" wrap="wrap">
        <TextInput
          label={t('admin.audit.nomination')}
          placeholder={t('admin.audit.nominationPlaceholder')}
          value={nomination}
          onChange={(e) => setNomination(e.currentTarget.value)}
          error={nominationInvalid ? t('admin.audit.nominationInvalid') : undefined}
          w={{ base: '100%', sm: 340 }}
        />
        <TextInput
          label={t('admin.audit.actor')}
          placeholder={t('admin.audit.actorPlaceholder')}
          description={t('admin.audit.actorHint')}
          value={actor}
          onChange={(e) => setActor(e.currentTarget.value)}
          w={{ base: '100%', sm: 300 }}
        />
        <Select
          label={t('admin.audit.action')}
          placeholder={t('admin.boards.all')}
          data={ACTIONS.map((value) => ({ value, label: t(`admin.audit.actions.${value}`) }))}
          value={action}
          onChange={(value) => set({ tindakan: value })}
          clearable
          w={{ base: '100%', sm: 220 }}
        />
        <Select
          label={t('admin.audit.service')}
          placeholder={t('admin.audit.allServices')}
          data={AUDITED_SERVICES.map((value) => ({ value, label: t(`admin.audit.services.${value}`) }))}
          value={service}
          onChange={(value) => set({ layanan: value })}
          clearable
          w={{ base: '100%', sm: 180 }}
        />
        <Select
          label={t('admin.audit.limit')}
          data={LIMITS}
          value={String(limit)}
          onChange={(value) => set({ batas: value === '100' ? null : value })}
          allowDeselect={false}
          w={{ base: '100%', sm: 140 }}
        />
      </Group>
      {failed ? (
        <ProblemAlert error={failed.error} onRetry={() => trails.forEach((q) => void q.refetch())} />
      ) : (
        <Stack gap={4}>
          <Table.ScrollContainer minWidth={960}>
            <Table striped captionSide="top" verticalSpacing={6}>
              <Table.Caption>{t('admin.audit.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('admin.audit.at')}</Table.Th>
                  <Table.Th scope="col">{t('admin.audit.action')}</Table.Th>
                  <Table.Th scope="col">{t('admin.audit.actor')}</Table.Th>
                  <Table.Th scope="col">{t('admin.audit.nomination')}</Table.Th>
                  <Table.Th scope="col">{t('admin.audit.province')}</Table.Th>
                  <Table.Th scope="col">{t('admin.audit.details')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {entries.map((e) => (
                  <Table.Tr key={e.key}>
                    <Table.Th scope="row" fw={400} style={{ whiteSpace: 'nowrap' }}>
                      {formatDateTime(e.at, language)}
                    </Table.Th>
                    <Table.Td>
                      {t(`admin.audit.actions.${e.action}`, { defaultValue: e.action })}
                      <Text size="xs" c="dimmed">
                        {t(`admin.audit.services.${e.service}`)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Anchor
                        component="button"
                        type="button"
                        size="sm"
                        ta="left"
                        display="block"
                        onClick={() => setActor(e.actor)}
                        ff="monospace"
                      >
                        {e.actor}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {t(`roles.${e.actorRole}`, { defaultValue: e.actorRole })}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {e.nominationId ? (
                        <Group gap={6} wrap="nowrap">
                          <Link to={`/nominasi/${e.nominationId}`}>{e.nominationId.slice(0, 8)}…</Link>
                          <Anchor component="button" type="button" size="xs" onClick={() => setNomination(e.nominationId!)}>
                            {t('admin.audit.filterNomination')}
                          </Anchor>
                        </Group>
                      ) : (
                        '—'
                      )}
                    </Table.Td>
                    <Table.Td>{e.province ? (names.data?.get(e.province) ?? e.province) : '—'}</Table.Td>
                    <Table.Td>
                      <Text size="xs" style={{ wordBreak: 'break-word' }}>
                        {describeDetails(e.details)}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {trails.every((q) => q.data) && entries.length === 0 && <Text c="dimmed">{t('admin.audit.empty')}</Text>}
        </Stack>
      )}
    </Page>
  );
}
