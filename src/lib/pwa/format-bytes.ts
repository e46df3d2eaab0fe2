/** A storage size as people read it on a phone: "263 ko" / "263 kB", "1,4 Mo" / "1.4 MB", "12 Go" / "12 GB". */
export function formatBytes(bytes: number, locale: string): string {
	const [value, unit, digits] =
		bytes < 1e6
			? [bytes / 1e3, 'kilobyte', 0]
			: bytes < 1e9
				? [bytes / 1e6, 'megabyte', 1]
				: [bytes / 1e9, 'gigabyte', 1];
	return new Intl.NumberFormat(locale, { style: 'unit', unit, maximumFractionDigits: digits }).format(
		// Something stored is never "0 kB".
		bytes > 0 ? Math.max(value, 1 / 10 ** digits) : 0
	);
}
