import { Alert, Button, Center, Loader, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../i18n';
import { useAuth } from './AuthProvider';

/** Where the identity provider returns: the code is exchanged once, then the person goes where they were headed. */
export function SignInCallback() {
  const auth = useAuth();
  const { t } = useI18n();
  const navigate = useNavigate();
  const [failure, setFailure] = useState<string>();
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    auth.completeSignIn().then(
      (next) => navigate(next, { replace: true }),
      (error: Error) => setFailure(error.message),
    );
  }, [auth, navigate]);

  if (failure)
    return (
      <Alert color="red" role="alert" title={t('problem.title')}>
        <Text size="sm">{t('signInCallback.failed', { message: failure })}</Text>
        <Button mt="sm" size="xs" onClick={() => void auth.signIn('/beranda')}>
          {t('app.signIn')}
        </Button>
      </Alert>
    );
  return (
    <Center mih={200}>
      <Stack align="center" gap="xs">
        <Loader aria-hidden />
        <Text>{t('signInCallback.working')}</Text>
      </Stack>
    </Center>
  );
}
