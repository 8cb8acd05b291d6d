/**
 * The words a log uses for a ticket's outcome, its channel, its priority and the weekday, in English, Indonesian and
 * the words of Qmatic and small "antrian" apps. Words compare loosely: case, surrounding spaces, and "_", "-" or
 * spaces between words do not matter ("No_Show" = "no-show" = "no show"). Each reader remembers the answers for the
 * words it has seen, so a million rows with a handful of distinct words cost a Map lookup each.
 */
import type { DayId } from '../model/scenario';
import type { LogOutcome } from './logRecord';

const OUTCOME_WORDS: Record<LogOutcome, readonly string[]> = {
	served: ['served', 'done', 'selesai', 'dilayani', 'finished', 'completed', 'complete', 'sudah dilayani'],
	abandoned: ['abandoned', 'cancelled', 'canceled', 'batal', 'dibatalkan', 'pergi', 'left', 'walked away'],
	'no-show': ['no show', 'noshow', 'skipped', 'skip', 'lewati', 'dilewati', 'tidak hadir'],
	'not-served': ['not served', 'unserved', 'tidak dilayani', 'belum dilayani'],
	waiting: ['waiting', 'menunggu', 'queued', 'antri']
};

const ONLINE_WORDS = ['online', 'daring', 'web', 'app', 'qr', 'mobile', 'booking', 'reservasi'];
const ONSITE_WORDS = ['onsite', 'on site', 'langsung', 'walk in', 'kiosk', 'offline', 'luring'];
const YES_WORDS = ['yes', 'true', '1', 'ya', 'y', 'prioritas', 'priority'];
const NO_WORDS = ['no', 'false', '0', 'tidak', 't', 'n', 'biasa', 'normal', 'reguler', 'regular'];

const WEEKDAY_WORDS: Record<DayId, readonly string[]> = {
	mon: ['mon', 'monday', 'senin', 'sen'],
	tue: ['tue', 'tues', 'tuesday', 'selasa', 'sel'],
	wed: ['wed', 'wednesday', 'rabu', 'rab'],
	thu: ['thu', 'thur', 'thurs', 'thursday', 'kamis', 'kam'],
	fri: ['fri', 'friday', 'jumat', "jum'at", 'jum at', 'jum'],
	sat: ['sat', 'saturday', 'sabtu', 'sab'],
	sun: ['sun', 'sunday', 'minggu', 'ahad', 'min']
};

/** A word in the form words are compared in: trimmed, lower case, runs of spaces, "_" and "-" as one space. */
export function looseWord(text: string): string {
	return text.trim().toLowerCase().replace(/[\s_-]+/g, ' ');
}

/** Memoised look-up of loose words in a table; at most MEMO_LIMIT distinct raw texts are remembered. */
class WordTable<T> {
	private readonly memo = new Map<string, T | null>();
	private readonly words = new Map<string, T>();
	constructor(entries: Iterable<[T, readonly string[]]>) {
		for (const [value, list] of entries) for (const w of list) this.words.set(looseWord(w), value);
	}
	/** The value of a word, or null when the word is not in the table. */
	get(text: string): T | null {
		const known = this.memo.get(text);
		if (known !== undefined) return known;
		const found = this.words.get(looseWord(text)) ?? null;
		if (this.memo.size < MEMO_LIMIT) this.memo.set(text, found);
		return found;
	}
}

// A log with junk in a word column would otherwise grow the memo by a row each.
const MEMO_LIMIT = 4096;

/** Reads a log's words. One per log read: its memo holds that log's spellings. */
export class LogWords {
	private readonly outcomes = new WordTable<LogOutcome>(Object.entries(OUTCOME_WORDS) as [LogOutcome, string[]][]);
	private readonly channels = new WordTable<boolean>([
		[true, ONLINE_WORDS],
		[false, ONSITE_WORDS]
	]);
	private readonly flags = new WordTable<boolean>([
		[true, YES_WORDS],
		[false, NO_WORDS]
	]);
	private readonly weekdays = new WordTable<DayId>(Object.entries(WEEKDAY_WORDS) as [DayId, string[]][]);

	/** The outcome a status word names; null for a word not known (the row is then rejected 'unknown-status'). */
	outcome(text: string): LogOutcome | null {
		return this.outcomes.get(text);
	}

	/** Whether a channel word means booked online (online/daring/web/app/qr); anything else counts as on site. */
	online(text: string): boolean {
		return this.channels.get(text) === true;
	}

	/** Whether a priority cell says yes (yes/true/1/ya/prioritas); anything else counts as no. */
	priority(text: string): boolean {
		return this.flags.get(text) === true;
	}

	/** The weekday a word names (English or Indonesian, full or short), or null. */
	weekday(text: string): DayId | null {
		return this.weekdays.get(text);
	}
}

/** Every outcome word the reader knows, for messages and docs. */
export function outcomeWords(): Record<LogOutcome, readonly string[]> {
	return OUTCOME_WORDS;
}
