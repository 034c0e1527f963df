import { Table } from '@mantine/core';
import type { Nomination } from '../../api/intake';
import { readIndicator } from '@paritrana/contracts/edition/indicator-paths';
import { useI18n } from '../../i18n';
import { formatNumber, formatRupiah } from '../../i18n/format';
import { indicatorFields, type NomineeKind } from './indicator-fields';

/** What a nomination reported, indicator by indicator, in the units the form asked for. */
export function IndicatorTable({ nomination, caption }: { nomination: Nomination; caption?: string }) {
  const { t, language } = useI18n();
  const value = (path: string, unit?: string) => {
    const v = readIndicator(nomination.indicators, path);
    if (v === undefined) return '—';
    if (typeof v === 'boolean') return v ? t('detail.yes') : t('detail.no');
    if (Array.isArray(v)) return v.join(', ');
    if (typeof v === 'number') return unit === 'rupiah' ? formatRupiah(v, language) : formatNumber(v, language);
    if (path === 'regulation.level') return t(`regulation.${String(v)}`);
    return String(v);
  };
  return (
    <Table.ScrollContainer minWidth={360}>
      <Table striped captionSide="top">
        {caption && <Table.Caption>{caption}</Table.Caption>}
        <Table.Tbody>
          {indicatorFields(nomination.nominee.kind as NomineeKind).map((f) => (
            <Table.Tr key={f.path}>
              <Table.Th scope="row" fw={400}>
                {t(`indicator.${f.path}`)}
              </Table.Th>
              <Table.Td ta="right">{value(f.path, f.type === 'count' ? f.unit : undefined)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
