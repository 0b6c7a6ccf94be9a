// Which lexicon layers a run uses (PROVENANCE_LEXICON). Kept apart from the
// lexicon itself so the CLI can check the variable at start-up for free.

export type LayerName = 'glossary' | 'learned' | 'openrussian' | 'mueller7';
export const ALL_LAYERS: LayerName[] = ['glossary', 'learned', 'openrussian', 'mueller7'];

/** Layers named in PROVENANCE_LEXICON (comma-separated; "none" for none), else all. Throws on an unknown name. */
export function enabledLayers(env = process.env.PROVENANCE_LEXICON): LayerName[] {
  if (!env) return ALL_LAYERS;
  if (env.trim() === 'none') return [];
  const names = env.split(',').map((s) => s.trim()).filter(Boolean);
  for (const n of names) if (!ALL_LAYERS.includes(n as LayerName)) throw new Error(`PROVENANCE_LEXICON: "${n}" is not one of ${ALL_LAYERS.join(', ')} (or "none")`);
  return names as LayerName[];
}
