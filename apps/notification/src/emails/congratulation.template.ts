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

/** The congratulation email, in Bahasa Indonesia, with a plain-text and an HTML part. */
export function composeCongratulation(f: CongratulationFacts): ComposedEmail {
  const subject = `Selamat! ${f.title} ${f.categoryName} — ${f.editionName} (Paritrana Award)`;
  const paragraphs = [
    `Yth. ${f.recipientName},`,
    `Dengan hormat, kami menyampaikan bahwa ${f.nomineeName} meraih predikat ${f.title} (peringkat ${f.rank}) kategori ${f.categoryName} pada ${f.editionName} tingkat ${f.scopeName}, dengan nilai akhir ${score(f.total)}.`,
    'Terima kasih atas komitmen Anda dalam memperluas perlindungan jaminan sosial ketenagakerjaan bagi seluruh pekerja. Informasi mengenai penganugerahan akan kami sampaikan kemudian.',
    'Hormat kami,\nSekretariat Paritrana Award',
  ];
  return {
    subject,
    text: paragraphs.join('\n\n'),
    html: `<!doctype html><html lang="id"><body>${paragraphs.map((p) => `<p>${escape(p).replace(/\n/g, '<br>')}</p>`).join('')}</body></html>`,
  };
}
