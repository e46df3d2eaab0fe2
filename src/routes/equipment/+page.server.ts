import { app } from '$lib/server/app';
import { listCatalogue } from '$lib/server/lending/catalogue';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => ({ models: await listCatalogue(app().db) });
