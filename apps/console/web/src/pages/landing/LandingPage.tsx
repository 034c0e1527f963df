import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link, Navigate } from 'react-router';
import { useAuth } from '../../auth/AuthProvider';
import { useI18n } from '../../i18n';

/** The front door: what the console is for, and the way in. */
export function LandingPage() {
  const auth = useAuth();
  const { t } = useI18n();
  if (auth.status === 'signed-in') return <Navigate to="/beranda" replace />;
  return (
    <Card withBorder padding="xl" maw={720} mx="auto" mt="xl">
      <Stack gap="md">
        <Title order={1} size="h2">
          {t('landing.title')}
        </Title>
        <Text>{t('landing.lead')}</Text>
        <Text c="dimmed" size="sm">
          {t('landing.signInHint')}
        </Text>
        <Group>
          <Button size="md" onClick={() => void auth.signIn('/beranda')} loading={auth.status === 'loading'}>
            {t('app.signIn')}
          </Button>
          <Button size="md" variant="light" component={Link} to="/hasil">
            {t('landing.publicResults')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
