import { Alert, Anchor, Button, Card, FileInput, Group, List, SegmentedControl, Stack, Text, Textarea, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconFileUpload } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useCurrentEdition, useEdition, type Edition } from '../../api/intake';
import { ApiError } from '../../api/problem';
import { useDefineEdition } from '../../api/secretariat';
import { Page } from '../../components/Page';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n';
import { anchorId, anchorOf, parseDocument, previewOf } from './edition-preview';
import { nextEditionFrom } from './edition-template';
import { EditionView } from './EditionView';

type Source = 'paste' | 'upload' | 'template';

const asDocument = (edition: Edition) => `${JSON.stringify(nextEditionFrom(edition), null, 2)}\n`;

/** Takes the reader to the part of the preview a problem is about. */
function showPart(path: string) {
  const element = document.getElementById(anchorId(anchorOf(path)));
  element?.scrollIntoView({ behavior: 'smooth', block: 'center' });
  element?.focus({ preventScroll: true });
}

/** A new edition from a JSON document: pasted, uploaded or copied from an existing edition; previewed before it is sent; every refusal shown at its path. */
export function NewEditionPage() {
  const { t, field } = useI18n();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const newest = useCurrentEdition();
  const from = useEdition(params.get('dari') ?? undefined);
  const template = params.get('dari') ? from.data : newest.data;
  const [source, setSource] = useState<Source>(params.get('dari') ? 'template' : 'paste');
  const [text, setText] = useState('');
  const [fileNote, setFileNote] = useState<{ ok: boolean; message: string }>();
  const [debounced] = useDebouncedValue(text, 300);
  const define = useDefineEdition();

  // Opened from an edition's page: its copy is the starting document.
  useEffect(() => {
    if (params.get('dari') && from.data && text === '') setText(asDocument(from.data));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [from.data]);

  const parsed = useMemo(() => (debounced.trim() ? parseDocument(debounced) : undefined), [debounced]);
  const preview = useMemo(() => (parsed?.ok ? previewOf(parsed.value) : undefined), [parsed]);
  const refusal = define.error instanceof ApiError ? define.error : undefined;
  const problems = useMemo(() => (refusal?.status === 422 ? refusal.fields : []), [refusal]);
  const flagged = useMemo(() => new Set(problems.map((p) => anchorOf(p.path))), [problems]);

  const readFile = async (file: File | null) => {
    if (!file) return;
    try {
      setText(await file.text());
      setFileNote({ ok: true, message: t('admin.newEdition.fileRead', { name: file.name }) });
    } catch {
      setFileNote({ ok: false, message: t('admin.newEdition.fileUnreadable', { name: file.name }) });
    }
  };

  const submit = () => {
    const current = parseDocument(text);
    if (!current.ok) return;
    define.mutate(current.value, {
      onSuccess: (edition) => {
        notifications.show({ color: 'green', message: t('admin.newEdition.defined', { name: edition.name }) });
        navigate(`/edisi/${encodeURIComponent(edition.code)}`);
      },
      // The refusal is shown above the document; the person may have pressed the button at the bottom.
      onError: () => requestAnimationFrame(() => document.getElementById('masalah-edisi')?.scrollIntoView({ block: 'start' })),
    });
  };

  const defineButton = (
    <Button onClick={submit} loading={define.isPending} disabled={!parsed?.ok || text !== debounced}>
      {t('admin.newEdition.define')}
    </Button>
  );

  return (
    <Page title={t('admin.newEdition.title')} actions={defineButton}>
      <Text>{t('admin.newEdition.lead')}</Text>
      <Stack gap="xs">
        <Text size="sm" fw={500} id="sumber-dokumen">
          {t('admin.newEdition.source')}
        </Text>
        <SegmentedControl
          aria-labelledby="sumber-dokumen"
          value={source}
          onChange={(value) => setSource(value as Source)}
          data={[
            { value: 'paste', label: t('admin.newEdition.paste') },
            { value: 'upload', label: t('admin.newEdition.upload') },
            { value: 'template', label: t('admin.newEdition.template') },
          ]}
          w={{ base: '100%', sm: 'auto' }}
          style={{ alignSelf: 'flex-start' }}
        />
      </Stack>
      {source === 'upload' && (
        <Stack gap="xs">
          <FileInput
            label={t('admin.newEdition.file')}
            placeholder={t('admin.newEdition.filePlaceholder')}
            accept="application/json,.json"
            leftSection={<IconFileUpload size={16} aria-hidden />}
            onChange={(file) => void readFile(file)}
            w={{ base: '100%', sm: 360 }}
          />
          {fileNote && (
            <Text size="sm" c={fileNote.ok ? 'green.8' : 'red'} role="status">
              {fileNote.message}
            </Text>
          )}
        </Stack>
      )}
      {source === 'template' && (
        <Card withBorder>
          {newest.error ? (
            <ProblemAlert error={newest.error} onRetry={() => void newest.refetch()} />
          ) : template ? (
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{t('admin.newEdition.templateLead', { name: template.name })}</Text>
              <Text size="xs" c="dimmed">
                {t('admin.newEdition.templateWhy')}
              </Text>
              <Button variant="light" onClick={() => setText(asDocument(template))}>
                {t('admin.newEdition.templateUse', { name: template.name })}
              </Button>
            </Stack>
          ) : (
            <Text size="sm" c="dimmed">
              {newest.isPending ? t('app.loading') : t('admin.newEdition.noTemplate')}
            </Text>
          )}
        </Card>
      )}
      {problems.length > 0 ? (
        <Alert
          id="masalah-edisi"
          tabIndex={-1}
          color="red"
          icon={<IconAlertTriangle aria-hidden />}
          title={t('problem.title')}
          role="alert"
        >
          <Text size="sm" mb="xs">
            {t('admin.newEdition.problems', { count: problems.length })}
          </Text>
          <List size="sm" spacing={4}>
            {problems.map((p, i) => (
              <List.Item key={`${p.path}-${i}`}>
                <Text span size="sm" ff="monospace">
                  {p.path}
                </Text>
                : {field(p)}{' '}
                {preview && (
                  <Anchor component="button" type="button" size="sm" onClick={() => showPart(p.path)}>
                    {t('admin.newEdition.showInPreview')}
                  </Anchor>
                )}
              </List.Item>
            ))}
          </List>
        </Alert>
      ) : (
        define.error && (
          <Stack gap="xs" id="masalah-edisi">
            {refusal?.status === 409 && <Alert color="red">{t('admin.newEdition.exists')}</Alert>}
            <ProblemAlert error={define.error} />
          </Stack>
        )
      )}
      <Textarea
        label={t('admin.newEdition.document')}
        description={t('admin.newEdition.documentHint')}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        autosize
        minRows={8}
        maxRows={24}
        spellCheck={false}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
        error={
          parsed && !parsed.ok
            ? parsed.line
              ? t('admin.newEdition.notJson', { line: parsed.line, column: parsed.column, message: parsed.message })
              : t('admin.newEdition.notJsonNoPosition', { message: parsed.message })
            : undefined
        }
      />
      <Title order={2} size="h3">
        {t('admin.newEdition.preview')}
      </Title>
      {preview ? <EditionView edition={preview} problems={flagged} /> : <Text c="dimmed">{t('admin.newEdition.empty')}</Text>}
      <Group justify="flex-end">{defineButton}</Group>
    </Page>
  );
}
