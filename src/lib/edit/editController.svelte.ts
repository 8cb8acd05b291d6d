/**
 * The scenario editor's controller (/edit?ref=…): opens a scenario (a saved key or `shipped:<id>`) as a draft,
 * validates every edit with the same model code as the CLI (debounced), saves each valid change at once (the
 * first valid change to a shipped scenario saves a copy), keeps an invalid or unsaved draft for the tab, and
 * wires the undo/redo history (the buttons and Ctrl+Z / Ctrl+Y). Its state is Svelte state for the page, which
 * adds the markup, the translations and the DOM. Storage, drafts, clocks and messages come through
 * EditControllerOptions, so tests can run it without a browser.
 *
 * The page calls `noteEdit()` from an effect: it reads the whole draft, so the effect re-runs on every edit.
 */
import { tick, untrack } from 'svelte';
import { SvelteSet } from 'svelte/reactivity';
import type { EditorContext } from '../components/editor/context';
import { normaliseForEditing } from '../components/editor/draft';
import { editHistories, type EditHistories, type EditHistory } from '../components/editor/history';
import { translateMessage } from '../components/editor/messages';
import { groupByPath, topIndex } from '../components/editor/paths';
import { current } from '../i18n/current.svelte';
import { parseScenario, type ParseResult, type ScenarioError, type ScenarioInput } from '../model';
import { exportFileName, newRecord, originalRef, scenarioFileText, shippedIdOf, type SavedScenario } from '../stores/savedScenario';
import { DroppedResults } from './droppedResults';
import { defaultDrafts, defaultStore, type DraftStore, type EditControllerOptions, type EditStatus, type EditStore, type SaveState } from './editOptions';
import { renameEveryVersion, saveVersion } from './saving';
import { sectionErrorCount } from './sections';
import { inFormField, shortcutStep, type EditorKey, type HistoryStep } from './shortcuts';

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));
const lengthOf = (list: unknown) => (Array.isArray(list) ? list.length : -1);

export class EditController {
	status = $state<EditStatus>('loading');
	loadError = $state('');
	/** The scenario being edited: `shipped:<id>` until the first valid change, then its saved key. */
	ref = $state('');
	/** The working copy the sections edit. */
	draft = $state<ScenarioInput | undefined>();
	/** The model's verdict on the last validated version. */
	result = $state<ParseResult | undefined>();
	saveState = $state<SaveState>('unchanged');
	saveError = $state('');
	savedAt = $state<string | undefined>();
	copyNotice = $state('');
	/** The scenario this one is a copy of (a saved key or `shipped:<id>`), offered to compare with; none for an original. */
	original = $state<string | undefined>();
	/** The draft was an unsaved one this tab kept, not the saved version. */
	restoredDraft = $state(false);
	canUndo = $state(false);
	canRedo = $state(false);
	/** Agencies whose details are open and counters whose details are expanded, by index. */
	readonly openAgencies = new SvelteSet<number>();
	readonly expandedCounters = new SvelteSet<number>();

	shipped = $derived(shippedIdOf(this.ref) !== undefined);
	errors = $derived<ScenarioError[]>(this.inLanguage(this.result && !this.result.ok ? this.result.errors : []));
	warnings = $derived<ScenarioError[]>(this.inLanguage(this.result && this.result.ok ? this.result.warnings : []));
	errorMap = $derived(groupByPath(this.errors));
	warningMap = $derived(groupByPath(this.warnings));
	errorPaths = $derived(this.errors.map((e) => e.path));
	valid = $derived(this.result?.ok ?? true);
	/** What the editor's fields read (setEditorContext): errors and warnings by path. */
	readonly context: EditorContext;

	private readonly store: EditStore;
	private readonly drafts: DraftStore;
	private readonly histories: EditHistories;
	private readonly lang: () => string;
	private readonly now: () => number;
	private readonly date: () => Date;
	private readonly validateMs: number;
	/** The saved record (none for a shipped scenario until its first save). */
	private record: SavedScenario | undefined;
	/** JSON text of the last saved version (for a shipped scenario: as shipped). */
	private savedText = '';
	private pendingText = '';
	private validatedText = '';
	private timer: ReturnType<typeof setTimeout> | undefined;
	private saveChain: Promise<void> = Promise.resolve();
	/** Undo and redo over the draft (a new one for each scenario opened). */
	private history: EditHistory | undefined;
	/** Results a save dropped, kept so that an undo back to a version they describe brings them back. */
	private readonly dropped = new DroppedResults();
	private destroyed = false;

