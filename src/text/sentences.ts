// Sentence spans by Intl.Segmenter (ICU rules know "U.S." and "St." better than a regex).

export function sentences(text: string, language: string): { start: number; end: number }[] {
  const segmenter = new Intl.Segmenter(language || 'en', { granularity: 'sentence' });
  const spans: { start: number; end: number }[] = [];
  for (const s of segmenter.segment(text)) {
    const lead = s.segment.length - s.segment.trimStart().length;
    const trail = s.segment.length - s.segment.trimEnd().length;
    const start = s.index + lead;
    const end = s.index + s.segment.length - trail;
    if (end > start) spans.push({ start, end });
  }
  return spans;
}
