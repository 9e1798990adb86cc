import { crc32, deflateSync } from 'node:zlib';

/**
 * The sample images in examples/, drawn here so the project ships nothing it did not make. Each
 * carries a PNG tEXt chunk asking the embedded simulator for a score, so the quick start shows one
 * flagged and one clean result; the real BitMind API ignores the chunk.
 */
export interface Example {
  readonly file: string;
  readonly simulatorScore: number;
  readonly width: number;
  readonly height: number;
  readonly pixel: (x: number, y: number, w: number, h: number) => [number, number, number];
}

export const EXAMPLES: readonly Example[] = [
  {
    // A landscape: sky fading to a horizon, a sun, and a darker field.
    file: 'landscape.png',
    simulatorScore: 0.12,
    width: 320,
    height: 200,
    pixel: (x, y, w, h) => {
      const horizon = h * 0.62;
      const sun = Math.hypot(x - w * 0.72, y - h * 0.35) < h * 0.11;
      if (sun) return [255, 214, 120];
      if (y < horizon) {
        const t = y / horizon;
        return [Math.round(90 + 140 * t), Math.round(150 + 60 * t), Math.round(235 - 40 * t)];
      }
      const t = (y - horizon) / (h - horizon);
      const ripple = Math.sin(x / 9 + y / 4) * 8;
      return [Math.round(60 - 30 * t + ripple), Math.round(120 - 50 * t + ripple), Math.round(50 - 20 * t)];
    },
  },
  {
    // Smooth, symmetric interference bands: the kind of texture generators love.
    file: 'generated-art.png',
    simulatorScore: 0.93,
    width: 256,
    height: 256,
    pixel: (x, y, w, h) => {
      const dx = (x - w / 2) / w;
      const dy = (y - h / 2) / h;
      const r = Math.hypot(dx, dy);
      const v = Math.sin(r * 40) * 0.5 + 0.5;
      const u = Math.sin((dx + dy) * 18) * 0.5 + 0.5;
      return [Math.round(120 + 120 * v), Math.round(40 + 90 * u), Math.round(160 + 90 * (1 - v))];
    },
  },
];

export function renderPng(example: Example): Buffer {
  const { width, height } = example;
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      const [r, g, b] = example.pixel(x, y, width, height);
      raw.set([clamp(r), clamp(g), clamp(b)], row + 1 + x * 3);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit depth, truecolour, deflate, adaptive filtering, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('tEXt', Buffer.from(`Comment\0bitmind-sim-score=${example.simulatorScore}`, 'latin1')),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function clamp(v: number): number {
  return Math.max(0, Math.min(255, Math.round(v)));
}
