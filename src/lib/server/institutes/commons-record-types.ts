/**
 * A person's or group's record on the portal, copied into an application when attached so the
 * evidence reviewers read does not change under them.
 */
export type CommonsRecord = {
	takenAt: string;
	trails: { slug: string; title: string; publishedAt: string | null; stops: number }[];
	media: { title: string; kind: 'audio' | 'video' | 'photo'; licence: string; trail: string | null }[];
	loans: { model: string; project: string; from: string; to: string }[];
	prizes: { programme: string; amountCents: number | null; decidedAt: string }[];
};
