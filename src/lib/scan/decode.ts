/** Grey levels of an RGBA image, weighted as the eye sees them (what barcode readers expect). */
export function luminanceOf(rgba: Uint8ClampedArray, width: number, height: number): Uint8ClampedArray {
	const grey = new Uint8ClampedArray(width * height);
	for (let pixel = 0, at = 0; pixel < grey.length; pixel += 1, at += 4) {
		grey[pixel] = ((rgba[at] ?? 0) * 299 + (rgba[at + 1] ?? 0) * 587 + (rgba[at + 2] ?? 0) * 114) / 1000;
	}
	return grey;
}

/**
 * The text of the QR code in a grey image, read by zxing (for browsers without BarcodeDetector,
 * Firefox and desktop Chrome among them); null when there is none. Loaded only when needed.
 */
export async function decodeQrLuminance(
	grey: Uint8ClampedArray,
	width: number,
	height: number
): Promise<string | null> {
	const { BinaryBitmap, DecodeHintType, HybridBinarizer, QRCodeReader, RGBLuminanceSource } =
		await import('@zxing/library');
	const bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(grey, width, height)));
	try {
		return new QRCodeReader().decode(bitmap, new Map([[DecodeHintType.TRY_HARDER, true]])).getText();
	} catch {
		// zxing reports "no code here" (and a code too damaged to read) by throwing.
		return null;
	}
}
