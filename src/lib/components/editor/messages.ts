/**
 * The model's validation messages (English, shared with the CLI) in Bahasa Indonesia. Known message shapes are
 * translated; anything else is shown as written, so no message is ever lost.
 */

type Rule = [RegExp, (m: RegExpExecArray) => string];

const KINDS: Record<string, string> = {
	'a number': 'angka',
	'a whole number': 'bilangan bulat',
	'a string': 'teks',
	'an object': 'objek',
	'an array': 'daftar',
	'true or false': 'benar atau salah',
	string: 'teks',
	number: 'angka',
	null: 'kosong (null)',
	array: 'daftar',
	object: 'objek',
	boolean: 'benar/salah',
	undefined: 'kosong'
};
const kind = (k: string) => KINDS[k] ?? k;

const RULES: Rule[] = [
	[/^required$/, () => 'wajib diisi'],
	[/^required: one of (.*)$/, (m) => `wajib diisi: salah satu dari ${m[1]}`],
	[/^required with calendar\.days$/, () => 'wajib diisi bila memakai hari dan jam buka'],
	[/^required with calendar\.continuousMinutes$/, () => 'wajib diisi pada mode terus-menerus'],
	[/^expected (.+?), got (.+)$/, (m) => `harus berupa ${kind(m[1])} (sekarang: ${kind(m[2])})`],
	[/^expected one of (.+); got (.+)$/, (m) => `harus salah satu dari ${m[1]} (sekarang: ${m[2]})`],
	[/^unknown field (.+)$/, (m) => `kolom tidak dikenal ${m[1]}`],
	[/^unknown distribution (.+) \((.+)\)$/, (m) => `jenis distribusi tidak dikenal ${m[1]} (${m[2]})`],
	[/^must be positive$/, () => 'harus lebih dari 0'],
	[/^must be positive for a duration$/, () => 'harus lebih dari 0 untuk sebuah durasi'],
	[/^must not be negative$/, () => 'tidak boleh negatif'],
	[/^must not be empty$/, () => 'tidak boleh kosong'],
	[/^must be a finite number$/, () => 'harus berupa angka'],
	[/^must have at least one entry$/, () => 'harus berisi paling sedikit satu'],
	[/^must have at least (\d+) entries$/, (m) => `harus berisi paling sedikit ${m[1]}`],
	[/^must have exactly (\d+) entr(?:y|ies)$/, (m) => `harus berisi tepat ${m[1]}`],
	[/^must have at most (\d+) entr(?:y|ies)$/, (m) => `paling banyak ${m[1]} isian`],
	[/^must be at least (.+)$/, (m) => `paling sedikit ${m[1]}`],
	[/^must be at most (.+)$/, (m) => `paling banyak ${m[1]}`],
	[/^must be greater than min \((.+)\)$/, (m) => `harus lebih besar dari minimum (${m[1]})`],
	[/^must not be less than min \((.+)\)$/, (m) => `tidak boleh kurang dari minimum (${m[1]})`],
	[/^must be between min and max \((.+)\)$/, (m) => `harus di antara minimum dan maksimum (${m[1]})`],
	[/^must be greater than (.+)$/, (m) => `harus lebih dari ${m[1]}`],
	[/^must be less than (.+)$/, (m) => `harus kurang dari ${m[1]}`],
	[/^must be a multiple of (.+)$/, (m) => `harus kelipatan ${m[1]}`],
	[/^a time of day is written "HH:MM" \(00:00–24:00\)(?:, got (.+))?$/, (m) => `jam ditulis "JJ:MM" (00:00–24:00)${m[1] ? `, sekarang ${m[1]}` : ''}`],
	[/^an id uses letters, digits, "-" and "_" and starts with a letter or digit(?:, got (.+))?$/, (m) =>
		`ID hanya memakai huruf, angka, "-" dan "_", diawali huruf atau angka${m[1] ? ` (sekarang ${m[1]})` : ''}`],
	[/^a ticket prefix is 1–3 capital letters(?:, got (.+))?$/, (m) => `awalan tiket berupa 1–3 huruf kapital${m[1] ? ` (sekarang ${m[1]})` : ''}`],
	[/^duplicate agency id "(.+)" \(also (.+)\)$/, (m) => `ID instansi "${m[1]}" dipakai dua kali (juga di ${m[2]})`],
	[/^duplicate ticket prefix "(.+)" \(also (.+)\): ticket numbers would clash$/, (m) => `awalan tiket "${m[1]}" dipakai dua kali (juga di ${m[2]}): nomor tiket akan bentrok`],
	[/^duplicate service id "(.+)" in agency "(.+)" \(also (.+)\)$/, (m) => `ID layanan "${m[1]}" dipakai dua kali di instansi "${m[2]}" (juga di ${m[3]})`],
	[/^duplicate counter id "(.+)" \(also (.+)\)$/, (m) => `ID loket "${m[1]}" dipakai dua kali (juga di ${m[2]})`],
	[/^"(.+)" is reserved: it means the priority class in work profiles$/, (m) => `"${m[1]}" adalah kata khusus: artinya kelas prioritas dalam profil kerja`],
	[/^no agency or service "(.*)"$/, (m) => `tidak ada instansi atau layanan "${m[1]}"`],
	[/^counter "(.+)" does not serve "(.+)" \(it serves (.+)\)$/, (m) => `loket "${m[1]}" tidak melayani "${m[2]}" (loket ini melayani ${m[3]})`],
	[/^all service weights of agency "(.+)" are zero: no visitor would come for it$/, (m) => `semua bobot layanan instansi "${m[1]}" nol: tidak akan ada pengunjung untuknya`],
	[/^no counter serves "(.+)": its tickets would wait until close or until visitors give up$/, (m) =>
		`tidak ada loket yang melayani "${m[1]}": tiketnya akan menunggu sampai tutup atau sampai pengunjung menyerah`],
	[/^counters (.+) serve "(.+)" but their work profiles only call its priority tickets$/, (m) =>
		`loket ${m[1]} melayani "${m[2]}" tetapi profil kerjanya hanya memanggil tiket prioritasnya`],
	[/^(shift|break) (\S+)–(\S+) must end after it starts$/, (m) => `${m[1] === 'shift' ? 'shift' : 'istirahat'} ${m[2]}–${m[3]} harus selesai setelah mulai`],
	[/^shift (\S+) starts before the hall opens \((.+)\)$/, (m) => `shift ${m[1]} mulai sebelum gedung buka (${m[2]})`],
	[/^shift (\S+) ends after the hall closes \((.+)\)$/, (m) => `shift ${m[1]} selesai setelah gedung tutup (${m[2]})`],
	[/^(shift|break) (\S+) overlaps (?:shift|break) (\S+) \((.+)\)$/, (m) => `${m[1] === 'shift' ? 'shift' : 'istirahat'} ${m[2]} bertumpang tindih dengan ${m[3]} (${m[4]})`],
	[/^break (\S+) is outside opening hours \((.+)\)$/, (m) => `istirahat ${m[1]} di luar jam buka (${m[2]})`],
	[/^the last ticket \((.+)\) must be after opening \((.+)\)$/, (m) => `tiket terakhir (${m[1]}) harus setelah jam buka (${m[2]})`],
	[/^the last ticket \((.+)\) is after closing \((.+)\)$/, (m) => `tiket terakhir (${m[1]}) setelah jam tutup (${m[2]})`],
	[/^the arrival rate must be positive$/, () => 'jumlah kedatangan harus lebih dari 0'],
	[/^all weights are zero: no visitor would arrive$/, () => 'semua bobot nol: tidak akan ada pengunjung yang datang'],
	[/^every simulated day has factor 0: no visitor would arrive$/, () => 'semua hari yang disimulasikan berfaktor 0: tidak akan ada pengunjung'],
	[/^the arrival profile \((.+)\) puts no weight between opening and the last ticket on any simulated day$/, (m) =>
		`profil kedatangan (${m[1]}) tidak memberi bobot antara jam buka dan tiket terakhir pada hari mana pun`],
	[/^a duration must be positive$/, () => 'durasi harus lebih dari 0'],
	[/^a duration cannot be negative$/, () => 'durasi tidak boleh negatif'],
	[/^a duration needs at least one positive value$/, () => 'durasi butuh paling sedikit satu nilai positif'],
	[/^the warm-up \((.+) min\) must be shorter than the run \(calendar\.continuousMinutes (.+)\)$/, (m) =>
		`pemanasan (${m[1]} menit) harus lebih pendek dari lama simulasi (${m[2]} menit)`],
	[/^not allowed with calendar\.continuousMinutes(.*)$/, () => 'tidak boleh dipakai pada mode terus-menerus'],
	[/^not allowed with calendar\.days(.*)$/, () => 'tidak boleh dipakai bila memakai hari dan jam buka (pakai jumlah pengunjung per hari dan profil)'],
	[/^line (\d+), column (\d+): (.+)$/, (m) => `baris ${m[1]}, kolom ${m[2]}: ${jsonSyntax(m[3])}`],
	[/^invalid JSON: (.+)$/, (m) => `JSON tidak sah: ${jsonSyntax(m[1])}`],
	[/^not a valid scenario$/, () => 'bukan skenario yang sah']
];

