/**
 * The rows of a log seen so far, by (day, service, ticket, issue time), to find exact repeats. A Set of joined
 * strings cost a third of a million-row read (a string built per row, the time formatted, a million strings for the
 * collector); this table keeps numbers in one typed array instead. The issue time is kept exactly (whole
 * milliseconds) and the day exactly (a table per day); the service id and ticket are kept as two independent
 * 32-bit hashes and the ticket's length, so two different rows with the same issue time are taken for one only if
 * both hashes collide (about 1 in 2^64).
 */

// A slot is four 32-bit numbers side by side (16 bytes: a probe costs one memory miss, not five): the issue time
// in ms + 2 (0 marks an empty slot; -1 + 2 for a row with no issue time), then the ticket's two hashes (one mixed
// with the service id), then the length of the ticket.
const STRIDE = 4;

/** Murmur3's finaliser: spreads a 32-bit number's bits. */
function mix(h: number): number {
	h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
	h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
	return h ^ (h >>> 16);
}

/**
 * The rows seen, a table per day. A log is nearly always in day order, so the table being filled is one day's
 * (a few thousand rows, in the processor's cache); one table for a million rows cost a memory miss per row.
 */
export class SeenRows {
	private readonly days = new Map<number, DayTable>();
	private lastDay = -1;
	private last: DayTable | null = null;

	/** Adds a row's key; false when the same key was added before (the row is a repeat). */
	add(day: number, service: number, ticket: string, issuedMinutes: number): boolean {
		if (day !== this.lastDay || this.last === null) {
			let table = this.days.get(day);
			if (table === undefined) this.days.set(day, (table = new DayTable()));
			this.last = table;
			this.lastDay = day;
		}
		return this.last.add(service, ticket, issuedMinutes);
	}
}

/** One day's row keys in one Int32Array (open addressing, linear probing, grown at half full). */
class DayTable {
	private capacity = 1 << 6;
	private size = 0;
	private table = new Int32Array(this.capacity * STRIDE);

	/** Adds a row's key; false when it was there. */
	add(service: number, ticket: string, issuedMinutes: number): boolean {
		let a = 0x9e3779b9 | 0;
		let b = mix(service + 0x7f4a7c15);
		for (let i = 0; i < ticket.length; i++) {
			const c = ticket.charCodeAt(i);
			a = Math.imul(a ^ c, 16777619);
			b = (Math.imul(b, 31) + c) | 0;
		}
		const time = (issuedMinutes === issuedMinutes ? Math.round(issuedMinutes * 60_000) : -1) + 2;
		const n = ticket.length;
		const t = this.table;
		const mask = this.capacity - 1;
		let s = mix(a ^ mix(b ^ time)) & mask;
		for (let o = s * STRIDE; t[o] !== 0; s = (s + 1) & mask, o = s * STRIDE) {
			if (t[o] === time && t[o + 1] === a && t[o + 2] === b && t[o + 3] === n) return false;
		}
		this.store(s * STRIDE, time, a, b, n);
		if (++this.size * 2 > this.capacity) this.grow();
		return true;
	}

	private store(o: number, time: number, a: number, b: number, n: number): void {
		const t = this.table;
		t[o] = time;
		t[o + 1] = a;
		t[o + 2] = b;
		t[o + 3] = n;
	}

	private grow(): void {
		const old = this.table;
		this.capacity *= 2;
		this.table = new Int32Array(this.capacity * STRIDE);
		const mask = this.capacity - 1;
		for (let o = 0; o < old.length; o += STRIDE) {
			if (old[o] === 0) continue;
			let s = mix(old[o + 1] ^ mix(old[o + 2] ^ old[o])) & mask;
			while (this.table[s * STRIDE] !== 0) s = (s + 1) & mask;
			this.store(s * STRIDE, old[o], old[o + 1], old[o + 2], old[o + 3]);
		}
	}
}
