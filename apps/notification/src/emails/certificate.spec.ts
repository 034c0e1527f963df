import { renderCertificate } from './certificate';

describe('renderCertificate', () => {
  it('should render a one-page PDF naming the winner', async () => {
    const sut = await renderCertificate({
      nomineeName: 'Kabupaten Bungo',
      title: 'Terbaik I',
      categoryName: 'Pemerintah Kabupaten/Kota',
      editionName: 'Paritrana Award 2024',
      scopeName: 'Provinsi Jambi',
      rank: 1,
      total: 80.2,
    });

    const text = sut.toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(text.match(/\/Type \/Page\b/g)).toHaveLength(1);
    expect(text).toContain('/Title');
    expect(sut.length).toBeGreaterThan(1_000);
  });
});
