import { MAX_ID_LENGTH } from './limits';

/**
 * An id within MAX_ID_LENGTH: a longer one keeps its start and ends in a hash of the whole, so two long ids that
 * differ only at their ends stay different.
 */
export function boundedId(id: string): string {
	if (id.length <= MAX_ID_LENGTH) return id;
	let h = 0x811c9dc5;
	for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193) >>> 0;
	return `${id.slice(0, MAX_ID_LENGTH - 9).replace(/[-_]+$/, '')}-${h.toString(16).padStart(8, '0')}`;
}
