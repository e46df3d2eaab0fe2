import { decodeQrLuminance, luminanceOf, SHRINK_FACTORS, VIDEO_SHRINK_FACTORS } from './decode';

type Detector = { detect(source: CanvasImageSource): Promise<{ rawValue: string }[]> };
type DetectorClass = {
	new (options: { formats: string[] }): Detector;
	getSupportedFormats(): Promise<string[]>;
};

let native: Promise<Detector | null> | undefined;

/** The browser's own QR reader (Chrome on Android, Safari), when it has one. */
function nativeDetector(): Promise<Detector | null> {
	native ??= (async () => {
		const Detector = (globalThis as { BarcodeDetector?: DetectorClass }).BarcodeDetector;
		if (!Detector) return null;
		const formats = await Detector.getSupportedFormats().catch((): string[] => []);
		return formats.includes('qr_code') ? new Detector({ formats: ['qr_code'] }) : null;
	})();
	return native;
}

/** Longest side a frame is scaled to before zxing reads it: enough for a code held near the lens. */
const MAX_SIDE = 960;

/** The text of a QR code in a video frame or a picture, or null when none can be read. */
export async function readQr(
	source: HTMLVideoElement | ImageBitmap,
	width: number,
	height: number,
	canvas: HTMLCanvasElement
): Promise<string | null> {
	const detector = await nativeDetector();
	if (detector) {
		const [found] = await detector.detect(source).catch(() => []);
		return found?.rawValue ?? null;
	}
	const scale = Math.min(1, MAX_SIDE / Math.max(width, height));
	canvas.width = Math.max(1, Math.round(width * scale));
	canvas.height = Math.max(1, Math.round(height * scale));
	const context = canvas.getContext('2d', { willReadFrequently: true });
	if (!context) return null;
	context.drawImage(source, 0, 0, canvas.width, canvas.height);
	const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
	const factors = 'videoWidth' in source ? VIDEO_SHRINK_FACTORS : SHRINK_FACTORS;
	return decodeQrLuminance(
		luminanceOf(data, canvas.width, canvas.height),
		canvas.width,
		canvas.height,
		factors
	);
}
