/** An error the CLI reports as its message alone (no stack trace) with an exit code. */
export class CliError extends Error {
	constructor(
		message: string,
		readonly exitCode = 1
	) {
		super(message);
		this.name = 'CliError';
	}
}
