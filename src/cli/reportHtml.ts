/**
 * `mpp report`'s page: the app's own report components (src/lib/components/report) rendered on the server into
 * one self-contained HTML file — their styles inlined by the render, the charts inline SVG, no script and no
 * external URL — so the file opens offline and prints like the app's *Cetak / Simpan PDF*.
 */
import type { Component } from 'svelte';
import { render } from 'svelte/server';
import { get } from 'svelte/store';
import { _, locale } from 'svelte-i18n';
import '../lib/i18n';
import type { Lang } from '../lib/i18n';
import CompareReport from '../lib/components/report/CompareReport.svelte';
import RunReport from '../lib/components/report/RunReport.svelte';
import SizingReport from '../lib/components/report/SizingReport.svelte';

/** Which report, with the props its component takes. */
export type ReportInput =
	| { kind: 'run'; props: import('svelte').ComponentProps<typeof RunReport> }
	| { kind: 'compare'; props: import('svelte').ComponentProps<typeof CompareReport> }
	| { kind: 'size'; props: import('svelte').ComponentProps<typeof SizingReport> };

// The page outside the report: A4 with the margins the app's print stylesheet uses (src/app.css), white paper.
const PAGE_CSS = '@page { size: A4; margin: 14mm 12mm; } html, body { margin: 0; background: #fff; } body { padding: 8mm 0; } @media print { body { padding: 0; } }';

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** The whole HTML document of a report in the given language. */
export function reportHtml(input: ReportInput, lang: Lang): string {
	void locale.set(lang);
	const names = input.kind === 'run' ? [input.props.scenario.name] : input.kind === 'compare' ? input.props.scenarios.map((s: { name: string }) => s.name) : [input.props.result.scenario.name];
	const title = `${get(_)(`report.title.${input.kind}`)}: ${names.join(' — ')}`;
	const component = { run: RunReport, compare: CompareReport, size: SizingReport }[input.kind] as Component<Record<string, unknown>>;
	const { head, body } = render(component, { props: input.props as Record<string, unknown> });
	return [
		'<!doctype html>',
		`<html lang="${lang}">`,
		'<head>',
		'<meta charset="utf-8">',
		'<meta name="viewport" content="width=device-width, initial-scale=1">',
		`<title>${escapeHtml(title)}</title>`,
		`<style>${PAGE_CSS}</style>`,
		head,
		'</head>',
		`<body>${body}</body>`,
		'</html>',
		''
	].join('\n');
}
