import { readFileSync } from 'node:fs';
import { expect, expectAccessible, test } from './fixtures';

const clip = readFileSync('tests/fixtures/media/tone-cbr.mp3');
const oversized = Buffer.concat([clip, Buffer.alloc(2_100_000, 0xff)]);

// The editor's forms are plain HTML forms: without JavaScript the path is typed, stops are placed
// by their coordinates, and a refused file says why in the page that comes back.
test('without JavaScript, an editor types a path, adds a stop with its clip, is told a file is too large, and submits', async ({
	openPage,
	sessionOf
}) => {
	const page = await openPage({
		javaScriptEnabled: false,
		storageState: await sessionOf('yann@example.org')
	});
	const suffix = Date.now().toString(36);
	await page.goto('/groups/recouvrance-sonore/projects/new');
	await expectAccessible(page);
	await page.getByLabel('Project title').fill(`Quiet corners ${suffix}`);
	await page.getByRole('button', { name: 'Create the project' }).click();
	await expectAccessible(page);
	await page.getByLabel('Title of a new trail').fill(`Quiet walk ${suffix}`);
	await page.getByRole('button', { name: 'Create the trail' }).click();
	await expect(page).toHaveURL(/\/trails\/quiet-walk-[a-z0-9-]+\/edit$/);
	await expectAccessible(page);

	await page.getByLabel('Path points').fill('48.3836, -4.4950\nnot a point');
	await page.getByRole('button', { name: 'Save the trail' }).click();
	await expectAccessible(page);
	await expect(page.getByText('Each line of the path must be “latitude, longitude”')).toBeVisible();
	await page.getByLabel('Path points').fill('48.3836, -4.4950\n48.3828, -4.4953\n48.3868, -4.5005');
	await page.getByRole('button', { name: 'Save the trail' }).click();
	await expect(page.getByText('Trail saved.')).toBeVisible();
	await expectAccessible(page);

	await page.locator('#new-stop-title').fill('Tour Tanguy');
	await page.locator('#new-stop-latitude').fill('48.3828');
	await page.locator('#new-stop-longitude').fill('-4.4953');
	await page.getByRole('button', { name: 'Add the stop' }).click();
	await expect(page.getByText('Stop added.')).toBeVisible();
	await expectAccessible(page);

	const upload = page.locator('form[action="?/media"]');
	await page.getByText('Add audio, video or a photo to “Tour Tanguy”').click();
	await upload
		.getByLabel('File')
		.setInputFiles({ name: 'big.mp3', mimeType: 'audio/mpeg', buffer: oversized });
	await upload.getByLabel('Title', { exact: true }).fill('The tower');
	await upload.getByLabel('Author').fill('Yann Morvan');
	await upload.getByLabel(/^Transcript/).fill('Wind around the tower.');
	await upload.getByRole('button', { name: 'Upload the media' }).click();
	await expectAccessible(page);
	await expect(page.getByText('This file is too large: 2 MB at most for this kind of media.')).toBeVisible();
	// The refused form keeps what was typed, but a file is always chosen again.
	await expect(upload.getByLabel(/^Transcript/)).toHaveValue('Wind around the tower.');
	await upload.getByLabel('File').setInputFiles({ name: 'tower.mp3', mimeType: 'audio/mpeg', buffer: clip });
	await upload.getByRole('button', { name: 'Upload the media' }).click();
	await expect(page.getByText('Media added.')).toBeVisible();
	await expectAccessible(page);

	await page.getByRole('button', { name: 'Submit the trail for moderation' }).click();
	await expect(page.getByText(/Submitted for moderation/)).toBeVisible();
	await expectAccessible(page);
});
