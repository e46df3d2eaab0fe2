import { readFileSync } from 'node:fs';
import { expect, expectAccessible, test } from './fixtures';
import { serveTiles } from './tiles';

const clip = readFileSync('tests/fixtures/media/tone-cbr.mp3');

test('a group member creates a project, draws a trail with three stops and their audio, submits it, a moderator publishes it, and it is on the public map and in the GeoJSON', async ({
	openPage,
	sessionOf
}) => {
	const member = await openPage({ storageState: await sessionOf('camille@example.org') });
	await serveTiles(member.context());
	const suffix = Date.now().toString(36);
	const projectTitle = `Marées de Brest ${suffix}`;
	const trailTitle = `Balade des marées ${suffix}`;

	await member.goto('/groups/recouvrance-sonore');
	await expectAccessible(member);
	await member.getByRole('link', { name: 'Nouveau projet' }).click();
	await expectAccessible(member);
	await member.getByLabel('Titre du projet').fill(projectTitle);
	await member.getByLabel('Résumé').fill('Les bruits du port à marée haute et basse.');
	await member.getByRole('checkbox', { name: 'Mer et port' }).check();
	await member.getByLabel('Licence Creative Commons').selectOption('cc-by-sa-4.0');
	await member.getByRole('button', { name: 'Créer le projet' }).click();
	await expect(member).toHaveURL(/\/projects\/marees-de-brest-[a-z0-9-]+\/edit$/);
	await expectAccessible(member);

	await member.getByLabel('Titre d’un nouveau parcours').fill(trailTitle);
	await member.getByRole('button', { name: 'Créer le parcours' }).click();
	await expect(member).toHaveURL(/\/trails\/balade-des-marees-[a-z0-9-]+\/edit$/);
	const trailPath = new URL(member.url()).pathname.replace(/\/edit$/, '');
	const slug = trailPath.split('/').at(-1) ?? '';
	await expectAccessible(member);

	// Draw the path: three taps on the map in "draw" mode fill the points field.
	const map = member.getByTestId('trail-editor-map');
	await expect(map.locator('.leaflet-tile-loaded').first()).toBeVisible();
	for (const [x, y] of [
		[80, 120],
		[180, 160],
		[280, 220]
	] as const) {
		await map.click({ position: { x, y } });
	}
	const points = member.getByLabel('Points du tracé');
	await expect(points).toHaveValue(
		/^-?\d+\.\d+, -?\d+\.\d+\n-?\d+\.\d+, -?\d+\.\d+\n-?\d+\.\d+, -?\d+\.\d+$/
	);
	await member.getByRole('button', { name: 'Enregistrer le parcours' }).click();
	await expect(member.getByText('Parcours enregistré.')).toBeVisible();

	// Three stops, each placed by a tap in "place a stop" mode, each with a clip and its transcript.
	await member.getByRole('button', { name: 'Placer un arrêt' }).click();
	const stops = ['La cale', 'Le bassin', 'La digue'];
	for (const [index, title] of stops.entries()) {
		await map.click({ position: { x: 90 + index * 90, y: 130 + index * 40 } });
		await expect(member.locator('#new-stop-latitude')).not.toHaveValue('');
		await member.locator('#new-stop-title').fill(title);
		await member.getByRole('button', { name: 'Ajouter l’arrêt' }).click();
		await expect(member.getByRole('heading', { level: 3, name: new RegExp(title) })).toBeVisible();

		await member.getByText(`Ajouter un son, une vidéo ou une photo à « ${title} »`).click();
		const upload = member.locator('form[action="?/media"]').nth(index);
		await upload
			.getByLabel('Fichier')
			.setInputFiles({ name: `${title}.mp3`, mimeType: 'audio/mpeg', buffer: clip });
		await upload.getByLabel('Titre', { exact: true }).fill(`Son de ${title}`);
		await upload.getByLabel('Autrice ou auteur').fill('Camille Le Bihan');
		await upload.getByLabel(/^Transcription/).fill(`Le bruit de l’eau à ${title}.`);
		await upload.getByRole('button', { name: 'Envoyer le média' }).click();
		await expect(member.getByText('Média ajouté.')).toBeVisible();
		await expect(member.getByRole('button', { name: `Retirer « Son de ${title} »` })).toBeVisible();
	}
	await expectAccessible(member);
	await expect(member.getByText(/environ \d+ min à pied · 3 arrêts/)).toBeVisible();

	await member.getByRole('button', { name: 'Soumettre le parcours à la modération' }).click();
	await expect(member.getByText(/Soumis à la modération/)).toBeVisible();
	await expectAccessible(member);

	// Nothing is public before the moderators have read it.
	expect((await member.request.get(trailPath)).status()).toBe(404);
	expect(JSON.stringify(await (await member.request.get('/api/trails.geojson')).json())).not.toContain(slug);

	const moderator = await openPage({ storageState: await sessionOf('desk@example.org') });
	await serveTiles(moderator.context());
	await moderator.goto('/admin/moderation');
	await expectAccessible(moderator);
	await moderator.getByRole('link', { name: trailTitle }).click();
	await expectAccessible(moderator);
	await expect(moderator.getByText(`Le projet « ${projectTitle} » n’est pas encore public`)).toBeVisible();
	await expect(moderator.getByText('Le bruit de l’eau à La digue.')).toBeAttached();
	await moderator.getByRole('button', { name: 'Publier cette version' }).click();
	await expect(moderator.getByText('Publié ; le groupe est prévenu par courriel.')).toBeVisible();
	await expectAccessible(moderator);

	const visitor = await openPage();
	await serveTiles(visitor.context());
	await visitor.goto('/trails?theme=maritime');
	await expectAccessible(visitor);
	await expect(visitor.getByRole('link', { name: trailTitle })).toBeVisible();
	await expect(visitor.getByTestId('trails-map').locator('.leaflet-marker-icon').first()).toBeVisible();
	await visitor.getByRole('link', { name: trailTitle }).click();
	await expectAccessible(visitor);
	await expect(visitor.getByRole('heading', { level: 1, name: trailTitle })).toBeVisible();
	await expect(visitor.locator('audio')).toHaveCount(3);
	await expect(visitor.locator('.licence a[rel="license"]')).toHaveText('CC BY-SA 4.0');

	const geojson = await (await visitor.request.get('/api/trails.geojson')).json();
	const ours = geojson.features.filter(
		(feature: { properties: { slug?: string; trail?: string } }) =>
			feature.properties.slug === slug || feature.properties.trail === slug
	);
	expect(ours.map((feature: { geometry: { type: string } }) => feature.geometry.type)).toEqual([
		'LineString',
		'Point',
		'Point',
		'Point'
	]);
	expect(
		ours
			.slice(1)
			.map((feature: { properties: { order: number; title: string } }) => [
				feature.properties.order,
				feature.properties.title
			])
	).toEqual([
		[1, 'La cale'],
		[2, 'Le bassin'],
		[3, 'La digue']
	]);
});
