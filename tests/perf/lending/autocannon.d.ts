// The part of autocannon's API the lending benchmark uses (the package ships no types).
declare module 'autocannon' {
	type Request = { method?: string; path?: string; headers?: Record<string, string>; body?: string };
	type Options = {
		url: string;
		connections?: number;
		duration?: number;
		amount?: number;
		timeout?: number;
		requests?: { setupRequest?: (request: Request) => Request }[];
	};
	type Result = { errors: number; timeouts: number; non2xx: number };
	type Instance = PromiseLike<Result> & {
		on(
			event: 'response',
			listener: (client: unknown, status: number, bytes: number, milliseconds: number) => void
		): void;
	};
	export default function autocannon(options: Options): Instance;
}
