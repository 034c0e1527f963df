export interface CongratulationFacts {
  recipientName: string;
  nomineeName: string;
  editionName: string;
  scopeName: string;
  categoryName: string;
  title: string;
  rank: number;
  total: number;
}

export interface ComposedEmail {
  subject: string;
  text: string;
  html: string;
}

const score = (n: number) => n.toLocaleString('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The opening of each outcome: first, second and third place are told apart. */
const OUTCOME: Record<number, (f: CongratulationFacts) => string> = {
  1: (f) => `Selamat! ${f.nomineeName} meraih predikat tertinggi, ${f.title},`,
  2: (f) => `Selamat! ${f.nomineeName} meraih predikat ${f.title}, peringkat kedua terbaik,`,
  3: (f) => `Selamat! ${f.nomineeName} meraih predikat ${f.title}, peringkat ketiga terbaik,`,
};

/** The congratulation email, in Bahasa Indonesia, with a plain-text and an HTML part. */
export function composeCongratulation(f: CongratulationFacts): ComposedEmail {
  const subject = `Selamat! ${f.title} ${f.categoryName} — ${f.editionName} (Paritrana Award)`;
  const opening = (OUTCOME[f.rank] ?? ((x: CongratulationFacts) => `Selamat! ${x.nomineeName} meraih predikat ${x.title},`))(f);
  const paragraphs = [
    `Yth. ${f.recipientName},`,
    `${opening} kategori ${f.categoryName} pada ${f.editionName} tingkat ${f.scopeName} (peringkat ${f.rank}), dengan nilai akhir ${score(f.total)}.`,
    'Piagam penghargaan terlampir. Terima kasih atas komitmen Anda dalam memperluas perlindungan jaminan sosial ketenagakerjaan bagi seluruh pekerja. Informasi mengenai penganugerahan akan kami sampaikan kemudian.',
    'Hormat kami,\nSekretariat Paritrana Award',
  ];
  return {
    subject,
    text: paragraphs.join('\n\n'),
    html: `<!doctype html><html lang="id"><body>${paragraphs.map((p) => `<p>${escape(p).replace(/\n/g, '<br>')}</p>`).join('')}</body></html>`,
  };
}