	constructor(private readonly opts: EditControllerOptions) {
		this.store = opts.store ?? defaultStore;
		this.drafts = opts.drafts ?? defaultDrafts;
		this.histories = opts.histories ?? editHistories;
		this.lang = opts.lang ?? (() => current.lang);
		this.now = opts.now ?? (() => performance.now());
		this.date = opts.date ?? (() => new Date());
		this.validateMs = opts.validateMs ?? 150;
		const self = this;
		this.context = {
			get errors() {
				return self.errorMap;
			},
			get warnings() {
				return self.warningMap;
			},
			get errorPaths() {
				return self.errorPaths;
			}
		};
	}

	/** Opens the scenario an address asks for (its `ref` parameter), unless it is the one already open. */
	navigate(wanted: string): void {
		if (wanted !== this.ref || this.status === 'loading') void this.load(wanted);
	}

	/** Opens a scenario by reference: its saved version, or the unsaved draft this tab kept of it. */
	async load(wanted: string): Promise<void> {
		this.flush();
		this.reset();
		if (wanted === '') {
			this.status = 'missing';
			return;
		}
		try {
			const opened = await this.store.openScenario(wanted);
			if (!opened) {
				this.ref = wanted;
				this.status = 'missing';
				return;
			}
			this.record = opened.record;
			this.ref = opened.key;
			this.original = this.record ? originalRef(this.record) : undefined;
			const json = normaliseForEditing(opened.json);
			this.savedText = JSON.stringify(json);
			this.savedAt = this.record?.savedAt;
			const start = this.keptDraftOr(json);
			this.validatedText = '';
			this.history = this.histories.open(this.ref, JSON.stringify(start));
			this.draft = start as ScenarioInput;
			this.saveState = this.restoredDraft ? 'pending' : this.record ? 'saved' : 'unchanged';
			this.status = 'ready';
		} catch (e) {
			this.loadError = errorText(e);
			this.status = 'failed';
		}
	}

	/** Every edit: a step of the history; validation (debounced) with the same model code as the CLI; a save when valid. */
	noteEdit(): void {
		if (!this.draft) return;
		const text = JSON.stringify(this.draft);
		untrack(() => {
			this.history?.record(text, this.now());
			this.syncHistory();
			this.schedule(text);
		});
	}

	/** Puts the draft one step back (or forward again); `noteEdit` validates and saves it like any other edit. */
	step(direction: HistoryStep): void {
		const text = direction === 'undo' ? this.history?.undo() : this.history?.redo();
		if (text !== undefined) {
			const next = JSON.parse(text) as ScenarioInput;
			// Open agencies and counters are kept by index: after a step that adds or removes one, the same indices
			// would open others, so everything folds instead.
			if (lengthOf(next.agencies) !== lengthOf(this.draft?.agencies)) this.openAgencies.clear();
			if (lengthOf(next.counters) !== lengthOf(this.draft?.counters)) this.expandedCounters.clear();
			this.draft = next;
		}
		this.syncHistory();
	}

	/** Ctrl+Z / Ctrl+Y (Ctrl+Shift+Z, ⌘ on a Mac) outside text fields, which keep their own undo while typing. */
	onKeydown(e: EditorKey): void {
		if (this.status !== 'ready' || inFormField(e.target)) return;
		const direction = shortcutStep(e);
		if (direction === undefined || !(direction === 'undo' ? this.canUndo : this.canRedo)) return;
		e.preventDefault();
		this.step(direction);
	}

	/** Goes back to the saved version, forgetting the kept draft. */
	discardDraft(): void {
		this.draft = JSON.parse(this.savedText) as ScenarioInput;
		this.drafts.keep(this.ref, undefined);
		this.restoredDraft = false;
	}

	closeCopyNotice(): void {
		this.copyNotice = '';
	}

	/**
	 * Gets the scenario ready to run: validates an edit still waiting for its debounce and waits for its save.
	 * 'invalid' when it has errors, 'error' when the save failed, 'ready' when `ref` can be run as it is shown.
	 */
	async prepareRun(): Promise<'ready' | 'invalid' | 'error'> {
		this.flush();
		if (!this.result?.ok) return 'invalid';
		await this.saveChain;
		return this.saveState === 'error' ? 'error' : 'ready';
	}

	/** The draft as a scenario file: its text and file name (undefined before a scenario is open). */
	exportFile(): { text: string; fileName: string } | undefined {
		if (!this.draft) return undefined;
		const json = $state.snapshot(this.draft);
		return { text: scenarioFileText(json), fileName: exportFileName(json) };
	}

	/** How many errors lie under the section's fields. */
	sectionErrors(prefixes: readonly string[]): number {
		return sectionErrorCount(this.errorPaths, prefixes);
	}

	/** Opens what hides the field at `path` (its agency, its counter's details); resolves once that is shown. */
	async reveal(path: string): Promise<void> {
		const a = topIndex(path, 'agencies');
		if (a !== undefined) this.openAgencies.add(a);
		const c = topIndex(path, 'counters');
		if (c !== undefined && /^counters\[\d+\]\.(serves|shifts|profile)/.test(path)) this.expandedCounters.add(c);
		await tick();
	}

