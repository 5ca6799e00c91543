/**
 * Small hand-written SVG bar charts for embedding in a blog beside a period article (the app's
 * charts are React components; the core has no chart library). Every piece of text is escaped.
 */
export interface BarPoint {
  label: string;
  value: number | null;
}

export interface BarChartOptions {
  title: string;
  points: readonly BarPoint[];
  formatValue: (value: number) => string;
  width?: number;
  height?: number;
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** 1, 2 or 5 × a power of ten at or above the largest value, so the axis reads well. */
export function niceMax(value: number): number {
  if (!(value > 0) || !Number.isFinite(value)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

const fixed = (value: number) => (Math.round(value * 10) / 10).toString();

export function barChart(options: BarChartOptions): string {
  const width = options.width ?? 720;
  const height = options.height ?? 320;
  const margin = { top: 40, right: 16, bottom: 56, left: 56 };
  const plotWidth = width - margin.left - margin.right;
  const plotHeight = height - margin.top - margin.bottom;
  const values = options.points.map((point) => point.value ?? 0);
  const top = niceMax(Math.max(0, ...values));
  const slot = options.points.length > 0 ? plotWidth / options.points.length : plotWidth;
  const barWidth = Math.max(1, slot * 0.7);
  const labelEvery = Math.max(1, Math.ceil(options.points.length / 16));
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(options.title)}" font-family="system-ui, sans-serif" font-size="11">`,
    `<title>${escapeXml(options.title)}</title>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${margin.left}" y="22" font-size="14" font-weight="600" fill="#111827">${escapeXml(options.title)}</text>`,
  ];
  for (const fraction of [0, 0.5, 1]) {
    const y = margin.top + plotHeight * (1 - fraction);
    parts.push(
      `<line x1="${margin.left}" y1="${fixed(y)}" x2="${width - margin.right}" y2="${fixed(y)}" stroke="#e5e7eb"/>`,
      `<text x="${margin.left - 6}" y="${fixed(y + 4)}" text-anchor="end" fill="#6b7280">${escapeXml(options.formatValue(top * fraction))}</text>`,
    );
  }
  options.points.forEach((point, index) => {
    const x = margin.left + slot * index + (slot - barWidth) / 2;
    const center = x + barWidth / 2;
    if (point.value !== null) {
      const barHeight = (point.value / top) * plotHeight;
      const y = margin.top + plotHeight - barHeight;
      parts.push(
        `<rect class="bar" x="${fixed(x)}" y="${fixed(y)}" width="${fixed(barWidth)}" height="${fixed(barHeight)}" fill="#2563eb"><title>${escapeXml(`${point.label}: ${options.formatValue(point.value)}`)}</title></rect>`,
      );
    }
    if (index % labelEvery === 0) {
      parts.push(`<text x="${fixed(center)}" y="${height - margin.bottom + 16}" text-anchor="middle" fill="#374151">${escapeXml(point.label)}</text>`);
    }
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}
