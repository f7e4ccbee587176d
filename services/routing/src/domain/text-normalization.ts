/** Lower case with ё read as е: Russian text is written both ways and people search both ways. */
export function normalizeText(text: string): string {
  return text.toLowerCase().replaceAll('ё', 'е');
}
