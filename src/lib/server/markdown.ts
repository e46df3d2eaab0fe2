import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

/**
 * Markdown written by people (lessons, later project descriptions) to HTML that is safe to put in
 * a page: Markdown first, then a sanitizer that keeps only the tags and attributes below. Raw HTML
 * in the source goes through the same filter, which is how a lesson embeds an audio player.
 */
const markdown = new Marked({ gfm: true, async: false });

/** The page's own title is the h1; a heading in the text is at least an h2 so headings stay in order. */
const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'] as const;
const TOP_LEVEL = 2;

const demoteHeading: sanitizeHtml.Transformer = (tagName, attribs) => ({
	tagName: `h${Math.max(Number(tagName.slice(1)), TOP_LEVEL)}`,
	attribs
});

const isExternal = (href: string | undefined) => !!href && /^(https?:)?\/\//i.test(href);

const policy: sanitizeHtml.IOptions = {
	allowedTags: [
		...HEADINGS,
		'p',
		'br',
		'hr',
		'strong',
		'em',
		'del',
		'code',
		'pre',
		'blockquote',
		'ul',
		'ol',
		'li',
		'a',
		'img',
		'figure',
		'figcaption',
		'audio',
		'video',
		'source',
		'details',
		'summary',
		'table',
		'thead',
		'tbody',
		'tr',
		'th',
		'td'
	],
	allowedAttributes: {
		a: ['href', 'title', 'rel', 'hreflang'],
		img: ['src', 'alt', 'title', 'width', 'height', 'loading', 'decoding'],
		audio: ['src', 'controls', 'preload'],
		video: ['src', 'controls', 'preload', 'width', 'height'],
		source: ['src', 'type'],
		ol: ['start'],
		th: ['align', 'scope'],
		td: ['align'],
		'*': ['lang']
	},
	// Relative links stay allowed (same site); everything else must be one of these schemes, so
	// no javascript:, data: or vbscript: URL survives, however it is spelled.
	allowedSchemes: ['https', 'http', 'mailto'],
	allowedSchemesByTag: { img: ['https'], audio: ['https'], video: ['https'], source: ['https'] },
	allowProtocolRelative: false,
	selfClosing: [...sanitizeHtml.defaults.selfClosing, 'source'],
	transformTags: {
		...Object.fromEntries(HEADINGS.map((tag) => [tag, demoteHeading])),
		// Someone else's site gets no referrer and no endorsement from the city.
		a: (tagName, attribs) => {
			const { rel: _rel, ...rest } = attribs;
			return {
				tagName,
				attribs: isExternal(attribs.href) ? { ...rest, rel: 'noopener noreferrer nofollow' } : rest
			};
		},
		// Every image has a text alternative (empty means decorative) and waits until it is near.
		img: (tagName, attribs) => ({
			tagName,
			attribs: { ...attribs, alt: attribs.alt ?? '', loading: 'lazy', decoding: 'async' }
		}),
		// Players always show their controls and download nothing before someone presses play.
		audio: (tagName, attribs) => ({ tagName, attribs: { ...attribs, controls: '', preload: 'none' } }),
		video: (tagName, attribs) => ({ tagName, attribs: { ...attribs, controls: '', preload: 'none' } })
	}
};

export function renderMarkdown(source: string): string {
	return sanitizeHtml(markdown.parse(source) as string, policy);
}
