import { Resvg } from '@resvg/resvg-js';
import { percentile, type Second } from './timeline';

const WIDTH = 1000;
const PANEL = 260;
const MARGIN = { left: 70, right: 20, top: 40, gap: 70 };

interface Series {
  label: string;
  color: string;
  values: Array<number | undefined>;
}

/** The run as a PNG: nominations per second (submitted, scored, ranked) above, latency percentiles below. */
export function renderChart(seconds: Second[], title: string): Buffer {
  const throughput: Series[] = [
    { label: 'submitted/s', color: '#1f77b4', values: seconds.map((s) => s.submitted) },
    { label: 'scored/s', color: '#ff7f0e', values: seconds.map((s) => s.scored) },
    { label: 'ranked/s', color: '#2ca02c', values: seconds.map((s) => s.ranked) },
  ];
  const latency: Series[] = [50, 95, 99].map((p, i) => ({
    label: `p${p} ms`,
    color: ['#2ca02c', '#ff7f0e', '#d62728'][i],
    values: seconds.map((s) =>
      s.latenciesMs.length > 0
        ? percentile(
            [...s.latenciesMs].sort((a, b) => a - b),
            p,
          )
        : undefined,
    ),
  }));
  const height = MARGIN.top + 2 * PANEL + MARGIN.gap + 40;
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" font-family="DejaVu Sans, sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="${WIDTH / 2}" y="22" text-anchor="middle" font-size="15">${escape(title)}</text>`,
    panel(throughput, seconds.length, MARGIN.top, 'nominations per second'),
    panel(latency, seconds.length, MARGIN.top + PANEL + MARGIN.gap, 'submit → ranked (ms), by second ranked'),
    `<text x="${WIDTH / 2}" y="${height - 8}" text-anchor="middle">seconds since the bench started</text>`,
    '</svg>',
  ].join('\n');
  return new Resvg(svg, { font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } }).render().asPng();
}

function panel(series: Series[], length: number, top: number, label: string): string {
  const width = WIDTH - MARGIN.left - MARGIN.right;
  const max = niceMax(Math.max(1, ...series.flatMap((s) => s.values.filter((v): v is number => v !== undefined))));
  const x = (t: number) => MARGIN.left + (t / Math.max(1, length - 1)) * width;
  const y = (v: number) => top + PANEL - (v / max) * PANEL;
  const parts = [`<rect x="${MARGIN.left}" y="${top}" width="${width}" height="${PANEL}" fill="none" stroke="#999"/>`];
  parts.push(`<text x="${MARGIN.left}" y="${top - 8}">${escape(label)}</text>`);
  for (let i = 0; i <= 4; i++) {
    const v = (max * i) / 4;
    parts.push(`<line x1="${MARGIN.left}" x2="${MARGIN.left + width}" y1="${y(v)}" y2="${y(v)}" stroke="#eee"/>`);
    parts.push(`<text x="${MARGIN.left - 6}" y="${y(v) + 4}" text-anchor="end">${Math.round(v).toLocaleString('en')}</text>`);
  }
  const step = niceMax(length / 10) || 1;
  for (let t = 0; t < length; t += step) {
    parts.push(`<text x="${x(t)}" y="${top + PANEL + 16}" text-anchor="middle">${t}</text>`);
  }
  series.forEach((s, i) => {
    const points = s.values.map((v, t) => (v === undefined ? undefined : `${x(t).toFixed(1)},${y(v).toFixed(1)}`));
    for (const run of runsOf(points))
      parts.push(`<polyline points="${run.join(' ')}" fill="none" stroke="${s.color}" stroke-width="1.5"/>`);
    const lx = MARGIN.left + width - 130;
    parts.push(
      `<line x1="${lx}" x2="${lx + 20}" y1="${top + 14 + i * 16}" y2="${top + 14 + i * 16}" stroke="${s.color}" stroke-width="3"/>`,
    );
    parts.push(`<text x="${lx + 26}" y="${top + 18 + i * 16}">${escape(s.label)}</text>`);
  });
  return parts.join('\n');
}

/** Consecutive defined points: a gap in the data is a gap in the line. */
function runsOf(points: Array<string | undefined>): string[][] {
  const runs: string[][] = [[]];
  for (const p of points) {
    if (p === undefined) {
      if (runs[runs.length - 1].length > 0) runs.push([]);
    } else runs[runs.length - 1].push(p);
  }
  return runs.filter((r) => r.length > 0);
}

function niceMax(v: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(v));
  return [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((n) => n >= v)!;
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
