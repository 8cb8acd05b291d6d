// Every page is prerendered: the site is static and all simulation runs in the browser.
export const prerender = true;
export const ssr = true;
