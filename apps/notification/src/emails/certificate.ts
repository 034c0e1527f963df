import PDFDocument from 'pdfkit';

export interface CertificateFacts {
  nomineeName: string;
  title: string;
  categoryName: string;
  editionName: string;
  scopeName: string;
  rank: number;
  total: number;
}

/** The congratulation certificate (piagam penghargaan) of one winner, as a one-page A4 PDF. */
export function renderCertificate(f: CertificateFacts): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      layout: 'landscape',
      margin: 60,
      info: { Title: `Piagam ${f.title} — ${f.editionName}`, Author: 'Sekretariat Paritrana Award' },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    const { width, height } = doc.page;
    doc
      .lineWidth(4)
      .rect(25, 25, width - 50, height - 50)
      .stroke('#8a6d1d');
    doc
      .lineWidth(1)
      .rect(35, 35, width - 70, height - 70)
      .stroke('#8a6d1d');
    const centre = { align: 'center' as const, width: width - 120 };
    doc.moveDown(2).font('Helvetica-Bold').fontSize(30).fillColor('#5b4511').text('PIAGAM PENGHARGAAN', 60, 110, centre);
    doc.moveDown(0.5).font('Helvetica').fontSize(14).fillColor('#222').text(f.editionName, centre);
    doc.moveDown(1.5).fontSize(13).text('diberikan kepada', centre);
    doc.moveDown(0.5).font('Helvetica-Bold').fontSize(26).text(f.nomineeName, centre);
    doc.moveDown(1).font('Helvetica').fontSize(14).text(`sebagai ${f.title} (peringkat ${f.rank})`, centre);
    doc.moveDown(0.3).text(`kategori ${f.categoryName}, tingkat ${f.scopeName}`, centre);
    doc
      .moveDown(0.3)
      .text(`dengan nilai akhir ${f.total.toLocaleString('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`, centre);
    doc.moveDown(2).fontSize(12).text('atas komitmen dalam perlindungan jaminan sosial ketenagakerjaan bagi seluruh pekerja.', centre);
    doc.moveDown(2).font('Helvetica-Bold').fontSize(12).text('Sekretariat Paritrana Award', centre);
    doc.end();
  });
}
