/** Chart colours per theme (SVG attributes cannot read CSS variables reliably, so they live here). */
export const PALETTE = {
  light: { human: '#2f6fde', agent: '#e07b24', mean: '#8a94a6', tokens: '#7c4dcc', grid: '#e3e6ec', axis: '#5b6372', series: ['#2f6fde', '#e07b24', '#1c9d73', '#c2418a', '#7c4dcc', '#b08a13'] },
  dark: { human: '#6ea2ff', agent: '#ffa75a', mean: '#8d97a8', tokens: '#b191ff', grid: '#2c323d', axis: '#a3acbb', series: ['#6ea2ff', '#ffa75a', '#3cc79a', '#ee6fb4', '#b191ff', '#e3c04d'] },
} as const;
