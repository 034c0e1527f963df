/**
 * The 2024 Jambi results the demo reproduces once scored, as the news reports of the award
 * ceremony (Menara Mahligai Bank 9 Jambi, 10 June 2024) name them: Terbaik I–III for the
 * regencies, Terbaik I for the other categories. Names as the boards show them (governments from
 * the official region list, employers as nominated).
 */
export const JAMBI_2024_RESULTS: Readonly<Record<string, readonly string[]>> = {
  regency: ['Kabupaten Bungo', 'Kabupaten Muaro Jambi', 'Kota Jambi'],
  village: ['Arang Arang'],
  'employer-small-micro': ['Bobby Racing Shop'],
  'employer-education': ['Yayasan Pendidikan Unggul Sakti'],
  'employer-agriculture': ['PT Jamika Raya'],
  'employer-manufacturing': ['PT Lontar Papyrus Pulp & Paper Industry'],
  'employer-trade-services': ['PT Sumber Alfaria Trijaya Tbk'],
  'employer-finance': ['PT Bank Pembangunan Daerah Jambi (Bank 9 Jambi)'],
};
