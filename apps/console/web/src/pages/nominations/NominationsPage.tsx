import { Button, Group, Select, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconDownload, IconSearch } from '@tabler/icons-react';
import { DataTable } from 'mantine-datatable';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { allNominations, useCurrentEdition, useNominations, type Nomination, type NominationFilter } from '../../api/intake';
import { useProvinceNames } from '../../api/regions';
import { useAuth } from '../../auth/AuthProvider';
import { download, toCsv } from '../../components/csv';
import { Page } from '../../components/Page';
import { ToneBadge } from '../../components/ToneBadge';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n';
import { formatDate, pageRange } from '../../i18n/format';

const PAGE_SIZE = 25;

export function StatusBadge({ status }: { status: Nomination['status'] }) {
  const { t } = useI18n();
  return (
    <ToneBadge tone={status === 'submitted' ? 'ok' : 'neutral'} miw={80}>
      {t(`status.${status}`)}
    </ToneBadge>
  );
}

/** Nominations in the reader's scope: filters and search kept in the address (so a filtered list can be shared), paged, exportable. */
export function NominationsPage() {
  const { t, language } = useI18n();
  const { principal } = useAuth();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const edition = useCurrentEdition();
  const provinceNames = useProvinceNames();
  const [search, setSearch] = useState(params.get('cari') ?? '');
  const [debounced] = useDebouncedValue(search, 300);
  const [exporting, setExporting] = useState<unknown>(false);
  const page = Number(params.get('halaman') ?? 1) || 1;

  const set = (changes: Record<string, string | null>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes))
          if (value) next.set(key, value);
          else next.delete(key);
        if (!('halaman' in changes)) next.delete('halaman');
        return next;
      },
      { replace: true },
    );
  useEffect(() => {
    if ((params.get('cari') ?? '') !== debounced) set({ cari: debounced || null });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);

  const filter: NominationFilter = {
    edition: edition.data?.code,
    tier: 'provincial',
    province: params.get('provinsi') ?? undefined,
    category: params.get('kategori') ?? undefined,
    status: (params.get('status') as NominationFilter['status']) ?? undefined,
    q: debounced.trim() || undefined,
  };
  const list = useNominations({ ...filter, page, pageSize: PAGE_SIZE });
  const categoryName = (code: string) => edition.data?.categories.find((c) => c.code === code)?.name ?? code;
  const provinceName = (code: string) => provinceNames.data?.get(code) ?? code;

  const provinceOptions = (principal!.provinces.length > 0 ? principal!.provinces : [...(provinceNames.data?.keys() ?? [])]).map(
    (code) => ({ value: code, label: provinceName(code) }),
  );

  const exportCsv = async () => {
    setExporting(true);
    try {
      const rows = await allNominations(filter);
      download(
        `nominasi-${filter.edition ?? 'semua'}.csv`,
        toCsv(
          ['id', 'edisi', 'provinsi', 'kategori', 'nominee', 'kode_wilayah', 'npp', 'status', 'diajukan', 'kontak', 'email'],
          rows.map((n) => [
            n.id,
            n.edition,
            provinceName(n.province),
            categoryName(n.category),
            n.nominee.name,
            n.nominee.regionCode,
            n.nominee.npp,
            t(`status.${n.status}`),
            formatDate(n.submittedAt, language),
            n.contact.name,
            n.contact.email,
          ]),
        ),
      );
      setExporting(false);
    } catch (error) {
      setExporting(error);
    }
  };

  return (
    <Page
      title={t('list.title')}
      actions={
        <>
          <Button
            variant="light"
            leftSection={<IconDownload size={16} aria-hidden />}
            loading={exporting === true}
            onClick={() => void exportCsv()}
            disabled={!list.data?.total}
          >
            {t('list.exportCsv')}
          </Button>
          {principal!.role === 'regional-office' && (
            <Button component={Link} to="/nominasi/baru">
              {t('nav.newNomination')}
            </Button>
          )}
        </>
      }
    >
      {exporting !== true && exporting !== false && <ProblemAlert error={exporting} />}
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          label={t('list.search')}
          placeholder={t('list.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={{ base: '100%', sm: 240 }}
        />
        <Select
          label={t('list.province')}
          placeholder={t('list.all')}
          data={provinceOptions}
          value={filter.province ?? null}
          onChange={(value) => set({ provinsi: value })}
          clearable
          searchable
          w={{ base: '100%', sm: 200 }}
        />
        <Select
          label={t('list.category')}
          placeholder={t('list.all')}
          data={(edition.data?.categories ?? []).map((c) => ({ value: c.code, label: c.name }))}
          value={filter.category ?? null}
          onChange={(value) => set({ kategori: value })}
          clearable
          w={{ base: '100%', sm: 280 }}
        />
        <Select
          label={t('list.status')}
          placeholder={t('list.all')}
          data={(['submitted', 'withdrawn'] as const).map((s) => ({ value: s, label: t(`status.${s}`) }))}
          value={filter.status ?? null}
          onChange={(value) => set({ status: value })}
          clearable
          w={{ base: '100%', sm: 160 }}
        />
      </Group>
      {list.error ? (
        <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <DataTable<Nomination>
          withTableBorder
          striped
          highlightOnHover
          minHeight={180}
          fetching={list.isFetching || edition.isPending}
          records={list.data?.items ?? []}
          totalRecords={list.data?.total ?? 0}
          recordsPerPage={PAGE_SIZE}
          page={page}
          onPageChange={(p) => set({ halaman: String(p) })}
          paginationText={(range) => t('list.pagination', pageRange(range, language))}
          noRecordsText={t('list.empty')}
          onRowClick={({ record }) => navigate(`/nominasi/${record.id}`)}
          columns={[
            {
              accessor: 'nominee.name',
              title: t('list.nominee'),
              render: (n) => <Link to={`/nominasi/${n.id}`}>{n.nominee.name ?? n.nominee.regionCode}</Link>,
            },
            {
              accessor: 'province',
              title: t('list.province'),
              render: (n) => provinceName(n.province),
              visibleMediaQuery: (theme) => `(min-width: ${theme.breakpoints.sm})`,
            },
            { accessor: 'category', title: t('list.category'), render: (n) => categoryName(n.category) },
            { accessor: 'status', title: t('list.status'), render: (n) => <StatusBadge status={n.status} /> },
            {
              accessor: 'submittedAt',
              title: t('list.submittedAt'),
              render: (n) => formatDate(n.submittedAt, language),
              visibleMediaQuery: (theme) => `(min-width: ${theme.breakpoints.sm})`,
            },
          ]}
        />
      )}
    </Page>
  );
}
