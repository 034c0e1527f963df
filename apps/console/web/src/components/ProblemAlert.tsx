import { Alert, Button, Group, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { ApiError, problemKey } from '../api/problem';
import { useAuth } from '../auth/AuthProvider';
import { useI18n } from '../i18n';

/** What went wrong, in the person's language, what to do, and the service's own words underneath. */
export function ProblemAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  const auth = useAuth();
  const key = problemKey(error);
  const detail = error instanceof ApiError && error.status !== 0 ? error.message : undefined;
  return (
    <Alert color="red" icon={<IconAlertTriangle aria-hidden />} title={t('problem.title')} role="alert">
      <Text size="sm">{t(key)}</Text>
      {detail && (
        <Text size="xs" c="dimmed" mt={4}>
          {t('problem.detail', { message: detail })}
        </Text>
      )}
      <Group mt="sm" gap="xs">
        {key === 'problem.signedOut' ? (
          <Button size="xs" onClick={() => void auth.signIn()}>
            {t('app.signIn')}
          </Button>
        ) : (
          onRetry && (
            <Button size="xs" variant="light" onClick={onRetry}>
              {t('app.retry')}
            </Button>
          )
        )}
      </Group>
    </Alert>
  );
}
