import type { ApiSection, Json } from '../../openapi/schema';
import { REGISTER_CSV_HEADER } from './csv';

const localized: Json = {
	type: 'object',
	required: ['fr'],
	properties: { fr: { type: 'string' }, en: { type: 'string' } }
};
const uuid = { type: 'string', format: 'uuid' };
const nullable = (schema: Json): Json => ({ oneOf: [schema, { type: 'null' }] });
const cents = (description: string): Json => ({
	type: 'integer',
	description: `${description}, in euro cents`
});
const object = (properties: Record<string, Json>): Json => ({
	type: 'object',
	required: Object.keys(properties),
	properties
});

const award = object({
	id: uuid,
	programme: object({ slug: { type: 'string' }, kind: { type: 'string' }, title: localized }),
	institute: object({ slug: { type: 'string' }, name: localized }),
	applicant: nullable({
		type: 'string',
		description: "A group's name, or a person's when they agreed to it; null: a resident not named"
	}),
	applicantKind: { enum: ['group', 'person'] },
	title: { type: 'string' },
	awardedCents: nullable(cents('The amount awarded')),
	decidedAt: { type: 'string', format: 'date-time' },
	answers: {
		type: 'array',
		description:
			'Only the answers the applicant agreed to publish, labelled by the form version they answered',
		items: {
			type: 'object',
			required: ['key', 'kind', 'label', 'value'],
			properties: {
				key: { type: 'string' },
				kind: { type: 'string' },
				label: localized,
				value: { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
				options: { type: 'array', items: localized }
			}
		}
	}
});

const bounty = object({
	slug: { type: 'string' },
	title: localized,
	institute: object({ slug: { type: 'string' }, name: localized }),
	rewardCents: nullable(cents('The reward')),
	closesAt: nullable({ type: 'string', format: 'date-time' }),
	state: { enum: ['open', 'claimed', 'awarded'] }
});

const contribution = object({
	seq: { type: 'integer' },
	kind: { enum: ['contribution', 'reversal'] },
	amountCents: cents('Received (negative: a reversal)'),
	recordedAt: { type: 'string', format: 'date-time' },
	memo: { type: 'string' }
});

const pledge = object({
	id: uuid,
	business: { type: 'string' },
	programme: object({ slug: { type: 'string' }, title: localized }),
	kind: { enum: ['revenue_share', 'yearly_amount'] },
	shareBasisPoints: nullable({ type: 'integer', description: 'Hundredths of a percent (250 = 2.5 %)' }),
	yearlyCents: nullable(cents('The yearly amount')),
	commons: { type: 'string' },
	startsOn: { type: 'string', format: 'date' },
	endsOn: nullable({ type: 'string', format: 'date' }),
	contributions: { type: 'array', items: contribution },
	totalCents: cents('Contributions less their reversals')
});

const hash = { type: 'string', pattern: '^[0-9a-f]{64}$' };
const entry = object({
	seq: { type: 'integer' },
	id: uuid,
	recordedAt: { type: 'string', format: 'date-time' },
	kind: { enum: ['award', 'contribution', 'reversal'] },
	amountCents: cents('Signed amount'),
	party: { type: 'string' },
	memo: { type: 'string' },
	programme: nullable({ type: 'string', description: "The programme's slug" }),
	programmeId: nullable(uuid),
	applicationId: nullable(uuid),
	pledgeId: nullable(uuid),
	reversesSeq: nullable({ type: 'integer' }),
	recordedBy: nullable({ ...uuid, description: 'The staff account that recorded it (an opaque id)' }),
	prevHash: hash,
	hash
});

const register = object({
	generatedAt: { type: 'string', format: 'date-time' },
	awards: { type: 'array', items: award },
	bounties: { type: 'array', items: bounty },
	pledges: { type: 'array', items: pledge },
	ledger: object({
		entries: { type: 'array', items: entry },
		verified: { type: 'boolean' },
		head: nullable({ ...hash, description: 'The hash of the last entry, when the chain holds' }),
		altered: nullable(object({ seq: { type: 'integer' }, id: uuid, reason: { enum: ['hash', 'link'] } }))
	})
});

const HASH_RULE =
	"Each entry's `hash` is the SHA-256 (hex) of the JSON array `[id, recordedAt, kind, amountCents, programmeId, applicationId, pledgeId, reversesSeq, party, memo, recordedBy, prevHash]`; the first entry's `prevHash` is 64 zeros and each next one holds the hash of the entry before.";

/** The public register in /api/openapi.json. */
export function registerApi(): ApiSection {
	return {
		schemas: { Register: register },
		paths: {
			'/api/register.json': {
				get: {
					operationId: 'registerJson',
					tags: ['register'],
					summary:
						'The public register: awards and prizes, bounties, pledges and contributions, and the whole ledger',
					description: `Public, no sign-in; cached for a minute. Only accepted applications, with what their applicants agreed to publish. ${HASH_RULE}`,
					responses: {
						200: {
							description: 'The register',
							content: { 'application/json': { schema: { $ref: '#/components/schemas/Register' } } }
						}
					}
				}
			},
			'/api/register.csv': {
				get: {
					operationId: 'registerCsv',
					tags: ['register'],
					summary: 'The same register as one CSV table (RFC 4180, UTF-8)',
					description: `Columns: ${REGISTER_CSV_HEADER.join(', ')}. The \`type\` column is one of award, prize, bounty, pledge, ledger. Text starting with =, +, - or @ is prefixed with a quote so that spreadsheets do not run it.`,
					responses: {
						200: { description: 'The register', content: { 'text/csv': { schema: { type: 'string' } } } }
					}
				}
			}
		}
	};
}
