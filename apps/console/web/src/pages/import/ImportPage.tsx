import { Alert, Button, Card, FileButton, Group, List, Progress, Stack, Text } from '@mantine/core';
import { IconDownload, IconFileUpload } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { DataTable } from 'mantine-datatable';
import { useState } from 'react';
import { Link } from 'react-router';
import template from '../../../../../../docs/import-template.csv?raw';
import { call } from '../../api/client';
import { submitNominationBatch } from '../../api/generated/intake/sdk.gen';
import type { SubmitNominationDto } from '../../api/generated/intake/types.gen';
import { download, toCsv } from '../../components/csv';
import { Page } from '../../components/Page';
import { ToneBadge } from '../../components/ToneBadge';
import type { Tone } from '../../app/theme';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { applyResults, batches, readImportFile, tally, type RowOutcome } from './import-plan';

const TONE: Record<RowOutcome['state'], Tone> = {
  unreadable: 'bad',
  ready: 'neutral',
  acceptable: 'ok',
  imported: 'ok',
  duplicate: 'warn',
  forbidden: 'bad',
  invalid: 'bad',
};

/**
 * CSV import in three moves: the template, a check that stores nothing (every row's problems shown),
 * then the import itself in batches with a progress bar, and a per-row result to download.
 */
export function ImportPage() {
  const { t, language, field } = useI18n();
  const queryClient = useQueryClient();
  const [fileName, setFileName] = useState<string>();
  const [rows, setRows] = useState<RowOutcome[]>([]);
  const [phase, setPhase] = useState<'empty' | 'read' | 'checked' | 'importing' | 'imported'>('empty');
  const [progress, setProgress] = useState(0);
  const [problem, setProblem] = useState<unknown>();
  const counts = tally(rows);
  const refused = counts.unreadable + counts.forbidden + counts.invalid + counts.duplicate;

  const open = async (file: File | null) => {
    if (!file) return;
    setProblem(undefined);
    try {
      setRows(readImportFile(await file.text()));
      setFileName(file.name);
      setPhase('read');
    } catch (error) {
      setProblem(new Error((error as Error).message));
      setPhase('empty');
    }
  };

  /** Sends every batch (a dry run stores nothing); rows answer one by one as batches return. */
  const send = async (dryRun: boolean) => {
    setProblem(undefined);
    setProgress(0);
    if (!dryRun) setPhase('importing');
    const answered = new Map(rows.map((r) => [r.row, r]));
    const all = batches(rows.filter((r) => (dryRun ? r.body : r.state === 'acceptable')));
    let done = 0;
    try {
      for (const batch of all) {
        const { results } = await call(
          submitNominationBatch({
            body: batch.map((r) => r.body as unknown as SubmitNominationDto),
            query: dryRun ? { dryRun: true } : undefined,
          }),
        );
        for (const outcome of applyResults(batch, results)) answered.set(outcome.row, outcome);
        done += batch.length;
        setProgress(Math.round((done / Math.max(1, all.flat().length)) * 100));
        setRows([...answered.values()]);
      }
      setPhase(dryRun ? 'checked' : 'imported');
      if (!dryRun) await queryClient.invalidateQueries({ queryKey: ['nominations'] });
    } catch (error) {
      setProblem(error);
      setPhase(dryRun ? 'read' : 'checked');
    }
  };

  const resultCsv = () =>
    download(
      `hasil-impor-${fileName?.replace(/\.csv$/i, '') ?? 'nominasi'}.csv`,
      toCsv(
        [t('import.colRow'), t('import.colResult'), t('import.colId'), t('import.colProblems')],
        rows.map((r) => [
          r.row,
          t(`import.state.${r.state}`),
          r.id,
          r.problems.map((p) => (p.path ? `${p.path}: ${field(p)}` : field(p))).join('; '),
        ]),
      ),
    );

  return (
    <Page title={t('import.title')}>
      <Card withBorder>
        <Stack gap="xs">
          <Text>{t('import.lead')}</Text>
          <List type="ordered" size="sm" spacing={4}>
            <List.Item>{t('import.step1')}</List.Item>
            <List.Item>{t('import.step2')}</List.Item>
            <List.Item>{t('import.step3')}</List.Item>
          </List>
          <Group gap="sm" mt="xs">
            <Button
              variant="light"
              leftSection={<IconDownload size={16} aria-hidden />}
              onClick={() => download('templat-nominasi.csv', template)}
            >
              {t('import.template')}
            </Button>
            <FileButton onChange={(file) => void open(file)} accept=".csv,text/csv">
              {(props) => (
                <Button {...props} leftSection={<IconFileUpload size={16} aria-hidden />} disabled={phase === 'importing'}>
                  {t('import.choose')}
                </Button>
              )}
            </FileButton>
            {fileName && <Text size="sm">{t('import.chosen', { name: fileName, count: rows.length })}</Text>}
          </Group>
        </Stack>
      </Card>

      {problem !== undefined && <ProblemAlert error={problem} />}

      {phase !== 'empty' && (
        <Card withBorder>
          <Stack gap="sm">
            <Group gap="xs" aria-live="polite">
              {(['ready', 'acceptable', 'imported', 'duplicate', 'unreadable', 'invalid', 'forbidden'] as const)
                .filter((state) => counts[state] > 0)
                .map((state) => (
                  <ToneBadge key={state} tone={TONE[state]}>
                    {t(`import.state.${state}`)}: {formatNumber(counts[state], language)}
                  </ToneBadge>
                ))}
            </Group>
            {phase === 'read' && (
              <Group>
                <Button onClick={() => void send(true)}>{t('import.check')}</Button>
                <Text size="sm" c="dimmed">
                  {t('import.checkHint')}
                </Text>
              </Group>
            )}
            {phase === 'checked' && (
              <Alert color={counts.acceptable > 0 ? 'green' : 'yellow'}>
                <Text size="sm">{t('import.checked', { ok: counts.acceptable, refused })}</Text>
                <Group mt="sm">
                  <Button onClick={() => void send(false)} disabled={counts.acceptable === 0}>
                    {t('import.run', { count: counts.acceptable })}
                  </Button>
                </Group>
              </Alert>
            )}
            {(phase === 'importing' || phase === 'imported') && (
              <Progress value={progress} size="lg" aria-label={t('import.progress')} animated={phase === 'importing'} />
            )}
            {phase === 'imported' && (
              <Alert color="green">
                <Text size="sm">{t('import.done', { count: counts.imported, refused })}</Text>
                <Group mt="sm">
                  <Button component={Link} to="/nominasi" variant="light">
                    {t('import.toList')}
                  </Button>
                </Group>
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="subtle" leftSection={<IconDownload size={16} aria-hidden />} onClick={resultCsv}>
                {t('import.downloadResult')}
              </Button>
            </Group>
            <DataTable<RowOutcome>
              withTableBorder
              striped
              minHeight={120}
              records={rows}
              idAccessor="row"
              height={rows.length > 12 ? 520 : undefined}
              columns={[
                { accessor: 'row', title: t('import.colRow'), width: 70 },
                {
                  accessor: 'state',
                  title: t('import.colResult'),
                  width: 170,
                  render: (r) => <ToneBadge tone={TONE[r.state]}>{t(`import.state.${r.state}`)}</ToneBadge>,
                },
                {
                  accessor: 'nominee',
                  title: t('list.nominee'),
                  render: (r) => {
                    const nominee = (r.body?.nominee ?? {}) as { name?: string; regionCode?: string };
                    return r.id ? (
                      <Link to={`/nominasi/${r.id}`}>{nominee.name ?? nominee.regionCode}</Link>
                    ) : (
                      (nominee.name ?? nominee.regionCode ?? '—')
                    );
                  },
                },
                {
                  accessor: 'problems',
                  title: t('import.colProblems'),
                  render: (r) =>
                    r.problems.length === 0 ? (
                      '—'
                    ) : (
                      <List size="xs" spacing={2}>
                        {r.problems.map((p, i) => (
                          <List.Item key={i}>
                            {p.path && <code>{p.path}</code>} {field(p)}
                          </List.Item>
                        ))}
                      </List>
                    ),
                },
              ]}
            />
          </Stack>
        </Card>
      )}
    </Page>
  );
}
