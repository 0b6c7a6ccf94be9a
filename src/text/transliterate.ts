// Cyrillic → Latin for names, so `Зеленский` can be compared with `Zelensky`
// by character n-grams. A plain BGN/PCGN-like table: good enough for matching,
// not a scholarly romanisation.

const TABLE: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y',
  к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f',
  х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
  // Ukrainian letters
  і: 'i', ї: 'yi', є: 'ye', ґ: 'g',
};

export function transliterate(ru: string): string {
  let out = '';
  for (const ch of ru) {
    const lower = ch.toLowerCase();
    const latin = TABLE[lower];
    if (latin === undefined) out += ch;
    else if (ch !== lower && latin) out += latin[0].toUpperCase() + latin.slice(1);
    else out += latin;
  }
  return out;
}
