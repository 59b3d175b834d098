import type { NumberMention } from './types';
export function findEnNumbers(_text: string): NumberMention[] { return []; }
