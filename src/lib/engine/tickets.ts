/** Ticket numbers per agency and day, … (more than 999 simply grows: A-1000). */
export class TicketNumbering {
	private readonly next: Int32Array;

	constructor(private readonly prefixes: readonly string[]) {
		this.next = new Int32Array(prefixes.length);
	}

	/** Starts a new day: every agency counts from 1 again. */
	reset(): void {
		this.next.fill(0);
	}

	/** The next number of agency `agencyIndex`. */
	issue(agencyIndex: number): string {
		const n = ++this.next[agencyIndex];
		const digits = n < 10 ? '00' + n : n < 100 ? '0' + n : String(n);
		return this.prefixes[agencyIndex] + '-' + digits;
	}
}
