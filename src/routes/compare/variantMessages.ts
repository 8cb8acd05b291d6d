/**
 * The what-if model's refusals (English, as `VariantError` words them for the CLI and tests) in Bahasa Indonesia.
 * Known message shapes are translated; anything else is shown as written, so no reason is ever lost.
 */

type Rule = [RegExp, (m: RegExpExecArray) => string];

const RULES: Rule[] = [
	[/^no agency "(.*)" in scenario "(.*)"$/, (m) => `tidak ada instansi "${m[1]}" di skenario "${m[2]}"`],
	[
		/^counters moved from "(.*)" to itself change nothing: choose another agency to move them to$/,
		(m) => `loket yang dipindah dari "${m[1]}" ke instansi itu sendiri tidak mengubah apa pun: pilih instansi tujuan lain`
	],
	[/^the number of counters to move must be a whole number of at least 1, got (.*)$/, (m) => `jumlah loket yang dipindah harus bilangan bulat paling sedikit 1 (sekarang: ${m[1]})`],
	[
		/^no counter serves only "(.*)": there is none to move \(a counter shared with another agency is never moved\)$/,
		(m) => `tidak ada loket yang hanya melayani "${m[1]}": tidak ada yang bisa dipindah (loket yang dipakai bersama instansi lain tidak pernah dipindah)`
	],
	[
		/^"(.*)" has only (\d+) counter\(s\) of its own \(serving only it\); cannot move (\d+)$/,
		(m) => `"${m[1]}" hanya punya ${m[2]} loket sendiri (yang hanya melayaninya); tidak bisa memindah ${m[3]}`
	],
	[/^the number of counters to (add|remove) must be a whole number, got (.*)$/, (m) => `jumlah loket yang ${m[1] === 'add' ? 'ditambah' : 'dikurangi'} harus bilangan bulat (sekarang: ${m[2]})`],
	[/^no counter serves only "(.*)": there is none to remove$/, (m) => `tidak ada loket yang hanya melayani "${m[1]}": tidak ada yang bisa dikurangi`],
	[/^only (\d+) counter\(s\) serve only "(.*)"; cannot remove (\d+)$/, (m) => `hanya ${m[1]} loket yang hanya melayani "${m[2]}"; tidak bisa mengurangi ${m[3]}`],
	[/^counter "(.*)" is the hall's last counter$/, (m) => `loket "${m[1]}" adalah loket terakhir di MPP`],
	[/^the demand factor must be a positive number, got (.*)$/, (m) => `faktor permintaan harus angka lebih dari 0 (sekarang: ${m[1]})`],
	[/^the service-time factor must be a positive number, got (.*)$/, (m) => `faktor waktu layanan harus angka lebih dari 0 (sekarang: ${m[1]})`],
	[/^a hall that never closes has no closing rule$/, () => 'MPP yang buka terus tidak punya aturan saat tutup'],
	[/^the result is not a valid scenario: (.*)$/s, (m) => `hasilnya bukan skenario yang sah: ${m[1]}`]
];

/** A what-if refusal in the reader's language ('id': translated when its shape is known; otherwise as written). */
export function variantMessage(message: string, lang: string): string {
	if (lang !== 'id') return message;
	for (const [re, make] of RULES) {
		const m = re.exec(message);
		if (m) return make(m);
	}
	return message;
}
