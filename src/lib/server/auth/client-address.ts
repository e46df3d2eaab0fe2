/** The header the portal itself sets from the socket address; any client-sent value is replaced. */
export const CLIENT_ADDRESS_HEADER = 'x-commons-client-address';

export function withClientAddress(headers: Headers, address: string): Headers {
	const copy = new Headers(headers);
	copy.set(CLIENT_ADDRESS_HEADER, address);
	return copy;
}

export function clientAddressOf(headers: Headers | undefined): string {
	return headers?.get(CLIENT_ADDRESS_HEADER) ?? 'unknown';
}
