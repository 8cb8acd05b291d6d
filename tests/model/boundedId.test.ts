import { describe, expect, it } from 'vitest';
import { boundedId } from '../../src/lib/model/boundedId';

describe('boundedId', () => {
	it('leaves a short id alone and cuts a long one to 64 characters, keeping long ids that differ apart', () => {
		expect(boundedId('kecil-demand-x2')).toBe('kecil-demand-x2');
		const a = boundedId('x'.repeat(100) + 'a');
		const b = boundedId('x'.repeat(100) + 'b');
		expect(a.length).toBeLessThanOrEqual(64);
		expect(a).not.toBe(b);
		expect(a).toMatch(/^[A-Za-z0-9][A-Za-z0-9_-]*$/);
	});
});
