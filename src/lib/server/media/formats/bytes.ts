/** The bytes at `offset` read as ASCII text, shorter when the input ends first. */
export const ascii = (bytes: Uint8Array, offset: number, length: number) =>
	String.fromCharCode(...bytes.subarray(offset, offset + length));

export const viewOf = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** An unsigned 64-bit value as a number; precise up to 2^53, more than any file here holds. */
export const uint64 = (view: DataView, offset: number, littleEndian = false) =>
	Number(view.getBigUint64(offset, littleEndian));
