import { Button, Loader } from '@mantine/core';
import { IconCopy, IconDownload } from '@tabler/icons-react';
import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { useEdition } from '../../api/intake';
import { download } from '../../components/csv';
import { Page } from '../../components/Page';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n';
import { previewOf } from './edition-preview';
import { EditionView } from './EditionView';

/** One edition's definition, readable, with its JSON to download and a way to start the next one from it. */
export function EditionPage() {
  const { t } = useI18n();
  const { code } = useParams();
  const edition = useEdition(code);
  const preview = useMemo(() => edition.data && previewOf(edition.data), [edition.data]);
  return (
    <Page
      title={edition.data?.name ?? code ?? ''}
      actions={
        edition.data && (
          <>
            <Button
              variant="light"
              leftSection={<IconDownload size={16} aria-hidden />}
              onClick={() => download(`edisi-${edition.data.code}.json`, `${JSON.stringify(edition.data, null, 2)}\n`, 'application/json')}
            >
              {t('admin.edition.downloadJson')}
            </Button>
            <Button
              component={Link}
              to={`/edisi/baru?dari=${encodeURIComponent(edition.data.code)}`}
              leftSection={<IconCopy size={16} aria-hidden />}
            >
              {t('admin.edition.useAsTemplate')}
            </Button>
          </>
        )
      }
    >
      {edition.error ? (
        <ProblemAlert error={edition.error} onRetry={() => void edition.refetch()} />
      ) : !preview ? (
        <Loader aria-label={t('app.loading')} />
      ) : (
        <EditionView edition={preview} />
      )}
    </Page>
  );
}
