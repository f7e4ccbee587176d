import { ATTACHMENT_MAX_BYTES, chooseFiles, refusalOf, uploadOutcome } from './attachments';
import { formatFileSize } from './format';

const file = (name: string, size: number, lastModified = 1) => ({ name, size, lastModified });

describe('refusalOf', () => {
  it.each([
    [1, null],
    [ATTACHMENT_MAX_BYTES, null],
    [ATTACHMENT_MAX_BYTES + 1, 'too-large'],
    [0, 'empty'],
  ] as const)('a file of %d bytes: %s', (size, expected) => {
    expect(refusalOf({ size })).toBe(expected);
  });
});

describe('chooseFiles', () => {
  it('adds files that may go and says why the others may not', () => {
    const screenshot = file('screenshot.png', 48_213);
    const { chosen, refused } = chooseFiles(
      [screenshot],
      [
        file('log.txt', 120),
        file('dump.zip', ATTACHMENT_MAX_BYTES + 1),
        file('empty.txt', 0),
        file('screenshot.png', 48_213),
      ],
    );

    expect(chosen.map((item) => item.name)).toEqual(['screenshot.png', 'log.txt']);
    expect(refused).toEqual([
      { name: 'dump.zip', size: ATTACHMENT_MAX_BYTES + 1, reason: 'too-large' },
      { name: 'empty.txt', size: 0, reason: 'empty' },
      { name: 'screenshot.png', size: 48_213, reason: 'duplicate' },
    ]);
  });

  it('takes two files of the same name that differ', () => {
    const { chosen, refused } = chooseFiles([file('log.txt', 10, 1)], [file('log.txt', 10, 2)]);
    expect(chosen).toHaveLength(2);
    expect(refused).toEqual([]);
  });

  it('keeps the files chosen before untouched', () => {
    const before = [file('a.pdf', 5)];
    chooseFiles(before, [file('b.pdf', 6)]);
    expect(before).toEqual([file('a.pdf', 5)]);
  });
});

describe('uploadOutcome', () => {
  it.each([
    [[], 'none'],
    [['attached', 'uploading'], 'in-progress'],
    [['waiting'], 'in-progress'],
    [['attached', 'attached'], 'attached'],
    [['attached', 'failed'], 'partly-failed'],
  ] as const)('%j is %s', (states, expected) => {
    expect(uploadOutcome(states)).toBe(expected);
  });
});

describe('formatFileSize', () => {
  it.each([
    [512, 'en', '512 byte'],
    [48_213, 'en', '47.1 kB'],
    [ATTACHMENT_MAX_BYTES, 'en', '10 MB'],
    [ATTACHMENT_MAX_BYTES, 'ru', '10 МБ'],
  ] as const)('%d bytes in %s read “%s”', (bytes, language, expected) => {
    expect(formatFileSize(bytes, language).replace(/\u00a0/g, ' ')).toBe(expected);
  });
});
