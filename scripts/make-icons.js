// Draws the app icons (a rising three-bar chart on the brand blue) as PNG
// files without any image library, so they can be remade on any machine:
//   node scripts/make-icons.js
import { deflateSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';

const BLUE = [0x1d, 0x4e, 0x89];
const WHITE = [0xff, 0xff, 0xff];
const GOLD = [0xf2, 0xa9, 0x00];

function crc32(buf) {
	let c,
		crc = 0xffffffff;
	for (const byte of buf) {
		c = (crc ^ byte) & 0xff;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		crc = (crc >>> 8) ^ c;
	}
	return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
	const len = Buffer.alloc(4);
	len.writeUInt32BE(data.length);
	const body = Buffer.concat([Buffer.from(type), data]);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(body));
	return Buffer.concat([len, body, crc]);
}

/** `safe` shrinks the drawing into the inner 80 % that maskable icons guarantee. */
function icon(size, safe) {
	const inset = safe ? 0.2 : 0.12;
	const lo = size * inset,
		hi = size * (1 - inset),
		span = hi - lo;
	const bars = [0.35, 0.6, 0.9].map((h, i) => ({
		x0: lo + span * (0.05 + i * 0.33),
		x1: lo + span * (0.28 + i * 0.33),
		top: hi - span * h
	}));
	const goalY = hi - span * 0.75;
	const raw = Buffer.alloc(size * (size * 3 + 1));
	for (let y = 0; y < size; y++) {
		raw[y * (size * 3 + 1)] = 0;
		for (let x = 0; x < size; x++) {
			let color = BLUE;
			if (bars.some((b) => x >= b.x0 && x < b.x1 && y >= b.top && y < hi)) color = WHITE;
			if (Math.abs(y - goalY) < size * 0.012 && x >= lo && x < hi) color = GOLD;
			raw.set(color, y * (size * 3 + 1) + 1 + x * 3);
		}
	}
	const header = Buffer.alloc(13);
	header.writeUInt32BE(size, 0);
	header.writeUInt32BE(size, 4);
	header[8] = 8; // bit depth
	header[9] = 2; // RGB
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', header),
		chunk('IDAT', deflateSync(raw)),
		chunk('IEND', Buffer.alloc(0))
	]);
}

mkdirSync('static/icons', { recursive: true });
writeFileSync('static/icons/icon-192.png', icon(192, false));
writeFileSync('static/icons/icon-512.png', icon(512, false));
writeFileSync('static/icons/icon-maskable-512.png', icon(512, true));
writeFileSync('static/favicon.png', icon(48, false));
console.log('Ikoner skrivna till static/icons/ och static/favicon.png');
