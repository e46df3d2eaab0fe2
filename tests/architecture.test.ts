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

	it('every use case a staff route calls checks permission first', () => {
		const staff = files.filter((file) => file.startsWith(join(ROUTES, 'admin')));
		const called = staff.flatMap((file) => useCasesImportedBy(readFileSync(file, 'utf8')));
		expect(called.length).toBeGreaterThan(0);
		for (const { name, module } of called) {
			expect(bodyOf(name, module), `${name} in ${module}`).toMatch(/^\s*authorize\(/);
		}
	});
});

// Permission checks themselves (can, isStaff) are the guard, not use cases.
const DOMAIN_IMPORT = /import \{([^}]+)\} from '\$lib\/server\/(?!auth\/permissions)([\w-]+(?:\/[\w-]+)+)';/g;

function useCasesImportedBy(source: string): { name: string; module: string }[] {
	return [...source.matchAll(DOMAIN_IMPORT)].flatMap(([, names = '', module = '']) =>
		names
			.split(',')
			.map((name) => name.trim())
			.filter((name) => name && !name.startsWith('type '))
			.map((name) => ({ name, module: `src/lib/server/${module}.ts` }))
	);
}

/** The statements of an exported function, from just after its opening brace. */
function bodyOf(name: string, module: string): string {
	const source = readFileSync(module, 'utf8');
	const start = source.search(new RegExp(`export (async )?function ${name}\\b`));
	if (start < 0) return '';
	// The body's brace ends the signature's line (after the parameters or the return type).
	const signatureEnd = /[)>]\s*\{\s*\n/.exec(source.slice(start));
	if (!signatureEnd) return '';
	const open = start + signatureEnd.index + signatureEnd[0].length - 1;
	return source.slice(open);
}
