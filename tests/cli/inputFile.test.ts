/** Reading input files: a size cap, devices and pipes read safely, invalid UTF-8 named at its byte; their text shown safely. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { invalidUtf8At, readTextFile } from '../../src/cli/inputFile';
import { mpp, noTrace, root } from './mppProcess';

const tmp = () => mkdtempSync(join(tmpdir(), 'mpp-input-'));

describe('invalidUtf8At', () => {
	it('finds where the first invalid sequence starts, and -1 for valid text', () => {
		expect(invalidUtf8At(Buffer.from('Dukcapil — é ✓ 😀', 'utf8'))).toBe(-1);
		expect(invalidUtf8At(Uint8Array.of(0x61, 0xff, 0x62))).toBe(1);
		expect(invalidUtf8At(Uint8Array.of(0x61, 0xc3))).toBe(1); // cut inside a character
		expect(invalidUtf8At(Uint8Array.of(0xc0, 0xaf))).toBe(0); // overlong "/"
		expect(invalidUtf8At(Uint8Array.of(0xed, 0xa0, 0x80))).toBe(0); // a UTF-16 surrogate
		expect(invalidUtf8At(Uint8Array.of(0xf4, 0x90, 0x80, 0x80))).toBe(0); // past U+10FFFF
	});

	it('agrees with a strict decoder on any bytes (property)', () => {
		const strict = new TextDecoder('utf-8', { fatal: true });
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 24 }), (bytes) => {
				let valid = true;
				try {
					strict.decode(bytes);
				} catch {
					valid = false;
				}
				return (invalidUtf8At(bytes) === -1) === valid;
			})
		);
	});
});

describe('readTextFile', () => {
	it('refuses a file past the limit, and reads a device without growing forever', () => {
		const f = join(tmp(), 'big.json');
		writeFileSync(f, 'x'.repeat(2000));
		expect(() => readTextFile(f, 1000)).toThrow(/larger than/);
		expect(readTextFile(f, 2000)).toHaveLength(2000);
		expect(() => readTextFile('/dev/zero', 1 << 20)).toThrow(/larger than/);
	});

	it('mpp validate names the byte where a file stops being UTF-8 and exits 1', () => {
		const f = join(tmp(), 'latin1.json');
		writeFileSync(f, Buffer.concat([Buffer.from('{"name": "Pelayanan Terpadu '), Buffer.of(0xe9), Buffer.from('"}')]));
		const r = mpp('validate', f);
		expect(r.code).toBe(1);
		expect(r.stderr).toBe(`${f}: not UTF-8 text: byte 0xe9 at byte offset 28; save the file as UTF-8\n`);
		noTrace(r.stderr);
	});
});

describe('text from a scenario on a terminal', () => {
	it('shows control characters in a name as escapes, in the report and in errors, and keeps JSON exact', () => {
		const dir = tmp();
		const s = JSON.parse(readFileSync(join(root, 'scenarios/lebong.json'), 'utf8'));
		s.name = 'Lebong\u001b[2J\u001b]0;owned\u0007';
		const f = join(dir, 'escape.json');
		writeFileSync(f, JSON.stringify(s));
		const report = mpp('run', f, '--replications', '2');
		expect(report.code).toBe(0);
		expect(report.stdout).not.toMatch(/[\u001b\u0007]/);
		expect(report.stdout).toContain('Lebong\\x1b[2J\\x1b]0;owned\\x07');
		const json = mpp('run', f, '--replications', '2', '--json');
		expect(JSON.parse(json.stdout).name).toBe(s.name);
		s.counters[0].serves[0] = 'duk\u001bcapil';
		writeFileSync(f, JSON.stringify(s));
		const bad = mpp('validate', f);
		expect(bad.code).toBe(1);
		expect(bad.stderr).not.toMatch(/\u001b/);
		expect(bad.stderr).toContain('duk\\x1bcapil');
	});
});
