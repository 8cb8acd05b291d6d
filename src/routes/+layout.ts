// Every page is prerendered: the site is static and all simulation runs in the browser.
// The i18n setup runs here so that messages exist before any page renders (prerender and browser alike).
import '$lib/i18n';

export const prerender = true;
export const ssr = true;
