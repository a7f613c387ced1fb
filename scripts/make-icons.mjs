#!/usr/bin/env node
/**
 * Draws the add-in icons (a white shield with a check mark on the Fluent brand blue)
 * and writes them as PNG files to assets/icon-<size>.png. No image library: shapes are
 * sampled 4×4 times per pixel for anti-aliasing and encoded with node:zlib.
 * The output is deterministic, so re-running it leaves git clean.
 *
 *   node scripts/make-icons.mjs
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { deflateSync } from "node:zlib";

const SIZES = [16, 32, 64, 80, 128];
const SAMPLES = 4;
const BRAND = [0x0f, 0x6c, 0xbd];
const WHITE = [0xff, 0xff, 0xff];

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const outDir = join(root, "assets");

/** Inside a square of side 1 with rounded corners of radius r. */
function inRoundedSquare(x, y, r) {
  const dx = Math.max(r - x, 0, x - (1 - r));
  const dy = Math.max(r - y, 0, y - (1 - r));
  return dx * dx + dy * dy <= r * r;
}

/** Inside the shield: straight sides down to y = 0.5, then an elliptical point at y = 0.86. */
function inShield(x, y) {
  const top = 0.16;
  const shoulder = 0.5;
  const tip = 0.86;
  const half = 0.3;
  if (y < top || y > tip) return false;
  if (y <= shoulder) return Math.abs(x - 0.5) <= half;
  const t = (y - shoulder) / (tip - shoulder);
  return Math.abs(x - 0.5) <= half * Math.sqrt(1 - t * t);
}

function distanceToSegment(px, py, ax, ay, bx, by) {
  const vx = bx - ax;
  const vy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * vx + (py - ay) * vy) / (vx * vx + vy * vy)));
  return Math.hypot(px - (ax + t * vx), py - (ay + t * vy));
}

/** Inside the check mark drawn over the shield. */
function inCheck(x, y, size) {
  const width = Math.max(0.065, 1.6 / size);
  return (
    distanceToSegment(x, y, 0.36, 0.49, 0.46, 0.6) <= width ||
    distanceToSegment(x, y, 0.46, 0.6, 0.65, 0.38) <= width
  );
}

/** Colour and coverage of one sample point, or undefined when it is transparent. */
function sample(x, y, size) {
  if (!inRoundedSquare(x, y, 0.2)) return undefined;
  if (inShield(x, y) && !inCheck(x, y, size)) return WHITE;
  return BRAND;
}

function render(size) {
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let hits = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const color = sample((px + (sx + 0.5) / SAMPLES) / size, (py + (sy + 0.5) / SAMPLES) / size, size);
          if (!color) continue;
          r += color[0];
          g += color[1];
          b += color[2];
          hits++;
        }
      }
      const at = (py * size + px) * 4;
      if (hits > 0) {
        rgba[at] = Math.round(r / hits);
        rgba[at + 1] = Math.round(g / hits);
        rgba[at + 2] = Math.round(b / hits);
        rgba[at + 3] = Math.round((255 * hits) / (SAMPLES * SAMPLES));
      }
    }
  }
  return rgba;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Encodes RGBA pixels as a PNG (colour type 6, 8 bits, filter 0 on every row). */
function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8;
  header[9] = 6;
  const stride = size * 4;
  const raw = Buffer.alloc((stride + 1) * size);
  for (let row = 0; row < size; row++) {
    rgba.copy(raw, row * (stride + 1) + 1, row * stride, (row + 1) * stride);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

mkdirSync(outDir, { recursive: true });
for (const size of SIZES) {
  const file = join(outDir, `icon-${size}.png`);
  writeFileSync(file, encodePng(size, render(size)));
  process.stdout.write(`wrote ${file}\n`);
}
