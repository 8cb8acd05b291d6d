/** The current language as Svelte state, so formatting helpers called in templates re-run when it changes. */
import { locale } from 'svelte-i18n';

export const current = $state<{ lang: 'id' | 'en' }>({ lang: 'id' });

locale.subscribe((l) => {
	const lang = typeof l === 'string' && l.toLowerCase().startsWith('en') ? 'en' : 'id';
	if (current.lang !== lang) current.lang = lang;
});
