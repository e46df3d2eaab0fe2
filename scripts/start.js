// `npm start`: builds the portal if needed, then serves it. Without DATABASE_URL it runs on the
// embedded PGlite in ./data, seeded with the Brest demo on first start.
import { buildIfStale } from './build-if-stale.js';
import { loadEnv } from './load-env.js';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 17)) {
	console.error(`Node ${process.versions.node} is too old: the portal needs Node >= 22.17.`);
	console.error('Start it with `npm start`, which uses the Node 24 that `npm install` put in node_modules.');
	process.exit(1);
}

loadEnv();
buildIfStale();
process.env.PORT ??= '3000';
process.env.ORIGIN ??= `http://localhost:${process.env.PORT}`;
process.env.NODE_ENV ??= 'production';
// adapter-node refuses bodies over 512 kB by default: a phone's photo is several megabytes.
const largestUpload = Math.max(
	...[
		[process.env.PHOTO_MAX_MB, 15],
		[process.env.AUDIO_MAX_MB, 40],
		[process.env.VIDEO_MAX_MB, 200],
		[process.env.ATTACHMENT_MAX_MB, 10]
	].map(([value, fallback]) => Number(value || fallback))
);
process.env.BODY_SIZE_LIMIT ??= `${largestUpload + 1}M`;
await import('../build/index.js');
