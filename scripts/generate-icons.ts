/**
 * Draws the app and tray icons into resources/ (small PNGs, so no binary design files are kept):
 * a lever on its fulcrum. Run after changing the drawing: `npm exec -- node scripts/generate-icons.ts`.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

type Rgb = readonly [number, number, number];
type Point = readonly [number, number];

const RESOURCES = path.resolve(import.meta.dirname, '../resources');
const SAMPLES = 4; // per axis: 16 samples per pixel for anti-aliasing

/** Coverage of the glyph at a point of the unit square. */
function insideGlyph(x: number, y: number): boolean {
  return insideTriangle([x, y], [0.5, 0.56], [0.3, 0.86], [0.7, 0.86]) || nearSegment([x, y], [0.1, 0.7], [0.9, 0.36], 0.055) || Math.hypot(x - 0.2, y - 0.5) < 0.1;
}

function insideTriangle(p: Point, a: Point, b: Point, c: Point): boolean {
  const side = (u: Point, v: Point) => (p[0] - v[0]) * (u[1] - v[1]) - (u[0] - v[0]) * (p[1] - v[1]);
  const d1 = side(a, b);
  const d2 = side(b, c);
  const d3 = side(c, a);
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
}

function nearSegment(p: Point, a: Point, b: Point, halfWidth: number): boolean {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy)) < halfWidth;
}

function insideRoundedSquare(x: number, y: number, inset: number, radius: number): boolean {
  const cx = Math.min(Math.max(x, inset + radius), 1 - inset - radius);
  const cy = Math.min(Math.max(y, inset + radius), 1 - inset - radius);
  return Math.hypot(x - cx, y - cy) <= radius;
}

function coverage(px: number, py: number, size: number, test: (x: number, y: number) => boolean): number {
  let hits = 0;
  for (let sy = 0; sy < SAMPLES; sy++) {
    for (let sx = 0; sx < SAMPLES; sx++) {
      if (test((px + (sx + 0.5) / SAMPLES) / size, (py + (sy + 0.5) / SAMPLES) / size)) hits++;
    }
  }
  return hits / (SAMPLES * SAMPLES);
}

/** RGBA pixels: the glyph in `glyph` colour, over an optional rounded-square background. */
function draw(size: number, glyph: Rgb, background: Rgb | null): Uint8Array {
  const pixels = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      // On the app icon the glyph sits inside the background's margin.
      const glyphCover = background ? coverage(x, y, size, (u, v) => insideGlyph((u - 0.18) / 0.64, (v - 0.18) / 0.64)) : coverage(x, y, size, insideGlyph);
      const backCover = background ? coverage(x, y, size, (u, v) => insideRoundedSquare(u, v, 0.04, 0.2)) : 0;
      const alpha = Math.max(glyphCover, backCover);
      const colour = background ? background.map((channel, index) => channel + ((glyph[index] ?? 0) - channel) * glyphCover) : glyph;
      const offset = (y * size + x) * 4;
      pixels[offset] = Math.round(colour[0] ?? 0);
      pixels[offset + 1] = Math.round(colour[1] ?? 0);
      pixels[offset + 2] = Math.round(colour[2] ?? 0);
      pixels[offset + 3] = Math.round(alpha * 255);
    }
  }
  return pixels;
}

function png(size: number, rgba: Uint8Array): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rows.set(rgba.subarray(y * size * 4, (y + 1) * size * 4), y * (size * 4 + 1) + 1);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', zlib.deflateSync(rows, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

const DARK_GLYPH: Rgb = [32, 32, 36];
const LIGHT_GLYPH: Rgb = [240, 240, 244];
const BLACK: Rgb = [0, 0, 0];
const BRAND: Rgb = [43, 58, 103];

const outputs: Array<[string, number, Rgb, Rgb | null]> = [
  ['icon.png', 512, LIGHT_GLYPH, BRAND],
  ['tray-light.png', 16, DARK_GLYPH, null],
  ['tray-light@2x.png', 32, DARK_GLYPH, null],
  ['tray-dark.png', 16, LIGHT_GLYPH, null],
  ['tray-dark@2x.png', 32, LIGHT_GLYPH, null],
  ['trayTemplate.png', 16, BLACK, null],
  ['trayTemplate@2x.png', 32, BLACK, null],
];
fs.mkdirSync(RESOURCES, { recursive: true });
for (const [name, size, glyph, background] of outputs) {
  const file = path.join(RESOURCES, name);
  fs.writeFileSync(file, png(size, draw(size, glyph, background)));
  console.log(`${name}: ${size}×${size}, ${fs.statSync(file).size} bytes`);
}
