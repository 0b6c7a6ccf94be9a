// How each side is shown: a colour (for marks and bars) and always its name
// next to it, so colour is never the only cue.
import type { Side } from '../corpus/types.js';

export const SIDE_ORDER: Side[] = ['us', 'ru', 'ua', 'eu', 'us-ua', 'mixed', 'unknown'];

export const SIDE_LABELS: Record<Side, string> = {
  us: 'United States',
  ru: 'Russia',
  ua: 'Ukraine',
  eu: 'Europe',
  'us-ua': 'US + Ukraine',
  mixed: 'Mixed',
  unknown: 'Unknown',
};

/** Colour-blind-safe palette (Okabe–Ito), one per side. */
export const SIDE_COLOURS: Record<Side, string> = {
  us: '#0072B2',
  ru: '#D55E00',
  ua: '#E69F00',
  eu: '#CC79A7',
  'us-ua': '#009E73',
  mixed: '#7f7f7f',
  unknown: '#bdbdbd',
};

export function sideLabel(side: string): string {
  return SIDE_LABELS[side as Side] ?? side;
}

export function sideColour(side: string): string {
  return SIDE_COLOURS[side as Side] ?? SIDE_COLOURS.unknown;
}
