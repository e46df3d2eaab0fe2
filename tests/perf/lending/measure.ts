// Timing helpers shared by the HTTP (autocannon) and the in-process runs, so both are summarised
// the same way: every answer's latency kept, percentiles by nearest rank, statuses counted.
import autocannon from 'autocannon';

export type Summary = {
	label: string;
	count: number;
	seconds: number;
	rps: number;
	p50: number;
	p95: number;
	p99: number;
	statuses: Record<string, number>;
};

export class Recorder {
	readonly latencies: number[] = [];
	readonly statuses: Record<string, number> = {};
	private started = performance.now();

	start() {
		this.started = performance.now();
	}

	record(status: number | string, milliseconds: number) {
		this.latencies.push(milliseconds);
		this.statuses[status] = (this.statuses[status] ?? 0) + 1;
	}

	summary(label: string, seconds = (performance.now() - this.started) / 1000): Summary {
		const sorted = [...this.latencies].sort((a, b) => a - b);
		const at = (q: number) => sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
		return {
			label,
			count: sorted.length,
			seconds,
			rps: sorted.length / seconds,
			p50: at(0.5),
			p95: at(0.95),
			p99: at(0.99),
			statuses: this.statuses
		};
	}
}

/** Runs `task` from `concurrency` workers, for `seconds` or until `amount` tasks have started. */
export async function runConcurrent(
	label: string,
	options: { concurrency: number; seconds?: number; amount?: number },
	task: (index: number) => Promise<number | string>
): Promise<Summary> {
	const recorder = new Recorder();
	const until = performance.now() + (options.seconds ?? Infinity) * 1000;
	const amount = options.amount ?? Infinity;
	let next = 0;
	recorder.start();
	await Promise.all(
		Array.from({ length: options.concurrency }, async () => {
			while (next < amount && performance.now() < until) {
				const index = next++;
				const begin = performance.now();
				const status = await task(index);
				recorder.record(status, performance.now() - begin);
			}
		})
	);
	return recorder.summary(label);
}

type HttpRequest = { method: string; path: string; headers?: Record<string, string>; body?: string };

/** autocannon with a request built per call; latencies come from its per-response events. */
export async function runHttp(
	label: string,
	options: { url: string; connections: number; seconds?: number; amount?: number },
	build: (index: number) => HttpRequest
): Promise<Summary> {
	const recorder = new Recorder();
	let next = 0;
	const instance = autocannon({
		url: options.url,
		connections: options.connections,
		duration: options.seconds ?? 3600,
		amount: options.amount,
		timeout: 30,
		requests: [{ setupRequest: (request) => ({ ...request, ...build(next++) }) }]
	});
	instance.on('response', (_client, status, _bytes, milliseconds) => recorder.record(status, milliseconds));
	recorder.start();
	const result = await instance;
	if (result.errors > 0) recorder.statuses.errors = result.errors;
	return recorder.summary(label);
}

export function formatSummary({ label, count, rps, p50, p95, p99, statuses }: Summary): string {
	const answers = Object.entries(statuses)
		.map(([status, n]) => `${status}×${n}`)
		.join(' ');
	return `  ${label.padEnd(34)} ${String(count).padStart(6)} in ${rps.toFixed(0).padStart(5)}/s   p50 ${p50.toFixed(1).padStart(6)} ms   p95 ${p95.toFixed(1).padStart(6)} ms   p99 ${p99.toFixed(1).padStart(6)} ms   ${answers}`;
}
