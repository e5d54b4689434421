// Starts the production build. `npm start` builds first; `npm run serve` only starts.
import { existsSync } from 'node:fs';

if (!existsSync('build/index.js')) {
	console.error('Ingen bygg-katalog hittades. Kör "npm run build" först (eller "npm start", som bygger).');
	process.exit(1);
}
process.env.PORT ??= '3000';
process.env.HOST ??= '0.0.0.0';
// The sync endpoint takes up to 5 MB and answers larger bodies with a Swedish message; adapter-node's own default is 512 KB.
process.env.BODY_SIZE_LIMIT ??= '6M';
await import('../build/index.js');
console.log(`\nLägesbild körs: öppna http://localhost:${process.env.PORT} i webbläsaren (avsluta med Ctrl+C).\n`);
