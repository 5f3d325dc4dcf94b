// Draws the add-in's icons (a white "W" on a rounded blue square) as PNG files, with no image
// library: pixels are computed (4×4 supersampled for smooth edges) and written by a small PNG
// encoder over node:zlib. Run `node assets/make-icons.mjs`; it writes assets/icon-{16,32,64,80}.png.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZES = [16, 32, 64, 80];
const BRAND = [15, 108, 189]; // #0F6CBD, the panel's Fluent brand blue
const W_STROKE = [[0.2, 0.27], [0.35, 0.74], [0.5, 0.42], [0.65, 0.74], [0.8, 0.27]];
const STROKE_HALF_WIDTH = 0.065;
const CORNER = 0.2;
const SAMPLES = 4;

function distanceToSegment(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function insideRoundedSquare(x, y) {
  const cx = Math.min(Math.max(x, CORNER), 1 - CORNER);
  const cy = Math.min(Math.max(y, CORNER), 1 - CORNER);
  return Math.hypot(x - cx, y - cy) <= CORNER;
}

function onStroke(x, y) {
  for (let i = 1; i < W_STROKE.length; i++) if (distanceToSegment(x, y, W_STROKE[i - 1], W_STROKE[i]) <= STROKE_HALF_WIDTH) return true;
  return false;
}

/** RGBA pixel at (column, row) of a size×size icon: coverage of the square and of the W, averaged over samples. */
function pixel(size, column, row) {
  let square = 0, stroke = 0;
  for (let sy = 0; sy < SAMPLES; sy++) {
    for (let sx = 0; sx < SAMPLES; sx++) {
      const x = (column + (sx + 0.5) / SAMPLES) / size;
      const y = (row + (sy + 0.5) / SAMPLES) / size;
      if (!insideRoundedSquare(x, y)) continue;
      square++;
      if (onStroke(x, y)) stroke++;
    }
  }
  const n = SAMPLES * SAMPLES;
  if (square === 0) return [0, 0, 0, 0];
  const white = stroke / square;
  return [...BRAND.map((c) => Math.round(c + (255 - c) * white)), Math.round((255 * square) / n)];
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const rows = [];
  for (let row = 0; row < size; row++) {
    rows.push(0); // filter: none
    for (let column = 0; column < size; column++) rows.push(...pixel(size, column, row));
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.from(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const size of SIZES) writeFileSync(new URL(`./icon-${size}.png`, import.meta.url), png(size));
