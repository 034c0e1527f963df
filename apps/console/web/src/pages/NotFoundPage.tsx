import { Button, Text } from '@mantine/core';
import { Link } from 'react-router';
import { Page } from '../components/Page';
import { useI18n } from '../i18n';

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <Page title={t('problem.pageNotFound')}>
      <Text>{t('problem.pageNotFoundHint')}</Text>
      <Button component={Link} to="/" w="fit-content">
        {t('nav.home')}
      </Button>
    </Page>
  );
}
