/** `mpp report`'s options and its --lang parser: light, so mpp.ts can register the command without loading Svelte. */
import { InvalidArgumentError } from 'commander';
import type { Lang } from '../lib/i18n';

/** Options of `mpp report`. */
export interface ReportOptions {
	compare?: string;
	size?: boolean;
	/** People per waiting visitor, for the sizing report's waiting-room seats (default: seats.ts's assumed 1.5). */
	companions?: number;
	replications?: number;
	seed?: number;
	lang?: Lang;
	out: string;
	pdf?: string;
	workers?: number;
}

// The app's languages (src/lib/i18n LANGS), repeated here so parsing a flag does not load the dictionaries.
const REPORT_LANGS: readonly Lang[] = ['id', 'en'];

/** A commander parser for --lang: the languages the app speaks. */
export function langOption(value: string): Lang {
	const lang = REPORT_LANGS.find((l) => l === value);
	if (!lang) throw new InvalidArgumentError(`expected "id" or "en", got "${value}"`);
	return lang;
}
