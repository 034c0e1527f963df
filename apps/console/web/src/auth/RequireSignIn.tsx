import { Alert, Center, Loader, Stack, Text } from '@mantine/core';
import { useEffect } from 'react';
import { Outlet, useLocation } from 'react-router';
import { useI18n } from '../i18n';
import { useAuth } from './AuthProvider';

/** The pages behind sign-in: a signed-out visitor is sent to the sign-in page and comes back here. */
export function RequireSignIn() {
  const auth = useAuth();
  const { t } = useI18n();
  const location = useLocation();
  const returnTo = location.pathname + location.search;

  useEffect(() => {
    if (auth.status === 'signed-out') void auth.signIn(returnTo);
  }, [auth, returnTo]);

  if (auth.status === 'signed-in') return <Outlet />;
  if (auth.status === 'no-role')
    return (
      <Alert color="orange" role="alert" title={t('problem.title')}>
        {t('landing.noRole', { name: auth.principal?.username ?? '' })}
      </Alert>
    );
  return (
    <Center mih={200}>
      <Stack align="center" gap="xs">
        <Loader aria-hidden />
        <Text>{t('app.loading')}</Text>
      </Stack>
    </Center>
  );
}
