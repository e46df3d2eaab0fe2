import { eq } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import { recordAudit } from '../../audit/record';
import { authorize, type Actor } from '../../auth/permissions';
import type { Database } from '../../db/client';
import { InvalidInput, NotFound } from '../../errors';
import { parseInput } from '../../forms';
import { storePhoto, type PhotoStore } from '../../media/stored-photo';
import { equipmentModel } from '../equipment.table';
import { localizedOf } from './fields';
import { photoSchema } from './model-schemas';

/** Photos of models are public: served from /media/, under this prefix only. */
export const MODEL_PHOTO_PREFIX = 'models';
const publicPath = (key: string) => `/media/${key}`;

/** Adds a photo to a model's page, its type checked from its content and its location removed. */
export async function addModelPhoto(
	db: Database,
	actor: Actor | null,
	slug: string,
	input: unknown,
	media: PhotoStore
) {
	authorize(actor, 'inventory.manage');
	const request = parseInput(photoSchema, input);
	await storePhoto(media, MODEL_PHOTO_PREFIX, request.photo, (key) =>
		db.transaction(async (tx) => {
			const [model] = await tx
				.select()
				.from(equipmentModel)
				.where(eq(equipmentModel.slug, slug))
				.for('update');
			if (!model) throw new NotFound(m.model_not_found());
			const alt = localizedOf(request.altFr, request.altEn);
			const photo = { src: publicPath(key), alt };
			await tx
				.update(equipmentModel)
				.set({ photos: [...model.photos, photo] })
				.where(eq(equipmentModel.id, model.id));
			await recordAudit(tx, {
				actorId: actor.userId,
				action: 'model.photo_add',
				subjectType: 'equipment_model',
				subjectId: slug,
				after: photo
			});
		})
	);
}

/** Takes a photo off a model's page; an uploaded one is deleted from storage as well. */
export async function removeModelPhoto(
	db: Database,
	actor: Actor | null,
	slug: string,
	src: string,
	media: PhotoStore
) {
	authorize(actor, 'inventory.manage');
	const removed = await db.transaction(async (tx) => {
		const [model] = await tx.select().from(equipmentModel).where(eq(equipmentModel.slug, slug)).for('update');
		if (!model) throw new NotFound(m.model_not_found());
		const photo = model.photos.find((candidate) => candidate.src === src);
		if (!photo) throw new InvalidInput([{ path: 'src', message: m.model_photo_not_found() }]);
		await tx
			.update(equipmentModel)
			.set({ photos: model.photos.filter((candidate) => candidate !== photo) })
			.where(eq(equipmentModel.id, model.id));
		await recordAudit(tx, {
			actorId: actor.userId,
			action: 'model.photo_remove',
			subjectType: 'equipment_model',
			subjectId: slug,
			before: photo
		});
		return photo;
	});
	if (removed.src.startsWith(`/media/${MODEL_PHOTO_PREFIX}/`)) {
		await media.storage.remove(removed.src.slice('/media/'.length));
	}
}
