import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROUTES = 'src/routes';
const SERVER_FILE = /^\+(page|layout)\.server\.ts$|^\+server\.ts$/;

function serverFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return serverFiles(path);
		return SERVER_FILE.test(entry.name) ? [path] : [];
	});
}

// Routes parse input and call guarded use cases; they never hold tables or write queries.
const DIRECT_DATA_ACCESS = [
	{ what: 'imports drizzle-orm', pattern: /from ['"]drizzle-orm/ },
	{ what: 'imports a table', pattern: /from ['"][^'"]*(\.table|\/db\/schema)['"]/ },
	{ what: 'imports the database client', pattern: /from ['"]\$lib\/server\/db\/client['"]/ },
	{
		what: 'queries the database',
		pattern: /\bdb\.(select|insert|update|delete|execute|transaction)\(|\bdb\.query\./
	}
];

describe('routes reach data only through use cases', () => {
	const files = serverFiles(ROUTES);

	it('finds the route files, staff area included', () => {
		expect(files.some((file) => file.includes(`${join(ROUTES, 'admin')}`))).toBe(true);
	});

	it.each(files.map((file) => [relative('.', file)]))('%s', (file) => {
		const source = readFileSync(file, 'utf8');
		const offences = DIRECT_DATA_ACCESS.filter(({ pattern }) => pattern.test(source)).map(({ what }) => what);
		expect(offences).toEqual([]);
	});

	it('every staff route that loads or acts calls something from a server domain module', () => {
		const staff = files.filter((file) => file.startsWith(join(ROUTES, 'admin')));
		for (const file of staff) {
			const source = readFileSync(file, 'utf8');
			expect(source, file).toMatch(
				/from ['"]\$lib\/server\/(auth|mail|lending|learning|trails|groups|institutes|audit|accounts)\//
			);
		}
	});
});
