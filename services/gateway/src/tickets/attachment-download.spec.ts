import { attachmentDisposition, downloadHeaders } from './attachment-download';

describe('attachmentDisposition', () => {
  it.each([
    ['report.pdf', `attachment; filename="report.pdf"; filename*=UTF-8''report.pdf`],
    [
      'Отчёт за май.docx',
      `attachment; filename="_____ __ ___.docx"; filename*=UTF-8''%D0%9E%D1%82%D1%87%D1%91%D1%82%20%D0%B7%D0%B0%20%D0%BC%D0%B0%D0%B9.docx`,
    ],
    [
      'quarterly "final" report.xlsx',
      `attachment; filename="quarterly _final_ report.xlsx"; filename*=UTF-8''quarterly%20%22final%22%20report.xlsx`,
    ],
    ['résumé.pdf', `attachment; filename="resume.pdf"; filename*=UTF-8''r%C3%A9sum%C3%A9.pdf`],
    [
      "it's (1) *new*.txt",
      `attachment; filename="it's (1) *new*.txt"; filename*=UTF-8''it%27s%20%281%29%20%2Anew%2A.txt`,
    ],
    [
      'C:\\logs\\vpn.log',
      `attachment; filename="C:_logs_vpn.log"; filename*=UTF-8''C%3A%5Clogs%5Cvpn.log`,
    ],
    ['😀.png', `attachment; filename="_.png"; filename*=UTF-8''%F0%9F%98%80.png`],
  ])('%s', (fileName, expected) => {
    expect(attachmentDisposition(fileName)).toBe(expected);
  });

  it('keeps CR and LF out of the header', () => {
    const header = attachmentDisposition('a\r\nSet-Cookie: x=1.txt');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header).toBe(
      `attachment; filename="a__Set-Cookie: x=1.txt"; filename*=UTF-8''a%0D%0ASet-Cookie%3A%20x%3D1.txt`,
    );
  });

  it('decodes back to the exact name', () => {
    const fileName = 'Скриншот ошибки VPN (2) — копия.png';
    const encoded = /filename\*=UTF-8''(.+)$/.exec(attachmentDisposition(fileName))?.[1];
    expect(decodeURIComponent(encoded ?? '')).toBe(fileName);
  });

  it('never sends an empty stand-in', () => {
    expect(attachmentDisposition('   ')).toMatch(/^attachment; filename="attachment"; /);
  });
});

describe('downloadHeaders', () => {
  it('saves the file under its own type and name, unsniffed, sandboxed and not shared', () => {
    expect(
      downloadHeaders(
        { fileName: 'Отчёт.pdf', contentType: 'application/pdf', sha256: 'ab'.repeat(32) },
        48213,
      ),
    ).toEqual({
      'Content-Type': 'application/pdf',
      'Content-Length': '48213',
      'Content-Disposition': attachmentDisposition('Отчёт.pdf'),
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Cache-Control': 'private, max-age=0',
      ETag: `"${'ab'.repeat(32)}"`,
    });
  });

  it('falls back to application/octet-stream for an unknown type', () => {
    expect(
      downloadHeaders({ fileName: 'x', contentType: '', sha256: 'a'.repeat(64) }, 1)[
        'Content-Type'
      ],
    ).toBe('application/octet-stream');
  });
});
