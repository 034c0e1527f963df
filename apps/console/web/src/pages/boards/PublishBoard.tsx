import { Alert, Button, Card, Checkbox, Group, List, Loader, Modal, Stack, Text, ThemeIcon, Title, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconFileTypePdf, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useAssessmentProgress, useEmailPreview, usePublishBoard } from '../../api/boards';
import type { BoardResponse } from '../../api/generated/ranking/types.gen';
import { ApiError } from '../../api/problem';
import { download } from '../../components/csv';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n';
import { base64Bytes, provisionalOf, publishChecklist, winnersOf } from './board-logic';

/** Each winner's email and certificate as notification renders them for sending. */
function EmailPreviews({ board, preview }: { board: BoardResponse; preview: ReturnType<typeof useEmailPreview> }) {
  const { t } = useI18n();
  const nameOf = (id: string) => board.standings.find((s) => s.nominationId === id)?.nominee.name ?? id;
  if (winnersOf(board).length === 0) return <Text size="sm">{t('boards.publish.noWinners')}</Text>;
  if (preview.error) return <ProblemAlert error={preview.error} onRetry={() => void preview.refetch()} />;
  if (!preview.data)
    return (
      <Group gap="xs">
        <Loader size="sm" aria-hidden />
        <Text size="sm">{t('boards.publish.previewLoading')}</Text>
      </Group>
    );
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('boards.publish.previewHint')}
      </Text>
      {preview.data.missing.length > 0 && (
        <Alert color="orange" role="alert">
          {t('boards.publish.missing', { names: preview.data.missing.map(nameOf).join(', ') })}
        </Alert>
      )}
      {preview.data.previews.map((p) => (
        <Card key={p.nominationId} withBorder padding="sm">
          <Stack gap={4}>
            <Text size="sm">
              <strong>{t('boards.publish.to')}:</strong> {p.recipient}
            </Text>
            {p.copyTo && (
              <Text size="sm">
                <strong>{t('boards.publish.cc')}:</strong> {p.copyTo}
              </Text>
            )}
            <Text size="sm">
              <strong>{t('boards.publish.subject')}:</strong> {p.subject}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} mt="xs">
              {p.text}
            </Text>
            <Group mt="xs">
              <Button
                size="xs"
                variant="light"
                leftSection={<IconFileTypePdf size={16} aria-hidden />}
                onClick={() => download(p.certificate.filename, base64Bytes(p.certificate.base64), p.certificate.contentType)}
              >
                {t('boards.publish.openCertificate', { name: nameOf(p.nominationId) })}
              </Button>
              <Text size="xs" c="dimmed">
                {p.certificate.filename}
              </Text>
            </Group>
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}

/** Publishing behind a checklist, the preview of every winner's email and piagam, and an explicit confirmation. */
export function PublishBoard({ board, name }: { board: BoardResponse; name: string }) {
  const { t } = useI18n();
  const [opened, { open, close }] = useDisclosure(false);
  const [confirmed, setConfirmed] = useState(false);
  const progress = useAssessmentProgress(opened ? board.boardId : undefined);
  const preview = useEmailPreview(board.boardId, opened ? winnersOf(board) : undefined);
  const publish = usePublishBoard(board.boardId);
  const winners = winnersOf(board).length;
  const checklist = publishChecklist(board, progress.data, winners === 0 ? 0 : preview.data?.missing.length);
  const ready = checklist.every((c) => c.ok);
  const provisional = provisionalOf(publish.error);

  return (
    <>
      <Button onClick={open}>{t('boards.publish.button')}</Button>
      <Modal opened={opened} onClose={close} title={t('boards.publish.title', { name })} size="xl">
        <Stack gap="md">
          <section aria-labelledby="checklist-title">
            <Title order={2} size="h5" id="checklist-title" mb="xs">
              {t('boards.publish.checklist')}
            </Title>
            <List spacing={4} size="sm" center>
              {checklist.map(({ item, ok }) => (
                <List.Item
                  key={item}
                  icon={
                    <ThemeIcon color={ok ? 'green' : 'red'} size={20} radius="xl" aria-hidden>
                      {ok ? <IconCheck size={14} /> : <IconX size={14} />}
                    </ThemeIcon>
                  }
                >
                  <Text size="sm" span>
                    {t(`boards.publish.check.${item}`)}
                    <VisuallyHidden> — {ok ? '✓' : '✗'}</VisuallyHidden>
                  </Text>
                </List.Item>
              ))}
            </List>
            {progress.error && <ProblemAlert error={progress.error} onRetry={() => void progress.refetch()} />}
          </section>
          <section aria-labelledby="preview-title">
            <Title order={2} size="h5" id="preview-title" mb="xs">
              {t('boards.publish.preview')}
            </Title>
            <EmailPreviews board={board} preview={preview} />
          </section>
          <Alert color="yellow">{t('boards.publish.warning')}</Alert>
          <Checkbox label={t('boards.publish.confirmLabel')} checked={confirmed} onChange={(e) => setConfirmed(e.currentTarget.checked)} />
          {publish.error !== null && (
            <Stack gap="xs">
              <ProblemAlert error={publish.error} />
              {provisional.length > 0 && (
                <Alert color="red" title={t('boards.publish.refused')}>
                  <Text size="sm">{t('boards.publish.provisionalList')}</Text>
                  <List size="sm">
                    {provisional.map((p) => (
                      <List.Item key={p.nominationId}>{p.name}</List.Item>
                    ))}
                  </List>
                </Alert>
              )}
              {publish.error instanceof ApiError && publish.error.status === 403 && <Text size="sm">{t('boards.publish.notYours')}</Text>}
            </Stack>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('app.cancel')}
            </Button>
            <Button
              color="green"
              disabled={!confirmed}
              loading={publish.isPending}
              onClick={() =>
                publish.mutate(undefined, {
                  onSuccess: () => {
                    close();
                    notifications.show({ color: 'green', message: t('boards.publish.done') });
                  },
                })
              }
              title={ready ? undefined : t('boards.publish.refused')}
            >
              {t('boards.publish.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
