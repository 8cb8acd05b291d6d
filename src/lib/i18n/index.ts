/**
 * Internationalisation with svelte-i18n: Bahasa Indonesia first (also the fallback), English second.
 * Every JSON dictionary in `locales/<lang>/*.json` is merged into its language, so each part of the app can
 * keep its own file (common.json, results.json, …) without touching the others.
 */
import { addMessages, init, locale } from 'svelte-i18n';

/** The languages the app speaks, in the order the switch lists them. */
export const LANGS = ['id', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'id';
/** localStorage key that remembers the chosen language. */
export const LANG_STORAGE_KEY = 'mpp.lang';

type Dictionary = Parameters<typeof addMessages>[1];

const dictionaries = import.meta.glob<Dictionary>('./locales/*/*.json', { eager: true, import: 'default' });
for (const [path, dict] of Object.entries(dictionaries)) {
	const lang = /\/locales\/([^/]+)\//.exec(path)?.[1];
	if (lang) addMessages(lang, dict);
}

void init({ fallbackLocale: DEFAULT_LANG, initialLocale: DEFAULT_LANG });

/** True for a language code the app speaks. */
export function isLang(x: unknown): x is Lang {
	return typeof x === 'string' && (LANGS as readonly string[]).includes(x);
}

/** The language remembered in localStorage, or the default (browser only; the default elsewhere). */
export function storedLang(): Lang {
	try {
		const v = globalThis.localStorage?.getItem(LANG_STORAGE_KEY);
		return isLang(v) ? v : DEFAULT_LANG;
	} catch {
		return DEFAULT_LANG;
	}
}

/** Switches the language, remembers it and sets `<html lang>`. */
export function setLang(lang: Lang): void {
	void locale.set(lang);
	try {
		globalThis.localStorage?.setItem(LANG_STORAGE_KEY, lang);
	} catch {
		// Private mode or storage disabled: the switch still works for this page.
	}
	if (typeof document !== 'undefined') document.documentElement.lang = lang;
}

export { locale };
