export { QueueEngine } from './engine';
export { defaultProfile } from './profiles';
export { engineConfigOf, configProblems } from './config';
export { Desk, type TicketAsk, type Booking } from './desk';
export { DeskError, type DeskTicket, type DeskTicketState, type DeskCounter, type DeskQueue, type DeskWaiting, type DeskSnapshot } from './deskViews';
export type { CounterView } from './counters';
export type * from './types';
