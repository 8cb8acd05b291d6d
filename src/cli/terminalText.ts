/**
 * Text from a user's files (names, echoed values) on its way to a terminal: control characters are shown as
 * escapes, so a scenario name cannot move the cursor, recolour the screen or hide a line. Newlines and tabs stay,
 * as the reports' own layout uses them. JSON output needs none of this: JSON.stringify escapes them itself.
 */
// C0 controls but tab and newline, DEL, and the C1 controls (ESC's 8-bit twins).
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** `text` with every control character but tab and newline written as \\xNN. */
export function printable(text: string): string {
	return text.replace(CONTROL, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
