// Draws the app icon (a rounded teal square with a white cross) and writes build/icons/icon.png, using only node:zlib.
// Usage: node build/make-icon.mjs [size]   (default 1024; electron-builder derives .ico and .icns from it)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(bytes) {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Encodes RGBA pixels (width*height*4 bytes) as a PNG. */
export function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  const rows = Buffer.alloc(height * (1 + width * 4));
  for (let y = 0; y < height; y++) {
    rows[y * (1 + width * 4)] = 0; // filter: none
    rgba.copy(rows, y * (1 + width * 4) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Signed distance from (x, y) to a rounded box centred at (cx, cy) with half sizes hw, hh and corner radius r. */
function roundedBox(x, y, cx, cy, hw, hh, r) {
  const qx = Math.abs(x - cx) - (hw - r);
  const qy = Math.abs(y - cy) - (hh - r);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}

const coverage = (distance) => Math.min(1, Math.max(0, 0.5 - distance));
const mix = (a, b, t) => a + (b - a) * t;

export function drawIcon(size) {
  const s = size / 1024; // the design is drawn on a 1024 grid
  const c = size / 2;
  const top = [0x2a, 0xa8, 0x98]; // calm teal, lighter at the top …
  const bottom = [0x0f, 0x76, 0x6e]; // … deeper at the bottom
  const pixels = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    const t = y / (size - 1);
    const teal = top.map((channel, i) => mix(channel, bottom[i], t));
    for (let x = 0; x < size; x++) {
      const px = x + 0.5;
      const py = y + 0.5;
      const square = coverage(roundedBox(px, py, c, c, 448 * s, 448 * s, 200 * s));
      const cross = coverage(Math.min(roundedBox(px, py, c, c, 110 * s, 300 * s, 36 * s), roundedBox(px, py, c, c, 300 * s, 110 * s, 36 * s)));
      const offset = (y * size + x) * 4;
      for (let i = 0; i < 3; i++) pixels[offset + i] = Math.round(mix(teal[i], 255, cross));
      pixels[offset + 3] = Math.round(255 * square);
    }
  }
  return encodePng(size, size, pixels);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const size = Number(process.argv[2] ?? 1024);
  const out = path.join(path.dirname(fileURLToPath(import.meta.url)), 'icons', 'icon.png');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, drawIcon(size));
  console.log(`Wrote ${out} (${size}x${size})`);
}
