import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown';

describe('renderMarkdown', () => {
	it('renders the Markdown a lesson uses', () => {
		const html = renderMarkdown(
			'## Le son\nUn **micro** _externe_.\n\n- un\n- deux\n\n![Un micro](/learn/mic.svg)\n\n[Guide](/learn)'
		);
		expect(html).toContain('<h2>Le son</h2>');
		expect(html).toContain('<strong>micro</strong> <em>externe</em>');
		expect(html).toContain('<ul>\n<li>un</li>');
		expect(html).toMatch(/<img src="\/learn\/mic.svg" alt="Un micro" loading="lazy" decoding="async" \/>/);
		expect(html).toContain('<a href="/learn">Guide</a>');
	});

	it('keeps headings below the page title', () => {
		expect(renderMarkdown('# Titre\n### Détail')).toBe('<h2>Titre</h2>\n<h3>Détail</h3>\n');
	});

	it('removes scripts, styles and event handlers, raw or in Markdown', () => {
		const html = renderMarkdown(
			[
				'<script>alert(1)</script>',
				'<style>body{display:none}</style>',
				'<img src="/x.png" onerror="alert(2)" alt="x">',
				'<p onclick="alert(3)" style="color:red" class="x" id="y">texte</p>',
				'<iframe src="https://evil.example"></iframe>',
				'<svg><script>alert(4)</script></svg>',
				'<form action="/logout"><button>Go</button></form>'
			].join('\n\n')
		);
		expect(html).not.toMatch(/script|alert|style|onerror|onclick|iframe|svg|form|button|class=|id=/i);
		expect(html).toContain('<p>texte</p>');
	});

	it('allows only safe link and media addresses', () => {
		const html = renderMarkdown(
			[
				'[a](javascript:alert(1))',
				'[b](JaVaScRiPt:alert(1))',
				'[c](&#106;avascript:alert(1))',
				'<a href="vbscript:msgbox(1)">d</a>',
				'<a href="data:text/html;base64,PHNjcmlwdD4=">e</a>',
				'![f](data:image/svg+xml;base64,PHN2Zz4=)',
				'![g](http://tracker.example/pixel.gif)',
				'<a href="//evil.example">h</a>',
				'<audio src="javascript:alert(1)"></audio>'
			].join('\n\n')
		);
		expect(html).not.toMatch(/javascript|vbscript|data:|tracker|evil/i);
		expect(html).toContain('>a</a>');
	});

	it('marks links to other sites and keeps safe ones', () => {
		const html = renderMarkdown(
			'[CC](https://creativecommons.org/licenses/by/4.0/deed.fr) [écrire](mailto:a@example.org) <a href="/learn" rel="author">ici</a>'
		);
		expect(html).toContain(
			'<a href="https://creativecommons.org/licenses/by/4.0/deed.fr" rel="noopener noreferrer nofollow">CC</a>'
		);
		expect(html).toContain('<a href="mailto:a@example.org">écrire</a>');
		expect(html).toContain('<a href="/learn">ici</a>');
	});

	it('embeds an audio player with its controls, loading nothing before play', () => {
		const html = renderMarkdown(
			'<figure><audio autoplay onplay="x()"><source src="/learn/test.ogg" type="audio/ogg"></audio><figcaption>Essai</figcaption></figure>\n\n<details><summary>Transcription</summary>\n\nLe texte.\n\n</details>'
		);
		expect(html).toContain(
			'<audio controls preload="none"><source src="/learn/test.ogg" type="audio/ogg" /></audio>'
		);
		expect(html).toContain('<figcaption>Essai</figcaption>');
		expect(html).toMatch(/<details><summary>Transcription<\/summary>\s*<p>Le texte.<\/p>\s*<\/details>/);
	});

	it('gives every image a text alternative', () => {
		expect(renderMarkdown('<img src="/deco.svg">')).toContain('alt=""');
	});

	it('escapes text that only looks like markup', () => {
		expect(renderMarkdown('`<b>` & 2 < 3')).toBe('<p><code>&lt;b&gt;</code> &amp; 2 &lt; 3</p>\n');
	});
});
