// Draws the app and tray icons (a lens with a red record dot) as PNGs into assets/.
// Run once after changing the design: node scripts/make-icons.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};

function png(size, pixel) {
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) row.set(pixel((x + 0.5) / size, (y + 0.5) / size), 1 + x * 4);
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const lens = (recording) => (u, v) => {
  const r = Math.hypot(u - 0.5, v - 0.5);
  const dot = Math.hypot(u - 0.78, v - 0.22);
  if (dot < 0.12) return recording ? [224, 49, 49, 255] : [134, 142, 150, 255];
  if (r < 0.16) return [21, 24, 30, 255];
  if (r < 0.3) return [77, 171, 247, 255];
  if (r < 0.44) return [28, 126, 214, 255];
  return [0, 0, 0, 0];
};

writeFileSync('assets/icon.png', png(256, lens(true)));
writeFileSync('assets/tray-idle.png', png(32, lens(false)));
writeFileSync('assets/tray-recording.png', png(32, lens(true)));
console.log('wrote assets/icon.png, assets/tray-idle.png, assets/tray-recording.png');