	/** Validates at once an edit still waiting for its debounce (and so saves it when valid). */
	flush(): void {
		if (this.timer !== undefined) {
			clearTimeout(this.timer);
			this.timer = undefined;
			if (this.pendingText !== this.validatedText) this.validateNow();
		}
	}

	/** The page goes away: a valid edit still waiting for its debounce is saved. */
	dispose(): void {
		this.destroyed = true;
		this.flush();
	}

	private inLanguage(list: readonly ScenarioError[]): ScenarioError[] {
		const lang = this.lang();
		return list.map((e) => ({ ...e, message: translateMessage(e.message, lang) }));
	}

	private reset(): void {
		this.status = 'loading';
		this.restoredDraft = false;
		this.copyNotice = '';
		this.result = undefined;
		this.history = undefined;
		this.syncHistory();
		this.dropped.clear();
		this.openAgencies.clear();
		this.expandedCounters.clear();
	}

	/** The unsaved draft this tab kept of the open scenario when it differs from `json` (saved) and can be read, else `json`. */
	private keptDraftOr(json: unknown): unknown {
		const kept = this.drafts.load(this.ref);
		if (kept === undefined || kept === this.savedText) return json;
		try {
			const start: unknown = JSON.parse(kept);
			this.restoredDraft = true;
			return start;
		} catch {
			this.drafts.keep(this.ref, undefined);
			return json;
		}
	}

	private syncHistory(): void {
		this.canUndo = this.history?.canUndo ?? false;
		this.canRedo = this.history?.canRedo ?? false;
	}

	private schedule(text: string): void {
		this.pendingText = text;
		if (text === this.validatedText) return;
		if (text !== this.savedText && this.saveState !== 'invalid') this.saveState = 'pending';
		clearTimeout(this.timer);
		this.timer = setTimeout(() => this.validateNow(), this.validateMs);
	}

	private validateNow(): void {
		this.timer = undefined;
		const text = this.pendingText;
		this.validatedText = text;
		let json: unknown;
		try {
			json = JSON.parse(text);
		} catch {
			return;
		}
		this.result = parseScenario(json);
		if (text === this.savedText) {
			this.drafts.keep(this.ref, undefined);
			this.restoredDraft = false;
			this.saveState = this.record ? 'saved' : 'unchanged';
			return;
		}
		if (!this.result.ok) {
			this.drafts.keep(this.ref, text);
			this.saveState = 'invalid';
			return;
		}
		this.saveChain = this.saveChain
			.then(() => this.save(text))
			.catch((e: unknown) => {
				this.saveError = errorText(e);
				this.saveState = 'error';
			});
	}

	private async save(text: string): Promise<void> {
		if (text === this.savedText) return;
		const json = JSON.parse(text) as Record<string, unknown>;
		const now = this.date().toISOString();
		const fromShipped = shippedIdOf(this.ref);
		if (fromShipped !== undefined) await this.saveCopy(json, fromShipped, now);
		else {
			if (!this.record) throw new Error(`no saved scenario "${this.ref}"`);
			this.record = await saveVersion(this.store, this.dropped, { key: this.ref, record: this.record, savedText: this.savedText, json, now });
			this.savedText = text;
		}
		this.drafts.keep(this.ref, undefined);
		this.restoredDraft = false;
		this.savedAt = now;
		this.saveError = '';
		if (this.validatedText === this.savedText || JSON.stringify(this.draft) === this.savedText) this.saveState = 'saved';
		else if (this.result && !this.result.ok) this.saveState = 'invalid';
		else this.saveState = 'pending';
	}

	/** The first valid change to a shipped scenario makes a saved copy; the shipped one stays as it is. */
	private async saveCopy(json: Record<string, unknown>, fromShipped: string, now: string): Promise<void> {
		const shippedName = json.name;
		const name = `${typeof json.name === 'string' ? json.name : fromShipped} ${this.opts.t('editor.copySuffix')}`;
		json.name = name;
		const rec: SavedScenario = { ...newRecord(name, json, 'shipped', fromShipped), savedAt: now };
		await this.store.putSaved(rec);
		this.drafts.keep(this.ref, undefined);
		this.histories.rename(this.ref, rec.key);
		this.record = rec;
		this.ref = rec.key;
		this.original = originalRef(rec);
		this.savedText = JSON.stringify(json);
		if (this.draft && this.draft.name === shippedName) {
			// The copy's name is the app's doing, not a step to undo: every version in the history gets it too.
			if (this.history) renameEveryVersion(this.history, shippedName, name);
			this.draft.name = name;
		}
		if (!this.destroyed) {
			this.opts.onCopySaved?.(rec.key);
			this.copyNotice = this.opts.t('editor.copyCreated', { name });
		}
	}
}
