/** Grey levels of an RGBA image, weighted as the eye sees them (what barcode readers expect). */
export function luminanceOf(rgba: Uint8ClampedArray, width: number, height: number): Uint8ClampedArray {
	const grey = new Uint8ClampedArray(width * height);
	for (let pixel = 0, at = 0; pixel < grey.length; pixel += 1, at += 4) {
		grey[pixel] = ((rgba[at] ?? 0) * 299 + (rgba[at + 1] ?? 0) * 587 + (rgba[at + 2] ?? 0) * 114) / 1000;
	}
	return grey;
}

/** The image `factor` times smaller, each pixel the average of the ones it covers. */
export function shrink(grey: Uint8ClampedArray, width: number, height: number, factor: number) {
	const smallWidth = Math.floor(width / factor);
	const smallHeight = Math.floor(height / factor);
	const small = new Uint8ClampedArray(smallWidth * smallHeight);
	for (let y = 0; y < smallHeight; y += 1) {
		for (let x = 0; x < smallWidth; x += 1) {
			let total = 0;
			for (let dy = 0; dy < factor; dy += 1) {
				for (let dx = 0; dx < factor; dx += 1)
					total += grey[(y * factor + dy) * width + x * factor + dx] ?? 0;
			}
			small[y * smallWidth + x] = total / (factor * factor);
		}
	}
	return { grey: small, width: smallWidth, height: smallHeight };
}

/**
 * zxing misses about half of the codes drawn with large, razor-sharp modules (a screenshot, a
 * printed label held close), yet reads them once shrunk, when module edges turn grey: so each
 * picture is tried at full size, then halved, then at a third, a fifth and a seventh.
 */
export const SHRINK_FACTORS = [1, 2, 3, 5, 7];
export const VIDEO_SHRINK_FACTORS = [1, 3];

/**
 * The text of the QR code in a grey image, read by zxing (for browsers without BarcodeDetector,
 * Firefox and desktop Chrome among them); null when there is none. Loaded only when needed.
 */
export async function decodeQrLuminance(
	grey: Uint8ClampedArray,
	width: number,
	height: number,
	/** A video frame comes again in 200 ms: it is tried at fewer sizes, to keep the page fluid. */
	factors: readonly number[] = SHRINK_FACTORS
): Promise<string | null> {
	const zxing = await import('@zxing/library');
	const hints = new Map([[zxing.DecodeHintType.TRY_HARDER, true]]);
	const unreadable = [zxing.NotFoundException, zxing.ChecksumException, zxing.FormatException];
	for (const factor of factors) {
		const image = factor === 1 ? { grey, width, height } : shrink(grey, width, height, factor);
		if (image.width < 21 || image.height < 21) break;
		const source = new zxing.RGBLuminanceSource(image.grey, image.width, image.height);
		try {
			return new zxing.QRCodeReader()
				.decode(new zxing.BinaryBitmap(new zxing.HybridBinarizer(source)), hints)
				.getText();
		} catch (problem) {
			// zxing reports "no code here" (and a code too damaged to read) by throwing these.
			if (!unreadable.some((kind) => problem instanceof kind)) throw problem;
		}
	}
	return null;
}
