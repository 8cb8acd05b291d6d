// simjs ships no types and exports nothing (it sets window.Sim); calendar.ts, its only importer, types what it uses.
declare module 'simjs';
