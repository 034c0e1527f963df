import type { Area } from './index';

const id = {
  title: 'Hasil Paritrana Award',
  titleEdition: 'Hasil {{name}}',
  lead: 'Pemenang yang telah ditetapkan dan diumumkan oleh ketua panel, per provinsi dan kategori, beserta pemenang tingkat nasional dan zona.',
  edition: 'Edisi',
  years: 'Periode penilaian {{assessment}}, penganugerahan {{award}}',
  national: 'Tingkat nasional dan zona',
  provinces: 'Tingkat provinsi',
  search: 'Cari provinsi atau pemenang',
  searchPlaceholder: 'Contoh: Jambi atau Bungo',
  noMatch: 'Tidak ada provinsi atau pemenang dengan nama itu.',
  nothingYet: 'Belum ada hasil yang diumumkan. Hasil tampil di sini setelah ketua panel mengumumkan papan peringkat.',
  notPublished: 'Belum ada hasil {{edition}} yang diumumkan.',
  caption: 'Pemenang kategori {{category}}, {{scope}}',
  titleCol: 'Predikat',
  winner: 'Pemenang',
  publishedOn: 'Diumumkan {{date}}',
  share: 'Tautan halaman ini: {{url}}',
  provinceCount: '{{count}} provinsi telah mengumumkan hasil',
};

const en: typeof id = {
  title: 'Paritrana Award results',
  titleEdition: 'Results of {{name}}',
  lead: 'The winners decided and published by the panel chairs, by province and category, with the national and zone winners.',
  edition: 'Edition',
  years: 'Assessment period {{assessment}}, awarded {{award}}',
  national: 'National and zone level',
  provinces: 'Provincial level',
  search: 'Search a province or winner',
  searchPlaceholder: 'E.g. Jambi or Bungo',
  noMatch: 'No province or winner by that name.',
  nothingYet: 'No results have been published yet. They appear here once a panel chair publishes a board.',
  notPublished: 'No results of {{edition}} have been published yet.',
  caption: 'Winners of {{category}}, {{scope}}',
  titleCol: 'Title',
  winner: 'Winner',
  publishedOn: 'Published {{date}}',
  share: 'Link to this page: {{url}}',
  provinceCount: '{{count}} provinces have published results',
};

export const results: Area<typeof id> = { key: 'results', id, en };
