import i18next from 'i18next';
import { fieldMessage } from './field-message';
import { fields } from './fields';
import { id } from './id';

async function indonesian() {
  const instance = i18next.createInstance();
  await instance.init({
    lng: 'id',
    resources: { id: { translation: { ...id, field: fields.id } } },
    interpolation: { escapeValue: false },
  });
  return instance.t;
}

describe('fieldMessage', () => {
  it('should say a known rule in Indonesian with its figures in Indonesian form', async () => {
    const t = await indonesian();

    const sut = fieldMessage(
      {
        path: 'indicators.participants.wageEarners',
        message: 'cannot exceed',
        code: 'partAboveWhole',
        params: { whole: 'workforce.wageEarners', limit: 41250 },
      },
      t,
      'id',
    );

    expect(sut).toBe('Tidak boleh melebihi Pekerja penerima upah (PU) (41.250).');
  });

  it('should name dates and region levels as a person reads them', async () => {
    const t = await indonesian();

    expect(
      fieldMessage(
        {
          path: 'tier',
          message: 'closed',
          code: 'windowClosed',
          params: { open: '2024-06-01T00:00:00+07:00', close: '2024-07-31T23:59:59+07:00' },
        },
        t,
        'id',
      ),
    ).toBe('Masa pengajuan berlaku 1 Juni 2024 sampai 31 Juli 2024; di luar masa itu nominasi tidak dapat dikirim atau diubah.');
    expect(
      fieldMessage(
        {
          path: 'nominee.regionCode',
          message: 'level',
          code: 'regionLevel',
          params: { regionCode: '15.08', level: 'regency', needed: 'village' },
        },
        t,
        'id',
      ),
    ).toBe('15.08 adalah kabupaten/kota, sedangkan nominee ini memerlukan desa/kelurahan. Pilih wilayah dari daftar.');
  });

  it('should keep the service’s own sentence when the rule is unknown to the console or unnamed', async () => {
    const t = await indonesian();

    expect(fieldMessage({ path: 'x', message: 'is odd', code: 'somethingNew' }, t, 'id')).toBe('is odd');
    expect(fieldMessage({ path: 'x', message: 'is odd' }, t, 'id')).toBe('is odd');
  });
});
