import { composeCongratulation, type CongratulationFacts } from './congratulation.template';

const facts = (overrides: Partial<CongratulationFacts> = {}): CongratulationFacts => ({
  recipientName: 'Sekretariat Daerah Kab. Bungo',
  nomineeName: 'Kabupaten Bungo',
  editionName: 'Paritrana Award 2024',
  scopeName: 'Provinsi Jambi',
  categoryName: 'Kabupaten/Kota',
  title: 'Terbaik I',
  rank: 1,
  total: 80.2,
  ...overrides,
});

describe('composeCongratulation', () => {
  it('should name the award, the title and the category in the subject', () => {
    const sut = composeCongratulation(facts());

    expect(sut.subject).toBe('Selamat! Terbaik I Kabupaten/Kota — Paritrana Award 2024 (Paritrana Award)');
  });

  it('should name the edition, scope, rank and score in the text when it congratulates', () => {
    const sut = composeCongratulation(facts());

    expect(sut.text).toContain(
      'Selamat! Kabupaten Bungo meraih predikat tertinggi, Terbaik I, kategori Kabupaten/Kota pada Paritrana Award 2024 tingkat Provinsi Jambi (peringkat 1), dengan nilai akhir 80,20.',
    );
  });

  it('should address the recipient and sign as the secretariat in the text', () => {
    const sut = composeCongratulation(facts());

    expect([
      sut.text.startsWith('Yth. Sekretariat Daerah Kab. Bungo,\n\n'),
      sut.text.endsWith('Hormat kami,\nSekretariat Paritrana Award'),
    ]).toEqual([true, true]);
  });

  it('should format the score Indonesian style with a thousands dot and two decimals', () => {
    const sut = composeCongratulation(facts({ total: 1234.5 }));

    expect(sut.text).toContain('dengan nilai akhir 1.234,50.');
  });

  it('should round the score to two decimals when it has more', () => {
    const sut = composeCongratulation(facts({ total: 81.256 }));

    expect(sut.text).toContain('dengan nilai akhir 81,26.');
  });

  it('should show a whole score with two decimals', () => {
    const sut = composeCongratulation(facts({ total: 100 }));

    expect(sut.text).toContain('dengan nilai akhir 100,00.');
  });

  it('should escape < and > in names when it writes the HTML part', () => {
    const sut = composeCongratulation(facts({ nomineeName: 'PT <Maju> Jaya' }));

    expect([sut.html.includes('PT &#60;Maju&#62; Jaya'), sut.html.includes('<Maju>')]).toEqual([true, false]);
  });

  it('should escape ampersands and quotes when it writes the HTML part', () => {
    const sut = composeCongratulation(facts({ recipientName: `Tim "HR" & O'Neil` }));

    expect(sut.html).toContain('<p>Yth. Tim &#34;HR&#34; &#38; O&#39;Neil,</p>');
  });

  it('should keep names unescaped when it writes the plain-text part', () => {
    const sut = composeCongratulation(facts({ nomineeName: 'PT <Maju> & Jaya' }));

    expect(sut.text).toContain('PT <Maju> & Jaya meraih predikat');
  });

  it('should write one paragraph per block and a line break for the signature when it writes the HTML part', () => {
    const sut = composeCongratulation(facts());

    expect([sut.html.match(/<p>/g)?.length, sut.html.includes('<p>Hormat kami,<br>Sekretariat Paritrana Award</p>')]).toEqual([4, true]);
  });

  it('should write an Indonesian HTML document', () => {
    const sut = composeCongratulation(facts());

    expect([sut.html.startsWith('<!doctype html><html lang="id"><body>'), sut.html.endsWith('</body></html>')]).toEqual([true, true]);
  });
});

describe('composeCongratulation per outcome', () => {
  it.each([
    [1, 'Terbaik I', 'meraih predikat tertinggi, Terbaik I,'],
    [2, 'Terbaik II', 'meraih predikat Terbaik II, peringkat kedua terbaik,'],
    [3, 'Terbaik III', 'meraih predikat Terbaik III, peringkat ketiga terbaik,'],
  ])('should word rank %d (%s) as its own outcome', (rank, title, wording) => {
    const sut = composeCongratulation({ ...facts(), rank, title });

    expect(sut.text).toContain(wording);
    expect(sut.subject).toContain(title);
  });
});
