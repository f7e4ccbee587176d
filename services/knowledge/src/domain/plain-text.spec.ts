import { excerpt, markdownToPlainText } from './plain-text';

describe('markdownToPlainText', () => {
  it.each([
    ['# Не работает VPN\n\nПроверьте **клиент**.', 'Не работает VPN\n\nПроверьте клиент.'],
    ['См. [инструкцию](https://wiki/vpn) и ![схема](x.png)', 'См. инструкцию и схема'],
    ['- один\n- два\n1. три', 'один\nдва\nтри'],
    ['> цитата', 'цитата'],
    ['```bash\nsudo systemctl restart vpn\n```', 'sudo systemctl restart vpn'],
    ['Команда `ipconfig /all`', 'Команда ipconfig /all'],
    ['<script>alert(1)</script>текст', 'alert(1) текст'],
    ['| a | b |\n|---|---|\n| 1 | 2 |', 'a b\n\n1 2'],
    ['_курсив_ и ~~зачёркнуто~~', 'курсив и зачёркнуто'],
    ['snake_case_name stays', 'snake_case_name stays'],
  ])('%j → %j', (markdown, text) => {
    expect(markdownToPlainText(markdown)).toBe(text);
  });
});

describe('excerpt', () => {
  it('keeps short text whole and flattens whitespace', () => {
    expect(excerpt('a\n\nb   c')).toBe('a b c');
  });

  it('cuts long text at a word boundary with an ellipsis', () => {
    expect(excerpt('слово '.repeat(100), 20)).toBe('слово слово слово…');
  });
});