/** V8's JSON syntax messages (as the model passes them on, first letter lower-cased). */
const JSON_RULES: Rule[] = [
	[/^expected ',' or '}' after property value$/, () => "setelah nilai sebuah kolom harus ada ',' atau '}'"],
	[/^expected ',' or ']' after array element$/, () => "setelah isi daftar harus ada ',' atau ']'"],
	[/^expected property name or '}'$/, () => "di sini harus ada nama kolom (dalam tanda kutip) atau '}'"],
	[/^expected double-quoted property name$/, () => 'nama kolom harus di dalam tanda kutip ganda'],
	[/^expected ':' after property name$/, () => "setelah nama kolom harus ada ':'"],
	[/^unexpected end of JSON input$/, () => 'berkas berakhir sebelum JSON selesai'],
	[/^unterminated string in JSON$/, () => 'teks dalam tanda kutip tidak ditutup'],
	[/^bad control character in string literal$/, () => 'ada karakter kendali (mis. baris baru) di dalam teks'],
	[/^unexpected non-whitespace character after JSON$/, () => 'ada isi lain setelah JSON selesai'],
	[/^unexpected token '(.+)'$/, (m) => `tanda '${m[1]}' tidak diharapkan di sini`],
	[/^unexpected token (.+)$/, (m) => `tanda ${m[1]} tidak diharapkan di sini`]
];

function jsonSyntax(message: string): string {
	for (const [re, make] of JSON_RULES) {
		const m = re.exec(message);
		if (m) return make(m);
	}
	return message;
}

/** A model message in the given language ('id' translates known shapes; 'en' is as written). */
export function translateMessage(message: string, lang: string): string {
	if (lang !== 'id') return message;
	for (const [re, make] of RULES) {
		const m = re.exec(message);
		if (m) return make(m);
	}
	return message;
}
