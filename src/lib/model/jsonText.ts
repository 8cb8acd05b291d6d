/** JSON.parse whose syntax errors say where: "line 12, column 5: unexpected token …". */

/** A parsed JSON value, or a message naming the line and column of the first syntax error. */
export type JsonTextResult = { ok: true; value: unknown } | { ok: false; message: string };

/** Parses JSON text (a leading byte-order mark is ignored, as editors on Windows write one). */
export function parseJsonText(text: string): JsonTextResult {
	const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	try {
		return { ok: true, value: JSON.parse(body) };
	} catch (e) {
		const raw = e instanceof Error ? e.message : String(e);
		const pos = positionFromMessage(raw) ?? (/end of JSON input/i.test(raw) ? body.length : findSyntaxError(body));
		const what = lowerFirst(cleanMessage(raw));
		if (pos === undefined) return { ok: false, message: `invalid JSON: ${what}` };
		const { line, column } = lineColumn(body, pos);
		return { ok: false, message: `line ${line}, column ${column}: ${what}` };
	}
}

/** 1-based line and column of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
	let line = 1;
	let lineStart = 0;
	const end = Math.min(Math.max(offset, 0), text.length);
	for (let i = 0; i < end; i++) {
		if (text.charCodeAt(i) === 10) {
			line++;
			lineStart = i + 1;
		}
	}
	return { line, column: end - lineStart + 1 };
}

/** The offset in V8's "… in JSON at position N" messages. */
function positionFromMessage(message: string): number | undefined {
	const m = /at position (\d+)/.exec(message);
	return m ? Number(m[1]) : undefined;
}

/** V8's message without the position (we give line and column) and without its echo of the source text. */
function cleanMessage(message: string): string {
	return message
		.replace(/\s*in JSON at position \d+.*$/s, '')
		.replace(/\s*at position \d+.*$/s, '')
		.replace(/\s*\(line \d+ column \d+\)/, '')
		.replace(/, (?:\.\.\.)?"[\s\S]*" is not valid JSON$/, '')
		// A control character as the token would break the line: show it escaped ('\n').
		.replace(/^(Unexpected token ')([\u0000-\u001f])'/, (_, head: string, c: string) => `${head}${JSON.stringify(c).slice(1, -1)}'`)
		.trim();
}

function lowerFirst(s: string): string {
	return s.charAt(0).toLowerCase() + s.slice(1);
}

/**
 * Offset of the first JSON syntax error, for V8 messages that carry none ("Unexpected token 'x', "…" is not
 * valid JSON"). A small scanner of the JSON grammar; undefined if it finds nothing wrong.
 */
export function findSyntaxError(text: string): number | undefined {
	let i = 0;
	// Moves past the current character and passes `ok` on.
	const step = (ok: boolean): boolean => {
		i++;
		return ok;
	};
	const ws = () => {
		while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
	};
	// Each step returns false at the offending character, leaving `i` there.
	const value = (): boolean => {
		ws();
		const c = text[i];
		if (c === '{') return object();
		if (c === '[') return array();
		if (c === '"') return string();
		if (c === '-' || (c >= '0' && c <= '9')) return number();
		for (const word of ['true', 'false', 'null']) {
			if (text.startsWith(word, i)) {
				i += word.length;
				return true;
			}
		}
		// Point at the first character that departs from a literal the text began ("tru}" → at "}").
		for (const word of ['true', 'false', 'null']) {
			if (c === word[0]) {
				let k = 0;
				while (k < word.length && text[i + k] === word[k]) k++;
				i += k;
				return false;
			}
		}
		return false;
	};
	const object = (): boolean => {
		i++;
		ws();
		if (text[i] === '}') return step(true);
		for (;;) {
			ws();
			if (text[i] !== '"' || !string()) return false;
			ws();
			if (text[i] !== ':') return false;
			i++;
			if (!value()) return false;
			ws();
			if (text[i] === ',') i++;
			else if (text[i] === '}') return step(true);
			else return false;
		}
	};
	const array = (): boolean => {
		i++;
		ws();
		if (text[i] === ']') return step(true);
		for (;;) {
			if (!value()) return false;
			ws();
			if (text[i] === ',') i++;
			else if (text[i] === ']') return step(true);
			else return false;
		}
	};
	const string = (): boolean => {
		i++;
		while (i < text.length) {
			const c = text.charCodeAt(i);
			if (c === 34) return step(true);
			if (c < 32) return false;
			if (c === 92) {
				const e = text[i + 1];
				if (e === 'u') {
					if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
						i += 2;
						return false;
					}
					i += 6;
				} else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
				else return step(false);
			} else i++;
		}
		return false;
	};
	const number = (): boolean => {
		// Character by character, to stop exactly where the number goes wrong ("1e}" → at "}").
		const isDigit = () => text[i] >= '0' && text[i] <= '9';
		const digits = (): boolean => {
			if (!isDigit()) return false;
			while (isDigit()) i++;
			return true;
		};
		if (text[i] === '-') i++;
		if (text[i] === '0') i++;
		else if (!digits()) return false;
		if (text[i] === '.') {
			i++;
			if (!digits()) return false;
		}
		if (text[i] === 'e' || text[i] === 'E') {
			i++;
			if (text[i] === '+' || text[i] === '-') i++;
			if (!digits()) return false;
		}
		return true;
	};
	try {
		if (!value()) return i;
		ws();
		return i < text.length ? i : undefined;
	} catch {
		// Very deep nesting can overflow the stack here even though JSON.parse managed: no position then.
		return undefined;
	}
}
